// SPDX-License-Identifier: MIT
#include "WallView.h"

#include "core/attention/WallAlerts.h"
#include "core/board/Board.h"
#include "core/time/ClockJumpWatch.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"
#include "widgets/kanban/KanbanView.h"
#include "widgets/trends/TrendsView.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallPanel.h"

#include <QGridLayout>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace {

// Lands just after the boundary so the new minute is already there to read.
constexpr int tickSlackMs = 250;

QString andonName(const Item &a) {
    return a.project.isEmpty() ? a.title : a.project;
}

QString moreCount(size_t n) {
    return n > 1 ? QStringLiteral("   (+%1 more)").arg(n - 1) : QString();
}

} // namespace

WallView::WallView(Board *board, const WallConfig &config, const QString &onDuty, QWidget *parent,
                   const Objectives &objectives)
    : QWidget(parent)
    , m_board(board)
    , m_config(config)
    , m_alerts(new WallAlerts(board, this))
    , m_header(new WallHeader(board->health(), board->clock(), onDuty, this))
    , m_andonBand(new WallBand(this))
    , m_banner(new WallBand(this))
    , m_pages(new QStackedWidget(this))
    , m_objectives(objectives)
    , m_takeover(new AndonTakeover(board->clock(), this))
    , m_minute(new QTimer(this))
    , m_rotation(new QTimer(this))
    , m_jumpWatch(new ClockJumpWatch(board->clock(), this))
    , m_rotationEpoch(board->clock().now()) {
    setObjectName(QStringLiteral("wall-view"));
    setPalette(WallColors::palette());
    setAutoFillBackground(true);
    m_andonBand->setObjectName(QStringLiteral("andon-band"));
    m_banner->setObjectName(QStringLiteral("incident-banner"));
    m_pages->setObjectName(QStringLiteral("wall-pages"));
    m_andonBand->hide();
    m_banner->hide();

    if (m_config.pages.empty())
        m_config.pages = {defaultWallPanels()};
    if (m_config.layout == WallConfig::Layout::Tiles)
        m_config.pages.resize(1);
    for (size_t i = 0; i < m_config.pages.size(); ++i)
        m_pages->addWidget(buildPage(m_config.pages[i], static_cast<int>(i)));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_andonBand);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);

    m_takeover->hide();
    connect(m_alerts, &WallAlerts::changed, this, &WallView::refreshAlerts);

    m_minute->setSingleShot(true);
    m_minute->setTimerType(Qt::PreciseTimer);
    connect(m_minute, &QTimer::timeout, this, &WallView::minuteTick);
    m_rotation->setSingleShot(true);
    m_rotation->setTimerType(Qt::PreciseTimer);
    connect(m_rotation, &QTimer::timeout, this, &WallView::rotationTick);
    // After sleep or a time step, timers armed against the old time are wrong: re-arm now.
    connect(m_jumpWatch, &ClockJumpWatch::jumped, this, [this] {
        minuteTick();
        rotationTick();
    });

    applyMetrics();
    refreshAlerts();
    scheduleMinute();
    rotationTick();
}

QWidget *WallView::buildPage(const WallPage &content, int index) {
    auto *page = new QWidget(m_pages);
    page->setObjectName(QStringLiteral("wall-page-%1").arg(index));
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    // The boards that fill a page: one of each, however many pages name it.
    if (content.kind == WallPage::Kind::Kanban && !m_kanban) {
        m_kanban = new KanbanView(m_board, page);
        m_kanban->setScrollBarsShown(false);
        grid->addWidget(m_kanban, 0, 0);
        return page;
    }
    if (content.kind == WallPage::Kind::Charts && !m_trends) {
        m_trends = new TrendsView(m_objectives, page);
        grid->addWidget(m_trends, 0, 0);
        return page;
    }
    const std::vector<ItemKind> &kinds = content.panels;
    const int n = static_cast<int>(kinds.size());
    // Two panels side by side, four in a 2×2, three as two over one wide.
    const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))));
    const int rows = (n + columns - 1) / columns;
    for (int i = 0; i < n; ++i) {
        auto *panel = new WallPanel(kinds[static_cast<size_t>(i)], m_board, page);
        m_panels.push_back(panel);
        const int row = i / columns;
        const int column = i % columns;
        const int span = (i == n - 1) ? columns - column : 1;
        grid->addWidget(panel, row, column, 1, span);
    }
    for (int c = 0; c < columns; ++c)
        grid->setColumnStretch(c, 1);
    for (int r = 0; r < rows; ++r)
        grid->setRowStretch(r, 1);
    return page;
}

int WallView::currentPage() const {
    return m_pages->currentIndex();
}

bool WallView::holdPage(const QString &page) {
    int index = -1;
    bool isNumber = false;
    const int number = page.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= pageCount())
        index = number - 1;
    for (size_t i = 0; index < 0 && i < m_config.pages.size(); ++i) {
        const WallPage::Kind kind = m_config.pages[i].kind;
        if ((kind == WallPage::Kind::Kanban && page == QLatin1String("kanban")) ||
            (kind == WallPage::Kind::Charts && page == QLatin1String("charts")))
            index = static_cast<int>(i);
    }
    if (index < 0)
        return false;
    m_heldPage = index;
    rotationTick();
    return true;
}

int WallView::pageCount() const {
    return m_pages->count();
}

bool WallView::acknowledge() {
    return m_alerts->acknowledge();
}

void WallView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    applyMetrics();
    m_takeover->setGeometry(rect());
}

void WallView::applyMetrics() {
    const WallMetrics metrics = wallMetrics(height());
    if (metrics == m_metrics)
        return;
    m_metrics = metrics;
    layout()->setContentsMargins(metrics.gap, metrics.gap / 2, metrics.gap, metrics.gap);
    layout()->setSpacing(metrics.gap);
    for (QGridLayout *grid : m_pages->findChildren<QGridLayout *>())
        grid->setSpacing(metrics.gap);
    m_header->setMetrics(metrics);
    m_andonBand->setTextPixelSize(metrics.bannerPx, metrics.pad);
    m_banner->setTextPixelSize(metrics.bannerPx, metrics.pad);
    for (WallPanel *panel : m_panels)
        panel->setMetrics(metrics);
    // The boards size their text from their font: the wall's detail size reads across a room.
    if (m_kanban) {
        m_kanban->setFont(wallFont(font(), metrics.detailPx));
        m_kanban->rebuild(); // its labels took their fonts when built
    }
    if (m_trends)
        m_trends->setFont(wallFont(font(), metrics.detailPx));
    m_takeover->setMetrics(metrics);
}

void WallView::refreshAlerts() {
    const QDateTime now = m_board->clock().now();
    const Items takeover = m_alerts->takeoverAndons();
    m_takeover->setAndons(takeover);
    m_takeover->setVisible(!takeover.empty());
    if (!takeover.empty()) {
        m_takeover->setGeometry(rect());
        m_takeover->raise();
    }

    const Items acked = m_alerts->acknowledgedAndons();
    if (!acked.empty()) {
        const Item &a = acked.front();
        const QString age = relativeAge(a.createdAt, now);
        QStringList parts{QStringLiteral("\u25A0 ANDON: %1 halted").arg(andonName(a))};
        if (!age.isEmpty() && age != QStringLiteral("now"))
            parts.last() += QStringLiteral(" for ") + age;
        if (!a.reason.isEmpty())
            parts.append(a.reason);
        if (!a.raisedBy.isEmpty())
            parts.append(QStringLiteral("raised by ") + a.raisedBy);
        m_andonBand->setContent(parts.join(QStringLiteral("  \u2014  ")) + moreCount(acked.size()),
                                WallColors::andon(), Qt::white);
    }
    m_andonBand->setVisible(!acked.empty());

    const Items banners = m_alerts->incidentBanners();
    if (!banners.empty()) {
        const Item &i = banners.front();
        const QString age = relativeAge(i.createdAt, now);
        const QColor fill = Theme::severityColor(i.severity.level);
        m_banner->setContent(
            QStringLiteral("%1 NEW %2%3  \u2014  %4%5   \u00B7   Space to acknowledge")
                .arg(Theme::severityGlyph(i.severity.level), i.severity.label(),
                     age.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(age), i.title,
                     moreCount(banners.size())),
            fill, Theme::textOn(fill));
    }
    m_banner->setVisible(!banners.empty());
}

void WallView::minuteTick() {
    m_board->refreshAges();
    for (WallPanel *panel : m_panels)
        panel->refresh();
    m_header->update();
    m_takeover->refreshTimes();
    refreshAlerts();
    scheduleMinute();
}

void WallView::scheduleMinute() {
    // Re-aligned every tick from the clock itself: no drift, and right again after sleep.
    const qint64 intoMinute = m_board->clock().now().toMSecsSinceEpoch() % 60000;
    m_minute->start(static_cast<int>(60000 - intoMinute + tickSlackMs));
}

void WallView::rotationTick() {
    const int count = pageCount();
    if (m_heldPage >= 0) {
        m_rotation->stop();
        m_pages->setCurrentIndex(m_heldPage);
        m_header->setPage(m_heldPage, count);
        return;
    }
    if (count < 2) {
        m_header->setPage(0, count);
        return;
    }
    const qint64 intervalMs = static_cast<qint64>(m_config.pageIntervalS) * 1000;
    const qint64 sinceEpoch = m_rotationEpoch.msecsTo(m_board->clock().now());
    // Floor division: a clock stepped back before the epoch still lands on a valid page.
    qint64 slot = sinceEpoch / intervalMs;
    if (sinceEpoch < 0 && sinceEpoch % intervalMs != 0)
        --slot;
    const int page = static_cast<int>(((slot % count) + count) % count);
    m_pages->setCurrentIndex(page);
    m_header->setPage(page, count);
    const qint64 intoSlot = sinceEpoch - slot * intervalMs;
    m_rotation->start(static_cast<int>(intervalMs - intoSlot));
}
