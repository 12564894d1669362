// SPDX-License-Identifier: MIT
#include "WriteActionJson.h"

using nlohmann::json;

namespace {

constexpr WriteKind allKinds[] = {
    WriteKind::CreateBug,    WriteKind::CreateIncident, WriteKind::CreateCard,
    WriteKind::Reply,        WriteKind::React,          WriteKind::RaiseAndon,
    WriteKind::ResolveAndon, WriteKind::CreateSilence,  WriteKind::Acknowledge,
    WriteKind::Release,      WriteKind::Handover};

// The text fields, by their stored name: one table for both directions.
struct TextField {
    const char *name;
    QString WriteAction::*member;
};
const TextField textFields[] = {
    {"idempotency_key", &WriteAction::idempotencyKey},
    {"title", &WriteAction::title},
    {"description", &WriteAction::description},
    {"severity", &WriteAction::severity},
    {"customer_impact", &WriteAction::customerImpact},
    {"item_id", &WriteAction::itemId},
    {"text", &WriteAction::text},
    {"reaction", &WriteAction::reaction},
    {"project", &WriteAction::project},
    {"reason", &WriteAction::reason},
    {"raised_by", &WriteAction::raisedBy},
    {"decision", &WriteAction::decision},
    {"note", &WriteAction::note},
    {"reference", &WriteAction::reference},
    {"report", &WriteAction::report},
};

std::string iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace

bool writeKindFromName(const QString &name, WriteKind *kind) {
    for (WriteKind k : allKinds) {
        if (writeKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

json writeActionToJson(const WriteAction &action) {
    json out = {{"kind", writeKindName(action.kind).toStdString()}};
    for (const TextField &field : textFields) {
        const QString &value = action.*field.member;
        if (!value.isEmpty())
            out[field.name] = value.toStdString();
    }
    if (!action.labels.isEmpty()) {
        json labels = json::array();
        for (const QString &label : action.labels)
            labels.push_back(label.toStdString());
        out["labels"] = labels;
    }
    if (action.startsAt.isValid())
        out["starts_at"] = iso(action.startsAt);
    if (action.endsAt.isValid())
        out["ends_at"] = iso(action.endsAt);
    return out;
}

bool writeActionFromJson(const json &in, WriteAction *action, QString *error) {
    if (!in.is_object() || !in.contains("kind") || !in["kind"].is_string()) {
        *error = QStringLiteral("stored action has no kind");
        return false;
    }
    WriteAction out;
    const QString kind = QString::fromStdString(in["kind"].get<std::string>());
    if (!writeKindFromName(kind, &out.kind)) {
        *error = QStringLiteral("stored action has an unknown kind \"%1\"").arg(kind);
        return false;
    }
    for (const TextField &field : textFields) {
        const auto it = in.find(field.name);
        if (it != in.end() && it->is_string())
            out.*field.member = QString::fromStdString(it->get<std::string>());
    }
    if (const auto it = in.find("labels"); it != in.end() && it->is_array()) {
        for (const json &label : *it) {
            if (label.is_string())
                out.labels.append(QString::fromStdString(label.get<std::string>()));
        }
    }
    for (const auto &[name, member] : {std::pair{"starts_at", &WriteAction::startsAt},
                                       std::pair{"ends_at", &WriteAction::endsAt}}) {
        const auto it = in.find(name);
        if (it != in.end() && it->is_string())
            out.*member = QDateTime::fromString(QString::fromStdString(it->get<std::string>()),
                                                Qt::ISODateWithMs)
                              .toUTC();
    }
    *action = std::move(out);
    return true;
}
