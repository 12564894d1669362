// SPDX-License-Identifier: MIT
#include "Item.h"

QString itemKindPanelName(ItemKind kind) {
    switch (kind) {
    case ItemKind::Request:
        return QStringLiteral("requests");
    case ItemKind::Bug:
        return QStringLiteral("bugs");
    case ItemKind::Incident:
        return QStringLiteral("incidents");
    case ItemKind::Andon:
        return QStringLiteral("andons");
    case ItemKind::Card:
        return QStringLiteral("kanban");
    }
    return QStringLiteral("incidents");
}

bool itemKindFromPanelName(const QString &name, ItemKind *kind) {
    for (ItemKind k : allItemKinds) {
        if (itemKindPanelName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

bool Item::operator==(const Item &o) const {
    return kind == o.kind && id == o.id && source == o.source && title == o.title &&
           state == o.state && createdAt == o.createdAt && people == o.people && url == o.url &&
           owner == o.owner && labels == o.labels &&
           severity == o.severity && project == o.project && reason == o.reason &&
           raisedBy == o.raisedBy && column == o.column && due == o.due &&
           columnSince == o.columnSince;
}
