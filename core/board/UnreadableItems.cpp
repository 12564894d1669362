// SPDX-License-Identifier: MIT
#include "UnreadableItems.h"

void UnreadableItems::add(const QString &pointer, const QString &expected) {
    if (count++ == 0) {
        firstPointer = pointer;
        firstExpected = expected;
    }
}

void UnreadableItems::add(const UnreadableItems &more) {
    if (more.count == 0)
        return;
    if (count == 0) {
        firstPointer = more.firstPointer;
        firstExpected = more.firstExpected;
    }
    count += more.count;
}

QString unreadableText(const UnreadableItems &unreadable) {
    if (unreadable.count == 0)
        return {};
    return QStringLiteral("%1 %2 unreadable: %3 expected %4")
        .arg(QString::number(unreadable.count),
             unreadable.count == 1 ? QStringLiteral("item") : QStringLiteral("items"),
             unreadable.firstPointer.isEmpty() ? QStringLiteral("/") : unreadable.firstPointer,
             unreadable.firstExpected);
}
