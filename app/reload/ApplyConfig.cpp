// SPDX-License-Identifier: MIT
// AppContext::applyConfig: a live reload applied to the running context. Kept apart from the
// context's construction: it is the one place that changes a running board's settings.
#include "app/AppContext.h"

#include "core/attention/Notifier.h"
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"

#include <algorithm>
#include <set>

namespace {

// The top-level keys the lean workflow reads (parseLeanConfig), applied together.
const std::set<std::string> &leanKeys() {
    static const std::set<std::string> keys = {
        "actions",       "self_service",      "investigation",         "wip_limit",
        "waiting_match", "in_progress_match", "declaring_timeout_min", "on_duty",
        "on_duty_url"};
    return keys;
}

// Applied live besides the sources; every other key ("state", "objectives") waits for a restart.
bool appliesLive(const std::string &key) {
    return leanKeys().count(key) || key == "wall" || key == "notifications" || key == "kanban";
}

bool sameSource(const SourceConfig &a, const SourceConfig &b) {
    // The andons split and the repeat of another source follow from the other sources.
    return a.raw == b.raw && a.auth.secret == b.auth.secret &&
           a.auth.secretError == b.auth.secretError && a.andonsElsewhere == b.andonsElsewhere &&
           a.repeats == b.repeats;
}

const SourceConfig *findSource(const std::vector<SourceConfig> &sources, const QString &name) {
    const auto it = std::find_if(sources.begin(), sources.end(),
                                 [&](const SourceConfig &s) { return s.name == name; });
    return it == sources.end() ? nullptr : &*it;
}

// The top-level keys whose value differs between two documents ("_comment"-like keys are notes).
std::vector<std::string> changedKeys(const nlohmann::json &before, const nlohmann::json &after) {
    std::set<std::string> keys;
    for (const nlohmann::json *doc : {&before, &after}) {
        for (const auto &item : doc->items()) {
            if (item.key() != "sources" && item.key()[0] != '_' &&
                before.value(item.key(), nlohmann::json()) !=
                    after.value(item.key(), nlohmann::json()))
                keys.insert(item.key());
        }
    }
    return {keys.begin(), keys.end()};
}

QString sourceCounts(int added, int changed, int removed) {
    QStringList said;
    const auto count = [&said](int n, const char *what) {
        if (n > 0)
            said.append(QStringLiteral("%1 source%2 %3")
                            .arg(n)
                            .arg(n == 1 ? QString() : QStringLiteral("s"))
                            .arg(QLatin1String(what)));
    };
    count(added, "added");
    count(changed, "changed");
    count(removed, "removed");
    return said.join(QStringLiteral(", "));
}

} // namespace

ConfigChange AppContext::applyConfig(const AppConfig &next) {
    const QString &file = next.file;
    const Clock &clock = m_board->clock();
    // Everything is read and made first: a mistake stops the reload before anything changed.
    std::vector<std::unique_ptr<Connector>> made; // in the config's order: the source bar's
    inConfigFile(file, [&] {
        for (const SourceConfig &source : next.sources) {
            const SourceConfig *old = findSource(m_config.sources, source.name);
            if (!old || !sameSource(*old, source))
                made.push_back(ConnectorRegistry::builtin().create(source, clock));
        }
    });
    // The lean actions are checked against the sources as they will be.
    const ConnectorLookup running = m_sources.lookup();
    const ConnectorLookup nextLookup = [&](const QString &name) -> const Connector * {
        for (const auto &connector : made) {
            if (connector->config().name == name)
                return connector.get();
        }
        return findSource(next.sources, name) ? running(name) : nullptr;
    };
    LeanConfig lean = parseLeanConfig(next, nextLookup);
    WallConfig wall = inConfigFile(file, [&] { return parseWallConfig(next.raw); });
    const NotificationConfig notifications =
        inConfigFile(file, [&] { return parseNotificationConfig(next.raw); });
    KanbanConfig kanban = inConfigFile(file, [&] { return parseKanbanConfig(next.raw); });
    const bool scheduleChanged =
        (m_lean.onDutySource ? m_lean.onDutySource->raw : nlohmann::json()) !=
        (lean.onDutySource ? lean.onDutySource->raw : nlohmann::json());
    std::unique_ptr<Connector> schedule;
    if (scheduleChanged && lean.onDutySource)
        schedule = inConfigFile(
            file, [&] { return ConnectorRegistry::builtin().create(*lean.onDutySource, clock); });

    // The sources.
    int removed = 0;
    int changed = 0;
    for (const SourceConfig &old : m_config.sources) {
        const SourceConfig *now = findSource(next.sources, old.name);
        if (now && sameSource(old, *now))
            continue;
        m_poller->removeSource(old.name); // before its connector goes
        m_sources.take(old.name);
        ++(now ? changed : removed);
    }
    for (std::unique_ptr<Connector> &connector : made) {
        const Connector &added = m_sources.add(std::move(connector));
        m_poller->addSource(added);
        if (m_poller->isPeriodic())
            m_poller->fetchNow(added.config().name);
    }
    const int added = static_cast<int>(made.size()) - changed;
    m_config.sources = next.sources;
    m_config.raw["sources"] = next.raw["sources"];

    // The other sections: applied, or said to wait for a restart. A wall's name keys what its
    // room acknowledged (WallAcknowledgements): it stays until a restart.
    ConfigChange change;
    QStringList waiting;
    nlohmann::json nextRaw = next.raw;
    if (wall.name != m_wall.name) {
        waiting.append(QStringLiteral("wall/name"));
        wall.name = m_wall.name;
        if (m_wall.name.isEmpty())
            nextRaw["wall"].erase("name");
        else
            nextRaw["wall"]["name"] = m_wall.name.toStdString();
    }
    for (const std::string &key : changedKeys(m_config.raw, nextRaw)) {
        const QString name = QString::fromStdString(key);
        if (!appliesLive(key)) {
            waiting.append(name);
            continue;
        }
        change.sections.append(name);
        if (nextRaw.contains(key))
            m_config.raw[key] = nextRaw[key];
        else
            m_config.raw.erase(key);
    }
    m_wall = std::move(wall);
    m_notifier->setConfig(notifications);
    if (change.sections.contains(QStringLiteral("kanban")))
        m_board->setKanbanConfig(std::move(kanban));
    const bool onDutyChanged = lean.onDuty != m_lean.onDuty;
    m_lean = std::move(lean); // the lean controller reads it where it is
    m_config.onDuty = next.onDuty;
    if (m_leanState)
        m_leanState->clocks()->setThresholds(m_lean.amberMin, m_lean.redMin);
    if (scheduleChanged) {
        if (m_onDutySource)
            m_poller->removeFeed(m_onDutySource->config().name);
        m_onDutySource.reset();
        if (schedule)
            followSchedule(std::move(schedule));
    }
    if (scheduleChanged || onDutyChanged)
        m_onDuty->setFallback(m_lean.onDuty);
    if (m_onDutySource && scheduleChanged && m_poller->isPeriodic())
        m_poller->fetchNow(m_onDutySource->config().name);

    change.notApplied = waiting.isEmpty()
                            ? QString()
                            : QStringLiteral("\"%1\" changed: restart dutyboard to apply it")
                                  .arg(waiting.join(QStringLiteral("\", \"")));
    change.what = sourceCounts(added, changed, removed);
    if (!change.sections.isEmpty())
        change.what += (change.what.isEmpty() ? QString() : QStringLiteral("; ")) +
                       change.sections.join(QStringLiteral(", ")) + QStringLiteral(" applied");
    return change;
}
