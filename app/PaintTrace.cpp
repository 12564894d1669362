// SPDX-License-Identifier: MIT
#include "PaintTrace.h"

#include "Board.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QTimer>

#include <cstdio>

namespace {

int itemCount(const Board &board) {
    int count = 0;
    for (ItemKind kind : allItemKinds)
        count += board.panel(kind)->rowCount();
    return count;
}

// Watches paint events application-wide; the first one delivered after items arrived ends a frame
// that shows them (reported when the event loop next turns, i.e. after the paint finished).
class FirstDataPaint final : public QObject {
public:
    explicit FirstDataPaint(Board *board)
        : QObject(board)
        , m_board(board) {
        QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_reported && itemCount(*m_board) > 0) {
            m_reported = true;
            QTimer::singleShot(0, this, [this]() {
                std::fprintf(stderr, "dutyboard-trace: first-data-painted epoch_ms=%lld items=%d\n",
                             QDateTime::currentMSecsSinceEpoch(), itemCount(*m_board));
                std::fflush(stderr);
                QCoreApplication::instance()->removeEventFilter(this);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    Board *m_board;
    bool m_reported = false;
};

} // namespace

void traceFirstDataPaint(Board *board) {
    new FirstDataPaint(board);
}
