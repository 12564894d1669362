// SPDX-License-Identifier: MIT
// IncidentIoConnector's "I'm on it": the acting person becomes the incident's lead (the role
// whose role_type is "lead", looked up first), and a release unassigns the role, only while
// that person still holds it.
#include "core/sources/connectors/IncidentIoConnector.h"

#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"

#include <QUrl>

using nlohmann::json;

namespace {

// Said when a step's answer is not the JSON it should be.
const QString notTheAnswer = QStringLiteral("incident.io's answer is not %1");

WriteOutcome refused(const QString &error) {
    WriteOutcome outcome;
    outcome.error = error;
    return outcome;
}

// The lead's assignment among an incident's incident_role_assignments: its role id and the
// assignee's email (empty when the role is not assigned). False when there is none.
bool leadAssignment(const json *incident, QString *roleId, QString *email) {
    const json *assignments = jsonMember(incident, "incident_role_assignments");
    if (!assignments || !assignments->is_array())
        return false;
    for (const json &assignment : *assignments) {
        const json *role = jsonMember(&assignment, "role");
        if (utf8ToQString(jsonString(role, "role_type")) != QLatin1String("lead"))
            continue;
        *roleId = utf8ToQString(jsonString(role, "id"));
        *email = utf8ToQString(jsonString(jsonMember(&assignment, "assignee"), "email"));
        return true;
    }
    return false;
}

bool sameEmail(const QString &a, const QString &b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

std::shared_ptr<const WriteAction> withLookup(const WriteAction &action, const QString &found) {
    auto next = std::make_shared<WriteAction>(action);
    next->lookups.append(found);
    return next;
}

} // namespace

QString IncidentIoConnector::emailOf(const QString &person) const {
    const QString configured = m_people.value(person);
    if (!configured.isEmpty())
        return configured;
    return person.contains(QLatin1Char('@')) ? person : QString();
}

HttpRequest IncidentIoConnector::leadRequest(const WriteAction &action) const {
    if (action.lookups.isEmpty()) {
        // Acknowledge needs the lead role's id; Release first checks who leads the incident.
        return makeRequest(action.kind == WriteKind::Acknowledge
                               ? QByteArrayLiteral("/v2/incident_roles")
                               : "/v2/incidents/" + QUrl::toPercentEncoding(action.itemId));
    }
    json assignment = {{"incident_role_id", action.lookups.constFirst().toStdString()}};
    // Without an assignee, the assignment leaves the role empty.
    if (action.kind == WriteKind::Acknowledge)
        assignment["assignee"] = {{"email", emailOf(action.raisedBy).toStdString()}};
    HttpRequest request =
        makeRequest("/v2/incidents/" + QUrl::toPercentEncoding(action.itemId) + "/actions/edit");
    setJsonBody(&request,
                json{{"incident", {{"incident_role_assignments", json::array({assignment})}}},
                     {"notify_incident_channel", true}});
    return request;
}

WriteOutcome IncidentIoConnector::parseLeadResult(const WriteAction &action,
                                                  const HttpResult &result) const {
    const QString email = emailOf(action.raisedBy);
    if (email.isEmpty()) {
        return refused(QStringLiteral("incident.io needs the email of \"%1\": add \"people\": "
                                      "{\"%1\": \"<email>\"} to the source \"%2\"")
                           .arg(action.raisedBy, config().name));
    }
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted)
        return outcome;
    const json body = jsonOrNull(result);
    if (action.lookups.isEmpty() && action.kind == WriteKind::Acknowledge) {
        const json *roles = jsonMember(&body, "incident_roles");
        if (!roles || !roles->is_array())
            return refused(notTheAnswer.arg(QStringLiteral("a list of incident roles")));
        for (const json &role : *roles) {
            const QString id = utf8ToQString(jsonString(&role, "id"));
            if (utf8ToQString(jsonString(&role, "role_type")) == QLatin1String("lead") &&
                !id.isEmpty()) {
                outcome.next = withLookup(action, id);
                return outcome;
            }
        }
        return refused(QStringLiteral("incident.io lists no incident role of type \"lead\""));
    }
    const json *incident = jsonMember(&body, "incident");
    if (!incident || !incident->is_object())
        return refused(notTheAnswer.arg(QStringLiteral("an incident")));
    QString roleId;
    QString leadEmail;
    const bool hasLead = leadAssignment(incident, &roleId, &leadEmail);
    if (action.lookups.isEmpty()) {
        // Release, first step: someone else leads it now (or nobody does): nothing to undo.
        if (hasLead && !roleId.isEmpty() && sameEmail(leadEmail, email))
            outcome.next = withLookup(action, roleId);
        return outcome;
    }
    // The edit's answer is the incident as it now is: it must say what was asked.
    const bool done = action.kind == WriteKind::Acknowledge ? hasLead && sameEmail(leadEmail, email)
                                                            : !sameEmail(leadEmail, email);
    if (!done) {
        return refused(action.kind == WriteKind::Acknowledge
                           ? QStringLiteral("incident.io did not make %1 the lead").arg(email)
                           : QStringLiteral("incident.io kept %1 as the lead").arg(email));
    }
    return outcome;
}
