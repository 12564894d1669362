// SPDX-License-Identifier: MIT
// Finds a configured source's connector by name (the poller owns them); nullptr when unknown.
#pragma once

#include "core/sources/Connector.h"

#include <QString>

#include <functional>

using ConnectorLookup = std::function<const Connector *(const QString &source)>;
