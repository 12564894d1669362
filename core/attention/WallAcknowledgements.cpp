// SPDX-License-Identifier: MIT
#include "WallAcknowledgements.h"

#include "core/sources/connectors/common/JsonFields.h"

#include <QSqlError>
#include <QSqlQuery>

#include <optional>
#include <utility>

namespace {

const char *kindName(WallAcknowledgements::Kind kind) {
    return kind == WallAcknowledgements::Kind::Andon ? "andon" : "banner";
}

// Acknowledgements of items long gone are of no use: a month is kept.
constexpr qint64 keptMs = 30LL * 86400 * 1000;

struct Acked {
    QSet<QString> andons;
    QSet<QString> banners;
};

std::optional<Acked> readAcks(QSqlDatabase &db, const QString &wall) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, item_key FROM wall_acks WHERE wall = ?"));
    q.addBindValue(wall);
    if (!q.exec())
        return std::nullopt;
    Acked out;
    while (q.next())
        (q.value(0).toString() == QLatin1String("andon") ? out.andons : out.banners)
            .insert(q.value(1).toString());
    return out;
}

// {"wall", "kind", "keys": [...], "at"}: upserts, so a replay changes nothing.
StoreWrite writeAcks(QSqlDatabase &db, const nlohmann::json &data) {
    const QString wall = utf8ToQString(jsonString(&data, "wall"));
    const QString kind = utf8ToQString(jsonString(&data, "kind"));
    const auto at = data.find("at");
    const qint64 atMs = at != data.end() && at->is_number_integer() ? at->get<qint64>() : 0;
    const auto keys = data.find("keys");
    if (!db.transaction())
        return StoreWrite::failed(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO wall_acks(wall, kind, item_key, acked_at) VALUES "
                             "(?, ?, ?, ?) ON CONFLICT(wall, kind, item_key) DO NOTHING"));
    if (keys != data.end() && keys->is_array()) {
        for (const nlohmann::json &key : *keys) {
            if (!key.is_string())
                continue;
            q.addBindValue(wall);
            q.addBindValue(kind);
            q.addBindValue(QString::fromStdString(key.get<std::string>()));
            q.addBindValue(atMs);
            if (!q.exec()) {
                const QString why = q.lastError().text();
                db.rollback();
                return StoreWrite::failed(why);
            }
        }
    }
    QSqlQuery prune(db);
    prune.prepare(QStringLiteral("DELETE FROM wall_acks WHERE wall = ? AND acked_at < ?"));
    prune.addBindValue(wall);
    prune.addBindValue(atMs - keptMs);
    if (!prune.exec() || !db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return StoreWrite::failed(why);
    }
    Store::announce(db, QStringLiteral("wall_acks"));
    return StoreWrite::applied();
}

} // namespace

WallAcknowledgements::WallAcknowledgements(Store *store, QString wall, const Clock &clock,
                                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_wall(std::move(wall))
    , m_clock(clock) {
    addWriters(store);
    store->whenChangedElsewhere(QStringLiteral("wall_acks"), this, [this] { load(); });
    load();
}

void WallAcknowledgements::addWriters(Store *store) {
    store->addWriter(QStringLiteral("wall-ack"), writeAcks);
}

bool WallAcknowledgements::contains(Kind kind, const QString &itemKey) const {
    return (kind == Kind::Andon ? m_andons : m_banners).contains(itemKey);
}

void WallAcknowledgements::acknowledge(Kind kind, const QSet<QString> &itemKeys) {
    QSet<QString> &known = kind == Kind::Andon ? m_andons : m_banners;
    nlohmann::json keys = nlohmann::json::array();
    for (const QString &key : itemKeys) {
        if (!known.contains(key))
            keys.push_back(key.toStdString());
        known.insert(key);
    }
    if (keys.empty())
        return;
    m_store->write(QStringLiteral("wall-ack"), {{"wall", m_wall.toStdString()},
                                                {"kind", kindName(kind)},
                                                {"keys", std::move(keys)},
                                                {"at", m_clock.now().toMSecsSinceEpoch()}});
    Q_EMIT changed();
}

void WallAcknowledgements::load() {
    m_store->post([wall = m_wall](QSqlDatabase &db) { return readAcks(db, wall); }, this,
                  [this](std::optional<Acked> acked) {
                      if (!acked)
                          return; // unreachable: what is known stays
                      // What was acknowledged here and not written yet stays acknowledged.
                      m_andons.unite(acked->andons);
                      m_banners.unite(acked->banners);
                      Q_EMIT changed();
                  });
}
