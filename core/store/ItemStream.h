// SPDX-License-Identifier: MIT
// Items in a compact binary form (QDataStream), for the snapshot saved between runs.
#pragma once

#include "core/board/Item.h"

#include <QByteArray>

// The items of one source; the format carries a version, so an older or newer layout reads as
// "nothing saved" rather than as garbage.
QByteArray encodeItems(const Items &items);
// False (and `items` untouched) when the bytes are not a snapshot this version wrote.
bool decodeItems(const QByteArray &bytes, Items *items);
