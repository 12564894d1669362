// SPDX-License-Identifier: MIT
#include "SourceFetcher.h"

#include "core/config/Secrets.h"
#include "core/http/RateLimit.h"
#include "core/http/ResponseCheck.h"
#include "core/sources/ItemRedaction.h"
#include "core/sources/ReplicaMerge.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

SourceFetcher::SourceFetcher(const Connector &connector, HttpClient *http, QThreadPool *parsePool,
                             QObject *parent)
    : QObject(parent)
    , m_connector(connector)
    , m_http(http)
    , m_parsePool(parsePool) {}

SourceFetcher::~SourceFetcher() = default;

void SourceFetcher::start() {
    if (m_running)
        return;
    m_running = true;
    m_current = FetchOutcome();
    // No credential, no request: the server would only say 401, and the keyring says why.
    if (const QString &secretError = m_connector.config().auth.secretError;
        !secretError.isEmpty()) {
        // Answered from the event loop, like a request: never finished() inside start().
        QMetaObject::invokeMethod(
            this,
            [this, secretError]() {
                FetchOutcome outcome;
                outcome.error = secretError;
                finish(std::move(outcome));
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_connector.config().replicaUrls().size() > 1)
        startReplicas();
    else
        requestPage(m_connector.firstRequest());
}

void SourceFetcher::startReplicas() {
    // All at once: the client's multi handle runs them in parallel, so a cycle takes as long as
    // the slowest replica, not the sum. One page each (Alertmanager does not paginate).
    const QByteArrayList urls = m_connector.config().replicaUrls();
    m_replicaAnswers.assign(static_cast<std::size_t>(urls.size()), ReplicaAnswer());
    m_replicasPending = urls.size();
    const HttpRequest first = m_connector.firstRequest();
    for (int i = 0; i < urls.size(); ++i) {
        m_replicaAnswers[static_cast<std::size_t>(i)].url = urls[i];
        m_http->send(m_connector.onReplica(first, i), this,
                     [this, i](const HttpResult &result) { onReplicaAnswered(i, result); });
    }
}

void SourceFetcher::onReplicaAnswered(int replica, const HttpResult &result) {
    ReplicaAnswer answer;
    answer.retryAt = m_connector.rateLimitedUntil(result, m_connector.clock().now());
    if (answer.retryAt.isValid())
        answer.error = QStringLiteral("rate-limited");
    else
        answer.error = m_connector.describeFailure(result);
    if (!answer.error.isEmpty()) {
        onReplicaDone(replica, std::move(answer));
        return;
    }
    // Parsed off this thread, as a page is (see onPageAnswered()).
    const Connector *connector = &m_connector;
    m_parsePool->start([this, connector, result, replica]() {
        ParsedPage page = connector->parsePage(result);
        if (containsSecret(result.body)) {
            redactSecretsIn(&page.items);
            page.error = redactSecrets(page.error);
        }
        ReplicaAnswer parsed;
        parsed.ok = page.error.isEmpty();
        parsed.error = page.error;
        parsed.items = std::move(page.items);
        parsed.unreadable = std::move(page.unreadable);
        QMetaObject::invokeMethod(
            this,
            [this, replica, parsed = std::move(parsed)]() mutable {
                onReplicaDone(replica, std::move(parsed));
            },
            Qt::QueuedConnection);
    });
}

void SourceFetcher::onReplicaDone(int replica, ReplicaAnswer answer) {
    ReplicaAnswer &slot = m_replicaAnswers[static_cast<std::size_t>(replica)];
    answer.url = slot.url;
    slot = std::move(answer);
    if (--m_replicasPending > 0)
        return;
    FetchOutcome outcome = mergeReplicaAnswers(std::move(m_replicaAnswers));
    m_replicaAnswers.clear();
    for (QString &reason : outcome.replicaErrors)
        reason = redactSecrets(reason);
    finish(std::move(outcome));
}

void SourceFetcher::requestPage(const HttpRequest &request) {
    m_http->send(request, this, [this](const HttpResult &result) { onPageAnswered(result); });
}

void SourceFetcher::onPageAnswered(const HttpResult &result) {
    const QDateTime now = m_connector.clock().now();
    if (const QDateTime until = m_connector.rateLimitedUntil(result, now); until.isValid()) {
        FetchOutcome outcome;
        outcome.retryAt = until;
        outcome.error = QStringLiteral("rate-limited until %1")
                            .arg(until.toLocalTime().toString(QStringLiteral("HH:mm")));
        finish(std::move(outcome));
        return;
    }
    if (const QString failure = m_connector.describeFailure(result); !failure.isEmpty()) {
        FetchOutcome outcome;
        outcome.error = failure;
        finish(std::move(outcome));
        return;
    }
    ++m_current.pages;
    // Parse off this thread. The pool is waited for before this object can be destroyed
    // (Poller's destructor), so posting back to `this` is safe. A single-page source whose
    // answer has not changed needs no parse and no merge: the digest is taken there too, so
    // the UI thread never reads a big body.
    const Connector *connector = &m_connector;
    const size_t previousDigest = m_current.pages == 1 ? m_firstPageDigest : 0;
    m_parsePool->start([this, connector, result, previousDigest]() {
        const size_t digest = qHash(result.body);
        if (previousDigest != 0 && digest == previousDigest) {
            QMetaObject::invokeMethod(
                this, [this]() { onPageUnchanged(); }, Qt::QueuedConnection);
            return;
        }
        ParsedPage page = connector->parsePage(result);
        if (containsSecret(result.body)) { // the server echoed a credential back
            redactSecretsIn(&page.items);
            page.error = redactSecrets(page.error);
        }
        QMetaObject::invokeMethod(
            this,
            [this, page = std::move(page), digest]() mutable {
                onPageParsed(std::move(page), digest);
            },
            Qt::QueuedConnection);
    });
}

void SourceFetcher::onPageUnchanged() {
    FetchOutcome outcome;
    outcome.ok = true;
    outcome.unchanged = true;
    outcome.pages = 1;
    finish(std::move(outcome));
}

void SourceFetcher::onPageParsed(ParsedPage page, size_t digest) {
    if (m_current.pages == 1)
        m_pendingDigest = digest;
    if (!page.error.isEmpty()) {
        FetchOutcome outcome;
        outcome.error = page.error;
        finish(std::move(outcome));
        return;
    }
    const bool emptyPage = page.items.empty() && page.skipped == 0 && page.unreadable.count == 0;
    m_current.unreadable.add(page.unreadable);
    if (m_current.items.empty())
        m_current.items = std::move(page.items);
    else
        std::move(page.items.begin(), page.items.end(), std::back_inserter(m_current.items));

    // Stop on an empty page even when the API offers a next one (GitLab does).
    if (page.next && !emptyPage) {
        if (m_current.pages < m_connector.config().maxPages) {
            requestPage(*page.next);
            return;
        }
        m_current.truncated = true;
    }
    m_current.ok = true;
    finish(std::move(m_current));
}

void SourceFetcher::finish(FetchOutcome outcome) {
    // A reason may quote the server's body, and a server may quote the credential.
    if (!outcome.error.isEmpty())
        outcome.error = redactSecrets(outcome.error);
    // Remember the first page only when it was the whole answer and it parsed well.
    if (outcome.ok && !outcome.unchanged)
        m_firstPageDigest = outcome.pages == 1 ? m_pendingDigest : 0;
    else if (!outcome.ok)
        m_firstPageDigest = 0;
    m_running = false;
    m_current = FetchOutcome();
    Q_EMIT finished(outcome);
}
