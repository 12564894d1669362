// SPDX-License-Identifier: MIT
#include "JsonStream.h"

#include "core/http/ResponseCheck.h"

namespace {

using json = nlohmann::json;

// Forwards every event and counts depth, so each reader gets the nesting limit and the parse
// error wording for free.
class GuardedHandler final : public JsonSaxHandler {
public:
    GuardedHandler(JsonSaxHandler *inner, QString *error)
        : m_inner(inner)
        , m_error(error) {}

    bool null() override { return m_inner->null(); }
    bool boolean(bool value) override { return m_inner->boolean(value); }
    bool number_integer(number_integer_t value) override { return m_inner->number_integer(value); }
    bool number_unsigned(number_unsigned_t value) override {
        return m_inner->number_unsigned(value);
    }
    bool number_float(number_float_t value, const string_t &text) override {
        return m_inner->number_float(value, text);
    }
    bool string(string_t &value) override { return m_inner->string(value); }
    bool binary(binary_t &value) override { return m_inner->binary(value); }
    bool start_object(std::size_t size) override { return enter() && m_inner->start_object(size); }
    bool key(string_t &value) override { return m_inner->key(value); }
    bool end_object() override {
        --m_depth;
        return m_inner->end_object();
    }
    bool start_array(std::size_t size) override { return enter() && m_inner->start_array(size); }
    bool end_array() override {
        --m_depth;
        return m_inner->end_array();
    }
    bool parse_error(std::size_t position, const std::string &,
                     const nlohmann::detail::exception &) override {
        *m_error = jsonParseErrorText(position);
        return false;
    }

private:
    bool enter() {
        if (++m_depth <= maxJsonDepth)
            return true;
        *m_error = jsonTooDeepText();
        return false;
    }

    JsonSaxHandler *m_inner;
    QString *m_error;
    int m_depth = 0;
};

} // namespace

bool parseJsonStream(const HttpResult &result, JsonSaxHandler *handler, QString *error) {
    if (const QString html = htmlInsteadOfJson(result.body); !html.isEmpty()) {
        *error = html;
        return false;
    }
    GuardedHandler guard(handler, error);
    const char *begin = result.body.constData();
    return json::sax_parse(begin, begin + result.body.size(), &guard);
}
