// SPDX-License-Identifier: MIT
#include "Outbox.h"

#include "core/config/Secrets.h"
#include "core/sources/connectors/common/JsonFields.h"

#include <QSet>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>
#include <set>

namespace {

constexpr qint64 maxBackoffS = 300;
constexpr int rescanMs = 60000;

qint64 backoffS(int attempts) {
    qint64 s = 5;
    for (int i = 1; i < attempts && s < maxBackoffS; ++i)
        s *= 2;
    return qMin(s, maxBackoffS);
}

// What the store's thread answers to a claim.
struct Claimed {
    OutboxTable::Claim result = OutboxTable::Claim::Gone;
    QDateTime busyUntil; // Busy: when the other process's claim ends
};

} // namespace

Outbox::Outbox(Store *store, HttpClient *http, ConnectorLookup connectorOf, const Clock &clock,
               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_http(http)
    , m_connectorOf(std::move(connectorOf))
    , m_clock(clock)
    , m_owner(OutboxTable::newOwner())
    , m_timer(new QTimer(this))
    , m_rescanTimer(new QTimer(this)) {
    OutboxTable::addWriters(store);
    // An action kept while the team store was away, refused when it arrived (its claim was
    // taken meanwhile): said as for one refused at once.
    connect(store, &Store::journalRefused, this,
            [this](const QString &kind, const nlohmann::json &data, const QString &reason) {
                const nlohmann::json *rows = jsonMember(&data, "rows");
                if (kind != QLatin1String("outbox-insert") || !rows || !rows->is_array() ||
                    rows->empty())
                    return;
                Q_EMIT refused(utf8ToQString(jsonString(&rows->front(), "action_id")), reason);
            });
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Outbox::pump);
    m_rescanTimer->setInterval(rescanMs);
    connect(m_rescanTimer, &QTimer::timeout, this, &Outbox::rescan);
}

void Outbox::start() {
    rescan();
    m_rescanTimer->start();
}

void Outbox::rescan() {
    m_store->post([](QSqlDatabase &db) { return OutboxTable::loadPending(db); }, this,
                  [this](std::optional<std::vector<OutboxEntry>> rows) {
                      m_loaded = true; // tried: a command may report and exit
                      if (!rows) {     // the store did not answer: keep what is known
                          noteSettled();
                          return;
                      }
                      // Delivered or discarded elsewhere meanwhile: no longer ours to show.
                      std::set<qint64> stillPending;
                      for (const OutboxEntry &e : *rows)
                          stillPending.insert(e.rowId);
                      bool gone = false;
                      for (auto it = m_rows.begin(); it != m_rows.end();) {
                          const bool drop = !it->second.busy && !stillPending.count(it->first);
                          gone = gone || drop;
                          it = drop ? m_rows.erase(it) : std::next(it);
                      }
                      if (gone)
                          Q_EMIT changed();
                      // New to this process (an earlier run, another process): tried at once; a new
                      // run is a new chance, whatever backoff the row had.
                      const QDateTime now = m_clock.now();
                      for (OutboxEntry &e : *rows) {
                          if (!m_rows.count(e.rowId))
                              e.nextAttemptAt = qMin(e.nextAttemptAt, now);
                      }
                      merge(std::move(*rows));
                  });
}

QString Outbox::submit(WriteAction action, const QStringList &targets, const QString &givenId,
                       OutboxGuard guard) {
    if (targets.isEmpty() && !guard.ownership)
        return {};
    const QString actionId =
        givenId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : givenId;
    if (action.idempotencyKey.isEmpty())
        action.idempotencyKey = actionId;
    std::vector<OutboxEntry> rows;
    const QDateTime now = m_clock.now();
    QStringList rowTargets; // a cluster source may want one row per replica
    for (const QString &target : targets) {
        const Connector *connector = m_connectorOf(target);
        rowTargets += connector ? connector->writeTargets(action.kind) : QStringList{target};
    }
    for (const QString &target : rowTargets) {
        OutboxEntry e;
        e.actionId = actionId;
        e.target = target;
        e.action = action;
        e.createdAt = now;
        e.nextAttemptAt = now;
        rows.push_back(std::move(e));
    }
    ++m_writing;
    m_wasSettled = false;
    // Sent only once the insert has committed: what is sent is always on disk first.
    nlohmann::json data = OutboxTable::insertData(rows, guard);
    m_store->write(
        QStringLiteral("outbox-insert"), std::move(data), this,
        [this, actionId, rows = std::move(rows)](StoreWrite outcome) mutable {
            --m_writing;
            switch (outcome.status) {
            case StoreWrite::Status::Applied:
                break;
            case StoreWrite::Status::Journaled:
                // Kept on this machine; sent once the team's store has it.
                m_journaled.insert(actionId);
                Q_EMIT changed();
                noteSettled();
                return;
            case StoreWrite::Status::Refused:
                Q_EMIT refused(actionId, outcome.reason);
                noteSettled();
                return;
            case StoreWrite::Status::Failed:
                Q_EMIT storeFailed(
                    QStringLiteral("an action could not be saved: %1").arg(outcome.reason));
                noteSettled();
                return;
            }
            std::vector<OutboxEntry> written;
            const nlohmann::json &ids = outcome.answer["ids"];
            for (size_t i = 0; i < rows.size() && i < ids.size(); ++i) {
                rows[i].rowId = ids[i].get<qint64>();
                if (rows[i].rowId > 0)
                    written.push_back(std::move(rows[i]));
            }
            merge(std::move(written));
        });
    return actionId;
}

void Outbox::merge(std::vector<OutboxEntry> rows) {
    bool added = false;
    for (OutboxEntry &e : rows) {
        if (m_rows.count(e.rowId))
            continue;
        m_rows[e.rowId].entry = std::move(e);
        added = true;
    }
    if (added)
        Q_EMIT changed();
    pump();
}

std::vector<OutboxEntry> Outbox::pending() const {
    std::vector<OutboxEntry> out;
    out.reserve(m_rows.size());
    for (const auto &[id, row] : m_rows)
        out.push_back(row.entry);
    return out;
}

QString Outbox::lastError() const {
    QString error;
    for (const auto &[id, row] : m_rows) {
        if (!row.entry.lastError.isEmpty())
            error = row.entry.lastError;
    }
    return error;
}

bool Outbox::isSettled() const {
    if (!m_loaded || m_writing > 0)
        return false;
    const QDateTime now = m_clock.now();
    QSet<QString> heads;
    for (const auto &[id, row] : m_rows) {
        if (heads.contains(row.entry.target))
            continue;
        heads.insert(row.entry.target);
        if (row.busy || row.entry.nextAttemptAt <= now)
            return false;
    }
    return true;
}

void Outbox::noteSettled() {
    const bool settledNow = isSettled();
    if (settledNow && !m_wasSettled) {
        m_wasSettled = true;
        Q_EMIT settled();
    } else if (!settledNow) {
        m_wasSettled = false;
    }
}

void Outbox::pump() {
    const QDateTime now = m_clock.now();
    QSet<QString> heads;
    QDateTime earliest;
    std::vector<qint64> due;
    for (const auto &[id, row] : m_rows) {
        // One row per target at a time, oldest first.
        if (heads.contains(row.entry.target))
            continue;
        heads.insert(row.entry.target);
        if (row.busy)
            continue;
        if (row.entry.nextAttemptAt <= now)
            due.push_back(id);
        else if (!earliest.isValid() || row.entry.nextAttemptAt < earliest)
            earliest = row.entry.nextAttemptAt;
    }
    for (qint64 id : due)
        send(id);
    if (earliest.isValid())
        m_timer->start(static_cast<int>(qBound(qint64(0), now.msecsTo(earliest), qint64(300000))));
    else
        m_timer->stop();
    noteSettled();
}

void Outbox::send(qint64 rowId) {
    Row &row = m_rows.at(rowId);
    const Connector *connector = m_connectorOf(row.entry.target);
    WriteOutcome refused;
    if (!connector)
        refused.error =
            QStringLiteral("no source named \"%1\" in this configuration").arg(row.entry.target);
    else if (!connector->supportsWrite(row.entry.action.kind))
        refused.error = QStringLiteral("source \"%1\" cannot %2")
                            .arg(row.entry.target, writeKindName(row.entry.action.kind));
    else if (!connector->config().auth.secretError.isEmpty())
        refused.error = connector->config().auth.secretError; // kept, and tried again later
    if (!refused.error.isEmpty() && m_store->isShared()) {
        // Another dutyboard sharing the store may have that source (a wall screen often has
        // only what it shows): the row is left to it, untouched, and looked at again later.
        row.entry.lastError = refused.error + QStringLiteral(": left to a dutyboard that has it");
        row.entry.nextAttemptAt = m_clock.now().addSecs(60);
        Q_EMIT changed();
        return;
    }
    row.busy = true;
    if (!refused.error.isEmpty()) {
        finish(rowId, refused);
        return;
    }
    const QDateTime now = m_clock.now();
    // Long enough for every step of the attempt (a lookup, then the write).
    const QDateTime until =
        now.addSecs(qint64(connector->config().timeoutS) * maxStepsPerAttempt + 60);
    m_store->post(
        [rowId, now, until, owner = m_owner](QSqlDatabase &db) {
            Claimed claimed;
            claimed.result = OutboxTable::claim(db, rowId, owner, now, until, &claimed.busyUntil);
            return claimed;
        },
        this,
        [this, rowId](Claimed claimed) {
            auto it = m_rows.find(rowId);
            if (it == m_rows.end())
                return;
            const OutboxTable::Claim result = claimed.result;
            if (result == OutboxTable::Claim::Gone) { // delivered or discarded elsewhere
                m_rows.erase(it);
                Q_EMIT changed();
                pump();
                return;
            }
            if (result == OutboxTable::Claim::Busy) {
                it->second.busy = false;
                it->second.entry.nextAttemptAt = claimed.busyUntil;
                it->second.entry.lastError =
                    QStringLiteral("being sent by another dutyboard process");
                Q_EMIT changed();
                pump();
                return;
            }
            sendStep(rowId, it->second.entry.action, 1);
        });
}

void Outbox::sendStep(qint64 rowId, const WriteAction &action, int step) {
    const auto it = m_rows.find(rowId);
    const Connector *connector =
        it == m_rows.end() ? nullptr : m_connectorOf(it->second.entry.target);
    if (!connector)
        return;
    HttpRequest request = connector->writeRequest(action);
    request.conditional = false;
    m_http->send(request, this, [this, rowId, action, step](const HttpResult &result) {
        auto row = m_rows.find(rowId);
        if (row == m_rows.end())
            return;
        const Connector *target = m_connectorOf(row->second.entry.target);
        WriteOutcome outcome = target ? target->parseWriteResult(action, result) : WriteOutcome{};
        // A lookup answered: the write goes on with what it found. Bounded, so a connector
        // that keeps asking can never hold the row forever.
        if (outcome.accepted && outcome.next) {
            if (step < maxStepsPerAttempt) {
                sendStep(rowId, *outcome.next, step + 1);
                return;
            }
            outcome = WriteOutcome{};
            outcome.error = QStringLiteral("the write took more than %1 calls").arg(step);
        }
        finish(rowId, outcome);
    });
}

void Outbox::finish(qint64 rowId, const WriteOutcome &outcome) {
    Row &row = m_rows.at(rowId);
    OutboxEntry entry = row.entry;
    const QDateTime now = m_clock.now();
    ++entry.attempts;
    if (outcome.accepted) {
        entry.state = QStringLiteral("delivered");
        entry.deliveredAt = now;
        entry.lastError.clear();
        entry.createdId = outcome.createdId;
        entry.createdUrl = outcome.createdUrl;
    } else {
        // Kept on disk and shown: a server that echoed the credential must not put it there.
        entry.lastError =
            outcome.error.isEmpty() ? QStringLiteral("not accepted") : redactSecrets(outcome.error);
        entry.nextAttemptAt = now.addSecs(backoffS(entry.attempts));
        if (outcome.retryAt.isValid() && outcome.retryAt > entry.nextAttemptAt)
            entry.nextAttemptAt = outcome.retryAt;
    }
    row.entry = entry;
    const auto marked = [this, entry](const auto &) {
        auto it = m_rows.find(entry.rowId);
        if (entry.state == QLatin1String("delivered")) {
            if (it != m_rows.end())
                m_rows.erase(it);
            Q_EMIT delivered(entry);
        } else {
            if (it != m_rows.end())
                it->second.busy = false;
            Q_EMIT attemptFailed(entry);
        }
        Q_EMIT changed();
        pump();
    };
    // Delivered must reach the store (journaled if it does not answer): else it is sent again.
    if (entry.state == QLatin1String("delivered"))
        m_store->write(QStringLiteral("outbox-delivered"), OutboxTable::deliveredData(entry), this,
                       marked);
    else
        m_store->post([entry, owner = m_owner](
                          QSqlDatabase &db) { return OutboxTable::markFailed(db, entry, owner); },
                      this, marked);
}

void Outbox::retryNow() {
    const QDateTime now = m_clock.now();
    for (auto &[id, row] : m_rows) {
        if (!row.busy)
            row.entry.nextAttemptAt = now;
    }
    pump();
}

void Outbox::retryTarget(const QString &target) {
    const QDateTime now = m_clock.now();
    // A cluster's replica rows ("prod@am-1:9093") too: the source answering may be that replica
    // back, and a replica still down costs one attempt per refresh.
    const QString replicaPrefix = target + QLatin1Char('@');
    bool any = false;
    for (auto &[id, row] : m_rows) {
        if (row.busy || (row.entry.target != target && !row.entry.target.startsWith(replicaPrefix)))
            continue;
        // Due now, whether its time had come already (the clock moved on) or not.
        if (row.entry.nextAttemptAt > now)
            row.entry.nextAttemptAt = now;
        any = true;
    }
    if (any)
        pump();
}

bool Outbox::discard(qint64 rowId) {
    auto it = m_rows.find(rowId);
    if (it == m_rows.end() || it->second.busy)
        return false;
    m_rows.erase(it);
    m_store->write(QStringLiteral("outbox-discarded"), {{"id", rowId}});
    Q_EMIT changed();
    pump();
    return true;
}
