// SPDX-License-Identifier: MIT
#include "GenericConfig.h"

#include "core/config/ConfigError.h"

#include <algorithm>
#include <iterator>

namespace {

using nlohmann::json;

QString q(const std::string &s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

JsonPath pointerValue(const json &value, const QString &where, const QString &example) {
    JsonPath path;
    if (!value.is_string() || !JsonPath::parse(value.get_ref<const std::string &>(), &path)) {
        throw ConfigError(
            where, QStringLiteral("expected a JSON pointer string such as \"%1\"").arg(example));
    }
    return path;
}

std::optional<GenericField> optionalField(const json &fields, const char *name,
                                          const QString &where) {
    const auto it = fields.find(name);
    if (it == fields.end())
        return std::nullopt;
    const QString key = QString::fromLatin1(name);
    GenericField field;
    field.path = pointerValue(*it, where + QLatin1Char('/') + key, QLatin1Char('/') + key);
    return field;
}

GenericField requiredField(const json &fields, const char *name, const QString &where) {
    std::optional<GenericField> field = optionalField(fields, name, where);
    if (!field) {
        const QString key = QString::fromLatin1(name);
        throw ConfigError(
            where + QLatin1Char('/') + key,
            QStringLiteral("expected a JSON pointer string such as \"/%1\"").arg(key));
    }
    return std::move(*field);
}

const char *const knownFields[] = {"id",     "title",    "state",        "created_at", "people",
                                   "url",    "severity", "project",      "reason",     "raised_by",
                                   "column", "due",      "column_since", "owner"};

// The fields a "values" map may apply to; nullptr when not one or not configured.
GenericField *mappableField(GenericConfig &c, const std::string &name) {
    if (name == "title")
        return &c.title;
    std::optional<GenericField> *slot = nullptr;
    if (name == "state")
        slot = &c.state;
    else if (name == "severity")
        slot = &c.severity;
    else if (name == "project")
        slot = &c.project;
    else if (name == "reason")
        slot = &c.reason;
    else if (name == "raised_by")
        slot = &c.raisedBy;
    else if (name == "column")
        slot = &c.column;
    return slot && *slot ? &**slot : nullptr;
}

void readValueMaps(const json &source, const QString &pointer, GenericConfig &c) {
    const auto it = source.find("values");
    if (it == source.end())
        return;
    const QString where = pointer + QStringLiteral("/values");
    if (!it->is_object()) {
        throw ConfigError(where, QStringLiteral("expected an object of value maps such as "
                                                "{\"severity\":{\"P1\":\"critical\"}}"));
    }
    for (const auto &[name, map] : it->items()) {
        const QString mapWhere = where + QLatin1Char('/') + q(name);
        GenericField *field = mappableField(c, name);
        if (!field) {
            throw ConfigError(
                mapWhere, QStringLiteral("expected the name of a configured field among state, "
                                         "severity, title, project, reason, raised_by, column"));
        }
        if (!map.is_object())
            throw ConfigError(mapWhere,
                              QStringLiteral("expected an object such as {\"P1\":\"critical\"}"));
        for (const auto &[from, to] : map.items()) {
            if (!to.is_string()) {
                throw ConfigError(mapWhere + QLatin1Char('/') + q(from),
                                  QStringLiteral("expected a string"));
            }
            field->values.emplace(from, to.get<std::string>());
        }
    }
}

void readUrlTemplate(const json &source, const json &fields, const QString &pointer,
                     GenericConfig &c) {
    const auto it = source.find("url_template");
    if (it == source.end())
        return;
    const QString where = pointer + QStringLiteral("/url_template");
    if (!it->is_string()) {
        throw ConfigError(where, QStringLiteral("expected a string such as "
                                                "\"https://desk.example/tickets/{{id}}\""));
    }
    const QString text = q(it->get_ref<const std::string &>());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            throw ConfigError(where, QStringLiteral("expected \"}}\" after \"{{\""));
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        const auto field = fields.find(name.toStdString());
        if (name == QLatin1String("people_key") || field == fields.end()) {
            throw ConfigError(where, QStringLiteral("expected {{name}} to name a configured field "
                                                    "under \"fields\": {{%1}} is not one")
                                         .arg(name));
        }
        c.urlTemplate.push_back({text.mid(pos, open - pos), std::nullopt});
        c.urlTemplate.push_back(
            {QString(), pointerValue(*field, pointer + QStringLiteral("/fields/") + name,
                                     QLatin1Char('/') + name)});
        pos = close + 2;
    }
    if (pos < text.size())
        c.urlTemplate.push_back({text.mid(pos), std::nullopt});
}

void readPagination(const json &source, const QString &pointer, GenericConfig &c) {
    const auto it = source.find("pagination");
    if (it == source.end())
        return;
    const QString where = pointer + QStringLiteral("/pagination");
    if (!it->is_object()) {
        throw ConfigError(where, QStringLiteral("expected an object such as "
                                                "{\"style\":\"link\"}"));
    }
    const auto style = it->find("style");
    const std::string name =
        style != it->end() && style->is_string() ? style->get<std::string>() : std::string();
    if (name == "none")
        c.pagination = GenericPagination::None;
    else if (name == "link")
        c.pagination = GenericPagination::Link;
    else if (name == "next_url")
        c.pagination = GenericPagination::NextUrl;
    else if (name == "cursor")
        c.pagination = GenericPagination::Cursor;
    else
        throw ConfigError(
            where + QStringLiteral("/style"),
            QStringLiteral("expected one of \"none\", \"link\", \"next_url\", \"cursor\""));

    if (c.pagination == GenericPagination::NextUrl || c.pagination == GenericPagination::Cursor) {
        const auto next = it->find("next");
        const QString example = c.pagination == GenericPagination::Cursor
                                    ? QStringLiteral("/meta/next_cursor")
                                    : QStringLiteral("/links/next");
        if (next == it->end()) {
            throw ConfigError(
                where + QStringLiteral("/next"),
                QStringLiteral("expected a JSON pointer string such as \"%1\"").arg(example));
        }
        c.next = pointerValue(*next, where + QStringLiteral("/next"), example);
    }
    if (c.pagination == GenericPagination::Cursor) {
        const auto param = it->find("param");
        if (param == it->end() || !param->is_string() ||
            param->get_ref<const std::string &>().empty()) {
            throw ConfigError(where + QStringLiteral("/param"),
                              QStringLiteral("expected the cursor's query parameter name such as "
                                             "\"cursor\""));
        }
        c.param = QByteArray::fromStdString(param->get<std::string>());
    }
}

} // namespace

GenericConfig parseGenericConfig(const json &source, const QString &pointer) {
    GenericConfig c;
    if (!source.is_object())
        throw ConfigError(pointer, QStringLiteral("expected an object"));

    if (const auto path = source.find("path"); path != source.end()) {
        if (!path->is_string()) {
            throw ConfigError(
                pointer + QStringLiteral("/path"),
                QStringLiteral("expected a string such as \"/api/requests?status=open\""));
        }
        c.path = QByteArray::fromStdString(path->get<std::string>());
    }
    if (const auto items = source.find("items"); items != source.end()) {
        c.items = pointerValue(*items, pointer + QStringLiteral("/items"), QStringLiteral("/data"));
        c.itemsText = c.items.text();
    }

    const QString fieldsWhere = pointer + QStringLiteral("/fields");
    const auto fields = source.find("fields");
    if (fields == source.end() || !fields->is_object()) {
        throw ConfigError(fieldsWhere, QStringLiteral("expected an object mapping item fields to "
                                                      "JSON pointers, such as "
                                                      "{\"id\":\"/id\",\"title\":\"/title\"}"));
    }
    c.id = requiredField(*fields, "id", fieldsWhere);
    c.title = requiredField(*fields, "title", fieldsWhere);
    c.state = optionalField(*fields, "state", fieldsWhere);
    c.createdAt = optionalField(*fields, "created_at", fieldsWhere);
    c.people = optionalField(*fields, "people", fieldsWhere);
    c.url = optionalField(*fields, "url", fieldsWhere);
    c.severity = optionalField(*fields, "severity", fieldsWhere);
    c.project = optionalField(*fields, "project", fieldsWhere);
    c.reason = optionalField(*fields, "reason", fieldsWhere);
    c.column = optionalField(*fields, "column", fieldsWhere);
    c.due = optionalField(*fields, "due", fieldsWhere);
    c.columnSince = optionalField(*fields, "column_since", fieldsWhere);
    c.raisedBy = optionalField(*fields, "raised_by", fieldsWhere);
    c.owner = optionalField(*fields, "owner", fieldsWhere);
    for (const auto &[name, value] : fields->items()) {
        // Other names are allowed: they exist for url_template ({{iid}}), checked like the rest.
        const QString where = fieldsWhere + QLatin1Char('/') + q(name);
        if (name == "people_key") {
            if (!value.is_string() || value.get_ref<const std::string &>().empty())
                throw ConfigError(where,
                                  QStringLiteral("expected a key name string such as \"name\""));
            c.peopleKey = value.get<std::string>();
        } else if (std::find(std::begin(knownFields), std::end(knownFields), name) ==
                   std::end(knownFields)) {
            pointerValue(value, where, QLatin1Char('/') + q(name));
        }
    }

    readValueMaps(source, pointer, c);
    readUrlTemplate(source, *fields, pointer, c);
    readPagination(source, pointer, c);
    return c;
}
