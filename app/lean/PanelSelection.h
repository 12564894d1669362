// SPDX-License-Identifier: MIT
// The item behind a row of a board panel (through its sort proxy), and the selected one: what
// the lean workflow's buttons, keys and row marks act on.
#pragma once

#include "core/board/Item.h"

#include <QModelIndex>

class MainWindow;

// The item at `index` of a panel's list (proxy or source index), or nullptr.
const Item *itemAt(const QModelIndex &index);
// The current item of `kind`'s panel in `window`, or nullptr.
const Item *selectedItem(const MainWindow *window, ItemKind kind);
// Repaints `kind`'s rows (their marks changed).
void repaintPanel(const MainWindow *window, ItemKind kind);
