// SPDX-License-Identifier: MIT
#include "SourceBar.h"

#include "core/models/SourceHealthModel.h"
#include "core/time/Clock.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"
#include "widgets/board/Freshness.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>

SourceBar::SourceBar(SourceHealthModel *health, const Clock &clock, QWidget *parent)
    : QFrame(parent)
    , m_health(health)
    , m_clock(clock)
    , m_row(new QWidget)
    , m_rowLayout(new QHBoxLayout(m_row))
    , m_none(new QLabel(QStringLiteral("No source configured"), m_row))
    , m_scroll(new QScrollArea(this)) {
    setObjectName(QStringLiteral("source-bar"));
    setAccessibleName(QStringLiteral("Sources"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *heading = new QLabel(QStringLiteral("Sources"), this);
    QFont bold = heading->font();
    bold.setWeight(QFont::DemiBold);
    heading->setFont(bold);

    m_none->setForegroundRole(QPalette::PlaceholderText);
    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(18);
    m_rowLayout->addWidget(m_none);
    m_rowLayout->addStretch(1);

    // Many sources scroll sideways rather than widening the window.
    auto *scroll = m_scroll;
    scroll->setWidget(m_row);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // A scroll area asks for room for a vertical scrollbar it never shows; its height is
    // the row's, plus the horizontal scrollbar only while that one is visible.
    scroll->horizontalScrollBar()->installEventFilter(this);
    scroll->setBackgroundRole(QPalette::Window);
    m_row->setBackgroundRole(QPalette::Window);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(14);
    layout->addWidget(heading);
    layout->addWidget(scroll, 1);

    connect(health, &QAbstractItemModel::dataChanged, this, &SourceBar::updateRows);
    connect(health, &QAbstractItemModel::rowsInserted, this, &SourceBar::rebuild);
    connect(health, &QAbstractItemModel::rowsRemoved, this, &SourceBar::rebuild);
    connect(health, &QAbstractItemModel::modelReset, this, &SourceBar::rebuild);
    rebuild();
}

QString SourceBar::entryText(int row) const {
    const QModelIndex i = m_health->index(row);
    const SourceHealth &health = m_health->sources()[static_cast<size_t>(row)].health;
    const auto state = health.state;
    // "ok · 1 item unreadable: …": fresh, but not every item could be read (in amber, as the
    // TLS warning).
    const QString word = healthStateText(health).toHtmlEscaped();
    const bool bad = state == HealthState::Failed;
    const QColor wordColor = bad                                ? Theme::failedColor()
                             : !healthWarning(health).isEmpty() ? Theme::amberColor().darker(115)
                                                                : Theme::staleColor().darker(125);
    QString text =
        QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3&nbsp;"
                       "<span style=\"color:%4;%5\">%6</span>")
            .arg(healthColor(state).name(), healthGlyph(state),
                 i.data(SourceHealthModel::NameRole).toString().toHtmlEscaped(), wordColor.name(),
                 bad ? QStringLiteral("font-weight:600") : QString(), word);
    if (const QString replicas = replicasText(health); !replicas.isEmpty())
        text += QStringLiteral("&nbsp;<span style=\"color:%1\">%2</span>")
                    .arg(Theme::staleColor().darker(125).name(), replicas);
    if (i.data(SourceHealthModel::TlsVerifyOffRole).toBool())
        text +=
            QStringLiteral("&nbsp;<span style=\"color:%1;font-weight:600\">\u26A0&nbsp;TLS</span>")
                .arg(Theme::amberColor().darker(115).name());
    return text;
}

QString SourceBar::entryToolTip(int row) const {
    const SourceInfo &info = m_health->sources()[static_cast<size_t>(row)];
    const SourceHealth &h = info.health;
    const QDateTime now = m_clock.now();
    QStringList lines{
        info.name,
        QStringLiteral("type: %1 \u00B7 panel: %2 \u00B7 every %3 s")
            .arg(info.type, info.panel)
            .arg(info.intervalS),
        QStringLiteral("health: %1").arg(healthStateText(h)),
        QStringLiteral("last success: %1").arg(shortTimestamp(h.lastSuccess, now)),
    };
    if (!h.error.isEmpty())
        lines.append(QStringLiteral("error: %1").arg(h.error));
    if (h.rateLimited && h.retryAt.isValid())
        lines.append(QStringLiteral("rate-limited until %1")
                         .arg(h.retryAt.toLocalTime().toString(QStringLiteral("HH:mm"))));
    else if (h.retryAt.isValid())
        lines.append(QStringLiteral("next retry %1").arg(shortTimestamp(h.retryAt, now)));
    if (const QString replicas = replicasText(h); !replicas.isEmpty())
        lines.append(replicas + QStringLiteral(" answer"));
    for (const QString &reason : h.replicaErrors)
        lines.append(QStringLiteral("replica %1").arg(reason));
    if (h.tlsVerifyOff)
        lines.append(QStringLiteral("\u26A0 TLS verification OFF: certificates are not checked"));
    return lines.join(QLatin1Char('\n'));
}

void SourceBar::refresh() {
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row)
        updateRow(row);
}

void SourceBar::rebuild() {
    for (QLabel *label : m_entries)
        delete label;
    m_entries.clear();
    const int rows = m_health->rowCount();
    for (int row = 0; row < rows; ++row) {
        auto *label = new QLabel(m_row);
        label->setTextFormat(Qt::RichText);
        label->setObjectName(QStringLiteral("source-") +
                             m_health->index(row).data(SourceHealthModel::NameRole).toString());
        // Before the stretch, which stays last.
        m_rowLayout->insertWidget(row, label);
        // Shown now, not on the next event loop turn, so the height below counts it.
        label->show();
        m_entries.push_back(label);
        updateRow(row);
    }
    m_none->setVisible(rows == 0);
    m_rowLayout->activate();
    fitHeight();
}

void SourceBar::fitHeight() {
    const QScrollBar *bar = m_scroll->horizontalScrollBar();
    m_scroll->setFixedHeight(m_row->sizeHint().height() +
                             (bar->isVisibleTo(m_scroll) ? bar->sizeHint().height() : 0));
}

bool SourceBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_scroll->horizontalScrollBar() &&
        (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        fitHeight();
    return QFrame::eventFilter(watched, event);
}

void SourceBar::updateRows(const QModelIndex &topLeft, const QModelIndex &bottomRight) {
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        if (row >= 0 && row < static_cast<int>(m_entries.size()))
            updateRow(row);
    }
}

void SourceBar::updateRow(int row) {
    QLabel *label = m_entries[static_cast<size_t>(row)];
    label->setText(entryText(row));
    label->setToolTip(entryToolTip(row));
    QString name = m_health->index(row).data(SourceHealthModel::SummaryRole).toString();
    if (const QString warning = healthWarning(m_health->sources()[static_cast<size_t>(row)].health);
        !warning.isEmpty())
        name += QStringLiteral(" \u00B7 ") + warning;
    label->setAccessibleName(name);
}
