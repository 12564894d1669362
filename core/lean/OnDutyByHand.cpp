// SPDX-License-Identifier: MIT
#include "OnDutyByHand.h"

#include "core/lean/OnDuty.h"
#include "core/sources/connectors/common/JsonFields.h"

#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace {

struct Setting {
    QString person;
    QDateTime at;
    QString by;
    QString replaced;
};

std::optional<Setting> readSetting(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT person, set_at, set_by, replaced FROM on_duty")))
        return std::nullopt;
    if (!q.next())
        return Setting{};
    return Setting{q.value(0).toString(),
                   QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC),
                   q.value(2).toString(), q.value(3).toString()};
}

// {"person", "set_at", "set_by", "replaced"}: the latest setting wins, a replay changes nothing.
StoreWrite writeSetting(QSqlDatabase &db, const nlohmann::json &data) {
    const auto at = data.find("set_at");
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO on_duty(id, person, set_at, set_by, replaced) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET person = excluded.person, set_at = excluded.set_at, "
        "set_by = excluded.set_by, replaced = excluded.replaced "
        "WHERE excluded.set_at >= on_duty.set_at"));
    q.addBindValue(utf8ToQString(jsonString(&data, "person")));
    q.addBindValue(at != data.end() && at->is_number_integer() ? at->get<qint64>() : 0);
    q.addBindValue(utf8ToQString(jsonString(&data, "set_by")));
    q.addBindValue(utf8ToQString(jsonString(&data, "replaced")));
    if (!q.exec())
        return StoreWrite::failed(q.lastError().text());
    Store::announce(db, QStringLiteral("on_duty"));
    return StoreWrite::applied();
}

} // namespace

OnDutyByHand::OnDutyByHand(Store *store, OnDuty *onDuty, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_onDuty(onDuty)
    , m_clock(clock) {
    addWriters(store);
    store->whenChangedElsewhere(QStringLiteral("on_duty"), this, [this] { load(); });
    load();
}

void OnDutyByHand::addWriters(Store *store) {
    store->addWriter(QStringLiteral("on-duty"), writeSetting);
}

void OnDutyByHand::set(const QString &person, const QString &by) {
    const QDateTime now = m_clock.now();
    const QString replaced = m_onDuty->scheduled();
    m_latest = now;
    m_onDuty->setByHand(person, now, by, replaced);
    m_store->write(QStringLiteral("on-duty"), {{"person", person.trimmed().toStdString()},
                                               {"set_at", now.toMSecsSinceEpoch()},
                                               {"set_by", by.toStdString()},
                                               {"replaced", replaced.toStdString()}});
}

void OnDutyByHand::load() {
    m_store->post(readSetting, this, [this](std::optional<Setting> setting) {
        if (!setting || !setting->at.isValid() || (m_latest.isValid() && setting->at < m_latest))
            return; // unreachable, never set, or older than one made here not written yet
        m_latest = setting->at;
        m_onDuty->setByHand(setting->person, setting->at, setting->by, setting->replaced);
    });
}
