// SPDX-License-Identifier: MIT
// Who is on duty, read from a schedule ("on_duty_url") every `interval_s` through the same
// connector machinery as any source: HTTP on the client's worker thread, parsing on a pool
// thread, only the result visits this thread. The first item's title names the person. When
// the schedule fails (or lists nobody) the last name stays, marked stale; before the first
// answer the config's "on_duty" stands in.
#pragma once

#include "core/config/SourceConfig.h"
#include "core/http/HttpClient.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>

#include <memory>

class QTimer;
class SourceFetcher;
struct FetchOutcome;

class OnDutySchedule final : public QObject {
    Q_OBJECT
public:
    // `fallback`: the config's "on_duty" (may be empty). Throws ConfigError like any source.
    OnDutySchedule(const SourceConfig &source, const QString &fallback, HttpClient *http,
                   QObject *parent = nullptr);
    ~OnDutySchedule() override; // waits for a parse in flight

    // Fetches now, then every interval.
    void start();
    // Fetches now unless a fetch is running (tests, a command that needs the name first).
    void fetchNow();

    // The name from the last good answer, else the fallback.
    QString person() const { return m_person; }
    // True when the last fetch failed or listed nobody: person() may be out of date.
    bool isStale() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // When the schedule last answered with a name (invalid: never).
    QDateTime lastAnswerAt() const { return m_lastAnswerAt; }
    // At least one fetch finished (well or not).
    bool hasAnswered() const { return m_answered; }

Q_SIGNALS:
    // The person, or their staleness, changed; also after the first fetch.
    void changed();

private:
    void onFinished(const FetchOutcome &outcome);

    QThreadPool m_pool;
    std::unique_ptr<SourceFetcher> m_fetcher;
    QTimer *m_timer;
    QString m_person;
    QString m_error;
    QDateTime m_lastAnswerAt;
    bool m_answered = false;
};
