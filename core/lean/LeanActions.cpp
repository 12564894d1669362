// SPDX-License-Identifier: MIT
#include "LeanActions.h"

namespace LeanActions {

namespace {

QString requesterOf(const Item &request) {
    return request.people.isEmpty() ? QStringLiteral("(unknown)")
                                    : request.people.join(QStringLiteral(", "));
}

QString shortTitle(const QString &text) {
    const QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    return line.size() <= 120 ? line : line.left(119) + QChar(0x2026);
}

QString spentText(qint64 s) {
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min").arg(s / 60);
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

QStringList designChecklist() {
    return {QStringLiteral("Staging?"),   QStringLiteral("Access?"),
            QStringLiteral("Price?"),     QStringLiteral("Compliance?"),
            QStringLiteral("Alerts?"),    QStringLiteral("Backups?"),
            QStringLiteral("Lifecycle?"), QStringLiteral("Object storage?"),
            QStringLiteral("Logs?"),      QStringLiteral("Maintenance?")};
}

bool isAndonDecision(const QString &decision) {
    return decision == QLatin1String("continue") || decision == QLatin1String("abandon") ||
           decision == QLatin1String("new-ve");
}

bool isSeverityLabel(const QString &severity) {
    static const QStringList labels = {QStringLiteral("SEV-1"), QStringLiteral("SEV-2"),
                                       QStringLiteral("SEV-3"), QStringLiteral("SEV-4")};
    return labels.contains(severity);
}

WriteAction raiseAndon(const QString &project, const QString &reason, const QString &raisedBy,
                       const QDateTime &now) {
    WriteAction a;
    a.kind = WriteKind::RaiseAndon;
    a.project = project.trimmed();
    a.reason = reason.trimmed();
    a.raisedBy = raisedBy;
    a.title = QStringLiteral("Andon: %1").arg(a.project);
    a.startsAt = now;
    return a;
}

WriteAction resolveAndon(const QString &project, const QString &decision, const QString &note,
                         const QString &resolvedBy, const QDateTime &startsAt,
                         const QDateTime &now) {
    WriteAction a;
    a.kind = WriteKind::ResolveAndon;
    a.project = project.trimmed();
    a.decision = decision;
    a.note = note.trimmed();
    a.raisedBy = resolvedBy;
    a.title = QStringLiteral("Andon resolved: %1 (%2)").arg(a.project, decision);
    a.startsAt = startsAt;
    a.endsAt = now;
    return a;
}

WriteAction declareIncident(const QString &name, const QString &description,
                            const QString &severity, const QString &customerImpact,
                            const QString &declaredBy) {
    WriteAction a;
    a.kind = WriteKind::CreateIncident;
    a.title = name.trimmed();
    a.description = description.trimmed();
    a.severity = severity;
    a.customerImpact = customerImpact.trimmed();
    a.raisedBy = declaredBy;
    return a;
}

WriteAction bugFromRequest(const Item &request, qint64 spentS, const QString &escalatedBy) {
    WriteAction a;
    a.kind = WriteKind::CreateBug;
    a.title = shortTitle(request.title);
    a.itemId = request.id;
    a.raisedBy = escalatedBy;
    a.labels = {QStringLiteral("run"), QStringLiteral("15-minute-rule")};
    a.description =
        QStringLiteral("Escalated from a request after %1 of investigation (15-minute rule): "
                       "fix it and add monitoring, one bug at a time, outside the RUN.\n\n"
                       "Request: %2\nLink: %3\nRequester: %4\nTime spent: %1\nEscalated by: %5")
            .arg(spentText(spentS), request.title, request.url, requesterOf(request), escalatedBy);
    return a;
}

WriteAction projectCard(const Item &request, const QString &by) {
    WriteAction a;
    a.kind = WriteKind::CreateCard;
    a.title = shortTitle(request.title);
    a.itemId = request.id;
    a.raisedBy = by;
    a.labels = {QStringLiteral("value-engineering")};
    QStringList lines{
        QStringLiteral("Requested by %1: %2").arg(requesterOf(request), request.title),
        QStringLiteral("Link: %1").arg(request.url), QString(),
        QStringLiteral("Design before implementation:")};
    for (const QString &question : designChecklist())
        lines.append(QStringLiteral("- [ ] ") + question);
    a.description = lines.join(QLatin1Char('\n'));
    return a;
}

WriteAction reply(const Item &request, const QString &text) {
    WriteAction a;
    a.kind = WriteKind::Reply;
    a.itemId = request.id;
    a.title = shortTitle(request.title);
    a.text = text;
    return a;
}

WriteAction react(const Item &request, const QString &reaction) {
    WriteAction a;
    a.kind = WriteKind::React;
    a.itemId = request.id;
    a.title = shortTitle(request.title);
    a.reaction = reaction;
    return a;
}

namespace {

WriteAction ownership(WriteKind kind, const Item &item, const QString &by,
                      const QString &reference) {
    WriteAction a;
    a.kind = kind;
    a.itemId = item.id;
    a.title = shortTitle(item.title);
    a.raisedBy = by;
    a.labels = item.labels;
    a.reference = reference;
    return a;
}

} // namespace

WriteAction acknowledge(const Item &item, const QString &by, const QDateTime &now,
                        const QDateTime &endsAt, const QString &reference) {
    WriteAction a = ownership(WriteKind::Acknowledge, item, by, reference);
    a.startsAt = now;
    a.endsAt = endsAt;
    return a;
}

WriteAction release(const Item &item, const QString &by, const QString &reference) {
    return ownership(WriteKind::Release, item, by, reference);
}

QString selfServiceReply(const QString &command, const QString &doc) {
    QString text =
        QStringLiteral("You can do this yourself, right now:\n```\n%1\n```").arg(command);
    if (!doc.isEmpty())
        text += QStringLiteral("\nHow it works: %1").arg(doc);
    return text;
}

QString projectReply(const Item &request) {
    QStringList topics;
    for (const QString &question : designChecklist())
        topics.append(question.toLower().remove(QLatin1Char('?')));
    return QStringLiteral("Thanks %1! This is a project, not a quick request: it goes to the "
                          "value engineering column of the board, and we design it with you "
                          "first (%2).")
        .arg(request.people.value(0, QStringLiteral("there")), topics.join(QStringLiteral(", ")));
}

QString bugReply(const QString &bugRef) {
    return QStringLiteral("This needs more than a quick fix: it is now the bug %1, handled one at "
                          "a time outside the RUN. Follow it there.")
        .arg(bugRef);
}

} // namespace LeanActions
