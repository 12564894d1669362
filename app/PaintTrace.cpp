// SPDX-License-Identifier: MIT
#include "PaintTrace.h"

#include "core/board/Board.h"

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

// Watches paint events application-wide; the first one delivered after items arrived ends a
// frame that shows them (reported when the event loop next turns, i.e. after the paint
// finished). Two moments: any items (a saved copy counts), and the first fresh answer's items.
class FirstDataPaint final : public QObject {
public:
    explicit FirstDataPaint(Board *board)
        : QObject(board)
        , m_board(board) {
        connect(board, &Board::sourceRefreshed, this,
                [this](const QString &, bool ok) { m_freshArrived = m_freshArrived || ok; });
        QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && itemCount(*m_board) > 0) {
            if (!m_anyReported) {
                m_anyReported = true;
                reportAfterPaint("first-data-painted");
            }
            if (m_freshArrived && !m_freshReported) {
                m_freshReported = true;
                reportAfterPaint("first-fresh-data-painted");
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void reportAfterPaint(const char *what) {
        QTimer::singleShot(0, this, [this, what]() {
            std::fprintf(stderr, "dutyboard-trace: %s epoch_ms=%lld items=%d\n", what,
                         QDateTime::currentMSecsSinceEpoch(), itemCount(*m_board));
            std::fflush(stderr);
            if (m_freshReported)
                QCoreApplication::instance()->removeEventFilter(this);
        });
    }

    Board *m_board;
    bool m_freshArrived = false;
    bool m_anyReported = false;
    bool m_freshReported = false;
};

} // namespace

void traceFirstDataPaint(Board *board) {
    new FirstDataPaint(board);
}
