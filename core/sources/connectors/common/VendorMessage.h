// SPDX-License-Identifier: MIT
// Vendors explain a refused request in a JSON body of their own shape; a person fixing the
// config or the request needs those words next to ours ("token refused (HTTP 401):
// Authentication failed", "HTTP 400: Invalid Input Provided: Title cannot be empty.").
#pragma once

#include "core/http/HttpRequest.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <functional>

// `failure` + ": " + what `extract` reads from the body, when `failure` is about an HTTP status
// and the body is JSON saying something; `failure` unchanged otherwise. Long messages are cut.
QString withVendorMessage(const QString &failure, const HttpResult &result,
                          const std::function<QString(const nlohmann::json &)> &extract);
