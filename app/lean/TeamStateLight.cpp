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
    connect(store, &Store::journalChanged, this, &TeamStateLight::update);
    update();
}

void TeamStateLight::update() {
    const StoreLocation &where = m_store->location();
    const int kept = m_store->journalSize();
    const QString waiting = kept == 0 ? QString()
                                      : QStringLiteral(" \u00B7 %1 change%2 kept here")
                                            .arg(kept)
                                            .arg(kept == 1 ? QString() : QStringLiteral("s"));
    if (m_store->isReachable() && kept == 0) {
        setText(QStringLiteral("\u25CF team state"));
        setStyleSheet(QStringLiteral("color: %1").arg(Theme::okColor().name()));
        setToolTip(QStringLiteral("Clocks, triage, escalations and the outbox are shared in %1")
                       .arg(where.describe()));
        return;
    }
    if (m_store->isReachable()) { // answering again, the journal being replayed
        setText(QStringLiteral("\u25CF team state") + waiting);
        return;
    }
    setText(QStringLiteral("\u25CF team state unreachable since %1 \u2014 %2%3")
                .arg(m_store->unreachableSince().toLocalTime().toString(QStringLiteral("HH:mm")),
                     m_store->unreachableReason().section(QLatin1Char('\n'), 0, 0), waiting));
    setStyleSheet(QStringLiteral("color: %1").arg(Theme::failedColor().name()));
    setToolTip(QStringLiteral("%1 does not answer; the board goes on, what you do is kept on "
                              "this machine and written in order when the store answers (it is "
                              "tried every few seconds).")
                   .arg(where.describe()));
}
