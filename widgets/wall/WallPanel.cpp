// SPDX-License-Identifier: MIT
#include "WallPanel.h"

#include "core/board/Board.h"
#include "core/models/PanelSortProxy.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"
#include "widgets/board/Freshness.h"
#include "widgets/board/PanelView.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallItemDelegate.h"

#include <QLabel>
#include <QListView>
#include <QPainter>

namespace {

void setInk(QLabel *label, const QColor &color) {
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

// The band says what is wrong in words a person across the room can act on.
QString bandText(const Freshness &f, const SourceHealthModel &health, const QDateTime &now) {
    const QString glyph = healthGlyph(f.state) + QLatin1Char(' ');
    const QString more =
        f.failing > 1 ? QStringLiteral(" (+%1 more failing)").arg(f.failing - 1) : QString();
    const QString why = f.reason.isEmpty() ? QString() : QStringLiteral(": ") + f.reason;
    switch (f.state) {
    case HealthState::Stale: {
        const SourceInfo *info = health.source(f.worstSource);
        const QString age = info ? relativeAge(info->health.lastSuccess, now) : QString();
        const QString since = age.isEmpty() || age == QStringLiteral("now")
                                  ? QString()
                                  : QStringLiteral(", last data %1 ago").arg(age);
        return glyph + QStringLiteral("STALE%1 \u2014 %2%3%4").arg(since, f.worstSource, why, more);
    }
    case HealthState::Failed:
        return glyph + QStringLiteral("NO DATA \u2014 %1%2%3").arg(f.worstSource, why, more);
    case HealthState::Pending:
        return glyph + QStringLiteral("Waiting for first data from %1").arg(f.worstSource);
    case HealthState::Ok:
        break;
    }
    return {};
}

} // namespace

WallPanel::WallPanel(ItemKind kind, Board *board, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_board(board)
    , m_model(board->panel(kind))
    , m_proxy(new PanelSortProxy(kind, this))
    , m_groups(kind == ItemKind::Incident ? new PanelGroupModel(m_model, {}, this) : nullptr)
    , m_delegate(new WallItemDelegate(kind, this))
    , m_count(new QLabel(this))
    , m_title(new QLabel(PanelView::title(kind), this))
    , m_status(new QLabel(this))
    , m_band(new WallBand(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
    , m_more(new QLabel(this)) {
    setObjectName(QStringLiteral("wall-panel-") + itemKindPanelName(kind));
    setAccessibleName(PanelView::title(kind));
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_count->setObjectName(QStringLiteral("count"));
    m_title->setObjectName(QStringLiteral("title"));
    m_status->setObjectName(QStringLiteral("freshness"));
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_band->setObjectName(QStringLiteral("freshness-band"));
    m_band->hide();
    setInk(m_title, WallColors::text());

    m_proxy->setSourceModel(m_model);
    m_list->setObjectName(QStringLiteral("items"));
    if (m_groups) {
        m_proxy->sort(-1); // the grouping keeps its own order
        m_groups->setSourceModel(m_proxy);
        m_list->setModel(m_groups);
    } else {
        m_list->setModel(m_proxy);
    }
    m_list->setItemDelegate(m_delegate);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus);
    // A wall is looked at, not clicked: a stray click must not select, open or scroll anything.
    m_list->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_list->setAccessibleName(PanelView::title(kind));

    m_empty->setObjectName(QStringLiteral("empty-state"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    setInk(m_empty, WallColors::dimText());
    m_more->setObjectName(QStringLiteral("more"));
    m_more->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setInk(m_more, WallColors::dimText());

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &WallPanel::refresh);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WallPanel::refresh);
    if (m_groups)
        connect(m_groups, &PanelGroupModel::countsChanged, this, &WallPanel::refresh);
    SourceHealthModel *health = board->health();
    connect(health, &SourceHealthModel::healthChanged, this, &WallPanel::refresh);
    connect(health, &QAbstractItemModel::rowsInserted, this, &WallPanel::refresh);
    connect(health, &QAbstractItemModel::modelReset, this, &WallPanel::refresh);
    setMetrics(wallMetrics(1080));
}

void WallPanel::setGroupBy(PanelGroupModel::GroupByOf groupBy) {
    if (!m_groups)
        return;
    m_groups->setGroupBy(std::move(groupBy));
    SourceHealthModel *health = m_board->health();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(health, signal, m_groups, &PanelGroupModel::regroup, Qt::UniqueConnection);
}

void WallPanel::setMetrics(const WallMetrics &metrics) {
    m_metrics = metrics;
    const QFont base = font();
    m_count->setFont(wallFont(base, metrics.titlePx, QFont::Bold));
    m_title->setFont(wallFont(base, metrics.titlePx, QFont::Bold));
    m_status->setFont(wallFont(base, metrics.detailPx, QFont::DemiBold));
    m_band->setTextPixelSize(metrics.headerPx, metrics.pad);
    m_empty->setFont(wallFont(base, metrics.itemPx, QFont::Normal));
    m_more->setFont(wallFont(base, metrics.detailPx, QFont::DemiBold));
    m_delegate->setMetrics(metrics, base);
    m_list->doItemsLayout();
    refresh();
}

void WallPanel::refresh() {
    const Freshness f = panelFreshness(*m_board->health(), feedingSources(*m_board, m_kind),
                                       m_board->clock().now());
    const int n = m_proxy->rowCount();
    m_count->setText(PanelView::countText(m_groups, n));
    m_title->setText(PanelView::titleText(m_kind, m_groups));
    QColor countColor = WallColors::text();
    if (n > 0 && (m_kind == ItemKind::Incident || m_kind == ItemKind::Andon))
        countColor = Theme::failedColor().lighter(125);
    else if (n == 0)
        countColor = f.hasSources && f.state == HealthState::Ok ? Theme::okColor().lighter(130)
                                                                : WallColors::staleText();
    setInk(m_count, countColor);

    m_status->setText(f.hasSources
                          ? healthGlyph(f.state) + QLatin1Char(' ') + healthStateName(f.state)
                          : QStringLiteral("\u2013 no source"));
    setInk(m_status,
           f.state == HealthState::Ok ? Theme::okColor().lighter(130) : WallColors::dimText());

    const bool loud = f.hasSources && f.state != HealthState::Ok;
    if (loud) {
        QColor fill = Theme::amberColor();
        if (f.state == HealthState::Failed)
            fill = Theme::failedColor();
        else if (f.state == HealthState::Pending)
            fill = WallColors::rule();
        m_band->setContent(bandText(f, *m_board->health(), m_board->clock().now()), fill,
                           Theme::textOn(fill));
    }
    m_band->setVisible(loud);

    QString empty = PanelView::emptyText(m_kind);
    if (!f.hasSources)
        empty = QStringLiteral("No source feeds this panel");
    else if (f.state == HealthState::Pending)
        empty = QStringLiteral("Waiting for first data\u2026");
    else if (f.state == HealthState::Failed)
        empty = QStringLiteral("No data: the source is failing (see above)");
    if (m_proxy->hiddenCount() > 0) // the wall's filter: said, never a silent zero
        empty += QStringLiteral(" (%L1 hidden by the wall's filter)").arg(m_proxy->hiddenCount());
    m_empty->setText(empty);
    relayout();
}

void WallPanel::resizeEvent(QResizeEvent *event) {
    QFrame::resizeEvent(event);
    relayout();
}

void WallPanel::relayout() {
    const int pad = m_metrics.pad;
    const int w = width();
    int y = pad / 2;
    const int headerH = QFontMetrics(m_title->font()).height();
    const int countW = textWidth(m_count->font(), m_count->text());
    const int statusW = textWidth(m_status->font(), m_status->text()) + pad;
    m_count->setGeometry(pad, y, countW, headerH);
    const int titleX = pad + countW + pad;
    m_status->setGeometry(w - pad - statusW, y, statusW, headerH);
    m_title->setGeometry(titleX, y, std::max(0, w - pad - statusW - titleX), headerH);
    y += headerH + pad / 2;
    m_ruleY = y;
    y += 1;
    if (m_band->isVisibleTo(this)) {
        const int bandH = m_band->sizeHint().height();
        m_band->setGeometry(0, y, w, bandH);
        y += bandH;
    }
    const QRect body(0, y, w, std::max(0, height() - y - pad / 2));
    const int rows = m_list->model()->rowCount();
    const int rowH = std::max(1, m_delegate->rowHeight());
    int fit = body.height() / rowH;
    m_hidden = 0;
    if (rows > fit) {
        const int moreH = QFontMetrics(m_more->font()).height() + pad;
        fit = std::max(0, (body.height() - moreH) / rowH);
        m_hidden = rows - fit;
        m_more->setText(QStringLiteral("+ %1 more").arg(m_hidden));
        m_more->setGeometry(pad, body.top() + fit * rowH, w - 2 * pad, moreH);
    }
    m_more->setVisible(m_hidden > 0);
    // Whole rows only: a half-cut row reads as a glitch from afar.
    m_list->setGeometry(body.left(), body.top(), w,
                        std::min(body.height(), std::max(fit, 0) * rowH));
    m_list->setVisible(rows > 0);
    m_empty->setGeometry(body.adjusted(pad, pad, -pad, -pad));
    m_empty->setVisible(rows == 0);
    update();
}

void WallPanel::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), WallColors::panel());
    p.fillRect(QRect(0, m_ruleY, width(), 1), WallColors::rule());
    p.setPen(WallColors::rule());
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}
