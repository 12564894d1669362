// SPDX-License-Identifier: MIT
// Who is on a row ("I'm on it"): a second pill beside the feature's RowMark ("● victor · 12 min",
// "● chloe · in pagerduty"), or, for an item that needs an owner and has had none for too long,
// "UNOWNED" (the wall turns the row's badge into it, pulsing). The desk's panels and the wall's
// draw the same marks, from the feature that knows them.
#pragma once

#include <QColor>
#include <QModelIndex>
#include <QString>

#include <functional>

struct OwnerMark {
    QString text;      // the desk's pill; empty: no pill
    QString shortText; // the wall's, read from afar: "● victor"
    QColor color;
    QString toolTip;      // in full: who, since when, what the source says
    bool unowned = false; // nobody on it past the delay
    bool pulse = false;   // the bright half of the pulse (the wall repaints every second)
};
using OwnerMarker = std::function<OwnerMark(const QModelIndex &index)>;
