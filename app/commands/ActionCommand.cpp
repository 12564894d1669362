// SPDX-License-Identifier: MIT
#include "ActionCommand.h"

#include "app/AppContext.h"
#include "core/config/Secrets.h"
#include "core/lean/LeanActions.h"
#include "core/lean/LeanController.h"

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

    reportWhenSettled(context, request.verb,
                      context->leanState()->outbox()->submit(action, targets), targets);
}

} // namespace

void reportWhenSettled(AppContext *context, const QString &verb, const QString &actionId,
                       const QStringList &targets) {
    Outbox *outbox = context->leanState()->outbox();
    auto created = std::make_shared<QStringList>();
    QObject::connect(outbox, &Outbox::refused, outbox,
                     [verb, actionId](const QString &refusedId, const QString &reason) {
                         if (refusedId != actionId)
                             return;
                         say(stderr, QStringLiteral("dutyboard: %1 refused: %2").arg(verb, reason));
                         QCoreApplication::exit(2);
                     });
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
                    .arg(verb, context->store()->location().describe()));
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
                say(stderr,
                    QStringLiteral("dutyboard: %1 queued, not delivered: %2").arg(verb, line));
            say(stderr, QStringLiteral("dutyboard: it stays in the outbox (%1) and goes with the "
                                       "next dutyboard run")
                            .arg(context->store()->location().describe()));
            QCoreApplication::exit(3);
            return;
        }
        if (targets.isEmpty())
            say(stdout,
                QStringLiteral("%1: done on the board (its source cannot record it)").arg(verb));
        else
            say(stdout, QStringLiteral("%1: delivered to %2")
                            .arg(verb, targets.join(QStringLiteral(", "))));
        for (const QString &url : *created)
            say(stdout, url);
        QCoreApplication::exit(0);
    });
}

namespace {

const Item *findItem(const Board &board, const QString &source, const QString &id) {
    for (ItemKind kind : allItemKinds) {
        for (const Item &item : board.panel(kind)->items()) {
            if (item.source == source && item.id == id)
                return &item;
        }
    }
    return nullptr;
}

// ack, release: the source is read once for the item (its kind, title and labels say what the
// acknowledgement does there), then the lean controller acts as the window's does.
void submitOwnership(AppContext *context, const ActionRequest &request) {
    if (!context->sources().connector(request.source)) {
        say(stderr, QStringLiteral("dutyboard: %1: no source named \"%2\" in %3")
                        .arg(request.verb, request.source, context->config().file));
        exitSoon(2);
        return;
    }
    Board *board = context->board();
    QObject::connect(
        board, &Board::sourceRefreshed, board,
        [context, request, board](const QString &source, bool ok, bool) {
            if (source != request.source)
                return;
            const Item *item = findItem(*board, request.source, request.id);
            if (!item) {
                say(stderr,
                    ok ? QStringLiteral("dutyboard: %1: %2 lists no item \"%3\" (see --print)")
                             .arg(request.verb, request.source, request.id)
                       : QStringLiteral("dutyboard: %1: %2 did not answer: %3")
                             .arg(request.verb, request.source,
                                  board->health()->source(source)->health.error));
                QCoreApplication::exit(2);
                return;
            }
            const Item copy = *item;
            LeanController *controller = context->createLeanController(board);
            QObject::connect(controller, &LeanController::notice, board, [](const QString &text) {
                say(stderr, QStringLiteral("dutyboard: ") + text);
            });
            Ownerships *ownerships = context->leanState()->ownerships();
            // Acted on once the owners are read: "already yours" and take-overs need them.
            auto act = [context, request, copy, controller]() {
                const Ownership *owned =
                    context->leanState()->ownerships()->find(copy.source, copy.id);
                const QString target = owned ? owned->target : copy.source;
                const QString actionId = request.verb == QLatin1String("ack")
                                             ? controller->acknowledge(copy, true, request.by)
                                             : controller->release(copy);
                if (actionId.isEmpty()) { // said on stderr by the notice
                    QCoreApplication::exit(2);
                    return;
                }
                const WriteKind kind = request.verb == QLatin1String("ack") ? WriteKind::Acknowledge
                                                                            : WriteKind::Release;
                const Connector *c = context->sources().connector(target);
                const bool inSource = copy.kind != ItemKind::Andon && c && c->supportsWrite(kind);
                reportWhenSettled(context, request.verb, actionId,
                                  inSource ? QStringList{target} : QStringList());
            };
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = QObject::connect(ownerships, &Ownerships::loaded, board, [act, once]() {
                QObject::disconnect(*once);
                act();
            });
            ownerships->load();
        });
    context->poller()->fetchNow(request.source);
}

} // namespace

void startActionCommand(AppContext *context, const ActionRequest &request) {
    OnDuty *onDuty = context->onDuty();
    const auto submit = [context, request]() {
        if (request.verb == QLatin1String("ack") || request.verb == QLatin1String("release"))
            submitOwnership(context, request);
        else
            submitAction(context, request);
    };
    if (!request.by.isEmpty() || !context->hasOnDutySchedule()) {
        submit();
        return;
    }
    // Signed by whoever the schedule names: asked once, at most the source's timeout (a
    // failing schedule falls back to "on_duty", else $USER).
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = QObject::connect(onDuty, &OnDuty::changed, onDuty, [submit, once]() {
        QObject::disconnect(*once);
        submit();
    });
    context->fetchOnDutyNow();
}
