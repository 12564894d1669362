// SPDX-License-Identifier: MIT
// A help desk that lists one request ("desk" #77, from Chloe) and takes replies, and a tracker
// that files bugs, on one loopback server; each refuses (503) until told to accept. It counts
// what it was sent, so a test can say "exactly one bug".
#pragma once

#include "core/config/AppConfig.h"
#include "demo/loopback/LoopbackHttpServer.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <mutex>
#include <vector>

class DeskAndTracker final {
public:
    DeskAndTracker();

    bool start() { return m_server.start(0); }
    std::atomic<bool> trackerUp{false};
    std::atomic<bool> deskTakesReplies{true};

    size_t bugCount();
    size_t replyCount();
    QString replyText(size_t i);

    // The desk and the tracker as sources, "victor" on duty, bugs filed on the tracker; the keys
    // of `extra` are added to the document ({"state": …}).
    AppConfig config(const nlohmann::json &extra = nlohmann::json::object());

private:
    HttpServerResponse answer(const HttpServerRequest &request);

    std::mutex m_mutex;
    std::vector<nlohmann::json> m_bugs;
    std::vector<nlohmann::json> m_replies;
    LoopbackHttpServer m_server;
};
