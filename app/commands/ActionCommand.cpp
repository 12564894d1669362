// SPDX-License-Identifier: MIT
#include "ActionCommand.h"

#include "app/AppContext.h"
#include "core/config/Secrets.h"
#include "core/lean/LeanActions.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

void say(FILE *stream, const QString &line) {
    std::fputs((redactSecrets(line) + QLatin1Char('\n')).toLocal8Bit().constData(), stream);
}

void exitSoon(int code) {
    QTimer::singleShot(0, QCoreApplication::instance(), [code]() { QCoreApplication::exit(code); });
}

void submitAction(AppContext *context, const ActionRequest &request) {
    const LeanConfig &lean = context->lean();
    const QString by = request.by.isEmpty() ? context->onDuty()->actingPerson() : request.by;
    const QDateTime now = context->board()->clock().now();
    QStringList targets;
    WriteAction action;
    QString key;
    if (request.verb == QLatin1String("andon raise")) {
        key = QStringLiteral("andon");
        targets = lean.andonTargets;
        action = LeanActions::raiseAndon(request.project, request.reason, by, now);
    } else if (request.verb == QLatin1String("andon resolve")) {
        key = QStringLiteral("andon");
        for (const QString &target : lean.andonTargets) {
            const Connector *c = context->sources().connector(target);
            if (c && c->supportsWrite(WriteKind::ResolveAndon))
                targets.append(target);
        }
        action = LeanActions::resolveAndon(request.project, request.decision, request.note, by,
                                           QDateTime(), now);
    } else {
        key = QStringLiteral("incident");
        targets = lean.incidentTargets;
        action = LeanActions::declareIncident(request.name, request.description, request.severity,
                                              request.impact, by);
    }
    if (targets.isEmpty()) {
        say(stderr, QStringLiteral("dutyboard: %1: no target can take it; add \"actions\": "
                                   "{\"%2\": [\"<source name>\"]} to %3")
                        .arg(request.verb, key, context->config().file));
        exitSoon(2);
        return;
    }

    Outbox *outbox = context->leanState()->outbox();
    auto created = std::make_shared<QStringList>();
    const QString actionId = outbox->submit(action, targets);
    QObject::connect(outbox, &Outbox::delivered, outbox,
                     [actionId, created](const OutboxEntry &entry) {
                         if (entry.actionId == actionId && !entry.createdUrl.isEmpty())
                             created->append(entry.createdUrl);
                     });
    QObject::connect(outbox, &Outbox::settled, outbox, [=]() {
        if (outbox->isJournaled(actionId)) {
            say(stderr,
                QStringLiteral("dutyboard: %1 kept, not delivered: the team state (%2) does "
                               "not answer; it waits in this machine's journal and is "
                               "sent once the store has it")
                    .arg(request.verb, context->store()->location().describe()));
            QCoreApplication::exit(3);
            return;
        }
        QStringList waiting;
        int earlier = 0;
        QSet<QString> failedTargets;
        for (const OutboxEntry &entry : outbox->pending()) {
            if (entry.actionId != actionId) {
                ++earlier;
                if (entry.attempts > 0)
                    failedTargets.insert(entry.target);
                continue;
            }
            const QString why =
                !entry.lastError.isEmpty() ? entry.lastError
                : failedTargets.contains(entry.target)
                    ? QStringLiteral("waiting behind an earlier action to this target")
                    : QStringLiteral("not sent yet");
            waiting.append(QStringLiteral("%1: %2").arg(entry.target, why));
        }
        if (earlier > 0)
            say(stderr,
                QStringLiteral("dutyboard: %1 earlier action(s) still pending").arg(earlier));
        if (!waiting.isEmpty()) {
            for (const QString &line : waiting)
                say(stderr, QStringLiteral("dutyboard: %1 queued, not delivered: %2")
                                .arg(request.verb, line));
            say(stderr, QStringLiteral("dutyboard: it stays in the outbox (%1) and goes with the "
                                       "next dutyboard run")
                            .arg(context->store()->location().describe()));
            QCoreApplication::exit(3);
            return;
        }
        say(stdout, QStringLiteral("%1: delivered to %2")
                        .arg(request.verb, targets.join(QStringLiteral(", "))));
        for (const QString &url : *created)
            say(stdout, url);
        QCoreApplication::exit(0);
    });
}

} // namespace

void startActionCommand(AppContext *context, const ActionRequest &request) {
    OnDuty *onDuty = context->onDuty();
    if (!request.by.isEmpty() || !context->hasOnDutySchedule()) {
        submitAction(context, request);
        return;
    }
    // Signed by whoever the schedule names: asked once, at most the source's timeout (a
    // failing schedule falls back to "on_duty", else $USER).
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = QObject::connect(onDuty, &OnDuty::changed, onDuty, [context, request, once]() {
        QObject::disconnect(*once);
        submitAction(context, request);
    });
    context->fetchOnDutyNow();
}
