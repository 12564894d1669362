// SPDX-License-Identifier: MIT
#include "GroupKey.h"

#include "core/board/ItemDiff.h"

namespace {

// `name="value"` -> name; an entry without `="` is all name.
QStringView labelName(const QString &entry) {
    const qsizetype eq = entry.indexOf(QLatin1String("=\""));
    return eq < 0 ? QStringView(entry) : QStringView(entry).left(eq);
}

QStringView labelText(const QString &entry) {
    const qsizetype eq = entry.indexOf(QLatin1String("=\""));
    if (eq < 0)
        return {};
    QStringView value = QStringView(entry).mid(eq + 2);
    return value.endsWith(QLatin1Char('"')) ? value.chopped(1) : value;
}

} // namespace

QString labelValue(const QStringList &labels, const QString &name) {
    for (const QString &entry : labels) {
        if (labelName(entry) == name)
            return labelText(entry).toString();
    }
    return {};
}

QString groupKeyOf(const Item &item, const QStringList &groupBy) {
    // A separator no label value holds keeps ("a","bc") and ("ab","c") apart.
    if (groupBy.isEmpty())
        return QChar(0x1e) + itemKey(item.source, item.id);
    QString key = item.source;
    for (const QString &name : groupBy) {
        key += QChar(0x1f);
        key += labelValue(item.labels, name);
    }
    return key;
}

QString groupTitleOf(const Item &item, const QStringList &groupBy) {
    if (groupBy.isEmpty())
        return item.title;
    QStringList parts;
    for (const QString &name : groupBy) {
        const QString value = labelValue(item.labels, name);
        parts.append(value.isEmpty() ? QStringLiteral("(no %1)").arg(name) : value);
    }
    return parts.join(QStringLiteral(" \u00B7 "));
}

QString distinguishingLabel(const QStringList &first, const QStringList &other,
                            const QStringList &groupBy) {
    for (const QString &entry : first) {
        const QString name = labelName(entry).toString();
        if (groupBy.contains(name))
            continue;
        if (labelValue(other, name) != labelText(entry))
            return name;
    }
    return {};
}
