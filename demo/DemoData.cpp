// SPDX-License-Identifier: MIT
#include "DemoData.h"

#include <nlohmann/json.hpp>

#include <iterator>

namespace {

using json = nlohmann::json;

std::string iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

std::string link(const DemoMoment &m, const char *kind, const std::string &id) {
    return m.base.toStdString() + "/item/" + kind + "/" + id;
}

struct DemoAlert {
    const char *name;
    const char *severity;
    const char *summary;
    const char *team;
    int startedMinutesBefore; // before the demo started
    int appearsAtS;           // seconds into the demo (0: from the start)
    int resolvesAtS;          // -1: never
    bool silenced;
    const char *instance = nullptr; // a storm's alerts differ by it, and group by alertname
};

const DemoAlert alerts[] = {
    {"HighErrorRate", "critical", "api-gateway: 5xx above 2% for 5 min", "platform", 7, 0, 100,
     false},
    {"KubePodCrashLooping", "error", "payments-worker crash-looping in prod-eu-1", "payments", 48,
     0, -1, false},
    {"PostgresReplicationLag", "warning", "db-prod-2 replica lagging 45 s behind", "storage", 25, 0,
     -1, false},
    {"DiskWillFillIn4Hours", "warning", "ci-runner-3 /var fills in about 4 h", "platform", 130, 0,
     -1, false},
    {"CertificateExpiry", "info", "*.internal.acme.io expires in 6 days", "platform", 1500, 0, -1,
     false},
    {"NightlyBackupSlow", "ticket", "Nightly S3 backup took 3 h 10 min", "storage", 300, 0, -1,
     false},
    {"NodeNotReady", "warning", "node ip-10-2-3-4 NotReady (maintenance)", "platform", 40, 0, -1,
     true},
    {"CheckoutLatencySLOBurn", "high", "checkout p99 above 800 ms: SLO budget burning 6x",
     "payments", 0, 45, -1, false},
    // A storm: one cause, many nodes; the incidents panel shows it as one group that grows.
    {"HighCPU", "high", "CPU above 90% for 10 min on node-0001", "platform", 95, 0, -1, false,
     "node-0001"},
    {"HighCPU", "high", "CPU above 90% for 10 min on node-0002", "platform", 61, 0, -1, false,
     "node-0002"},
    {"HighCPU", "high", "CPU above 90% for 10 min on node-0007", "platform", 33, 0, -1, false,
     "node-0007"},
    {"HighCPU", "high", "CPU above 90% for 10 min on node-0012", "platform", 12, 0, -1, false,
     "node-0012"},
    {"HighCPU", "high", "CPU above 90% for 10 min on node-0019", "platform", 3, 0, -1, false,
     "node-0019"},
    {"HighCPU", "high", "CPU above 90% for 10 min on node-0020", "platform", 0, 30, -1, false,
     "node-0020"},
};

} // namespace

QByteArray demoAlerts(const DemoMoment &m) {
    json out = json::array();
    int index = 0;
    for (const DemoAlert &a : alerts) {
        ++index;
        if (m.elapsedS < a.appearsAtS || (a.resolvesAtS >= 0 && m.elapsedS >= a.resolvesAtS))
            continue;
        const QDateTime startsAt = a.appearsAtS > 0
                                       ? m.start.addSecs(a.appearsAtS)
                                       : m.start.addSecs(-60LL * a.startedMinutesBefore);
        json status = {{"state", a.silenced ? "suppressed" : "active"},
                       {"silencedBy", a.silenced ? json::array({"3f5c2e1a-demo"}) : json::array()},
                       {"inhibitedBy", json::array()}};
        json labels = {{"alertname", a.name}, {"severity", a.severity}, {"team", a.team}};
        if (a.instance)
            labels["instance"] = a.instance;
        out.push_back({{"labels", labels},
                       {"annotations", {{"summary", a.summary}}},
                       {"startsAt", iso(startsAt)},
                       {"endsAt", iso(m.start.addSecs(m.elapsedS + 300))},
                       {"updatedAt", iso(m.start.addSecs(m.elapsedS))},
                       {"fingerprint", "demo" + std::to_string(1000 + index)},
                       {"generatorURL", link(m, "alert", a.name)},
                       {"receivers", json::array({{{"name", "sre-duty"}}})},
                       {"status", status}});
    }
    out.push_back(
        {{"labels",
          {{"alertname", "Andon"},
           {"andon", "true"},
           {"project", "sftp-partner-gateway"},
           {"severity", "andon"}}},
         {"annotations",
          {{"reason", "No backup or retention decided; compliance has not signed off"},
           {"raised_by", "mathieu"}}},
         {"startsAt", iso(m.start.addSecs(-12 * 60))},
         {"endsAt", iso(m.start.addDays(30))},
         {"updatedAt", iso(m.start)},
         {"fingerprint", "andon-sftp"},
         {"generatorURL", ""},
         {"receivers", json::array({{{"name", "sre-duty"}}})},
         {"status",
          {{"state", "active"}, {"silencedBy", json::array()}, {"inhibitedBy", json::array()}}}});
    return QByteArray::fromStdString(out.dump());
}

namespace {

struct DemoRequest {
    const char *text;
    const char *requester;
    int minutesBefore; // created this long before the demo started; negative: arrives later
    const char *status;
};

// The talk's own examples of what lands on the SRE on duty.
const DemoRequest requests[] = {
    {"I would like to create a PostgreSQL read replica to ingest data to Elasticsearch. Can you "
     "create it?",
     "Alice", 34, "new"},
    {"I cannot pull docker images locally. Can you help me?", "Bruno", 18, "new"},
    {"My CI job is failing because out of disk space. I've relaunched it but same issue. Can you "
     "fix?",
     "Chloe", 9, "taken"},
    {"We would need an SFTP for a new feature, can you set it up?", "Dario", 65, "new"},
    {"Can I get read access to the prod-eu-1 Grafana folder?", "Emma", -1, "new"},
    {"The staging deploy of ledger-api is stuck on 'Pending' since this morning", "Farid", -2,
     "new"},
    {"Could you rotate the Kafka credentials for the reporting service?", "Greta", -3, "new"},
};

constexpr int requestEveryS = 40; // a new request arrives this often in the demo

} // namespace

QByteArray demoRequests(const DemoMoment &m) {
    json items = json::array();
    int id = 1040;
    for (const DemoRequest &r : requests) {
        ++id;
        QDateTime created;
        if (r.minutesBefore >= 0) {
            created = m.start.addSecs(-60LL * r.minutesBefore);
        } else {
            const qint64 arrivesAt = requestEveryS * static_cast<qint64>(-r.minutesBefore);
            if (m.elapsedS < arrivesAt)
                continue;
            created = m.start.addSecs(arrivesAt);
        }
        items.push_back({{"id", id},
                         {"text", r.text},
                         {"requester", {{"name", r.requester}}},
                         {"created", iso(created)},
                         {"status", r.status},
                         {"permalink", link(m, "request", std::to_string(id))}});
    }
    return QByteArray::fromStdString(json({{"requests", items}, {"next", nullptr}}).dump());
}

namespace {

struct DemoBug {
    const char *key;
    const char *summary;
    const char *priority;
    const char *assignee;
    const char *status;
    int hoursBefore;
};

const DemoBug bugs[] = {
    {"SRE-311", "CI runners run out of disk: no cleanup of docker layers", "P2", "victor",
     "in progress", 26},
    {"SRE-305", "Read replica creation fails for Aurora clusters in eu-west-3", "P3", "", "to do",
     70},
    {"SRE-298", "Alert on Kafka consumer lag fires on every deploy", "P3", "", "waiting for vendor",
     120},
    {"SRE-290", "qontoctl config troubleshoot misses expired SSO session", "P4", "", "to do", 200},
};

} // namespace

QByteArray demoBugs(const DemoMoment &m, int page) {
    // Two pages of two bugs: exercises cursor pagination.
    json items = json::array();
    const size_t first = page == 0 ? 0 : 2;
    for (size_t i = first; i < first + 2 && i < std::size(bugs); ++i) {
        const DemoBug &b = bugs[i];
        json assignees = json::array();
        if (*b.assignee != '\0')
            assignees.push_back({{"name", b.assignee}});
        items.push_back(
            {{"key", b.key},
             {"summary", b.summary},
             {"priority", b.priority},
             {"assignees", assignees},
             {"status", b.status},
             {"created_at", m.start.addSecs(-3600LL * b.hoursBefore).toSecsSinceEpoch()},
             {"web_url", link(m, "bug", b.key)}});
    }
    json next = page == 0 ? json("page-2") : json(nullptr);
    return QByteArray::fromStdString(
        json({{"issues", items}, {"page", {{"next_cursor", next}}}}).dump());
}

DemoRequestRef demoInvestigatedRequest() {
    return {"sre-desk", "1043"};
}

bool demoBugTrackerDown(qint64 elapsedS) {
    // Down for 25 s out of every 150 s, starting 60 s in: long enough to see "stale".
    return elapsedS >= 60 && (elapsedS - 60) % 150 < 25;
}

namespace {

struct DemoCard {
    const char *id;
    const char *title;
    const char *project;
    const char *status;
    const char *assignee;
    int dueInDays; // from the demo's start; 999: no due date
    int inColumnHours;
};

const DemoCard cards[] = {
    {"PRJ-41", "sftp-partner-gateway", "sftp-partner-gateway", "ve", "mathieu", 4, 30},
    {"PRJ-44", "Read replicas as a service", "replicas-self-service", "ve", "alice", 9, 52},
    {"PRJ-39", "Kafka credentials rotation", "kafka-rotation", "dive-in", "victor", 0, 20},
    {"PRJ-35", "CI runner disk cleanup", "ci-cleanup", "doing", "victor", -3, 96},
    {"PRJ-37", "Grafana folders per team", "grafana-folders", "doing", "emma", 1, 10},
    {"PRJ-30", "Alert routing per team", "alert-routing", "done", "bruno", 999, 5},
    {"PRJ-47", "Docker registry mirror", "registry-mirror", "todo", "", 999, 200},
    {"PRJ-48", "Self-service Grafana access", "grafana-access", "todo", "", 999, 26},
    {"PRJ-46", "Terraform module for SFTP", "terraform-sftp", "todo", "", 999, 340},
};

} // namespace

QByteArray demoCards(const DemoMoment &m) {
    json items = json::array();
    for (const DemoCard &c : cards) {
        json assignees = json::array();
        if (*c.assignee != '\0')
            assignees.push_back({{"name", c.assignee}});
        const QDateTime moved = m.start.addSecs(-3600LL * c.inColumnHours);
        items.push_back(
            {{"id", c.id},
             {"title", c.title},
             {"project", c.project},
             {"status", c.status},
             {"assignees", assignees},
             {"created", iso(moved.addDays(-3))},
             {"moved_at", iso(moved)},
             {"due", c.dueInDays == 999 ? json(nullptr) : json(iso(m.start.addDays(c.dueInDays)))},
             {"url", link(m, "card", c.id)}});
    }
    return QByteArray::fromStdString(json({{"cards", items}}).dump());
}

QByteArray demoConfig(const QByteArray &base) {
    const std::string b = base.toStdString();
    json config = {
        {"on_duty", "victor"},
        {"sources",
         json::array({
             {{"name", "prod-alerts"},
              {"type", "alertmanager"},
              {"url", b + "/alertmanager"},
              {"panel", "incidents"},
              {"interval_s", 5}},
             {{"name", "sre-desk"},
              {"type", "generic"},
              {"url", b + "/desk"},
              {"panel", "requests"},
              {"interval_s", 5},
              {"path", "/api/requests?status=open"},
              {"items", "/requests"},
              {"fields",
               {{"id", "/id"},
                {"title", "/text"},
                {"state", "/status"},
                {"created_at", "/created"},
                {"people", "/requester/name"},
                {"url", "/permalink"}}},
              {"write",
               {{"path", "/api/requests/{{item_id}}/{{kind}}"},
                {"body", {{"text", "{{text}}"}, {"reaction", "{{reaction}}"}}},
                {"kinds", json::array({"reply", "react"})}}}},
             {{"name", "bug-tracker"},
              {"type", "generic"},
              {"url", b + "/tracker"},
              {"panel", "bugs"},
              {"interval_s", 7},
              {"path", "/api/bugs"},
              {"items", "/issues"},
              {"fields",
               {{"id", "/key"},
                {"title", "/summary"},
                {"state", "/status"},
                {"created_at", "/created_at"},
                {"people", "/assignees"},
                {"people_key", "name"},
                {"owner", "/assignees/0/name"}, // who is on it, as the tracker says
                {"url", "/web_url"},
                {"severity", "/priority"}}},
              {"pagination",
               {{"style", "cursor"}, {"next", "/page/next_cursor"}, {"param", "cursor"}}},
              {"write",
               {{"path", "/api/{{kind}}"},
                {"body",
                 {{"title", "{{title}}"},
                  {"description", "{{description}}"},
                  {"labels", "{{labels}}"}}},
                {"kinds", json::array({"create-bug", "create-card"})},
                {"created", {{"id", "/key"}, {"url", "/web_url"}}}}}},
             {{"name", "team-board"},
              {"type", "generic"},
              {"url", b + "/board"},
              {"panel", "kanban"},
              {"interval_s", 10},
              {"path", "/api/cards"},
              {"items", "/cards"},
              {"fields",
               {{"id", "/id"},
                {"title", "/title"},
                {"state", "/status"},
                {"project", "/project"},
                {"people", "/assignees"},
                {"created_at", "/created"},
                {"column_since", "/moved_at"},
                {"due", "/due"},
                {"url", "/url"}}}},
         })},
        {"actions",
         {{"andon", json::array({"prod-alerts"})},
          {"incident", "prod-alerts"},
          {"bug", "bug-tracker"},
          {"project", "bug-tracker"}}},
        {"self_service",
         json::array({{{"match", "read.?replica"},
                       {"command", "qontoctl rds create-read-replica -i db.r5.large "
                                   "--source-instance postgresql-prod"},
                       {"doc", b + "/item/doc/read-replica"}},
                      {{"match", "docker (images?|pull)|pull docker"},
                       {"command", "qontoctl config troubleshoot"},
                       {"doc", b + "/item/doc/troubleshoot"}}})},
        {"investigation", {{"amber_min", 10}, {"red_min", 15}}},
        {"wip_limit", 1},
        {"objectives",
         {{"max_open_bugs", 0},
          {"max_incidents_per_week", 0},
          {"max_andons_per_week", 1},
          {"max_run_percent", 0},
          {"max_median_resolve_h", 4}}},
        // The wall's first page is the usual four panels; the boards rotate in after it.
        {"wall",
         {{"layout", "pages"},
          {"pages", json::array({json::array({"incidents", "andons", "requests", "bugs"}), "kanban",
                                 "charts"})}}},
        {"kanban",
         {{"columns", json::array({{{"name", "Value engineering"}, {"wip", 2}},
                                   {{"name", "Dive-in"}, {"wip", 1}},
                                   {{"name", "Work in progress"}, {"wip", 1}},
                                   {{"name", "Done"}},
                                   {{"name", "What's next"}}})},
          {"map",
           {{"ve", "Value engineering"},
            {"dive-in", "Dive-in"},
            {"doing", "Work in progress"},
            {"done", "Done"},
            {"todo", "What's next"}}}}}};
    return QByteArray::fromStdString(config.dump(2));
}
