// SPDX-License-Identifier: MIT
#include "DemoState.h"

#include "core/lean/InvestigationClocks.h"
#include "demo/DemoData.h"

void seedDemoState(InvestigationClocks *clocks, const QDateTime &now) {
    clocks->startAt(QLatin1String(demoInvestigatedRequest().source),
                    QLatin1String(demoInvestigatedRequest().id), now.addSecs(-14 * 60));
}
