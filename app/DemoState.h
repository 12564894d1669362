// SPDX-License-Identifier: MIT
// The demo's local state: an investigation already 14 minutes in, so that its clock turns red
// (the 15-minute rule) within a minute of starting the demo.
#pragma once

#include <QDateTime>

class InvestigationClocks;

void seedDemoState(InvestigationClocks *clocks, const QDateTime &now);
