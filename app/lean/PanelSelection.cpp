// SPDX-License-Identifier: MIT
#include "PanelSelection.h"

#include "app/MainWindow.h"
#include "core/models/PanelGroupModel.h"
#include "core/models/PanelModel.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QSortFilterProxyModel>
#include <QTreeView>

const Item *itemAt(const QModelIndex &index) {
    if (!index.isValid())
        return nullptr;
    // The incidents panel's grouping first: a group row is no one item.
    QModelIndex row = index;
    if (const auto *groups = qobject_cast<const PanelGroupModel *>(index.model())) {
        row = groups->mapToSource(index);
        if (!row.isValid())
            return nullptr;
    }
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(row.model());
    const QModelIndex source = proxy ? proxy->mapToSource(row) : row;
    const auto *model = qobject_cast<const PanelModel *>(source.model());
    return model ? &model->item(source.row()) : nullptr;
}

std::vector<const Item *> itemsAt(const QModelIndex &index) {
    if (const auto *groups = qobject_cast<const PanelGroupModel *>(index.model()))
        return groups->itemsOf(index);
    const Item *item = itemAt(index);
    return item ? std::vector<const Item *>{item} : std::vector<const Item *>();
}

bool isGroupAt(const QModelIndex &index) {
    const auto *groups = qobject_cast<const PanelGroupModel *>(index.model());
    return groups && groups->isGroup(index);
}

bool groupSelected(const MainWindow *window, ItemKind kind) {
    return isGroupAt(window->boardView()->panelView(kind)->list()->currentIndex());
}

const Item *selectedItem(const MainWindow *window, ItemKind kind) {
    return itemAt(window->boardView()->panelView(kind)->list()->currentIndex());
}

void repaintPanel(const MainWindow *window, ItemKind kind) {
    window->boardView()->panelView(kind)->list()->viewport()->update();
}
