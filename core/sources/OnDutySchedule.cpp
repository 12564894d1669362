// SPDX-License-Identifier: MIT
#include "OnDutySchedule.h"

#include "core/sources/ConnectorRegistry.h"
#include "core/sources/SourceFetcher.h"

#include <QTimer>

OnDutySchedule::OnDutySchedule(const SourceConfig &source, const QString &fallback,
                               HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_fetcher(std::make_unique<SourceFetcher>(ConnectorRegistry::builtin().create(source), http,
                                                &m_pool))
    , m_timer(new QTimer(this))
    , m_person(fallback.trimmed()) {
    m_pool.setMaxThreadCount(1);
    connect(m_fetcher.get(), &SourceFetcher::finished, this, &OnDutySchedule::onFinished);
    m_timer->setInterval(qMax(1, source.intervalS) * 1000);
    connect(m_timer, &QTimer::timeout, this, &OnDutySchedule::fetchNow);
}

OnDutySchedule::~OnDutySchedule() {
    // The fetcher's parse posts back to it: no parse may outlive it.
    m_pool.waitForDone();
    m_fetcher.reset();
}

void OnDutySchedule::start() {
    fetchNow();
    m_timer->start();
}

void OnDutySchedule::fetchNow() {
    m_fetcher->start();
}

void OnDutySchedule::onFinished(const FetchOutcome &outcome) {
    const QString before = m_person;
    const QString errorBefore = m_error;
    const bool first = !m_answered;
    m_answered = true;
    if (!outcome.ok) {
        m_error =
            outcome.error.isEmpty() ? QStringLiteral("the schedule did not answer") : outcome.error;
    } else if (outcome.unchanged) {
        // The same answer as last time: the same verdict.
        if (m_error.isEmpty())
            m_lastAnswerAt = QDateTime::currentDateTimeUtc();
    } else if (outcome.items.empty() || outcome.items.front().title.trimmed().isEmpty()) {
        m_error = QStringLiteral("the schedule lists nobody");
    } else {
        m_person = outcome.items.front().title.trimmed();
        m_error.clear();
        m_lastAnswerAt = QDateTime::currentDateTimeUtc();
    }
    if (first || m_person != before || m_error != errorBefore)
        Q_EMIT changed();
}
