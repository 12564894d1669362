// SPDX-License-Identifier: MIT
// The generic sources the lean workflow's tests share, on a loopback server at `base`: a help
// desk listing requests ("desk": GET /desk/requests, items {id, text, who, link}) and a tracker
// taking bugs ("tracker": GET and POST /tracker/bugs, the answer's "key" names the bug).
// `patch` is merged in (withPatch): a reply endpoint, the bug's link…
#pragma once

#include <nlohmann/json.hpp>

#include <string>

nlohmann::json deskSource(const std::string &base, const nlohmann::json &patch = nullptr);
nlohmann::json trackerSource(const std::string &base, const nlohmann::json &patch = nullptr);
