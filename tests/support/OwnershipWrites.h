// SPDX-License-Identifier: MIT
// "I'm on it" writes for the vendor tests: the action as the lean workflow makes it, sent step
// by step (tests/support/OutboxDelivery.h sends it through a real Outbox), and who the next read
// says owns an item.
#pragma once

#include "core/lean/OutboxTable.h"
#include "core/sources/Connector.h"
#include "demo/loopback/LoopbackHttpServer.h"

#include <nlohmann/json.hpp>

// An Acknowledge or Release of `itemId` by `by` (raisedBy).
WriteAction ownershipAction(WriteKind kind, const QString &itemId, const char *by);

// Every step of the write (WriteOutcome::next), each through a fresh HttpClient, at most 4 as
// the outbox allows: the last step's outcome.
WriteOutcome sendSteps(const Connector &connector, WriteAction action);

// A request's body as JSON (null when it is not).
nlohmann::json requestJson(const HttpServerRequest &request);

// The items of one fetch of `sourceJson` (a source object, as SourceProbe takes it).
Items fetchItems(const QByteArray &sourceJson);
// The item with `id`, or nullptr.
const Item *itemWithId(const Items &items, const QString &id);
// Its Item::owner, or "<no item …>" when there is none.
QString ownerIn(const Items &items, const QString &id);
