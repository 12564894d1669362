// SPDX-License-Identifier: MIT
// Which alerts collapse into one row: those of one source whose group-by labels are equal.
// Pure functions over Item::labels, so the table-driven tests need no model.
#pragma once

#include "core/board/Item.h"

#include <QString>
#include <QStringList>

// The value of label `name` in `labels` (`name="value"` entries), empty when absent.
QString labelValue(const QStringList &labels, const QString &name);

// The key of `item`'s group: its source and the values of `groupBy`, in that order. With no
// `groupBy` (not an Alertmanager source, or "group_by": []) every item is a group of its own.
QString groupKeyOf(const Item &item, const QStringList &groupBy);

// What a group row is called: the values of `groupBy` ("HighCPU · prod-eu"), a missing one shown
// as "(no cluster)"; the item's own title without `groupBy`.
QString groupTitleOf(const Item &item, const QStringList &groupBy);

// The label that tells the members of a group apart, to span them ("node-0001 … node-0120"):
// the first of `first`'s labels outside `groupBy` whose value differs in `other`. Empty when
// none does.
QString distinguishingLabel(const QStringList &first, const QStringList &other,
                            const QStringList &groupBy);
