// SPDX-License-Identifier: MIT
#include "OnDuty.h"

#include "core/config/LeanConfig.h"
#include "core/sources/SourceFetcher.h"

OnDuty::OnDuty(const QString &fallback, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_person(fallback.trimmed()) {}

void OnDuty::setFallback(const QString &fallback) {
    const QString before = person();
    const QString errorBefore = m_error;
    m_person = fallback.trimmed();
    m_answered = false;
    m_error.clear();
    m_lastAnswerAt = {};
    if (person() != before || m_error != errorBefore)
        Q_EMIT changed();
}

QString OnDuty::person() const {
    return isByHand() ? m_byHand : m_person;
}

bool OnDuty::isByHand() const {
    // Until the schedule moves on to someone else (and while it has not answered yet).
    return !m_byHand.isEmpty() && (!m_answered || m_person == m_byHandReplaced);
}

QString OnDuty::actingPerson() const {
    return ::actingPerson(person());
}

void OnDuty::setByHand(const QString &person, const QDateTime &at, const QString &by,
                       const QString &replaced) {
    const QString before = this->person();
    const bool byHandBefore = isByHand();
    m_byHand = person.trimmed();
    m_byHandAt = at;
    m_byHandBy = by;
    m_byHandReplaced = replaced;
    if (this->person() != before || isByHand() != byHandBefore)
        Q_EMIT changed();
}

void OnDuty::apply(const FetchOutcome &outcome) {
    const QString before = person();
    const QString errorBefore = m_error;
    const bool first = !m_answered;
    m_answered = true;
    if (!outcome.ok) {
        m_error =
            outcome.error.isEmpty() ? QStringLiteral("the schedule did not answer") : outcome.error;
    } else if (outcome.unchanged) {
        // The same answer as last time: the same verdict.
        if (m_error.isEmpty())
            m_lastAnswerAt = m_clock.now();
    } else if (outcome.items.empty() || outcome.items.front().title.trimmed().isEmpty()) {
        m_error = QStringLiteral("the schedule lists nobody");
    } else {
        m_person = outcome.items.front().title.trimmed();
        m_error.clear();
        m_lastAnswerAt = m_clock.now();
    }
    if (first || person() != before || m_error != errorBefore)
        Q_EMIT changed();
}
