// SPDX-License-Identifier: MIT
// The board's worst state in one word, for the tray icon: andon > SEV-1 > stale source > ok.
// Pure functions, so the ordering and wording are tested without a system tray.
#pragma once

#include <QString>

class Board;

enum class BoardAlarm { Ok, StaleSource, Sev1, Andon }; // in increasing order of urgency

struct BoardCounts {
    int andons = 0;
    int sev1 = 0;          // open SEV-1 incidents
    int incidents = 0;     // every open incident, SEV-1 included
    int unownedSevere = 0; // SEV-1/SEV-2 incidents nobody owns past the delay (UnownedItems)
    int requests = 0;
    int bugs = 0;
    int sources = 0;
    int staleSources = 0; // stale or failed: the board may be out of date
    int pendingSources = 0;
};

struct TrayStatus {
    BoardAlarm alarm = BoardAlarm::Ok;
    QString headline; // "2 andons pulled", "1 SEV-1 incident", "1 source stale", "All clear"
    QString toolTip;  // the headline, then every count
};

BoardCounts countBoard(const Board &board);
TrayStatus trayStatus(const BoardCounts &counts);
// "andon", "sev1", "stale", "ok": for logs and tests.
QString boardAlarmName(BoardAlarm alarm);
