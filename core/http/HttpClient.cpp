// SPDX-License-Identifier: MIT
#include "HttpClient.h"

#include "core/http/CurlTransfer.h"

#include <curl/curl.h>

#include <QHash>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

std::once_flag g_curlGlobalInit;

constexpr int kMaxCachedUrls = 256;
constexpr qint64 kMaxCachedBytes = 128LL * 1024 * 1024;
constexpr size_t kMaxIdleHandles = 16;
constexpr int kIdlePollMs = 1000;

bool isGet(const HttpRequest &request) {
    return request.method.toUpper() == "GET";
}

} // namespace

struct HttpClient::Job {
    HttpRequest request;
    QPointer<QObject> context; // taken on the calling thread, read on the client's thread
    Callback onDone;
    HttpResult result;
};

// Owns the multi handle and everything libcurl touches; only the worker thread uses them,
// except the queue (under the mutex) and curl_multi_wakeup (thread-safe by design).
class HttpClient::Worker final {
    Q_DISABLE_COPY_MOVE(Worker)
public:
    explicit Worker(HttpClient *owner);
    ~Worker();

    void enqueue(std::shared_ptr<Job> job);

    std::atomic<int> inFlight{0};

private:
    struct Active {
        std::shared_ptr<Job> job;
        std::unique_ptr<CurlTransfer> transfer;
    };
    struct CacheEntry {
        QByteArray etag;
        QByteArray body; // of the last 200 for this URL
        quint64 lastUse = 0;
    };

    void run();
    void start(std::shared_ptr<Job> job);
    void collectFinished();
    void fail(std::shared_ptr<Job> job, const QString &text);
    void post(std::shared_ptr<Job> job);
    CURL *takeEasy();
    void releaseEasy(CURL *easy);
    QByteArray cachedEtag(const HttpRequest &request);
    void updateCache(const HttpRequest &request, bool sentConditional, HttpResult &result);
    void evictCache();

    HttpClient *m_owner;
    CURLM *m_multi = nullptr;

    std::mutex m_mutex; // guards m_queue and m_stopping
    std::vector<std::shared_ptr<Job>> m_queue;
    bool m_stopping = false;

    // Worker thread only.
    std::unordered_map<CURL *, Active> m_active;
    std::vector<CURL *> m_idle; // reset easy handles kept for reuse
    QHash<QByteArray, CacheEntry> m_cache;
    qint64 m_cachedBytes = 0;
    quint64 m_useCounter = 0;

    std::thread m_thread; // last: starts once everything above exists
};

HttpClient::Worker::Worker(HttpClient *owner)
    : m_owner(owner) {
    std::call_once(g_curlGlobalInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_multi = curl_multi_init();
    if (m_multi)
        m_thread = std::thread([this] { run(); });
}

HttpClient::Worker::~Worker() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    if (m_multi)
        curl_multi_wakeup(m_multi);
    if (m_thread.joinable())
        m_thread.join();
    // Unfinished requests are dropped here, on the owner's thread, so their callbacks'
    // captures are destroyed where they were made.
    for (auto &[easy, active] : m_active) {
        curl_multi_remove_handle(m_multi, easy);
        curl_easy_cleanup(easy);
    }
    m_active.clear();
    for (CURL *easy : m_idle)
        curl_easy_cleanup(easy);
    if (m_multi)
        curl_multi_cleanup(m_multi);
}

void HttpClient::Worker::enqueue(std::shared_ptr<Job> job) {
    if (!m_multi) {
        fail(std::move(job), QStringLiteral("libcurl could not be initialised"));
        return;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    curl_multi_wakeup(m_multi);
}

void HttpClient::Worker::run() {
    for (;;) {
        std::vector<std::shared_ptr<Job>> incoming;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping)
                return;
            incoming.swap(m_queue);
        }
        for (auto &job : incoming)
            start(std::move(job));
        int running = 0;
        curl_multi_perform(m_multi, &running);
        collectFinished();
        // Returns early on socket activity, libcurl's own timers or curl_multi_wakeup().
        curl_multi_poll(m_multi, nullptr, 0, kIdlePollMs, nullptr);
    }
}

void HttpClient::Worker::start(std::shared_ptr<Job> job) {
    CURL *easy = takeEasy();
    if (!easy) {
        fail(std::move(job), QStringLiteral("libcurl could not create a transfer"));
        return;
    }
    auto transfer = std::make_unique<CurlTransfer>(easy, job->request, cachedEtag(job->request));
    QString problem = transfer->setupError();
    if (problem.isEmpty()) {
        const CURLMcode code = curl_multi_add_handle(m_multi, easy);
        if (code == CURLM_OK) {
            m_active.emplace(easy, Active{std::move(job), std::move(transfer)});
            return;
        }
        problem = QString::fromUtf8(curl_multi_strerror(code));
    }
    releaseEasy(easy);
    fail(std::move(job), problem);
}

void HttpClient::Worker::collectFinished() {
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        // Copy out first: the message dies with curl_multi_remove_handle().
        CURL *easy = message->easy_handle;
        const CURLcode code = message->data.result;
        const auto it = m_active.find(easy);
        if (it == m_active.end())
            continue;
        Active active = std::move(it->second);
        m_active.erase(it);
        curl_multi_remove_handle(m_multi, easy);
        HttpResult result = active.transfer->finish(code);
        updateCache(active.job->request, active.transfer->sentConditional(), result);
        releaseEasy(easy); // reset before the transfer's buffers go away
        active.transfer.reset();
        active.job->result = std::move(result);
        post(std::move(active.job));
    }
}

void HttpClient::Worker::fail(std::shared_ptr<Job> job, const QString &text) {
    job->result.error = HttpError::Other;
    job->result.errorText = text;
    post(std::move(job));
}

void HttpClient::Worker::post(std::shared_ptr<Job> job) {
    // The owner outlives every post: its destructor joins this thread first, and posted events
    // still queued then are discarded with it.
    HttpClient *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, job = std::move(job)] { owner->deliver(job); }, Qt::QueuedConnection);
}

CURL *HttpClient::Worker::takeEasy() {
    if (m_idle.empty())
        return curl_easy_init();
    CURL *easy = m_idle.back();
    m_idle.pop_back();
    return easy;
}

void HttpClient::Worker::releaseEasy(CURL *easy) {
    if (m_idle.size() >= kMaxIdleHandles) {
        curl_easy_cleanup(easy);
        return;
    }
    curl_easy_reset(easy); // connections stay in the multi handle's cache either way
    m_idle.push_back(easy);
}

QByteArray HttpClient::Worker::cachedEtag(const HttpRequest &request) {
    if (!request.conditional || !isGet(request))
        return {};
    const auto it = m_cache.find(request.url);
    return it == m_cache.end() ? QByteArray() : it->etag;
}

void HttpClient::Worker::updateCache(const HttpRequest &request, bool sentConditional,
                                     HttpResult &result) {
    if (!isGet(request) || result.error != HttpError::None)
        return;
    if (result.status == 304) {
        const auto it = m_cache.find(request.url);
        if (sentConditional && it != m_cache.end()) {
            it->lastUse = ++m_useCounter;
            result.body = it->body;
            result.notModified = true;
        }
        return;
    }
    if (result.status != 200)
        return;
    const auto old = m_cache.find(request.url);
    if (old != m_cache.end()) {
        m_cachedBytes -= old->body.size();
        m_cache.erase(old);
    }
    const QByteArray etag = result.header("etag");
    if (!request.conditional || etag.isEmpty() || result.body.size() > kMaxCachedBytes)
        return;
    m_cache.insert(request.url, CacheEntry{etag, result.body, ++m_useCounter});
    m_cachedBytes += result.body.size();
    evictCache();
}

void HttpClient::Worker::evictCache() {
    // Least recently used first; a linear scan is cheap at this size.
    while (m_cache.size() > kMaxCachedUrls || m_cachedBytes > kMaxCachedBytes) {
        auto oldest = m_cache.begin();
        for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_cachedBytes -= oldest->body.size();
        m_cache.erase(oldest);
    }
}

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<Worker>(this)) {}

HttpClient::~HttpClient() {
    m_worker.reset();
}

void HttpClient::send(const HttpRequest &request, QObject *context, Callback onDone) {
    auto job = std::make_shared<Job>();
    job->request = request;
    job->context = context ? context : this;
    job->onDone = std::move(onDone);
    ++m_worker->inFlight;
    m_worker->enqueue(std::move(job));
}

int HttpClient::inFlight() const {
    return m_worker->inFlight.load();
}

void HttpClient::deliver(const std::shared_ptr<Job> &job) {
    --m_worker->inFlight;
    QObject *context = job->context.data();
    if (!context || !job->onDone)
        return;
    if (context->thread() == thread()) {
        const std::shared_ptr<Job> keep = job; // the callback may delete this client
        keep->onDone(keep->result);
        return;
    }
    // A context on another thread gets one more hop; the event dies with the context.
    QMetaObject::invokeMethod(
        context, [job] { job->onDone(job->result); }, Qt::QueuedConnection);
}
