// SPDX-License-Identifier: MIT
// Who is on duty: the config's "on_duty", or the name a schedule ("on_duty_url") gives. The
// poller reads the schedule like any source (interval, backoff, rate limits) and hands each
// answer to apply(): the first item's title names the person. When the schedule fails (or
// lists nobody) the last name stays, marked stale; before the first answer "on_duty" stands in.
// A name set by hand (setByHand: the store keeps it, OnDutyByHand) wins over both until the
// schedule names someone other than the person it replaced.
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

    // A reloaded config's "on_duty" or "on_duty_url": starts over from `fallback`, as at start
    // (a schedule's earlier answers are forgotten; a name set by hand stays).
    void setFallback(const QString &fallback);

    // The schedule's answer.
    void apply(const FetchOutcome &outcome);

    // The name set by hand when it is the latest word, else the name from the schedule's last
    // good answer, else the fallback.
    QString person() const;
    // Who actions are signed with: person(), else $USER.
    QString actingPerson() const;
    // True when the last fetch failed or listed nobody: person() may be out of date.
    bool isStale() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // When the schedule last answered with a name (invalid: never).
    QDateTime lastAnswerAt() const { return m_lastAnswerAt; }
    // At least one answer arrived (well or not).
    bool hasAnswered() const { return m_answered; }

    // A name set by hand at `at` by `by`, in place of `replaced` (the schedule's or the
    // fallback's name then). Empty `person`: none, back to the schedule.
    void setByHand(const QString &person, const QDateTime &at, const QString &by,
                   const QString &replaced);
    // The schedule's (or the fallback's) name, whatever was set by hand.
    QString scheduled() const { return m_person; }
    // Whether person() is the name set by hand; who set it, and when.
    bool isByHand() const;
    QString setBy() const { return m_byHandBy; }
    QDateTime setAt() const { return m_byHandAt; }

Q_SIGNALS:
    // The person, or their staleness, changed; also after the first answer.
    void changed();

private:
    const Clock &m_clock;
    QString m_person; // the schedule's, else the fallback
    QString m_byHand;
    QString m_byHandReplaced;
    QDateTime m_byHandAt;
    QString m_byHandBy;
    QString m_error;
    QDateTime m_lastAnswerAt;
    bool m_answered = false;
};
