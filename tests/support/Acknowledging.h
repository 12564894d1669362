// SPDX-License-Identifier: MIT
// "I'm on it" in connector tests: the Acknowledge and Release actions the board sends for an
// item, and who the source says handles it on the next read.
#pragma once

#include "core/sources/Connector.h"

// What LeanController sends when "victor" acknowledges / releases `item`.
WriteAction acknowledgeAction(const Item &item);
WriteAction releaseAction(const Item &item);

// "owner: people, …" of the item `id` on a fresh read of `connector`'s source, or "not read".
QString ownerAndPeople(const Connector &connector, const QString &id);
