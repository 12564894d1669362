// SPDX-License-Identifier: MIT
// Who is on duty: the config's "on_duty", or the name a schedule ("on_duty_url") gives. The
// poller reads the schedule like any source (interval, backoff, rate limits) and hands each
// answer to apply(): the first item's title names the person. When the schedule fails (or
// lists nobody) the last name stays, marked stale; before the first answer "on_duty" stands in.
#pragma once

#include "core/time/Clock.h"

#include <QDateTime>
#include <QObject>

struct FetchOutcome;

class OnDuty final : public QObject {
    Q_OBJECT
public:
    // `fallback`: the config's "on_duty" (may be empty).
    OnDuty(const QString &fallback, const Clock &clock, QObject *parent = nullptr);

    // The schedule's answer.
    void apply(const FetchOutcome &outcome);

    // The name from the schedule's last good answer, else the fallback.
    QString person() const { return m_person; }
    // Who actions are signed with: person(), else $USER.
    QString actingPerson() const;
    // True when the last fetch failed or listed nobody: person() may be out of date.
    bool isStale() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // When the schedule last answered with a name (invalid: never).
    QDateTime lastAnswerAt() const { return m_lastAnswerAt; }
    // At least one answer arrived (well or not).
    bool hasAnswered() const { return m_answered; }

Q_SIGNALS:
    // The person, or their staleness, changed; also after the first answer.
    void changed();

private:
    const Clock &m_clock;
    QString m_person;
    QString m_error;
    QDateTime m_lastAnswerAt;
    bool m_answered = false;
};
