// SPDX-License-Identifier: MIT
// The item behind a row of a board panel (through its sort proxy), and the selected one: what
// the lean workflow's buttons, keys and row marks act on.
#pragma once

#include "core/board/Item.h"

#include <QModelIndex>

#include <vector>

class MainWindow;

// The item at `index` of a panel's list (grouping, proxy or source index), or nullptr (a group
// row is no one item).
const Item *itemAt(const QModelIndex &index);
// The items of a row: a group's alerts, or the one item.
std::vector<const Item *> itemsAt(const QModelIndex &index);
// A group row of the incidents panel (it expands; it is no one item).
bool isGroupAt(const QModelIndex &index);
// The current row of `kind`'s panel is a group.
bool groupSelected(const MainWindow *window, ItemKind kind);
// The current item of `kind`'s panel in `window`, or nullptr.
const Item *selectedItem(const MainWindow *window, ItemKind kind);
// Repaints `kind`'s rows (their marks changed).
void repaintPanel(const MainWindow *window, ItemKind kind);
