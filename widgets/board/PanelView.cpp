// SPDX-License-Identifier: MIT
#include "PanelView.h"

#include "core/board/Board.h"
#include "core/models/PanelModel.h"
#include "core/models/PanelSortProxy.h"
#include "widgets/Theme.h"
#include "widgets/board/FreshnessBadge.h"
#include "widgets/board/ItemDelegate.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace {

// Incidents and andons are the goals at zero: any count there is a call to act.
bool countIsAlarm(ItemKind kind) {
    return kind == ItemKind::Incident || kind == ItemKind::Andon;
}

} // namespace

QString PanelView::title(ItemKind kind) {
    switch (kind) {
    case ItemKind::Request:
        return QStringLiteral("Pending requests");
    case ItemKind::Bug:
        return QStringLiteral("Bug queue");
    case ItemKind::Incident:
        return QStringLiteral("Open incidents");
    case ItemKind::Andon:
        return QStringLiteral("Andon");
    case ItemKind::Card:
        return QStringLiteral("Kanban");
    }
    return {};
}

QString PanelView::emptyText(ItemKind kind) {
    switch (kind) {
    case ItemKind::Request:
        return QStringLiteral("No pending requests");
    case ItemKind::Bug:
        return QStringLiteral("No bugs in the queue");
    case ItemKind::Incident:
        return QStringLiteral("No open incidents");
    case ItemKind::Andon:
        return QStringLiteral("No andon pulled: every project is flowing");
    case ItemKind::Card:
        return QStringLiteral("No cards on the board");
    }
    return {};
}

PanelView::PanelView(ItemKind kind, Board *board, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_board(board)
    , m_model(board->panel(kind))
    , m_proxy(new PanelSortProxy(kind, this))
    , m_groups(kind == ItemKind::Incident ? new PanelGroupModel(m_model, {}, this) : nullptr)
    , m_delegate(new ItemDelegate(kind, this))
    , m_count(new QLabel(this))
    , m_title(new QLabel(title(kind), this))
    , m_freshness(new FreshnessBadge(this))
    , m_stack(new QStackedWidget(this))
    , m_list(new QTreeView(m_stack))
    , m_empty(new QLabel(m_stack))
    , m_header(new QHBoxLayout)
    , m_layout(nullptr) {
    setObjectName(QStringLiteral("panel-") + itemKindPanelName(kind));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(title(kind));

    m_count->setObjectName(QStringLiteral("count"));
    m_title->setObjectName(QStringLiteral("title"));
    m_count->setFont(Theme::scaledFont(font(), 2.0, QFont::Bold));
    m_count->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_title->setFont(Theme::scaledFont(font(), 1.2, QFont::DemiBold));
    m_freshness->setObjectName(QStringLiteral("freshness"));

    QHBoxLayout *header = m_header;
    header->setContentsMargins(12, 8, 12, 8);
    header->setSpacing(10);
    header->addWidget(m_count);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_freshness);

    m_proxy->setSourceModel(m_model);
    m_list->setObjectName(QStringLiteral("items"));
    if (m_groups) {
        // The grouping keeps its own order over what the proxy's filter lets through.
        m_proxy->sort(-1);
        m_groups->setSourceModel(m_proxy);
        m_list->setModel(m_groups);
    } else {
        m_list->setModel(m_proxy);
    }
    m_list->setItemDelegate(m_delegate);
    m_list->setHeaderHidden(true);
    m_list->setUniformRowHeights(true);
    m_list->setRootIsDecorated(m_groups != nullptr);
    m_list->setIndentation(m_groups ? 16 : 0);
    m_list->setExpandsOnDoubleClick(false); // activation toggles a group (openIndex)
    m_list->setAllColumnsShowFocus(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setAccessibleName(title(kind));

    m_empty->setObjectName(QStringLiteral("empty-state"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(16);
    m_empty->setFont(Theme::scaledFont(font(), 1.1, QFont::Normal));
    m_empty->setAutoFillBackground(true);
    m_empty->setBackgroundRole(QPalette::Base);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    // A hairline under the header, in the frame's own colour.
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(rule);
    layout->addWidget(m_stack, 1);

    // Activation is Enter or double-click (single click where the platform asks for it).
    connect(m_list, &QTreeView::activated, this, &PanelView::openIndex);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &PanelView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &PanelView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PanelView::updateCount);
    if (m_groups)
        connect(m_groups, &PanelGroupModel::countsChanged, this, &PanelView::updateCount);
    SourceHealthModel *health = board->health();
    connect(health, &SourceHealthModel::healthChanged, this, &PanelView::refreshFreshness);
    connect(health, &QAbstractItemModel::rowsInserted, this, &PanelView::refreshFreshness);
    connect(health, &QAbstractItemModel::modelReset, this, &PanelView::refreshFreshness);

    updateCount();
}

void PanelView::addHeaderWidget(QWidget *widget) {
    m_header->insertWidget(m_header->indexOf(m_freshness), widget);
}

void PanelView::addFooterWidget(QWidget *widget) {
    m_layout->addWidget(widget);
}

QStringList PanelView::feedingSources() const {
    return ::feedingSources(*m_board, m_kind);
}

void PanelView::setGroupBy(PanelGroupModel::GroupByOf groupBy) {
    m_groupBy = std::move(groupBy);
    if (!m_groups)
        return;
    m_groups->setGroupBy(m_groupBy);
    // A live reload adds and removes sources: their group_by may be new.
    SourceHealthModel *health = m_board->health();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(health, signal, m_groups, &PanelGroupModel::regroup, Qt::UniqueConnection);
}

namespace {
bool grouped(const PanelGroupModel *groups) {
    return groups && groups->groupCount() != groups->alertCount();
}
} // namespace

QString PanelView::countText(const PanelGroupModel *groups, int rows) {
    return QLocale(QLocale::English).toString(grouped(groups) ? groups->alertCount() : rows);
}

QString PanelView::titleText(ItemKind kind, const PanelGroupModel *groups) {
    if (!grouped(groups))
        return title(kind);
    return QStringLiteral("%1 in %2 groups")
        .arg(title(kind), QLocale(QLocale::English).toString(groups->groupCount()));
}

void PanelView::updateCount() {
    m_count->setText(countText(m_groups, m_proxy->rowCount()));
    m_title->setText(titleText(m_kind, m_groups));
    // The set of feeding sources can change with the items (a source seen for the first time).
    refreshFreshness();
}

void PanelView::refreshFreshness() {
    const Freshness f =
        panelFreshness(*m_board->health(), feedingSources(), m_board->clock().now());
    m_freshness->setFreshness(f);

    // A green zero is a goal met, so only when the sources vouch for it.
    const int n = m_proxy->rowCount();
    QColor countColor = palette().color(QPalette::WindowText);
    if (n > 0 && countIsAlarm(m_kind))
        countColor = Theme::failedColor();
    else if (n == 0)
        countColor =
            f.hasSources && f.state == HealthState::Ok ? Theme::okColor() : Theme::staleColor();
    if (m_count->palette().color(QPalette::WindowText) != countColor) {
        QPalette p = m_count->palette();
        p.setColor(QPalette::WindowText, countColor);
        m_count->setPalette(p);
    }

    // An empty list says why: nothing to do, or nothing known yet.
    QString empty = emptyText(m_kind);
    if (!f.hasSources)
        empty = QStringLiteral("No source feeds this panel");
    else if (f.state == HealthState::Pending)
        empty = QStringLiteral("Waiting for first data\u2026");
    else if (f.state == HealthState::Failed)
        empty = QStringLiteral("No data \u2014 %1").arg(f.text);
    if (m_proxy->hiddenCount() > 0) // never an empty panel without its reason
        empty = QStringLiteral("Nothing here matches the filter (%L1 hidden)")
                    .arg(m_proxy->hiddenCount());
    m_empty->setText(empty);
    m_stack->setCurrentWidget(m_proxy->rowCount() == 0 ? static_cast<QWidget *>(m_empty)
                                                       : static_cast<QWidget *>(m_list));
}

void PanelView::openIndex(const QModelIndex &index) {
    // A group has no one link: it opens to its alerts instead.
    if (m_groups && m_groups->isGroup(index)) {
        m_list->setExpanded(index, !m_list->isExpanded(index));
        return;
    }
    const QUrl url(index.data(PanelModel::UrlRole).toString());
    if (url.isValid() && !url.isEmpty())
        QDesktopServices::openUrl(url);
}
