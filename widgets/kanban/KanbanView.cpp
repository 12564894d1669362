// SPDX-License-Identifier: MIT
#include "KanbanView.h"

#include "core/board/Board.h"
#include "widgets/Theme.h"
#include "widgets/kanban/CardOverflow.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

using Theme::scaledFont;

QString columnObjectName(const QString &column) {
    return QStringLiteral("kanban-column:") + column;
}

QLabel *label(const QString &text, QWidget *parent, const QString &objectName = {}) {
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    if (!objectName.isEmpty())
        l->setObjectName(objectName);
    return l;
}

// When a card came to its column; its creation when the source did not say.
QDateTime inColumnSince(const Item &card) {
    return card.columnSince.isValid() ? card.columnSince : card.createdAt;
}

} // namespace

KanbanView::KanbanView(Board *board, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
    , m_columns(new QHBoxLayout)
    , m_empty(new QLabel(QStringLiteral("No cards on the board: add a source with "
                                        "\"panel\": \"kanban\""),
                         this)) {
    setObjectName(QStringLiteral("kanban-board"));
    m_empty->setObjectName(QStringLiteral("empty-state"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_columns->setSpacing(8);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(m_columns, 1);
    layout->addWidget(m_empty);

    PanelModel *cards = board->panel(ItemKind::Card);
    connect(cards, &QAbstractItemModel::rowsInserted, this, &KanbanView::scheduleRebuild);
    connect(cards, &QAbstractItemModel::rowsRemoved, this, &KanbanView::scheduleRebuild);
    connect(cards, &QAbstractItemModel::dataChanged, this, &KanbanView::scheduleRebuild);
    connect(cards, &QAbstractItemModel::modelReset, this, &KanbanView::scheduleRebuild);
    connect(m_board, &Board::kanbanChanged, this, &KanbanView::scheduleRebuild);
    rebuild();
}

void KanbanView::scheduleRebuild() {
    // A refresh signals several runs of rows: one rebuild after all of them.
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, &KanbanView::rebuild);
}

void KanbanView::rebuild() {
    m_rebuildPending = false;
    while (QLayoutItem *item = m_columns->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const PanelModel *model = m_board->panel(ItemKind::Card);
    m_empty->setVisible(model->rowCount() == 0);
    for (const KanbanColumnState &state : m_board->kanbanColumns()) {
        QList<int> rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->item(row).column == state.name)
                rows.append(row);
        }
        if (state.name == kanbanPullColumn()) {
            // Ready to pull: the one waiting longest comes first.
            std::stable_sort(rows.begin(), rows.end(), [model](int a, int b) {
                const QDateTime ta = inColumnSince(model->item(a));
                const QDateTime tb = inColumnSince(model->item(b));
                return ta.isValid() && (!tb.isValid() || ta < tb);
            });
        }
        m_columns->addWidget(makeColumn(state.name, state.countText(), state.exceeded(), rows), 1);
    }
}

void KanbanView::setScrollBarsShown(bool shown) {
    m_scrollBars = shown;
    rebuild();
}

QWidget *KanbanView::makeColumn(const QString &name, const QString &countText, bool exceeded,
                                const QList<int> &rows) {
    auto *column = new QFrame(this);
    column->setObjectName(columnObjectName(name));
    column->setFrameShape(QFrame::StyledPanel);
    column->setMinimumWidth(170);

    // Name on the left, WIP state on the right; an exceeded limit is filled amber and also
    // carries a warning sign, so it does not rest on colour alone.
    auto *header = new QWidget(column);
    header->setObjectName(QStringLiteral("kanban-header"));
    header->setAutoFillBackground(true);
    auto *title = label(name, header, QStringLiteral("name"));
    title->setFont(scaledFont(font(), 1.15, QFont::DemiBold));
    auto *count = label(exceeded ? QStringLiteral("\u26A0 ") + countText : countText, header,
                        QStringLiteral("wip"));
    count->setWordWrap(false);
    count->setFont(scaledFont(font(), 1.15, QFont::Bold));
    count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (exceeded) {
        QPalette p = header->palette();
        p.setColor(QPalette::Window, Theme::amberColor());
        p.setColor(QPalette::WindowText, Qt::black);
        header->setPalette(p);
        header->setToolTip(QStringLiteral("Over its WIP limit: finish before starting more"));
        count->setAccessibleName(QStringLiteral("over WIP limit ") + countText);
    }
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(10, 8, 10, 8);
    headerLayout->addWidget(title, 1);
    headerLayout->addWidget(count);

    auto *cards = new QWidget;
    auto *cardsLayout = new QVBoxLayout(cards);
    cardsLayout->setContentsMargins(6, 6, 6, 6);
    cardsLayout->setSpacing(6);
    for (int row : rows)
        cardsLayout->addWidget(makeCard(row));
    cardsLayout->addStretch(1);

    auto *scroll = new QScrollArea(column);
    scroll->setWidget(cards);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    if (!m_scrollBars)
        scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(scroll, 1);
    if (!m_scrollBars) {
        auto *more = label(QString(), column, QStringLiteral("kanban-more"));
        more->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        more->setContentsMargins(10, 4, 10, 6);
        more->setFont(scaledFont(font(), 1.0, QFont::Bold));
        new CardOverflow(scroll, more, QStringLiteral("kanban-card"));
        layout->addWidget(more);
    }
    return column;
}

QWidget *KanbanView::makeCard(int row) {
    const PanelModel *model = m_board->panel(ItemKind::Card);
    const QModelIndex index = model->index(row);
    const Item &item = model->item(row);

    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("kanban-card"));
    card->setFrameShape(QFrame::Box);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    card->setToolTip(index.data(Qt::ToolTipRole).toString());
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);

    if (index.data(PanelModel::HaltedRole).toBool()) {
        auto *andon =
            label(QStringLiteral("\u25A0 ANDON \u2014 halted"), card, QStringLiteral("andon-mark"));
        andon->setFont(scaledFont(font(), 1.0, QFont::Bold));
        andon->setMargin(3);
        andon->setAutoFillBackground(true);
        // Explicit roles: inside a Base-coloured card a label would otherwise paint in Text.
        andon->setBackgroundRole(QPalette::Window);
        andon->setForegroundRole(QPalette::WindowText);
        QPalette p = andon->palette();
        p.setColor(QPalette::Window, Theme::andonColor());
        p.setColor(QPalette::WindowText, Qt::white);
        andon->setPalette(p);
        layout->addWidget(andon);
    }
    auto *title = label(item.title, card, QStringLiteral("title"));
    title->setFont(scaledFont(font(), 1.05, QFont::DemiBold));
    layout->addWidget(title);
    if (!item.people.isEmpty())
        layout->addWidget(
            label(item.people.join(QStringLiteral(", ")), card, QStringLiteral("people")));

    QStringList facts;
    const QString due = index.data(PanelModel::DueTextRole).toString();
    if (!due.isEmpty())
        facts.append(due);
    QString age = index.data(PanelModel::ColumnAgeTextRole).toString();
    if (age.isEmpty()) // the source does not say when it moved: its age will do
        age = index.data(PanelModel::AgeTextRole).toString();
    if (!age.isEmpty())
        facts.append(QStringLiteral("%1 in column").arg(age));
    if (!facts.isEmpty()) {
        auto *line = label(facts.join(QStringLiteral(" · ")), card, QStringLiteral("due"));
        if (due.endsWith(QLatin1String("late"))) {
            QPalette p = line->palette();
            p.setColor(QPalette::Text, Theme::failedColor());
            line->setPalette(p);
            line->setForegroundRole(QPalette::Text);
        } else {
            line->setForegroundRole(QPalette::PlaceholderText);
        }
        layout->addWidget(line);
    }
    return card;
}

QStringList KanbanView::cardTitles(const QString &column) const {
    QStringList titles;
    const auto *frame = findChild<QFrame *>(columnObjectName(column));
    if (!frame)
        return titles;
    for (const QFrame *card : frame->findChildren<QFrame *>(QStringLiteral("kanban-card"))) {
        if (const auto *title = card->findChild<QLabel *>(QStringLiteral("title")))
            titles.append(title->text());
    }
    return titles;
}

QString KanbanView::headerText(const QString &column) const {
    const auto *frame = findChild<QFrame *>(columnObjectName(column));
    const auto *header =
        frame ? frame->findChild<QWidget *>(QStringLiteral("kanban-header")) : nullptr;
    if (!header)
        return {};
    return header->findChild<QLabel *>(QStringLiteral("name"))->text() + QStringLiteral("  ") +
           header->findChild<QLabel *>(QStringLiteral("wip"))->text();
}
