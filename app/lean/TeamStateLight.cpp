// SPDX-License-Identifier: MIT
#include "TeamStateLight.h"

#include "core/store/Store.h"
#include "widgets/Theme.h"

#include <QStatusBar>

TeamStateLight::TeamStateLight(Store *store, QStatusBar *bar)
    : QLabel(bar)
    , m_store(store) {
    setObjectName(QStringLiteral("team-state"));
    bar->addPermanentWidget(this);
    connect(store, &Store::reachabilityChanged, this, &TeamStateLight::update);
    update();
}

void TeamStateLight::update() {
    const StoreLocation &where = m_store->location();
    if (m_store->isReachable()) {
        setText(QStringLiteral("\u25CF team state"));
        setStyleSheet(QStringLiteral("color: %1").arg(Theme::okColor().name()));
        setToolTip(QStringLiteral("Clocks, triage, escalations and the outbox are shared in %1")
                       .arg(where.describe()));
        return;
    }
    setText(QStringLiteral("\u25CF team state unreachable since %1 \u2014 %2")
                .arg(m_store->unreachableSince().toLocalTime().toString(QStringLiteral("HH:mm")),
                     m_store->unreachableReason().section(QLatin1Char('\n'), 0, 0)));
    setStyleSheet(QStringLiteral("color: %1").arg(Theme::failedColor().name()));
    setToolTip(QStringLiteral("%1 does not answer; the board goes on, and the store is tried "
                              "again every few seconds.")
                   .arg(where.describe()));
}
