// SPDX-License-Identifier: MIT
// The sources editor's Test: one fetch of a source being edited, through its real connector
// and the real HTTP client, apart from the board. Nothing waits: the answer comes as a signal.
#pragma once

#include "core/board/Item.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class HttpClient;
class QThreadPool;

struct SourceTrialResult {
    QString configError; // the form's source is not valid: "at /url: expected …"; nothing fetched
    bool ok = false;
    QString error;   // the source's failure, in the source bar's words
    int count = 0;   // items read
    Items first;     // the first five, as the panel would show them
    QString rawItem; // generic sources: the first raw item of the answer, indented; else empty
};

class SourceTrial final : public QObject {
    Q_OBJECT
public:
    explicit SourceTrial(HttpClient *http, QObject *parent = nullptr);
    ~SourceTrial() override; // waits for a parse in flight (one page)

    // Fetches `source` (its config object) once; `secret`, when not empty, is the token typed
    // in the form, used instead of the one the object names. A trial still running is
    // forgotten: only the latest one answers.
    void run(const nlohmann::json &source, const QByteArray &secret);

Q_SIGNALS:
    void finished(const SourceTrialResult &result);

private:
    struct Run;
    void finish(SourceTrialResult result);

    HttpClient *m_http;
    std::unique_ptr<QThreadPool> m_parsePool;
    std::unique_ptr<Run> m_run;
    // Replaced trials whose fetch is still out: kept until it ends, so that nothing it calls
    // back into is gone (and the UI thread never waits for it).
    std::vector<std::unique_ptr<Run>> m_retired;
};
