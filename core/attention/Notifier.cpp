// SPDX-License-Identifier: MIT
#include "Notifier.h"

#include "core/board/Board.h"
#include "core/board/ItemArrival.h"

#include <QStringList>

namespace {

// More than this many in one refresh become one summary, not a burst of bubbles.
constexpr int maxSeparate = 3;

// How a notification names an item: an andon by the project it halts, else its title.
QString shownName(const Item &item) {
    return item.kind == ItemKind::Andon && !item.project.isEmpty() ? item.project : item.title;
}

// A silenced or inhibited alert is known and handled: no reason to interrupt anyone.
bool isQuiet(const Item &item) {
    const QString state = item.state.toLower();
    return state == QLatin1String("suppressed") || state == QLatin1String("silenced") ||
           state == QLatin1String("inhibited");
}

QString andonBody(const Item &item) {
    QStringList parts;
    if (!item.reason.isEmpty())
        parts.append(item.reason);
    if (!item.raisedBy.isEmpty())
        parts.append(QStringLiteral("raised by ") + item.raisedBy);
    return parts.join(QStringLiteral(" \u2014 "));
}

} // namespace

Notifier::Notifier(Board *board, const NotificationConfig &config, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_config(config) {
    for (ItemKind kind : {ItemKind::Incident, ItemKind::Andon}) {
        PanelModel *model = board->panel(kind);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this, model](const QModelIndex &, int first, int last) {
                    onInserted(model, first, last);
                });
    }
}

void Notifier::reportBreach(const QString &title, const QString &detail) {
    if (m_config.breach)
        Q_EMIT notify(NotificationKind::Breach, QStringLiteral("15 minutes passed: ") + title,
                      detail);
}

void Notifier::reportUnowned(const Items &items) {
    if (static_cast<int>(items.size()) > maxSeparate) {
        QStringList names;
        for (const Item &item : items)
            names.append(shownName(item));
        Q_EMIT notify(NotificationKind::Unowned,
                      QStringLiteral("Nobody on %1 items for %2 min")
                          .arg(items.size())
                          .arg(m_config.unownedAlertMin),
                      names.join(QLatin1Char('\n')));
        return;
    }
    for (const Item &item : items) {
        const QString what = item.kind == ItemKind::Andon ? QStringLiteral("Andon")
                             : item.kind == ItemKind::Bug ? QStringLiteral("Bug in progress")
                                                          : item.severity.label();
        Q_EMIT notify(
            NotificationKind::Unowned,
            QStringLiteral("Nobody on it for %1 min: %2")
                .arg(m_config.unownedAlertMin)
                .arg(shownName(item)),
            QStringLiteral("%1 \u00B7 %2 \u2014 press A on it to own it").arg(what, item.source));
    }
}

void Notifier::onInserted(PanelModel *model, int first, int last) {
    const bool andon = model->kind() == ItemKind::Andon;
    if (andon ? !m_config.andon && !m_config.andonSound : !m_config.incident)
        return;
    std::vector<const Item *> news;
    for (int row = first; row <= last; ++row) {
        const Item &item = model->item(row);
        if (isArrival(*m_board->health(), item.source) && (andon || !isQuiet(item)))
            news.push_back(&item);
    }
    if (news.empty())
        return;
    if (andon && m_config.andonSound)
        Q_EMIT andonSound();
    if (andon && !m_config.andon)
        return;
    const NotificationKind kind = andon ? NotificationKind::Andon : NotificationKind::Incident;
    if (static_cast<int>(news.size()) > maxSeparate) {
        QStringList titles;
        for (const Item *item : news)
            titles.append(shownName(*item));
        Q_EMIT notify(kind,
                      QStringLiteral("%1 new %2")
                          .arg(news.size())
                          .arg(andon ? QStringLiteral("andons") : QStringLiteral("incidents")),
                      titles.join(QLatin1Char('\n')));
        return;
    }
    for (const Item *item : news) {
        if (andon)
            Q_EMIT notify(kind, QStringLiteral("Andon: %1 is halted").arg(shownName(*item)),
                          andonBody(*item));
        else
            Q_EMIT notify(
                kind,
                QStringLiteral("New incident, %1: %2").arg(item->severity.label(), item->title),
                QStringLiteral("%1 \u00B7 %2").arg(item->state, item->source));
    }
}
