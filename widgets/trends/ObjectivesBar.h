// SPDX-License-Identifier: MIT
// The team's objectives in one row, each met (green, ✓) or missed (red, ✗) in words: above the
// charts and in the window's toolbar. Hidden while no objective is configured.
#pragma once

#include "core/attention/ObjectiveStatus.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

class ObjectivesBar final : public QWidget {
    Q_OBJECT
public:
    // Full: "≤ 0 open bugs · now 4 · ✗ not met" (above the charts). Compact: "✗ ≤ 0 open bugs",
    // the rest in the tooltip (the window's header, where room is short).
    enum class Style { Full, Compact };

    // objectName "objectives"; each objective a label "objective:<config key>".
    explicit ObjectivesBar(Style style = Style::Full, QWidget *parent = nullptr);

    void setStates(const std::vector<ObjectiveState> &states);

private:
    Style m_style;
    QHBoxLayout *m_layout;
    QLabel *m_heading;
};
