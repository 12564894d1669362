// SPDX-License-Identifier: MIT
#include "FieldReader.h"

#include "core/http/ResponseCheck.h"
#include "core/time/TimeParse.h"

using nlohmann::json;

namespace {

QString pointerOf(const QString &at, std::string_view key) {
    return at + QLatin1Char('/') + utf8ToQString(key);
}

} // namespace

void FieldReader::fail(const QString &pointer, const QString &expected) {
    if (!ok())
        return;
    m_pointer = pointer;
    m_expected = expected;
}

QString FieldReader::error() const {
    return ok() ? QString() : wrongShape(m_pointer, m_expected);
}

void FieldReader::reset() {
    m_pointer.clear();
    m_expected.clear();
}

const json *FieldReader::member(const json &parent, std::string_view key) const {
    const json *value = jsonMember(&parent, key);
    return value && !value->is_null() ? value : nullptr;
}

const json *FieldReader::object(const json &parent, const QString &at, std::string_view key) {
    const json *value = member(parent, key);
    if (value && !value->is_object()) {
        fail(pointerOf(at, key), QStringLiteral("an object"));
        return nullptr;
    }
    return value;
}

const json *FieldReader::array(const json &parent, const QString &at, std::string_view key) {
    const json *value = member(parent, key);
    if (value && !value->is_array()) {
        fail(pointerOf(at, key), QStringLiteral("an array"));
        return nullptr;
    }
    return value;
}

QString FieldReader::string(const json &parent, const QString &at, std::string_view key,
                            bool required) {
    const json *value = member(parent, key);
    if (value && value->is_string()) {
        if (required && value->get_ref<const std::string &>().empty())
            fail(pointerOf(at, key), QStringLiteral("a non-empty string"));
        return utf8ToQString(value->get_ref<const std::string &>());
    }
    if (value || required)
        fail(pointerOf(at, key), QStringLiteral("a string"));
    return {};
}

QDateTime FieldReader::time(const json &parent, const QString &at, std::string_view key) {
    const QString text = string(parent, at, key);
    if (text.isEmpty())
        return {};
    const QDateTime time = parseIsoUtc(text.toStdString());
    if (!time.isValid())
        fail(pointerOf(at, key), QStringLiteral("an ISO 8601 time"));
    return time;
}

QString FieldReader::id(const json &parent, const QString &at, std::string_view key) {
    const json *value = member(parent, key);
    if (value && value->is_string() && !value->get_ref<const std::string &>().empty())
        return utf8ToQString(value->get_ref<const std::string &>());
    if (value && value->is_number_unsigned())
        return QString::number(value->get<std::uint64_t>());
    if (value && value->is_number_integer())
        return QString::number(value->get<std::int64_t>());
    fail(pointerOf(at, key), QStringLiteral("a string or an integer"));
    return {};
}

QStringList FieldReader::names(const json &parent, const QString &at, std::string_view key,
                               std::initializer_list<std::string_view> nameKeys) {
    QStringList list;
    const json *values = array(parent, at, key);
    if (!values)
        return list;
    for (std::size_t i = 0; i < values->size(); ++i) {
        const json &value = (*values)[i];
        if (value.is_string()) {
            if (!value.get_ref<const std::string &>().empty())
                list.append(utf8ToQString(value.get_ref<const std::string &>()));
            continue;
        }
        if (!value.is_object()) {
            fail(pointerOf(at, key) + QLatin1Char('/') + QString::number(i),
                 QStringLiteral("a string or an object"));
            return {};
        }
        for (std::string_view nameKey : nameKeys) {
            const json *name = member(value, nameKey);
            if (name && name->is_string() && !name->get_ref<const std::string &>().empty()) {
                list.append(utf8ToQString(name->get_ref<const std::string &>()));
                break;
            }
        }
    }
    return list;
}

void mapEntries(const json &array, const QString &prefix, const SourceConfig &config,
                const EntryMapper &map, ParsedPage *page,
                const std::function<bool(const json &)> &skip) {
    FieldReader read;
    page->items.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        const json &entry = array[i];
        if (skip && skip(entry)) {
            ++page->skipped;
            continue;
        }
        const QString at = prefix + QLatin1Char('/') + QString::number(i);
        Item item;
        item.kind = config.panel;
        item.source = config.name;
        if (!entry.is_object())
            read.fail(at, QStringLiteral("an object"));
        else if (map(entry, at, &item, &read) && read.ok())
            page->items.push_back(std::move(item));
        if (!read.ok()) {
            page->unreadable.add(read.pointer(), read.expected());
            read.reset();
        }
    }
}

const json *itemArray(const HttpResult &result, std::string_view key, json *root, QString *error) {
    if (!parseJsonBody(result, root, error))
        return nullptr;
    const json *list = root;
    if (!key.empty()) {
        const auto it = root->is_object() ? root->find(key) : root->end();
        list = root->is_object() && it != root->end() ? &*it : nullptr;
    }
    if (!list || !list->is_array()) {
        *error = wrongShape(key.empty() ? QString() : pointerOf(QString(), key),
                            QStringLiteral("an array of items"));
        return nullptr;
    }
    return list;
}

json jsonOrNull(const HttpResult &result) {
    json root;
    QString error;
    return parseJsonBody(result, &root, &error) ? root : json();
}
