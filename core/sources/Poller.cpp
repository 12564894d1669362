// SPDX-License-Identifier: MIT
#include "Poller.h"

#include "core/runtime/MemoryReturn.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
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
    // a trim walks the whole heap (120 ms at 50,000 alerts), so on a pool thread, never the UI's.
    m_trimTimer.setSingleShot(true);
    m_trimTimer.setInterval(trimDelayMs);
    connect(&m_trimTimer, &QTimer::timeout, this,
            [this]() { m_parsePool.start(&returnFreedMemory); });
}

Poller::~Poller() {
    m_parsePool.waitForDone();
    m_sources.clear(); // the fetchers go before the pool they posted to
}

void Poller::addSource(const Connector &connector) {
    const SourceConfig &config = connector.config();
    SourceInfo info;
    info.name = config.name;
    info.type = config.type;
    info.panel = itemKindPanelName(config.panel);
    info.intervalS = config.intervalS;
    info.health.tlsVerifyOff = !config.tls.verify;
    m_board->health()->addSource(info);
    add(connector, {});
}

void Poller::addFeed(const Connector &connector, Consumer consumer) {
    add(connector, std::move(consumer));
}

Poller::Source &Poller::add(const Connector &connector, Consumer consumer) {
    auto source = std::make_unique<Source>();
    source->connector = &connector;
    source->consumer = std::move(consumer);
    source->fetcher = std::make_unique<SourceFetcher>(connector, m_http, &m_parsePool);
    source->timer = new QTimer(this);
    source->timer->setSingleShot(true);
    Source *raw = source.get();
    connect(source->timer, &QTimer::timeout, this, [raw]() { raw->fetcher->start(); });
    connect(source->fetcher.get(), &SourceFetcher::finished, this,
            [this, raw](FetchOutcome &outcome) { onFinished(*raw, outcome); });
    m_sources.push_back(std::move(source));
    return *raw;
}

void Poller::removeSource(const QString &name) {
    if (remove(name, false))
        m_board->removeSource(name);
}

void Poller::removeFeed(const QString &name) {
    remove(name, true);
}

bool Poller::remove(const QString &name, bool feed) {
    const auto it = std::find_if(m_sources.begin(), m_sources.end(), [&](const auto &source) {
        return bool(source->consumer) == feed && source->connector->config().name == name;
    });
    if (it == m_sources.end())
        return false;
    // A parse job holds the connector and posts back to the fetcher: let it end first.
    if ((*it)->fetcher->isRunning())
        m_parsePool.waitForDone();
    delete (*it)->timer;
    m_sources.erase(it); // the fetcher goes, and with it any answer still to come
    return true;
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
}

void Poller::fetchNow(const QString &name) {
    for (auto &source : m_sources) {
        if (source->connector->config().name == name)
            source->fetcher->start();
    }
}

void Poller::onFinished(Source &source, FetchOutcome &outcome) {
    source.failures = outcome.ok ? 0 : source.failures + 1;
    source.retryAt = outcome.retryAt;
    if (source.consumer)
        source.consumer(outcome);
    else
        applyToBoard(source.connector->config().name, outcome);
    if (m_periodic)
        schedule(source);
}

void Poller::applyToBoard(const QString &name, FetchOutcome &outcome) {
    const SourceInfo *info = m_board->health()->source(name);
    SourceHealth health = info ? info->health : SourceHealth();
    const QDateTime now = m_board->clock().now();
    health.lastAttempt = now;
    health.replicasAnswering = outcome.replicasAnswering;
    health.replicasTotal = outcome.replicasTotal;
    health.replicaErrors = outcome.replicaErrors;
    std::optional<Items> items;
    if (outcome.ok) {
        health.state = HealthState::Ok;
        health.error = outcome.truncated
                           ? QStringLiteral("showing the first %1 pages only").arg(outcome.pages)
                           : QString();
        health.lastSuccess = now;
        health.retryAt = {};
        health.rateLimited = false;
        if (!outcome.unchanged) { // unchanged: the same items left out as last time
            items = std::move(outcome.items);
            health.unreadable = outcome.unreadable;
            if (!m_trimTimer.isActive())
                m_trimTimer.start();
        }
    } else {
        health.state = health.lastSuccess.isValid() ? HealthState::Stale : HealthState::Failed;
        health.error = outcome.error;
        health.unreadable = {}; // the error says what is wrong now
        health.rateLimited = outcome.retryAt.isValid();
        health.retryAt = outcome.retryAt;
    }
    m_board->applyAnswer(name, health, std::move(items));
}

int Poller::nextDelayMs(const Source &source) const {
    const SourceConfig &config = source.connector->config();
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
    if (source.retryAt.isValid()) {
        const qint64 untilRetry = m_board->clock().now().msecsTo(source.retryAt);
        ms = std::max(ms, untilRetry);
    }
    return static_cast<int>(std::clamp<qint64>(ms, 1, 24LL * 3600 * 1000));
}

void Poller::schedule(Source &source) {
    source.timer->start(nextDelayMs(source));
}
