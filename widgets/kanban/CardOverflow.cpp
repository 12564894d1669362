// SPDX-License-Identifier: MIT
#include "CardOverflow.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>

CardOverflow::CardOverflow(QScrollArea *scroll, QLabel *more, const QString &cardName)
    : QObject(more)
    , m_scroll(scroll)
    , m_more(more)
    , m_cardName(cardName) {
    m_more->hide();
    scroll->viewport()->installEventFilter(this);
    if (QWidget *cards = scroll->widget())
        cards->installEventFilter(this);
}

bool CardOverflow::eventFilter(QObject *watched, QEvent *event) {
    const QEvent::Type type = event->type();
    if ((type == QEvent::Resize || type == QEvent::LayoutRequest || type == QEvent::Show) &&
        !m_pending) {
        // After the layout has placed the cards: count once the event loop turns.
        m_pending = true;
        QTimer::singleShot(0, this, &CardOverflow::recount);
    }
    return QObject::eventFilter(watched, event);
}

void CardOverflow::recount() {
    m_pending = false;
    const QWidget *cards = m_scroll->widget();
    if (!cards)
        return;
    const int bottom = m_scroll->viewport()->height();
    int hidden = 0;
    for (const QFrame *card : cards->findChildren<QFrame *>(m_cardName, Qt::FindDirectChildrenOnly))
        hidden += card->geometry().bottom() > bottom ? 1 : 0;
    m_more->setText(QStringLiteral("+ %1 more").arg(hidden));
    m_more->setVisible(hidden > 0);
}
