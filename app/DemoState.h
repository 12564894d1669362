// SPDX-License-Identifier: MIT
// The demo's local state: an investigation already 14 minutes in, so that its clock turns red
// (the 15-minute rule) within a minute of starting the demo; and the week of RUN before it
// (the last handover six days ago, the requests triaged since, the investigations and their
// escalations), so the demo's handover reads like a real one.
#pragma once

#include <QDateTime>

class InvestigationClocks;
class Store;

// `store`: the demo's throwaway state, where the lean state is (its writers registered).
void seedDemoState(InvestigationClocks *clocks, Store *store, const QDateTime &now);
