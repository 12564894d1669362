// SPDX-License-Identifier: MIT
// AlertmanagerConnector's write calls: the andon and declared incidents as alerts (every
// dashboard reading the same Alertmanager sees them), and silences.
#include "core/sources/connectors/AlertmanagerConnector.h"

#include "core/http/UrlJoin.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using nlohmann::json;

namespace {

constexpr int andonLifetimeDays = 30; // "far ahead": re-raised by hand after a month, if ever
constexpr int incidentLifetimeDays = 30;
constexpr int defaultSilenceHours = 1;

std::string iso(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

std::string s(const QString &text) {
    return text.toStdString();
}

void putIfSet(json *object, const char *key, const QString &value) {
    if (!value.isEmpty())
        (*object)[key] = s(value);
}

// SEV-1..SEV-4 as the severity words the read path (and Alertmanager routing) knows.
std::string alertSeverity(const QString &severity) {
    static const char *const words[] = {"critical", "high", "warning", "info"};
    static const QRegularExpression sev(QStringLiteral("^sev-?([1-4])$"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = sev.match(severity.trimmed());
    return m.hasMatch() ? words[m.captured(1).toInt() - 1] : s(severity.trimmed());
}

json andonLabels(const WriteAction &action) {
    return {{"alertname", "Andon"},
            {"andon", "true"},
            {"project", s(action.project)},
            {"severity", "andon"}};
}

json andonAlert(const WriteAction &action, const QDateTime &now) {
    json alert = {{"labels", andonLabels(action)}};
    json annotations = json::object();
    putIfSet(&annotations, "reason", action.reason);
    QDateTime endsAt = now.addDays(andonLifetimeDays);
    if (action.kind == WriteKind::RaiseAndon) {
        putIfSet(&annotations, "raised_by", action.raisedBy);
    } else {
        putIfSet(&annotations, "decision", action.decision);
        putIfSet(&annotations, "note", action.note);
        putIfSet(&annotations, "resolved_by", action.raisedBy);
        endsAt = action.endsAt.isValid() ? action.endsAt : now;
    }
    alert["annotations"] = annotations;
    // The raise time travels with every re-post (Alertmanager keeps the earliest start of the
    // same alert). Never left out on a raise: Alertmanager would take endsAt, 30 days ahead.
    if (action.startsAt.isValid() && action.startsAt <= endsAt)
        alert["startsAt"] = iso(action.startsAt);
    else if (action.kind == WriteKind::RaiseAndon)
        alert["startsAt"] = iso(now);
    alert["endsAt"] = iso(endsAt);
    return alert;
}

json incidentAlert(const WriteAction &action, const QDateTime &now) {
    json labels = {{"alertname", "DeclaredIncident"}};
    const std::string severity = alertSeverity(action.severity);
    if (!severity.empty())
        labels["severity"] = severity;
    // The key makes a retried declaration the same alert; without one, the title does.
    labels["incident"] = s(action.idempotencyKey.isEmpty() ? action.title : action.idempotencyKey);
    json annotations = {{"summary", s(action.title)}};
    putIfSet(&annotations, "description", action.description);
    putIfSet(&annotations, "customer_impact", action.customerImpact);
    putIfSet(&annotations, "declared_by", action.raisedBy);
    json alert = {{"labels", labels}, {"annotations", annotations}};
    alert["startsAt"] = iso(action.startsAt.isValid() ? action.startsAt : now);
    alert["endsAt"] = iso(now.addDays(incidentLifetimeDays));
    return alert;
}

json silence(const WriteAction &action, const QDateTime &now) {
    json matchers = json::array();
    for (const QString &label : action.labels) {
        json matcher;
        if (!AlertmanagerConnector::parseMatcher(label, &matcher)) {
            // Not a label name: Alertmanager refuses the whole silence and says why, rather
            // than a silence broader than asked.
            matcher = {{"name", "not a matcher: " + s(label)},
                       {"value", ""},
                       {"isRegex", false},
                       {"isEqual", true}};
        }
        matchers.push_back(matcher);
    }
    const QDateTime startsAt = action.startsAt.isValid() ? action.startsAt : now;
    const QDateTime endsAt =
        action.endsAt.isValid() ? action.endsAt : startsAt.addSecs(defaultSilenceHours * 3600);
    QString comment = action.note;
    for (const QString &other : {action.reason, action.title}) {
        if (comment.isEmpty())
            comment = other;
    }
    return {
        {"matchers", matchers},
        {"startsAt", iso(startsAt)},
        {"endsAt", iso(endsAt)},
        {"createdBy", action.raisedBy.isEmpty() ? std::string("dutyboard") : s(action.raisedBy)},
        {"comment", comment.isEmpty() ? std::string("silenced from dutyboard") : s(comment)}};
}

// The comment that marks an acknowledgement's silence: a retry finds the silence an earlier
// attempt made (a kill between its creation and its mark on disk) instead of making a second.
QString acknowledgementComment(const WriteAction &action) {
    return QStringLiteral("acknowledged by %1 via dutyboard").arg(action.raisedBy);
}

json acknowledgementSilence(const WriteAction &action, const QDateTime &now) {
    WriteAction silenceAction = action;
    silenceAction.note = acknowledgementComment(action);
    json body = silence(silenceAction, now);
    if (!action.reference.isEmpty())
        body["id"] = s(action.reference); // a renewal: the same silence, further
    return body;
}

// The alert's labels as matchers, compared without order.
std::vector<json> sortedMatchers(const json &matchers) {
    std::vector<json> sorted;
    if (matchers.is_array())
        sorted.assign(matchers.begin(), matchers.end());
    std::sort(sorted.begin(), sorted.end(), [](const json &a, const json &b) {
        return a.value("name", std::string()) < b.value("name", std::string());
    });
    return sorted;
}

bool sameMatchers(const json &found, const std::vector<json> &wanted) {
    const std::vector<json> have = sortedMatchers(found);
    if (have.size() != wanted.size())
        return false;
    for (std::size_t i = 0; i < have.size(); ++i) {
        for (const char *key : {"name", "value"}) {
            if (have[i].value(key, std::string()) != wanted[i].value(key, std::string()))
                return false;
        }
        if (have[i].value("isRegex", false) || !have[i].value("isEqual", true))
            return false;
    }
    return true;
}

// The active or pending silence this acknowledgement made, in GET /api/v2/silences's answer;
// empty when there is none.
QString findAcknowledgementSilence(const WriteAction &action, const json &silences) {
    if (!silences.is_array())
        return {};
    const std::vector<json> wanted = sortedMatchers(silence(action, QDateTime()).at("matchers"));
    const std::string comment = s(acknowledgementComment(action));
    for (const json &found : silences) {
        const json *status = jsonMember(&found, "status");
        const std::string *state = status ? jsonString(status, "state") : nullptr;
        const std::string *id = jsonString(&found, "id");
        const std::string *text = jsonString(&found, "comment");
        if (!id || !text || *text != comment || !state ||
            (*state != "active" && *state != "pending"))
            continue;
        if (const json *matchers = jsonMember(&found, "matchers");
            matchers && sameMatchers(*matchers, wanted))
            return utf8ToQString(id);
    }
    return {};
}

std::shared_ptr<const WriteAction> nextStep(const WriteAction &action, const QString &found) {
    auto next = std::make_shared<WriteAction>(action);
    next->lookups.append(found.isEmpty() ? QStringLiteral("-") : found);
    return next;
}

} // namespace

bool AlertmanagerConnector::parseMatcher(const QString &text, json *matcher) {
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    QString value = m.captured(3);
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) &&
        value.endsWith(QLatin1Char('"'))) {
        value = value.mid(1, value.size() - 2);
        value.replace(QLatin1String("\\\""), QLatin1String("\""));
        value.replace(QLatin1String("\\\\"), QLatin1String("\\"));
    }
    const QString op = m.captured(2);
    *matcher = {{"name", s(m.captured(1))},
                {"value", s(value)},
                {"isRegex", op.endsWith(QLatin1Char('~'))},
                {"isEqual", !op.startsWith(QLatin1Char('!'))}};
    return true;
}

json AlertmanagerConnector::writeBody(const WriteAction &action, const QDateTime &now) {
    switch (action.kind) {
    case WriteKind::RaiseAndon:
    case WriteKind::ResolveAndon:
        return json::array({andonAlert(action, now)});
    case WriteKind::CreateIncident:
        return json::array({incidentAlert(action, now)});
    case WriteKind::CreateSilence:
        return silence(action, now);
    default:
        return json();
    }
}

bool AlertmanagerConnector::supportsWrite(WriteKind kind) const {
    return kind == WriteKind::RaiseAndon || kind == WriteKind::ResolveAndon ||
           kind == WriteKind::CreateIncident || kind == WriteKind::CreateSilence ||
           kind == WriteKind::Acknowledge || kind == WriteKind::Release;
}

qint64 AlertmanagerConnector::acknowledgementLifetimeS() const {
    return acknowledgementSilenceS;
}

HttpRequest AlertmanagerConnector::writeRequest(const WriteAction &action) const {
    return onReplica(requestOnFirstReplica(action), action.replica);
}

QByteArray AlertmanagerConnector::uiBase(const WriteAction &action) const {
    const QByteArrayList urls = config().replicaUrls();
    return urls.value(action.replica, config().url);
}

HttpRequest AlertmanagerConnector::requestOnFirstReplica(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release) {
        // First, unless it is known: the silence an earlier attempt made.
        if (action.reference.isEmpty() && action.lookups.isEmpty())
            return makeRequest(QByteArrayLiteral("/api/v2/silences"));
        // A renewal reads the silence first: extended in place only from the start
        // Alertmanager keeps (it moves a start in the past to its own "now").
        if (action.kind == WriteKind::Acknowledge && action.lookups.isEmpty())
            return makeRequest("/api/v2/silence/" + QUrl::toPercentEncoding(action.reference));
        if (action.kind == WriteKind::Release) {
            HttpRequest request = makeRequest(
                "/api/v2/silence/" + QUrl::toPercentEncoding(action.reference.isEmpty()
                                                                 ? action.lookups.constLast()
                                                                 : action.reference));
            request.method = QByteArrayLiteral("DELETE");
            return request;
        }
        HttpRequest request = makeRequest(QByteArrayLiteral("/api/v2/silences"));
        setJsonBody(&request, acknowledgementSilence(action, clock().now()));
        return request;
    }
    HttpRequest request =
        makeRequest(action.kind == WriteKind::CreateSilence ? QByteArrayLiteral("/api/v2/silences")
                                                            : QByteArrayLiteral("/api/v2/alerts"));
    setJsonBody(&request, writeBody(action, clock().now()));
    return request;
}

WriteOutcome AlertmanagerConnector::parseWriteResult(const WriteAction &action,
                                                     const HttpResult &result) const {
    const bool unreachable = result.error == HttpError::Connect || result.error == HttpError::Dns;
    if (unreachable && action.replica + 1 < config().replicaUrls().size()) {
        // A cluster's replicas gossip silences: the next one will do.
        WriteOutcome outcome;
        outcome.accepted = true;
        auto next = std::make_shared<WriteAction>(action);
        ++next->replica;
        outcome.next = next;
        return outcome;
    }
    const bool acknowledging =
        action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release;
    if (acknowledging && action.reference.isEmpty() && action.lookups.isEmpty())
        return parseSilenceLookup(action, result);
    if (action.kind == WriteKind::Acknowledge && action.lookups.isEmpty())
        return parseRenewalLookup(action, result);
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (acknowledging && !outcome.accepted && result.error == HttpError::HttpStatus &&
        result.status == 404 && !action.reference.isEmpty()) {
        // The silence is gone (expired long ago and collected): a release is done; a renewal
        // makes a new one.
        outcome = WriteOutcome();
        outcome.accepted = true;
        if (action.kind == WriteKind::Acknowledge) {
            auto fresh = std::make_shared<WriteAction>(action);
            fresh->reference.clear();
            fresh->lookups = {QStringLiteral("-")};
            outcome.next = fresh;
        }
        return outcome;
    }
    if (action.kind == WriteKind::Release && !outcome.accepted &&
        result.body.contains("already expired")) {
        outcome = WriteOutcome(); // what a release wants
        outcome.accepted = true;
        return outcome;
    }
    const int status = result.status;
    if (!outcome.accepted && result.error == HttpError::HttpStatus && status >= 400 &&
        status < 500 && status != 401 && status != 403 && status != 404 && status != 429) {
        const QString why = errorBodyText(result.body);
        outcome.error =
            why.isEmpty()
                ? QStringLiteral("Alertmanager refused (HTTP %1)").arg(status)
                : QStringLiteral("Alertmanager refused (HTTP %1): %2").arg(status).arg(why);
    }
    if (outcome.accepted &&
        (action.kind == WriteKind::CreateSilence || action.kind == WriteKind::Acknowledge)) {
        const json answer = json::parse(
            result.body.constData(), result.body.constData() + result.body.size(), nullptr, false);
        outcome.createdId = utf8ToQString(jsonString(&answer, "silenceID"));
        if (!outcome.createdId.isEmpty())
            outcome.createdUrl =
                QString::fromUtf8(joinUrl(uiBase(action), "/#/silences/")) + outcome.createdId;
    }
    return outcome;
}

WriteOutcome AlertmanagerConnector::parseSilenceLookup(const WriteAction &action,
                                                       const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted)
        return outcome;
    const json answer = json::parse(result.body.constData(),
                                    result.body.constData() + result.body.size(), nullptr, false);
    if (!answer.is_array()) {
        outcome.accepted = false;
        outcome.error = QStringLiteral("Alertmanager's list of silences is not a JSON array");
        return outcome;
    }
    const QString found = findAcknowledgementSilence(action, answer);
    if (action.kind == WriteKind::Acknowledge && !found.isEmpty()) {
        // Made by an attempt that did not live to mark it: that one is the acknowledgement.
        outcome.createdId = found;
        outcome.createdUrl = QString::fromUtf8(joinUrl(uiBase(action), "/#/silences/")) + found;
        return outcome;
    }
    if (action.kind == WriteKind::Release && found.isEmpty())
        return outcome; // nothing to expire
    outcome.next = nextStep(action, found);
    return outcome;
}

WriteOutcome AlertmanagerConnector::parseRenewalLookup(const WriteAction &action,
                                                       const HttpResult &result) const {
    auto next = std::make_shared<WriteAction>(action);
    WriteOutcome outcome;
    if (result.error == HttpError::HttpStatus && result.status == 404) {
        outcome.accepted = true; // gone: a new silence
    } else {
        outcome = Connector::parseWriteResult(action, result);
        if (!outcome.accepted)
            return outcome;
    }
    const json silence = json::parse(result.body.constData(),
                                     result.body.constData() + result.body.size(), nullptr, false);
    const json *status = jsonMember(&silence, "status");
    const std::string *state = status ? jsonString(status, "state") : nullptr;
    const std::string *startsAt = jsonString(&silence, "startsAt");
    if (result.status == 404 || !state || *state == "expired" || !startsAt) {
        next->reference.clear(); // expired by hand meanwhile: the acknowledgement makes a new one
        next->lookups = {QStringLiteral("-")};
    } else {
        next->startsAt = QDateTime::fromString(utf8ToQString(startsAt), Qt::ISODateWithMs);
        next->lookups = {action.reference};
    }
    outcome.next = next;
    return outcome;
}
