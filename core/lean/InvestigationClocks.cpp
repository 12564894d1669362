// SPDX-License-Identifier: MIT
#include "InvestigationClocks.h"

#include "core/sources/connectors/common/JsonFields.h"

#include <QSqlError>
#include <QSqlQuery>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace {

QString keyOf(const QString &source, const QString &itemId) {
    return source + QChar(0x1f) + itemId;
}

QVariant ms(const QDateTime &t) {
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMs(const QVariant &v) {
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

} // namespace

namespace {

// Every clock in the store; empty when the store could not be read (unreachable).
std::optional<QHash<QString, InvestigationClock>> readClocks(QSqlDatabase &db) {
    QHash<QString, InvestigationClock> rows;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT source, item_id, started_at, breached_at, escalated_at, "
                               "bug_id, bug_url FROM investigation_clocks")))
        return std::nullopt;
    while (q.next()) {
        InvestigationClock c{q.value(0).toString(), q.value(1).toString(), fromMs(q.value(2)),
                             fromMs(q.value(3)),    fromMs(q.value(4)),    q.value(5).toString(),
                             q.value(6).toString()};
        rows.insert(keyOf(c.source, c.itemId), c);
    }
    return rows;
}

bool sameClock(const InvestigationClock &a, const InvestigationClock &b) {
    return a.startedAt == b.startedAt && a.breachedAt == b.breachedAt &&
           a.escalatedAt == b.escalatedAt && a.bugId == b.bugId && a.bugUrl == b.bugUrl;
}

nlohmann::json msJson(const QDateTime &t) {
    return t.isValid() ? nlohmann::json(t.toMSecsSinceEpoch()) : nlohmann::json();
}

QDateTime msFromJson(const nlohmann::json &json, const char *key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_number_integer()
               ? QDateTime::fromMSecsSinceEpoch(it->get<qint64>(), Qt::UTC)
               : QDateTime();
}

nlohmann::json clockToJson(const InvestigationClock &c) {
    return {{"source", c.source.toStdString()},      {"item_id", c.itemId.toStdString()},
            {"started_at", msJson(c.startedAt)},     {"breached_at", msJson(c.breachedAt)},
            {"escalated_at", msJson(c.escalatedAt)}, {"bug_id", c.bugId.toStdString()},
            {"bug_url", c.bugUrl.toStdString()}};
}

InvestigationClock clockFromJson(const nlohmann::json &data) {
    return {utf8ToQString(jsonString(&data, "source")),
            utf8ToQString(jsonString(&data, "item_id")),
            msFromJson(data, "started_at"),
            msFromJson(data, "breached_at"),
            msFromJson(data, "escalated_at"),
            utf8ToQString(jsonString(&data, "bug_id")),
            utf8ToQString(jsonString(&data, "bug_url"))};
}

// What the store would make of `written` over `known`: the writer's rules, in memory.
InvestigationClock combined(const InvestigationClock &known, const InvestigationClock &written) {
    InvestigationClock c = known;
    if (written.startedAt.isValid() && written.startedAt < c.startedAt)
        c.startedAt = written.startedAt;
    if (!c.breachedAt.isValid())
        c.breachedAt = written.breachedAt;
    if (!c.escalatedAt.isValid())
        c.escalatedAt = written.escalatedAt;
    if (!written.bugId.isEmpty())
        c.bugId = written.bugId;
    if (!written.bugUrl.isEmpty())
        c.bugUrl = written.bugUrl;
    return c;
}

// Two instances starting the same clock: the earliest start wins; a breach or an escalation,
// once written, stays.
StoreWrite writeClock(QSqlDatabase &db, const nlohmann::json &data) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO investigation_clocks(source, item_id, started_at, breached_at, "
        "escalated_at, bug_id, bug_url) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(source, item_id) DO UPDATE SET "
        "started_at = CASE WHEN excluded.started_at < investigation_clocks.started_at "
        "THEN excluded.started_at ELSE investigation_clocks.started_at END, "
        "breached_at = COALESCE(investigation_clocks.breached_at, excluded.breached_at), "
        "escalated_at = COALESCE(investigation_clocks.escalated_at, excluded.escalated_at), "
        "bug_id = COALESCE(NULLIF(excluded.bug_id, ''), investigation_clocks.bug_id), "
        "bug_url = COALESCE(NULLIF(excluded.bug_url, ''), investigation_clocks.bug_url)"));
    for (const QVariant &v :
         {QVariant(utf8ToQString(jsonString(&data, "source"))),
          QVariant(utf8ToQString(jsonString(&data, "item_id"))), ms(msFromJson(data, "started_at")),
          ms(msFromJson(data, "breached_at")), ms(msFromJson(data, "escalated_at")),
          QVariant(utf8ToQString(jsonString(&data, "bug_id"))),
          QVariant(utf8ToQString(jsonString(&data, "bug_url")))})
        q.addBindValue(v);
    if (!q.exec())
        return StoreWrite::failed(q.lastError().text());
    Store::announce(db, QStringLiteral("clocks"));
    return StoreWrite::applied();
}

} // namespace

InvestigationClocks::InvestigationClocks(Store *store, const Clock &clock, int amberMin, int redMin,
                                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_amberMin(amberMin)
    , m_redMin(redMin) {
    addWriters(store);
}

void InvestigationClocks::addWriters(Store *store) {
    store->addWriter(QStringLiteral("clock"), writeClock);
}

std::vector<nlohmann::json> InvestigationClocks::exportRows(QSqlDatabase &db) {
    std::vector<nlohmann::json> rows;
    for (const InvestigationClock &c :
         readClocks(db).value_or(QHash<QString, InvestigationClock>()))
        rows.push_back(clockToJson(c));
    return rows;
}

std::vector<InvestigationClock> InvestigationClocks::readAll(QSqlDatabase &db) {
    std::vector<InvestigationClock> rows;
    for (const InvestigationClock &c :
         readClocks(db).value_or(QHash<QString, InvestigationClock>()))
        rows.push_back(c);
    return rows;
}

void InvestigationClocks::load() {
    m_store->post(readClocks, this, [this](std::optional<QHash<QString, InvestigationClock>> rows) {
        if (rows)
            merge(*rows);
        if (m_loaded)
            return;
        m_loaded = true;
        for (const InvestigationClock &c : std::as_const(m_clocks))
            m_lastLevel.insert(keyOf(c.source, c.itemId), level(c.source, c.itemId));
        Q_EMIT loaded();
        check();
    });
    // Clocks started here while a team store was away (before a restart, too) show meanwhile.
    m_store->readJournal(QStringLiteral("clock"), this, [this](std::vector<nlohmann::json> data) {
        QHash<QString, InvestigationClock> rows;
        for (const nlohmann::json &written : data) {
            const InvestigationClock c = clockFromJson(written);
            const QString key = keyOf(c.source, c.itemId);
            if (rows.contains(key))
                rows.insert(key, combined(rows.value(key), c));
            else if (m_clocks.contains(key))
                rows.insert(key, combined(m_clocks.value(key), c));
            else
                rows.insert(key, c);
        }
        merge(rows);
    });
}

void InvestigationClocks::merge(const QHash<QString, InvestigationClock> &rows) {
    // The store is the truth; a clock only this instance knows (its write is still on the way)
    // stays. Clocks are never deleted, so nothing else can be missing.
    std::vector<std::pair<QString, QString>> moved;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const auto known = m_clocks.constFind(it.key());
        if (known != m_clocks.cend() && sameClock(*known, it.value()))
            continue;
        m_clocks.insert(it.key(), it.value());
        moved.emplace_back(it->source, it->itemId);
    }
    if (!m_loaded)
        return;
    for (const auto &[source, id] : moved) {
        m_lastLevel.insert(keyOf(source, id), level(source, id));
        Q_EMIT levelChanged(source, id);
    }
}

void InvestigationClocks::save(const InvestigationClock &c) {
    m_store->write(QStringLiteral("clock"), clockToJson(c));
}

void InvestigationClocks::start(const QString &source, const QString &itemId) {
    startAt(source, itemId, m_clock.now());
}

void InvestigationClocks::startAt(const QString &source, const QString &itemId,
                                  const QDateTime &startedAt) {
    const QString key = keyOf(source, itemId);
    if (m_clocks.contains(key))
        return;
    InvestigationClock c;
    c.source = source;
    c.itemId = itemId;
    c.startedAt = startedAt;
    m_clocks.insert(key, c);
    m_lastLevel.insert(key, levelFor(startedAt.secsTo(m_clock.now())));
    save(c);
    Q_EMIT levelChanged(source, itemId);
}

void InvestigationClocks::markEscalated(const QString &source, const QString &itemId,
                                        const QString &bugId, const QString &bugUrl) {
    const QString key = keyOf(source, itemId);
    InvestigationClock c = m_clocks.value(key);
    if (c.source.isEmpty()) { // escalated without an investigation (B straight away)
        c.source = source;
        c.itemId = itemId;
        c.startedAt = m_clock.now();
    }
    // Marked twice (queued, then filed): the clock stopped the first time.
    if (!c.escalatedAt.isValid())
        c.escalatedAt = m_clock.now();
    c.bugId = bugId;
    c.bugUrl = bugUrl;
    m_clocks.insert(key, c);
    m_lastLevel.insert(key, ClockLevel::Escalated);
    save(c);
    Q_EMIT levelChanged(source, itemId);
}

const InvestigationClock *InvestigationClocks::find(const QString &source,
                                                    const QString &itemId) const {
    const auto it = m_clocks.constFind(keyOf(source, itemId));
    return it == m_clocks.cend() ? nullptr : &it.value();
}

qint64 InvestigationClocks::elapsedS(const QString &source, const QString &itemId) const {
    const InvestigationClock *c = find(source, itemId);
    if (!c)
        return -1;
    const QDateTime end = c->escalatedAt.isValid() ? c->escalatedAt : m_clock.now();
    return qMax<qint64>(0, c->startedAt.secsTo(end));
}

void InvestigationClocks::setThresholds(int amberMin, int redMin) {
    m_amberMin = amberMin;
    m_redMin = redMin;
    check();
}

ClockLevel InvestigationClocks::levelFor(qint64 elapsedS) const {
    if (elapsedS < 0)
        return ClockLevel::None;
    if (elapsedS >= 60LL * m_redMin)
        return ClockLevel::Red;
    if (elapsedS >= 60LL * m_amberMin)
        return ClockLevel::Amber;
    return ClockLevel::Running;
}

ClockLevel InvestigationClocks::level(const QString &source, const QString &itemId) const {
    const InvestigationClock *c = find(source, itemId);
    if (!c)
        return ClockLevel::None;
    if (c->escalatedAt.isValid())
        return ClockLevel::Escalated;
    return levelFor(elapsedS(source, itemId));
}

int InvestigationClocks::runningCount() const {
    int n = 0;
    for (const InvestigationClock &c : m_clocks)
        n += c.escalatedAt.isValid() ? 0 : 1;
    return n;
}

void InvestigationClocks::check() {
    if (!m_loaded)
        return;
    // Signals go out after the walk: a slot may start or escalate a clock.
    std::vector<std::pair<QString, QString>> moved;
    std::vector<std::pair<QString, QString>> breaches;
    for (auto it = m_clocks.begin(); it != m_clocks.end(); ++it) {
        InvestigationClock &c = it.value();
        const ClockLevel now = level(c.source, c.itemId);
        if (m_lastLevel.value(it.key()) != now) {
            m_lastLevel.insert(it.key(), now);
            moved.emplace_back(c.source, c.itemId);
        }
        if (now == ClockLevel::Red && !c.breachedAt.isValid()) {
            c.breachedAt = m_clock.now();
            save(c);
            breaches.emplace_back(c.source, c.itemId);
        }
    }
    for (const auto &[source, id] : moved)
        Q_EMIT levelChanged(source, id);
    for (const auto &[source, id] : breaches)
        Q_EMIT breached(source, id);
}

QString formatClock(qint64 elapsedS) {
    if (elapsedS < 0)
        return {};
    if (elapsedS < 3600)
        return QStringLiteral("%1:%2")
            .arg(elapsedS / 60)
            .arg(elapsedS % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2")
        .arg(elapsedS / 3600)
        .arg((elapsedS % 3600) / 60, 2, 10, QLatin1Char('0'));
}
