// SPDX-License-Identifier: MIT
#include "SourceTrial.h"

#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/config/Secrets.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/SourceFetcher.h"

#include <QThreadPool>

#include <algorithm>

namespace {

constexpr size_t shownItems = 5;

// The first element of the array at `pointer` in `body`, indented; empty when there is none.
QString firstRawItem(const QByteArray &body, const std::string &pointer) {
    const nlohmann::json document =
        nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (document.is_discarded())
        return {};
    try {
        const nlohmann::json &items =
            pointer.empty() ? document : document.at(nlohmann::json::json_pointer(pointer));
        if (items.is_array() && !items.empty())
            return QString::fromStdString(items.front().dump(2));
    } catch (const nlohmann::json::exception &) {
    }
    return {};
}

} // namespace

struct SourceTrial::Run {
    std::unique_ptr<Connector> connector;
    std::unique_ptr<SourceFetcher> fetcher;
};

SourceTrial::SourceTrial(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_parsePool(std::make_unique<QThreadPool>()) {
    m_parsePool->setMaxThreadCount(1);
}

SourceTrial::~SourceTrial() {
    m_parsePool->waitForDone(); // a parse in flight uses the run's connector
}

void SourceTrial::run(const nlohmann::json &source, const QByteArray &secret) {
    if (m_run)
        m_retired.push_back(std::move(m_run));
    m_retired.erase(std::remove_if(m_retired.begin(), m_retired.end(),
                                   [](const auto &run) { return !run->fetcher->isRunning(); }),
                    m_retired.end());
    SourceTrialResult failed;
    SourceConfig config;
    try {
        nlohmann::json typed = source;
        if (!secret.isEmpty() && typed.contains("auth") && typed["auth"].is_object()) {
            // The typed secret stands in for the one the form names: where it will be kept
            // (a file not written yet, a keyring entry not saved yet) is not read now.
            nlohmann::json &auth = typed["auth"];
            for (const char *base : {"token", "password"})
                for (const char *kind : {"_env", "_file", "_keyring"})
                    auth.erase(std::string(base) + kind);
            auth[auth.value("type", "") == "basic" ? "password_keyring" : "token_keyring"] =
                "(typed in the form)";
        }
        const nlohmann::json document = {{"sources", nlohmann::json::array({typed})}};
        config = parseConfig(QByteArray::fromStdString(document.dump()), QString()).sources.front();
        if (!secret.isEmpty()) {
            rememberSecret(secret); // redacted from whatever the server answers
            config.auth.secret = secret;
            config.auth.keyringEntry.clear();
        }
        auto run = std::make_unique<Run>();
        run->connector = ConnectorRegistry::builtin().create(config, Clock::system());
        run->fetcher = std::make_unique<SourceFetcher>(*run->connector, m_http, m_parsePool.get());
        m_run = std::move(run);
    } catch (const ConfigError &e) {
        // "at /sources/0/url: …" reads "at /url: …" in a form about one source.
        failed.configError = e.describe().replace(QStringLiteral("/sources/0"), QString());
        if (failed.configError.startsWith(QStringLiteral(": ")))
            failed.configError.remove(0, 2);
        finish(std::move(failed));
        return;
    }
    const Run *run = m_run.get();
    connect(run->fetcher.get(), &SourceFetcher::finished, this,
            [this, run](const FetchOutcome &outcome) {
                if (m_run.get() != run)
                    return; // a later trial replaced it
                SourceTrialResult result;
                result.ok = outcome.ok;
                result.error = outcome.error;
                result.count = static_cast<int>(outcome.items.size());
                for (size_t i = 0; i < outcome.items.size() && i < shownItems; ++i)
                    result.first.push_back(outcome.items[i]);
                if (run->connector->config().type != QLatin1String("generic") || !outcome.ok) {
                    finish(std::move(result));
                    return;
                }
                // The raw answer for a generic source: its first page once more, read as JSON,
                // so the person sees what the pointers point into.
                const std::string pointer = run->connector->config().raw.value("items", "");
                m_http->send(run->connector->firstRequest(), this,
                             [this, run, pointer, result](const HttpResult &answer) mutable {
                                 if (m_run.get() != run)
                                     return;
                                 result.rawItem = redactSecrets(firstRawItem(answer.body, pointer));
                                 finish(std::move(result));
                             });
            });
    m_run->fetcher->start();
}

void SourceTrial::finish(SourceTrialResult result) {
    Q_EMIT finished(result);
}
