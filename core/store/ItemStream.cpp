// SPDX-License-Identifier: MIT
#include "ItemStream.h"

#include <QDataStream>
#include <QIODevice>

namespace {

constexpr quint32 magic = 0x64626931; // "dbi1"
constexpr quint32 formatVersion = 1;  // bump when Item's fields change

QDataStream &operator<<(QDataStream &out, const Item &item) {
    out << static_cast<qint32>(item.kind) << item.source << item.id << item.title << item.state
        << item.createdAt << item.people << item.url << static_cast<qint32>(item.severity.level)
        << item.severity.raw << item.project << item.reason << item.raisedBy << item.column
        << item.due << item.columnSince;
    return out;
}

bool readItem(QDataStream &in, Item *item) {
    qint32 kind = 0;
    qint32 level = 0;
    in >> kind >> item->source >> item->id >> item->title >> item->state >> item->createdAt >>
        item->people >> item->url >> level >> item->severity.raw >> item->project >> item->reason >>
        item->raisedBy >> item->column >> item->due >> item->columnSince;
    if (in.status() != QDataStream::Ok || kind < 0 || kind >= itemKindCount ||
        level < static_cast<int>(SeverityLevel::Critical) ||
        level > static_cast<int>(SeverityLevel::Unknown))
        return false;
    item->kind = static_cast<ItemKind>(kind);
    item->severity.level = static_cast<SeverityLevel>(level);
    return true;
}

} // namespace

QByteArray encodeItems(const Items &items) {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << magic << formatVersion << static_cast<quint32>(items.size());
    for (const Item &item : items)
        out << item;
    return bytes;
}

bool decodeItems(const QByteArray &bytes, Items *items) {
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 head = 0;
    quint32 version = 0;
    quint32 count = 0;
    in >> head >> version >> count;
    if (in.status() != QDataStream::Ok || head != magic || version != formatVersion)
        return false;
    // Each item takes well over 16 bytes: a count beyond that is a damaged blob, not a reason
    // to reserve gigabytes.
    if (count > static_cast<quint32>(bytes.size() / 16))
        return false;
    Items decoded;
    decoded.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        Item item;
        if (!readItem(in, &item))
            return false;
        decoded.push_back(std::move(item));
    }
    *items = std::move(decoded);
    return true;
}
