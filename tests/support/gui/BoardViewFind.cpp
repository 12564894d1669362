// SPDX-License-Identifier: MIT
#include "BoardViewFind.h"

#include "core/models/PanelModel.h"

PanelView *findPanel(BoardView &view, const QString &name) {
    return view.findChild<PanelView *>(QStringLiteral("panel-") + name);
}

QLabel *findLabel(QWidget *parent, const QString &name) {
    return parent ? parent->findChild<QLabel *>(name) : nullptr;
}

QTreeView *findItemList(BoardView &view, const QString &name) {
    PanelView *p = findPanel(view, name);
    return p ? p->findChild<QTreeView *>(QStringLiteral("items")) : nullptr;
}

QString itemIdAt(QTreeView *list, int row) {
    return list->model()->index(row, 0).data(PanelModel::IdRole).toString();
}
