// SPDX-License-Identifier: MIT
#include "Poller.h"

#include "core/runtime/MemoryReturn.h"

#include <QRandomGenerator>
#include <QTimer>

#include <cmath>

namespace {
constexpr int maxBackoffS = 300; // never wait more than five minutes to try a broken source again
constexpr int trimDelayMs = 300; // long enough for a cycle's answers to all be merged
} // namespace

Poller::Poller(Board *board, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_http(http) {
    m_parsePool.setMaxThreadCount(2);
    // The parses' buffers were freed on pool threads; hand those pages back to the system so a
    // dashboard that runs for weeks stays small. Once, after a cycle's merges, not per source:
    // a trim walks the whole heap.
    m_trimTimer.setSingleShot(true);
    m_trimTimer.setInterval(trimDelayMs);
    connect(&m_trimTimer, &QTimer::timeout, this, &returnFreedMemory);
}

Poller::~Poller() {
    m_parsePool.waitForDone();
}

void Poller::addSource(std::unique_ptr<Connector> connector) {
    const SourceConfig &config = connector->config();
    SourceInfo info;
    info.name = config.name;
    info.type = config.type;
    info.panel = itemKindPanelName(config.panel);
    info.intervalS = config.intervalS;
    info.health.tlsVerifyOff = !config.tls.verify;
    m_board->health()->addSource(info);

    auto source = std::make_unique<Source>();
    source->health = info.health;
    source->fetcher = new SourceFetcher(std::move(connector), m_http, &m_parsePool, this);
    source->timer = new QTimer(this);
    source->timer->setSingleShot(true);
    Source *raw = source.get();
    connect(source->timer, &QTimer::timeout, this, [raw]() { raw->fetcher->start(); });
    connect(source->fetcher, &SourceFetcher::finished, this,
            [this, raw](const FetchOutcome &outcome) { onFinished(*raw, outcome); });
    m_sources.push_back(std::move(source));
}

void Poller::start() {
    m_periodic = true;
    for (auto &source : m_sources)
        source->fetcher->start();
}

void Poller::fetchAllOnce() {
    m_periodic = false;
    for (auto &source : m_sources)
        source->fetcher->start();
    if (m_sources.empty())
        Q_EMIT allAnswered();
}

Poller::Source *Poller::find(const QString &name) const {
    for (const auto &s : m_sources) {
        if (s->fetcher->connector().config().name == name)
            return s.get();
    }
    return nullptr;
}

const Connector *Poller::connector(const QString &source) const {
    const Source *s = find(source);
    return s ? &s->fetcher->connector() : nullptr;
}

bool Poller::seedFromCache(const QString &name, Items items, const QDateTime &savedAt) {
    Source *source = find(name);
    if (!source || source->health.lastSuccess.isValid())
        return false;
    // Stale from the start: if the first fetch fails, the panel keeps these items and says
    // how old they are and why. A source that failed already keeps its own reason.
    const bool failedAlready = source->health.state == HealthState::Failed;
    source->health.state = HealthState::Stale;
    source->health.lastSuccess = savedAt;
    if (!failedAlready)
        source->health.error =
            QStringLiteral("saved copy from the last run, waiting for the source");
    m_board->applySnapshot(name, std::move(items));
    m_board->applyHealth(name, source->health);
    return true;
}

bool Poller::everySourceAnswered() const {
    for (const auto &source : m_sources) {
        if (!source->answered)
            return false;
    }
    return true;
}

void Poller::onFinished(Source &source, const FetchOutcome &outcome) {
    const SourceConfig &config = source.fetcher->connector().config();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SourceHealth health = source.health;
    health.lastAttempt = now;
    if (outcome.ok) {
        source.failures = 0;
        health.state = HealthState::Ok;
        health.error = outcome.truncated
                           ? QStringLiteral("showing the first %1 pages only").arg(outcome.pages)
                           : QString();
        health.lastSuccess = now;
        health.retryAt = {};
        health.rateLimited = false;
        if (!outcome.unchanged) {
            m_board->applySnapshot(config.name, outcome.items);
            if (!m_trimTimer.isActive())
                m_trimTimer.start();
            Q_EMIT snapshotApplied(config.name);
        }
    } else {
        ++source.failures;
        health.state = health.lastSuccess.isValid() ? HealthState::Stale : HealthState::Failed;
        health.error = outcome.error;
        health.rateLimited = outcome.retryAt.isValid();
        health.retryAt = outcome.retryAt;
    }
    source.health = health;
    m_board->applyHealth(config.name, health);
    source.answered = true;
    Q_EMIT sourceAnswered(config.name, outcome.ok);
    if (!m_allAnsweredSent && everySourceAnswered()) {
        m_allAnsweredSent = true;
        Q_EMIT allAnswered();
    }
    if (m_periodic)
        schedule(source);
}

int Poller::nextDelayMs(const Source &source) const {
    const SourceConfig &config = source.fetcher->connector().config();
    double seconds = config.intervalS;
    if (source.failures > 0) {
        // Exponential backoff from the interval, capped (but never below the interval).
        const double cap = std::max<double>(config.intervalS, maxBackoffS);
        seconds =
            std::min(cap, config.intervalS * std::pow(2.0, std::min(source.failures - 1, 10)));
    }
    // ±10 % jitter so that dashboards started together drift apart.
    seconds *= 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    qint64 ms = static_cast<qint64>(seconds * 1000.0 / m_speedup);
    if (source.health.retryAt.isValid()) {
        const qint64 untilRetry = QDateTime::currentDateTimeUtc().msecsTo(source.health.retryAt);
        ms = std::max(ms, untilRetry);
    }
    return static_cast<int>(std::clamp<qint64>(ms, 1, 24LL * 3600 * 1000));
}

void Poller::schedule(Source &source) {
    source.timer->start(nextDelayMs(source));
}
