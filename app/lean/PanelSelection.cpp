// SPDX-License-Identifier: MIT
#include "PanelSelection.h"

#include "app/MainWindow.h"
#include "core/models/PanelModel.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QListView>
#include <QSortFilterProxyModel>

const Item *itemAt(const QModelIndex &index) {
    if (!index.isValid())
        return nullptr;
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(index.model());
    const QModelIndex source = proxy ? proxy->mapToSource(index) : index;
    const auto *model = qobject_cast<const PanelModel *>(source.model());
    return model ? &model->item(source.row()) : nullptr;
}

const Item *selectedItem(const MainWindow *window, ItemKind kind) {
    return itemAt(window->boardView()->panelView(kind)->list()->currentIndex());
}

void repaintPanel(const MainWindow *window, ItemKind kind) {
    window->boardView()->panelView(kind)->list()->viewport()->update();
}
