// SPDX-License-Identifier: MIT
#include "UnownedItems.h"

#include "core/board/Board.h"

#include <QTimer>

#include <algorithm>

namespace {

// Between checks, only time passing can make an item unowned: the next check is set for the
// next item to pass the delay, not every few seconds (a walk over 50,000 alerts each time).
// A clock that jumps (a laptop waking up) is caught within the longest wait.
constexpr int longestWaitMs = 60000;
constexpr int pastTheDelayMs = 1000; // the check counts whole seconds

bool isSevere(const Item &item) {
    return item.kind == ItemKind::Incident && (item.severity.level == SeverityLevel::Critical ||
                                               item.severity.level == SeverityLevel::High);
}

} // namespace

UnownedItems::UnownedItems(Board *board, int delayMin, OwnerOf ownerOf,
                           QRegularExpression inProgress, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_delayMin(delayMin)
    , m_ownerOf(std::move(ownerOf))
    , m_inProgress(std::move(inProgress))
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UnownedItems::check);
    // An item may arrive already past the delay (a restart): said as soon as it is seen.
    connect(board, &Board::sourceRefreshed, this, [this] {
        if (m_started)
            check();
    });
}

void UnownedItems::start() {
    m_started = true;
    check();
}

QString UnownedItems::keyOf(const Item &item) {
    return item.source + QChar(0x1f) + item.id;
}

void UnownedItems::setRules(int delayMin, QRegularExpression inProgress) {
    m_delayMin = delayMin;
    m_inProgress = std::move(inProgress);
    check();
}

bool UnownedItems::needsOwner(const Item &item) const {
    if (m_ignored.contains(item.source))
        return false;
    switch (item.kind) {
    case ItemKind::Incident:
        return isSevere(item);
    case ItemKind::Andon:
        return true;
    case ItemKind::Bug:
        return !m_inProgress.pattern().isEmpty() && m_inProgress.match(item.state).hasMatch();
    default:
        return false;
    }
}

QDateTime UnownedItems::waitingSince(const Item &item) const {
    return item.createdAt.isValid() ? item.createdAt : m_firstSeen.value(keyOf(item));
}

bool UnownedItems::isUnowned(const Item &item) const {
    return m_unowned.contains(keyOf(item));
}

void UnownedItems::check() {
    const QDateTime now = m_board->clock().now();
    QSet<QString> present;
    QSet<QString> unowned;
    Items newly;
    int severe = 0;
    qint64 nextDueMs = longestWaitMs;
    for (ItemKind kind : {ItemKind::Incident, ItemKind::Andon, ItemKind::Bug}) {
        for (const Item &item : m_board->panel(kind)->items()) {
            if (!needsOwner(item))
                continue;
            const QString key = keyOf(item);
            present.insert(key);
            if (!item.createdAt.isValid() && !m_firstSeen.contains(key))
                m_firstSeen.insert(key, now);
            if (!m_ownerOf(item).isEmpty())
                continue;
            const QDateTime since = waitingSince(item);
            if (since.secsTo(now) < qint64(m_delayMin) * 60) {
                nextDueMs = std::min(nextDueMs, now.msecsTo(since.addSecs(m_delayMin * 60)));
                continue;
            }
            unowned.insert(key);
            severe += isSevere(item) ? 1 : 0;
            if (!m_alerted.contains(key)) {
                m_alerted.insert(key);
                newly.push_back(item);
            }
        }
    }
    // Bounded by the board: an item that left it (resolved) is forgotten.
    for (auto it = m_alerted.begin(); it != m_alerted.end();)
        it = present.contains(*it) ? std::next(it) : m_alerted.erase(it);
    for (auto it = m_firstSeen.begin(); it != m_firstSeen.end();)
        it = present.contains(it.key()) ? std::next(it) : m_firstSeen.erase(it);
    if (!newly.empty())
        Q_EMIT alert(newly);
    if (m_started)
        m_timer->start(static_cast<int>(std::max<qint64>(0, nextDueMs) + pastTheDelayMs));
    const bool moved = unowned != m_unowned || severe != m_severe;
    m_unowned = std::move(unowned);
    m_severe = severe;
    if (moved)
        Q_EMIT changed();
}
