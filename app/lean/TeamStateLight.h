// SPDX-License-Identifier: MIT
// The status bar's light for a team's shared state: "team state" while the store answers;
// "team state unreachable since HH:MM — reason · 3 changes kept here" in red when it does not
// (the board goes on, and what is done waits in the local journal).
#pragma once

#include <QLabel>

class Store;
class QStatusBar;

class TeamStateLight final : public QLabel {
    Q_OBJECT
public:
    // Added to `bar` as a permanent widget; `store` must outlive it.
    TeamStateLight(Store *store, QStatusBar *bar);

private:
    void update();

    Store *m_store;
};
