// SPDX-License-Identifier: MIT
// The handover as JSON, the same data for scripts. Scripts rely on "toil_candidates":
// [{"label", "count", "request_ids", "investigation_min", "self_service_rule"}]; the rest
// follows the report's sections. Times are ISO 8601 UTC, durations in seconds. Pure.
#pragma once

#include "core/handover/HandoverReport.h"

#include <nlohmann/json.hpp>

nlohmann::json handoverJson(const HandoverReport &report);
