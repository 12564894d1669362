// SPDX-License-Identifier: MIT
#include "GenericConnector.h"

#include "core/http/ResponseCheck.h"
#include "core/http/UrlJoin.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/LinkHeader.h"
#include "core/sources/connectors/common/NextPageUrl.h"
#include "core/time/TimeParse.h"

#include <QUrl>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

using nlohmann::json;

namespace {

enum class Scalar { Missing, Text, WrongType };

// The text of a scalar without copying strings: numbers and booleans are written to `buffer`.
// null counts as missing, as APIs use it for "not set".
Scalar scalarText(const json *value, std::string *buffer, std::string_view *text) {
    if (!value || value->is_null())
        return Scalar::Missing;
    if (value->is_string()) {
        *text = value->get_ref<const std::string &>();
        return Scalar::Text;
    }
    if (value->is_number_unsigned())
        *buffer = std::to_string(value->get<std::uint64_t>());
    else if (value->is_number_integer())
        *buffer = std::to_string(value->get<std::int64_t>());
    else if (value->is_number_float() || value->is_boolean())
        *buffer = value->dump();
    else
        return Scalar::WrongType;
    *text = *buffer;
    return Scalar::Text;
}

QString toQString(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

std::string_view mapped(const GenericField &field, std::string_view text) {
    if (field.values.empty())
        return text;
    const auto it = field.values.find(std::string(text));
    return it == field.values.end() ? text : std::string_view(it->second);
}

// Epoch seconds, or milliseconds when the number is too large to be seconds.
QDateTime epochTime(double value) {
    return parseEpoch(std::fabs(value) > 1e12 ? value / 1000.0 : value);
}

QDateTime timeFrom(const json &value) {
    if (value.is_number())
        return epochTime(value.get<double>());
    const std::string &text = value.get_ref<const std::string &>();
    QDateTime time = parseIsoUtc(text);
    if (time.isValid() || text.empty())
        return time;
    // Slack-style epoch strings: "1700000000.123456". from_chars, not strtod: the latter stops
    // at the '.' under a German LC_NUMERIC, which QCoreApplication sets.
    double number = 0;
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, number);
    return error == std::errc() && stop == end ? epochTime(number) : QDateTime();
}

void addPerson(const json &value, const std::string &key, QStringList *people) {
    const json *name = &value;
    if (value.is_object()) {
        const auto it = value.find(key);
        name = it == value.end() ? nullptr : &*it;
    }
    std::string buffer;
    std::string_view text;
    if (scalarText(name, &buffer, &text) == Scalar::Text && !text.empty())
        people->append(toQString(text));
}

// `path` with `name=value` set in its query (replacing an earlier value of that name).
QByteArray withQueryParam(const QByteArray &path, const QByteArray &name, const QByteArray &value) {
    const qsizetype mark = path.indexOf('?');
    QByteArray result = mark < 0 ? path : path.left(mark);
    QByteArrayList params;
    if (mark >= 0) {
        for (const QByteArray &param : path.mid(mark + 1).split('&')) {
            if (!param.isEmpty() && param != name && !param.startsWith(name + '='))
                params.append(param);
        }
    }
    params.append(name + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value)));
    return result + '?' + params.join('&');
}

} // namespace

GenericConnector::GenericConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_map(parseGenericConfig(this->config().raw, this->config().pointer))
    , m_write(parseGenericWrite(this->config().raw, this->config().pointer)) {}

HttpRequest GenericConnector::firstRequest() const {
    return makeRequest(m_map.path);
}

bool GenericConnector::mapItem(const json &entry, Item *item, QString *where,
                               QString *expected) const {
    std::string buffer;
    std::string_view text;
    const auto fail = [&](const GenericField &field, const char *what) {
        *where = field.path.text();
        *expected = QString::fromLatin1(what);
        return false;
    };
    // Reads an optional scalar field through its value map; false on a wrong type.
    const auto read = [&](const std::optional<GenericField> &field, QString *out) {
        if (!field)
            return true;
        switch (scalarText(field->path.resolve(entry), &buffer, &text)) {
        case Scalar::Missing:
            return true;
        case Scalar::Text:
            *out = toQString(mapped(*field, text));
            return true;
        case Scalar::WrongType:
            break;
        }
        return fail(*field, "a string or number");
    };

    if (scalarText(m_map.id.path.resolve(entry), &buffer, &text) != Scalar::Text || text.empty())
        return fail(m_map.id, "a string or number");
    item->id = toQString(text);
    if (scalarText(m_map.title.path.resolve(entry), &buffer, &text) != Scalar::Text)
        return fail(m_map.title, "a string");
    item->title = toQString(mapped(m_map.title, text));

    if (!read(m_map.state, &item->state) || !read(m_map.project, &item->project) ||
        !read(m_map.reason, &item->reason) || !read(m_map.raisedBy, &item->raisedBy) ||
        !read(m_map.url, &item->url) || !read(m_map.column, &item->column) ||
        !read(m_map.owner, &item->owner))
        return false;

    if (m_map.severity) {
        const Scalar kind = scalarText(m_map.severity->path.resolve(entry), &buffer, &text);
        if (kind == Scalar::WrongType)
            return fail(*m_map.severity, "a string or number");
        if (kind == Scalar::Text) {
            item->severity = severityFromText(toQString(mapped(*m_map.severity, text)));
            item->severity.raw = toQString(text); // the source's own word, shown when unknown
        }
    }

    // Reads an optional time field; false on a wrong type.
    const auto readTime = [&](const std::optional<GenericField> &field, QDateTime *out) {
        if (!field)
            return true;
        const json *value = field->path.resolve(entry);
        if (value && (value->is_string() || value->is_number()))
            *out = timeFrom(*value);
        else if (value && !value->is_null())
            return fail(*field, "an ISO 8601 string or epoch seconds/milliseconds");
        return true;
    };
    if (!readTime(m_map.createdAt, &item->createdAt) || !readTime(m_map.due, &item->due) ||
        !readTime(m_map.columnSince, &item->columnSince))
        return false;

    if (m_map.people) {
        const json *value = m_map.people->path.resolve(entry);
        if (value && value->is_array()) {
            for (const json &person : *value)
                addPerson(person, m_map.peopleKey, &item->people);
        } else if (value && !value->is_null()) {
            addPerson(*value, m_map.peopleKey, &item->people);
        }
    }

    if (item->url.isEmpty() && !m_map.urlTemplate.empty())
        item->url = renderUrlTemplate(entry);
    return true;
}

QString GenericConnector::renderUrlTemplate(const json &entry) const {
    // Values are percent-encoded except for URL delimiters, so "group/proj" stays a path.
    static const QByteArray keep = QByteArrayLiteral("/:@!$&'()*+,;=?#~");
    QString url;
    std::string buffer;
    std::string_view text;
    for (const GenericConfig::TemplatePart &part : m_map.urlTemplate) {
        if (!part.field) {
            url += part.literal;
        } else if (scalarText(part.field->resolve(entry), &buffer, &text) == Scalar::Text) {
            url += QString::fromLatin1(QUrl::toPercentEncoding(toQString(text), keep));
        }
    }
    return url;
}

ParsedPage GenericConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    if (!parseJsonBody(result, &root, &page.error))
        return page;
    const json *list = m_map.items.resolve(root);
    if (!list || !list->is_array()) {
        page.error = wrongShape(m_map.itemsText, QStringLiteral("an array of items"));
        return page;
    }
    const ItemKind kind = config().panel;
    page.items.reserve(list->size());
    QString where;
    QString expected;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json &entry = (*list)[i];
        const QString at = m_map.itemsText + QLatin1Char('/') + QString::number(i);
        // An entry that cannot be read is left out; the others still show.
        if (!entry.is_object()) {
            page.unreadable.add(at, QStringLiteral("an object"));
            continue;
        }
        Item item;
        item.kind = kind;
        item.source = config().name;
        if (!mapItem(entry, &item, &where, &expected)) {
            page.unreadable.add(at + where, expected);
            continue;
        }
        page.items.push_back(std::move(item));
    }
    // An empty page ends the walk even when the server still offers a next link.
    if (!list->empty()) {
        page.next = nextRequest(root, result, &page.error);
        if (!page.error.isEmpty())
            page.items.clear();
    }
    return page;
}

std::optional<HttpRequest> GenericConnector::nextRequest(const json &root, const HttpResult &result,
                                                         QString *error) const {
    switch (m_map.pagination) {
    case GenericPagination::None:
        return std::nullopt;
    case GenericPagination::Link: {
        const QByteArray next = findLinkByRel(result.headers, QByteArrayLiteral("next"));
        return next.isEmpty() ? std::nullopt : followUrl(next, error);
    }
    case GenericPagination::NextUrl:
    case GenericPagination::Cursor:
        break;
    }
    std::string buffer;
    std::string_view text;
    const json *found = m_map.next.resolve(root);
    Scalar kind = scalarText(found, &buffer, &text);
    if (kind == Scalar::Text && m_map.pagination == GenericPagination::NextUrl &&
        !found->is_string())
        kind = Scalar::WrongType; // a number is a fine cursor but never a URL
    if (kind == Scalar::WrongType) {
        *error = wrongShape(m_map.next.text(), m_map.pagination == GenericPagination::NextUrl
                                                   ? QStringLiteral("a URL string or null")
                                                   : QStringLiteral("a cursor string or null"));
        return std::nullopt;
    }
    if (kind == Scalar::Missing || text.empty())
        return std::nullopt;
    const QByteArray value(text.data(), static_cast<qsizetype>(text.size()));
    if (m_map.pagination == GenericPagination::NextUrl)
        return followUrl(value, error);
    return makeRequest(withQueryParam(m_map.path, m_map.param, value));
}

std::optional<HttpRequest> GenericConnector::followUrl(const QByteArray &urlOrPath,
                                                       QString *error) const {
    const QByteArray url = resolveNextPageUrl(joinUrl(config().url, m_map.path), urlOrPath, error);
    if (url.isEmpty())
        return std::nullopt;
    return makeRequest(url);
}

bool GenericConnector::supportsWrite(WriteKind kind) const {
    return m_write &&
           std::find(m_write->kinds.cbegin(), m_write->kinds.cend(), kind) != m_write->kinds.cend();
}

HttpRequest GenericConnector::writeRequest(const WriteAction &action) const {
    // Path placeholders are percent-encoded whole: an id never adds a path segment.
    const QByteArray path =
        fillPlaceholders(QString::fromUtf8(m_write->path), action, Placeholders::PercentEncoded)
            .toUtf8();
    HttpRequest request = makeRequest(path);
    request.headers.append(m_write->headers);
    setJsonBody(&request, renderGenericBody(m_write->body, action), m_write->method,
                m_write->contentType);
    return request;
}

WriteOutcome GenericConnector::parseWriteResult(const WriteAction &action,
                                                const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted || !m_write || (!m_write->createdId && !m_write->createdUrl))
        return outcome;
    const json answer = json::parse(result.body.constData(),
                                    result.body.constData() + result.body.size(), nullptr, false);
    std::string buffer;
    std::string_view text;
    if (m_write->createdId &&
        scalarText(m_write->createdId->resolve(answer), &buffer, &text) == Scalar::Text)
        outcome.createdId = toQString(text);
    if (m_write->createdUrl &&
        scalarText(m_write->createdUrl->resolve(answer), &buffer, &text) == Scalar::Text)
        outcome.createdUrl = toQString(text);
    return outcome;
}
