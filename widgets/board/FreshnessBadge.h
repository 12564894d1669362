// SPDX-License-Identifier: MIT
// The pill in a panel's header that says how fresh its data is. A QLabel so text() is the
// whole sentence; painted elided, so a narrow panel shows "◐ stale 3 min: tim…", not a cut.
#pragma once

#include "widgets/board/Freshness.h"

#include <QLabel>

class FreshnessBadge final : public QLabel {
    Q_OBJECT
public:
    explicit FreshnessBadge(QWidget *parent = nullptr);

    void setFreshness(const Freshness &freshness);
    HealthState state() const { return m_state; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QSize pillSize(const QString &text) const;

    HealthState m_state = HealthState::Pending;
    bool m_quiet = true; // outlined rather than filled: nothing is known yet
};
