// SPDX-License-Identifier: MIT
// A mark a feature puts on a row: a pill at the end of the second line ("⏱ 12:40" amber,
// "WAITING 3 d", "TAKEN · victor · 0:12") and, when `highlight`, an accent bar (the one bug in
// progress). The desk's panels and the wall's draw the same marks.
#pragma once

#include <QColor>
#include <QModelIndex>
#include <QString>

#include <functional>

struct RowMark {
    QString text;
    QColor color;
    bool highlight = false;
};
using RowMarker = std::function<RowMark(const QModelIndex &index)>;
