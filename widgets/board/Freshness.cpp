// SPDX-License-Identifier: MIT
#include "Freshness.h"

#include "core/board/Board.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"

namespace {

// Higher is worse: the badge shows the worst source.
int severityOf(HealthState state) {
    switch (state) {
    case HealthState::Ok:
        return 0;
    case HealthState::Pending:
        return 1;
    case HealthState::Stale:
        return 2;
    case HealthState::Failed:
        return 3;
    }
    return 3;
}

// The badge is one line; the tooltip carries the full reason.
QString shortReason(const QString &error) {
    constexpr qsizetype maxChars = 40;
    const QString simplified = error.simplified();
    if (simplified.size() <= maxChars)
        return simplified;
    return simplified.left(maxChars - 1).trimmed() + QChar(0x2026);
}

} // namespace

QString healthGlyph(HealthState state) {
    switch (state) {
    case HealthState::Ok:
        return QStringLiteral("\u25CF");
    case HealthState::Stale:
        return QStringLiteral("\u25D0");
    case HealthState::Failed:
        return QStringLiteral("\u2715");
    case HealthState::Pending:
        break;
    }
    return QStringLiteral("\u2026");
}

QColor healthColor(HealthState state) {
    switch (state) {
    case HealthState::Ok:
        return Theme::okColor();
    case HealthState::Stale:
        return Theme::staleColor();
    case HealthState::Failed:
        return Theme::failedColor();
    case HealthState::Pending:
        break;
    }
    return Theme::staleColor().lighter(120);
}

QStringList feedingSources(const Board &board, ItemKind kind) {
    QStringList names = board.health()->sourcesOfPanel(itemKindPanelName(kind));
    for (const QString &source : board.panel(kind)->sources()) {
        if (!names.contains(source))
            names.append(source);
    }
    return names;
}

Freshness panelFreshness(const SourceHealthModel &health, const QStringList &sources,
                         const QDateTime &now) {
    Freshness result;
    const SourceInfo *worst = nullptr;
    int failing = 0; // stale or failed: "(+N)" tells there is more than the one shown
    QStringList lines;
    for (const QString &name : sources) {
        const SourceInfo *info = health.source(name);
        if (!info)
            continue;
        lines.append(health.summary(*info));
        const HealthState state = info->health.state;
        if (state == HealthState::Stale || state == HealthState::Failed)
            ++failing;
        if (!worst || severityOf(state) > severityOf(worst->health.state))
            worst = info;
    }
    result.toolTip = lines.join(QLatin1Char('\n'));
    if (!worst) {
        result.text = QStringLiteral("no source");
        result.toolTip = QStringLiteral("No configured source feeds this panel.");
        return result;
    }
    result.hasSources = true;
    result.state = worst->health.state;
    result.worstSource = worst->name;
    result.reason = worst->health.error.simplified();
    result.failing = failing;
    // Name the source only when the panel has several: otherwise it is noise.
    const QString who = lines.size() > 1 ? worst->name + QStringLiteral(": ") : QString();
    const QString more = failing > 1 ? QStringLiteral(" (+%1)").arg(failing - 1) : QString();
    const SourceHealth &h = worst->health;
    switch (result.state) {
    case HealthState::Ok:
        result.text = QStringLiteral("fresh");
        break;
    case HealthState::Pending:
        result.text = lines.size() > 1
                          ? QStringLiteral("waiting for first data: %1").arg(worst->name)
                          : QStringLiteral("waiting for first data");
        break;
    case HealthState::Stale: {
        const QString age = relativeAge(h.lastSuccess, now);
        const QString since =
            age.isEmpty() || age == QStringLiteral("now") ? QString() : QStringLiteral(" ") + age;
        result.text = QStringLiteral("stale%1: %2%3%4").arg(since, who, shortReason(h.error), more);
        break;
    }
    case HealthState::Failed:
        result.text = QStringLiteral("failed: %1%2%3").arg(who, shortReason(h.error), more);
        break;
    }
    return result;
}
