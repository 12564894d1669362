// SPDX-License-Identifier: MIT
#pragma once

// --stall-report: measures how late the UI thread's event loop turns (a 5 ms heartbeat) and
// prints the longest stalls, each with the event that was being handled, when the app quits.
void startStallReport();
