// SPDX-License-Identifier: MIT
#include "LeanSources.h"

#include "tests/support/TestSource.h"

using nlohmann::json;

json deskSource(const std::string &base, const json &patch) {
    return withPatch(
        {{"name", "desk"},
         {"type", "generic"},
         {"url", base + "/desk"},
         {"panel", "requests"},
         {"path", "/requests"},
         {"fields", {{"id", "/id"}, {"title", "/text"}, {"people", "/who"}, {"url", "/link"}}}},
        patch);
}

json trackerSource(const std::string &base, const json &patch) {
    return withPatch({{"name", "tracker"},
                      {"type", "generic"},
                      {"url", base + "/tracker"},
                      {"panel", "bugs"},
                      {"path", "/bugs"},
                      {"fields", {{"id", "/key"}, {"title", "/title"}}},
                      {"write",
                       {{"path", "/bugs"},
                        {"body", {{"title", "{{title}}"}, {"description", "{{description}}"}}},
                        {"kinds", json::array({"create-bug"})},
                        {"created", {{"id", "/key"}}}}}},
                     patch);
}
