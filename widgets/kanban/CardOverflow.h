// SPDX-License-Identifier: MIT
// On the wall nobody scrolls: a column whose cards run past its bottom says "+ N more" rather
// than hiding them (nothing waits in a hidden backlog).
#pragma once

#include <QObject>

class QLabel;
class QScrollArea;

class CardOverflow final : public QObject {
    Q_OBJECT
public:
    // Counts the children named `cardName` of `scroll`'s widget that do not fit in its
    // viewport and shows the count in `more` (hidden while everything fits). Owned by `more`.
    CardOverflow(QScrollArea *scroll, QLabel *more, const QString &cardName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void recount();

    QScrollArea *m_scroll;
    QLabel *m_more;
    QString m_cardName;
    bool m_pending = false;
};
