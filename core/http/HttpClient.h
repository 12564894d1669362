// SPDX-License-Identifier: MIT
// libcurl multi interface on one worker thread. Callers on the UI thread never wait:
// results come back as queued calls on the caller's context object.
#pragma once

#include "core/http/HttpRequest.h"

#include <QObject>

#include <functional>
#include <memory>

class HttpClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
public:
    using Callback = std::function<void(const HttpResult &)>;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override; // stops the worker; pending callbacks are dropped

    // Queues the request (a read or a write); `onDone` runs later on `context`'s thread, unless
    // `context` is gone.
    void send(const HttpRequest &request, QObject *context, Callback onDone);

    // Requests handed to the worker and not yet answered.
    int inFlight() const;

private:
    class Worker;
    struct Job;
    // Runs on this object's thread for every finished request, posted by the worker.
    void deliver(const std::shared_ptr<Job> &job);

    std::unique_ptr<Worker> m_worker;
};
