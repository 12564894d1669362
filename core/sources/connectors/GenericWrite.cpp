// SPDX-License-Identifier: MIT
#include "GenericWrite.h"

#include "core/config/ConfigError.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

using nlohmann::json;

namespace {

// A webhook without "kinds" takes these. Acknowledge and Release must be listed: a webhook
// written for andons or bugs before them would otherwise post every "I'm on it" as one.
constexpr WriteKind defaultKinds[] = {
    WriteKind::CreateBug,    WriteKind::CreateIncident, WriteKind::CreateCard,
    WriteKind::Reply,        WriteKind::React,          WriteKind::RaiseAndon,
    WriteKind::ResolveAndon, WriteKind::CreateSilence,  WriteKind::Handover,
};
constexpr WriteKind allKinds[] = {
    WriteKind::CreateBug,    WriteKind::CreateIncident, WriteKind::CreateCard,
    WriteKind::Reply,        WriteKind::React,          WriteKind::RaiseAndon,
    WriteKind::ResolveAndon, WriteKind::CreateSilence,  WriteKind::Acknowledge,
    WriteKind::Release,      WriteKind::Handover,
};

QString q(const std::string &text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// A JSON pointer token per RFC 6901.
QString pointerToken(const std::string &key) {
    return q(key)
        .replace(QLatin1Char('~'), QLatin1String("~0"))
        .replace(QLatin1Char('/'), QLatin1String("~1"));
}

QString iso(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Every {{name}} in `text` must be a known placeholder.
void checkTemplate(const QString &text, const QString &where) {
    qsizetype pos = 0;
    while ((pos = text.indexOf(QLatin1String("{{"), pos)) >= 0) {
        const qsizetype close = text.indexOf(QLatin1String("}}"), pos + 2);
        if (close < 0)
            throw ConfigError(where, QStringLiteral("expected \"}}\" after \"{{\""));
        const QString name = text.mid(pos + 2, close - pos - 2).trimmed();
        if (!genericWritePlaceholders().contains(name))
            throw ConfigError(
                where, QStringLiteral("{{%1}} is not a placeholder: expected one "
                                      "of %2")
                           .arg(name, genericWritePlaceholders().join(QStringLiteral(", "))));
        pos = close + 2;
    }
}

void checkBody(const json &value, const QString &where) {
    if (value.is_string()) {
        checkTemplate(q(value.get_ref<const std::string &>()), where);
    } else if (value.is_object()) {
        for (const auto &[key, member] : value.items())
            checkBody(member, where + QLatin1Char('/') + pointerToken(key));
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            checkBody(value[i], where + QLatin1Char('/') + QString::number(i));
    }
}

QString placeholderValue(const WriteAction &a, const QString &name) {
    static const QHash<QString, QString WriteAction::*> fields = {
        {QStringLiteral("title"), &WriteAction::title},
        {QStringLiteral("description"), &WriteAction::description},
        {QStringLiteral("severity"), &WriteAction::severity},
        {QStringLiteral("customer_impact"), &WriteAction::customerImpact},
        {QStringLiteral("project"), &WriteAction::project},
        {QStringLiteral("reason"), &WriteAction::reason},
        {QStringLiteral("raised_by"), &WriteAction::raisedBy},
        {QStringLiteral("decision"), &WriteAction::decision},
        {QStringLiteral("note"), &WriteAction::note},
        {QStringLiteral("text"), &WriteAction::text},
        {QStringLiteral("item_id"), &WriteAction::itemId},
        {QStringLiteral("idempotency_key"), &WriteAction::idempotencyKey},
        {QStringLiteral("reaction"), &WriteAction::reaction},
        {QStringLiteral("report"), &WriteAction::report},
    };
    if (const auto it = fields.find(name); it != fields.end())
        return a.*(it.value());
    if (name == QLatin1String("kind"))
        return writeKindName(a.kind);
    if (name == QLatin1String("labels"))
        return a.labels.join(QLatin1Char(','));
    if (name == QLatin1String("starts_at"))
        return iso(a.startsAt);
    if (name == QLatin1String("ends_at"))
        return iso(a.endsAt);
    return {};
}

std::optional<JsonPath> createdPath(const json &created, const char *key, const QString &where) {
    const auto it = created.find(key);
    if (it == created.end())
        return std::nullopt;
    JsonPath path;
    if (!it->is_string() || !JsonPath::parse(it->get_ref<const std::string &>(), &path))
        throw ConfigError(where + QLatin1Char('/') + QLatin1String(key),
                          QStringLiteral("expected a JSON pointer string such as \"/id\""));
    return path;
}

void readHeaders(const json &write, const QString &where, GenericWrite *w) {
    const auto headers = write.find("headers");
    if (headers == write.end())
        return;
    if (!headers->is_object())
        throw ConfigError(where + QStringLiteral("/headers"),
                          QStringLiteral("expected an object such as {\"X-Team\":\"sre\"}"));
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
    for (const auto &[name, value] : headers->items()) {
        const QString at = where + QStringLiteral("/headers/") + pointerToken(name);
        if (!token.match(q(name)).hasMatch())
            throw ConfigError(at, QStringLiteral("expected a header name (letters, digits, -)"));
        if (!value.is_string() ||
            value.get_ref<const std::string &>().find_first_of("\r\n") != std::string::npos)
            throw ConfigError(at, QStringLiteral("expected a string on one line"));
        const QByteArray headerValue = QByteArray::fromStdString(value.get<std::string>());
        if (q(name).compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0)
            w->contentType = headerValue;
        else
            w->headers.append({QByteArray::fromStdString(name), headerValue});
    }
}

void readKinds(const json &write, const QString &where, GenericWrite *w) {
    const auto kinds = write.find("kinds");
    if (kinds == write.end()) {
        w->kinds.assign(std::begin(defaultKinds), std::end(defaultKinds));
        return;
    }
    QStringList names;
    for (const WriteKind kind : allKinds)
        names.append(writeKindName(kind));
    const QString expected =
        QStringLiteral("expected one of %1").arg(names.join(QStringLiteral(", ")));
    if (!kinds->is_array() || kinds->empty())
        throw ConfigError(
            where + QStringLiteral("/kinds"),
            QStringLiteral("expected a non-empty array of action kinds: %1").arg(expected));
    for (std::size_t i = 0; i < kinds->size(); ++i) {
        const json &name = (*kinds)[i];
        const qsizetype index =
            name.is_string() ? names.indexOf(q(name.get_ref<const std::string &>())) : -1;
        if (index < 0)
            throw ConfigError(where + QStringLiteral("/kinds/") + QString::number(i), expected);
        w->kinds.push_back(allKinds[index]);
    }
}

} // namespace

const QStringList &genericWritePlaceholders() {
    static const QStringList names = {
        QStringLiteral("kind"),
        QStringLiteral("title"),
        QStringLiteral("description"),
        QStringLiteral("severity"),
        QStringLiteral("customer_impact"),
        QStringLiteral("project"),
        QStringLiteral("reason"),
        QStringLiteral("raised_by"),
        QStringLiteral("decision"),
        QStringLiteral("note"),
        QStringLiteral("text"),
        QStringLiteral("item_id"),
        QStringLiteral("idempotency_key"),
        QStringLiteral("labels"),
        QStringLiteral("reaction"),
        QStringLiteral("starts_at"),
        QStringLiteral("ends_at"),
        QStringLiteral("report"),
    };
    return names;
}

std::optional<GenericWrite> parseGenericWrite(const json &source, const QString &pointer) {
    const auto it = source.is_object() ? source.find("write") : source.end();
    if (!source.is_object() || it == source.end())
        return std::nullopt;
    const QString where = pointer + QStringLiteral("/write");
    if (!it->is_object())
        throw ConfigError(where, QStringLiteral("expected an object such as {\"path\":\"/hooks/"
                                                "andon\",\"body\":{\"text\":\"{{reason}}\"}}"));
    const json &write = *it;
    GenericWrite w;

    if (const auto method = write.find("method"); method != write.end()) {
        const QString name =
            method->is_string() ? q(method->get_ref<const std::string &>()).toUpper() : QString();
        if (name != QLatin1String("POST") && name != QLatin1String("PUT") &&
            name != QLatin1String("PATCH"))
            throw ConfigError(where + QStringLiteral("/method"),
                              QStringLiteral("expected \"POST\", \"PUT\" or \"PATCH\""));
        w.method = name.toLatin1();
    }

    const auto path = write.find("path");
    if (path == write.end() || !path->is_string())
        throw ConfigError(where + QStringLiteral("/path"),
                          QStringLiteral("expected a string such as \"/hooks/andon\" "
                                         "(required)"));
    w.path = QByteArray::fromStdString(path->get<std::string>());
    checkTemplate(QString::fromUtf8(w.path), where + QStringLiteral("/path"));

    const auto body = write.find("body");
    if (body == write.end() || !(body->is_object() || body->is_array()))
        throw ConfigError(where + QStringLiteral("/body"),
                          QStringLiteral("expected a JSON object (or array) template such as "
                                         "{\"text\":\"Andon on {{project}}: {{reason}}\"} "
                                         "(required)"));
    checkBody(*body, where + QStringLiteral("/body"));
    w.body = *body;

    readHeaders(write, where, &w);
    readKinds(write, where, &w);

    if (const auto created = write.find("created"); created != write.end()) {
        if (!created->is_object())
            throw ConfigError(where + QStringLiteral("/created"),
                              QStringLiteral("expected an object such as "
                                             "{\"id\":\"/key\",\"url\":\"/html_url\"}"));
        w.createdId = createdPath(*created, "id", where + QStringLiteral("/created"));
        w.createdUrl = createdPath(*created, "url", where + QStringLiteral("/created"));
    }
    return w;
}

QString fillPlaceholders(const QString &text, const WriteAction &action, Placeholders style) {
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        const qsizetype close = open < 0 ? -1 : text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        out += text.mid(pos, open - pos);
        const QString value =
            placeholderValue(action, text.mid(open + 2, close - open - 2).trimmed());
        out += style == Placeholders::PercentEncoded
                   ? QString::fromLatin1(QUrl::toPercentEncoding(value))
                   : value;
        pos = close + 2;
    }
    return out + text.mid(pos);
}

json renderGenericBody(const json &body, const WriteAction &action) {
    if (body.is_string()) {
        const std::string &text = body.get_ref<const std::string &>();
        if (text.find("{{") == std::string::npos)
            return body;
        // "{{report}}" alone is the handover's JSON itself, not a string holding it.
        if (text == "{{report}}" && action.kind == WriteKind::Handover) {
            json report = json::parse(action.report.toStdString(), nullptr, false);
            return report.is_discarded() ? json(nullptr) : report;
        }
        return fillPlaceholders(q(text), action).toStdString();
    }
    json out = body;
    if (out.is_structured()) {
        for (json &member : out) // object members or array elements
            member = renderGenericBody(member, action);
    }
    return out;
}
