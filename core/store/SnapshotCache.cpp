// SPDX-License-Identifier: MIT
#include "SnapshotCache.h"

#include "core/runtime/MemoryReturn.h"
#include "core/store/ItemStream.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <memory>

namespace {

struct SavedSnapshot {
    QString source;
    QString configKey;
    QDateTime savedAt;
    Items items;
};

const QString createTable = QStringLiteral(
    "CREATE TABLE IF NOT EXISTS snapshot(source TEXT PRIMARY KEY, config_key TEXT NOT NULL, "
    "saved_at INTEGER NOT NULL, items BLOB NOT NULL)");

} // namespace

SnapshotCache::SnapshotCache(Store *store, Board *board, ConnectorLookup sources, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_board(board)
    , m_sources(std::move(sources)) {
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &SnapshotCache::saveNow);
    connect(board, &Board::sourceRefreshed, this,
            [this](const QString &source, bool, bool itemsChanged) {
                onRefreshed(source, itemsChanged);
            });
}

SnapshotCache::~SnapshotCache() {
    saveNow();
}

QString SnapshotCache::configKey(const QString &source) const {
    const Connector *connector = m_sources(source);
    if (!connector)
        return {};
    // A digest, not the URL itself: a URL can carry a user name or a query the disk need not
    // hold.
    const QByteArray key = connector->config().type.toUtf8() + ' ' + connector->config().url;
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
}

void SnapshotCache::load() {
    m_store->post(
        [](QSqlDatabase &db) {
            std::vector<SavedSnapshot> saved;
            // Decoding happens here, on the store's thread: the UI thread only merges.
            QSqlQuery q(db);
            q.exec(createTable);
            q.exec(QStringLiteral("SELECT source, config_key, saved_at, items FROM snapshot"));
            while (q.next()) {
                SavedSnapshot s;
                s.source = q.value(0).toString();
                s.configKey = q.value(1).toString();
                s.savedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
                if (decodeItems(q.value(3).toByteArray(), &s.items))
                    saved.push_back(std::move(s));
            }
            return saved;
        },
        this,
        [this](std::vector<SavedSnapshot> saved) {
            int seeded = 0;
            for (SavedSnapshot &s : saved) {
                if (s.configKey == configKey(s.source) &&
                    m_board->seedSaved(s.source, std::move(s.items), s.savedAt))
                    ++seeded;
            }
            Q_EMIT loaded(seeded);
        });
}

void SnapshotCache::onRefreshed(const QString &source, bool itemsChanged) {
    if (!itemsChanged)
        return;
    m_dirty.insert(source);
    if (!m_saveTimer.isActive())
        m_saveTimer.start(m_savedOnce ? saveIntervalMs : firstSaveDelayMs);
}

Items SnapshotCache::itemsOf(const QString &source) const {
    Items items;
    for (ItemKind kind : allItemKinds) {
        for (const Item &item : m_board->panel(kind)->items()) {
            if (item.source == source)
                items.push_back(item); // shares the strings: cheap on this thread
        }
    }
    return items;
}

void SnapshotCache::saveNow() {
    m_saveTimer.stop();
    m_savedOnce = true;
    for (const QString &source : std::as_const(m_dirty)) {
        const QString key = configKey(source);
        if (key.isEmpty())
            continue;
        // The age the items will show after a restart: since the source last answered well.
        const SourceInfo *info = m_board->health()->source(source);
        const QDateTime savedAt = info && info->health.lastSuccess.isValid()
                                      ? info->health.lastSuccess
                                      : m_board->clock().now();
        m_store->post([source, key, savedAt, items = itemsOf(source)](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.exec(createTable);
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO snapshot(source, config_key, "
                                     "saved_at, items) VALUES (?, ?, ?, ?)"));
            q.addBindValue(source);
            q.addBindValue(key);
            q.addBindValue(savedAt.toMSecsSinceEpoch());
            q.addBindValue(encodeItems(items));
            const bool saved = q.exec();
            q.finish();
            returnFreedMemory(); // the encoded copy was big and short-lived
            return QVariant(saved);
        });
    }
    m_dirty.clear();
}
