// SPDX-License-Identifier: MIT
#include "DemoState.h"

#include "app/Dashboard.h"
#include "demo/DemoData.h"

void seedDemoState(Dashboard *dashboard) {
    InvestigationClocks *clocks = dashboard->clocks();
    if (!clocks)
        return;
    const QDateTime now = dashboard->board()->clock().now();
    clocks->startAt(QLatin1String(demoInvestigatedRequest().source),
                    QLatin1String(demoInvestigatedRequest().id), now.addSecs(-14 * 60));
}
