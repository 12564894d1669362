// SPDX-License-Identifier: MIT
#include "LeanController.h"

#include "core/board/Board.h"
#include "core/config/LeanConfig.h"
#include "core/lean/Escalations.h"
#include "core/lean/LeanActions.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"
#include "core/lean/OnDutyByHand.h"
#include "core/ownership/OwnershipKeeper.h"
#include "core/sources/Connector.h"

#include <QTimer>
#include <QUuid>

namespace {
constexpr int clockCheckMs = 5000;
}

LeanController::LeanController(Board *board, LeanState *state, ConnectorLookup connectors,
                               const LeanConfig &config, const OnDuty *onDuty, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_state(state)
    , m_connectors(std::move(connectors))
    , m_config(config)
    , m_onDuty(onDuty)
    , m_clockTimer(new QTimer(this)) {
    InvestigationClocks *clocks = state->clocks();
    connect(clocks, &InvestigationClocks::breached, this,
            [this](const QString &source, const QString &itemId) {
                const Item *request = findRequest(source, itemId);
                if (!request)
                    return;
                Q_EMIT notice(QStringLiteral("15 minutes on \"%1\": escalate it to a bug (B)")
                                  .arg(request->title));
                Q_EMIT breached(*request);
            });
    connect(clocks, &InvestigationClocks::levelChanged, this, &LeanController::requestChanged);
    connect(state->triage(), &TriageStore::changed, this, &LeanController::requestChanged);
    connect(state->ownerships(), &Ownerships::changed, this, &LeanController::ownershipChanged);
    auto *keeper = new OwnershipKeeper(board, state, m_connectors, this);
    connect(keeper, &OwnershipKeeper::notice, this, &LeanController::notice);
    connect(state->outbox(), &Outbox::delivered, this, &LeanController::onDelivered);
    // An action the store did not take (a team store that does not answer) is said, not lost
    // in silence.
    connect(state->outbox(), &Outbox::storeFailed, this, &LeanController::notice);
    connect(state->outbox(), &Outbox::refused, this,
            [this](const QString &actionId, const QString &reason) {
                const Escalation *link = m_state->escalations()->find(actionId);
                if (!link) {
                    // An ownership someone else changed first: show theirs, and say so when a
                    // person asked (a renewal or an expiry another screen did is no news).
                    m_state->ownerships()->load();
                    if (!OwnershipKeeper::isKeeperAction(actionId))
                        Q_EMIT notice(reason);
                    return;
                }
                const QString source = link->source;
                const QString itemId = link->itemId;
                m_state->escalations()->forget(actionId);
                Q_EMIT notice(reason);
                Q_EMIT requestChanged(source, itemId);
            });
    PanelModel *incidents = board->panel(ItemKind::Incident);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(incidents, signal, this, [this]() { scheduleRefresh(); });
    connect(incidents, &QAbstractItemModel::dataChanged, this, [this]() { scheduleRefresh(); });
    m_clockTimer->setInterval(clockCheckMs);
    connect(m_clockTimer, &QTimer::timeout, this, &LeanController::checkClocks);
    m_clockTimer->start();
    // Bugs filed while no window ran (or whose reply a restart cut off) finish now.
    connect(state->escalations(), &Escalations::loaded, this, [this]() {
        for (const Escalation &e : m_state->escalations()->unfinished()) {
            if (e.state == QLatin1String("filed"))
                finishEscalation(e);
        }
    });
    m_state->escalations()->load();
}

QString LeanController::actingPerson() const {
    return m_onDuty->actingPerson();
}

void LeanController::checkClocks() {
    m_state->clocks()->check();
    refreshPlaceholders();
}

const Item *LeanController::findRequest(const QString &source, const QString &itemId) const {
    for (const Item &item : m_board->panel(ItemKind::Request)->items()) {
        if (item.source == source && item.id == itemId)
            return &item;
    }
    return nullptr;
}

bool LeanController::sourceCan(const QString &source, WriteKind kind) const {
    const Connector *connector = m_connectors(source);
    return connector && connector->supportsWrite(kind);
}

bool LeanController::canReply(const Item &request) const {
    return sourceCan(request.source, WriteKind::Reply);
}

void LeanController::sendReply(const Item &request, const QString &text) {
    if (canReply(request))
        m_state->outbox()->submit(LeanActions::reply(request, text), {request.source});
}

void LeanController::selfService(const Item &request) {
    const SelfServiceRule *rule = m_config.suggestionFor(request.title);
    if (!rule) {
        Q_EMIT notice(QStringLiteral("No self-service rule matches this request"));
        return;
    }
    m_state->triage()->decide(request.source, request.id, Triage::SelfService, actingPerson(),
                              request.title);
    sendReply(request, LeanActions::selfServiceReply(rule->command, rule->doc));
    if (sourceCan(request.source, WriteKind::React))
        m_state->outbox()->submit(LeanActions::react(request, QStringLiteral("white_check_mark")),
                                  {request.source});
}

void LeanController::take(const Item &request) {
    m_state->triage()->decide(request.source, request.id, Triage::Toil, actingPerson(),
                              request.title);
    m_state->clocks()->start(request.source, request.id);
    // Taking it makes it yours (Slack: the eyes reaction); already yours: nothing more to say.
    const Ownership *owned = m_state->ownerships()->find(request.source, request.id);
    if (!owned || owned->owner != actingPerson())
        acknowledge(request, true);
}

QString LeanController::ownerOf(const Item &item) const {
    const Ownership *owned = m_state->ownerships()->find(item.source, item.id);
    return owned ? owned->owner : item.owner;
}

QString LeanController::acknowledge(const Item &item, bool takeOver, const QString &by) {
    const QString person = by.isEmpty() ? actingPerson() : by;
    const Ownership *owned = m_state->ownerships()->find(item.source, item.id);
    if (owned && owned->owner == person) {
        Q_EMIT notice(QStringLiteral("You already own \u201C%1\u201D").arg(item.title));
        return {};
    }
    if (owned && !takeOver) {
        Q_EMIT notice(QStringLiteral("%1 owns \u201C%2\u201D: take it over to own it")
                          .arg(owned->owner, item.title));
        return {};
    }
    const QDateTime now = m_board->clock().now();
    const Connector *connector = m_connectors(item.source);
    // An andon is the team's decision to make, not the source's: owned on the board only.
    const bool inSource = item.kind != ItemKind::Andon && item.source != declaringSource() &&
                          connector && connector->supportsWrite(WriteKind::Acknowledge);
    const qint64 lifetimeS = inSource ? connector->acknowledgementLifetimeS() : 0;
    OwnershipChange change;
    change.op = OwnershipChange::Op::Take;
    change.expectedOwner = owned ? owned->owner : QString();
    Ownership &o = change.ownership;
    o.source = item.source;
    o.itemId = item.id;
    o.kind = item.kind;
    o.title = item.title;
    o.owner = person;
    o.since = now;
    o.actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (inSource)
        o.target = item.source;
    if (lifetimeS > 0)
        o.endsAt = now.addSecs(lifetimeS);
    m_state->outbox()->submit(LeanActions::acknowledge(item, person, now, o.endsAt),
                              inSource ? QStringList{item.source} : QStringList(), o.actionId,
                              OutboxGuard{{}, change});
    m_state->ownerships()->noteLocal(change);
    // A request taken on a source that cannot say it is the usual case: no news.
    if (!inSource && item.kind != ItemKind::Andon && item.kind != ItemKind::Request)
        Q_EMIT notice(QStringLiteral("%1 cannot record who owns it: owned on the board only")
                          .arg(item.source));
    return o.actionId;
}

bool LeanController::canRelease(const Item &item) const {
    return sourceCan(item.source, WriteKind::Release) ||
           !sourceCan(item.source, WriteKind::Acknowledge);
}

QString LeanController::release(const Item &item) {
    const Ownership *owned = m_state->ownerships()->find(item.source, item.id);
    if (!owned) {
        Q_EMIT notice(QStringLiteral("Nobody owns \u201C%1\u201D on the board").arg(item.title));
        return {};
    }
    OwnershipChange change;
    change.op = OwnershipChange::Op::Release;
    change.ownership = *owned;
    change.expectedActionId = owned->actionId;
    const bool inSource = !owned->target.isEmpty() && sourceCan(owned->target, WriteKind::Release);
    if (!owned->target.isEmpty() && !inSource)
        Q_EMIT notice(QStringLiteral("%1 cannot undo an acknowledgement (reassign or resolve it "
                                     "there): released on the board only")
                          .arg(owned->target));
    const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // In the owner's name, whoever releases: what the source undoes is theirs (the silence
    // commented with their name, their lead role).
    m_state->outbox()->submit(LeanActions::release(item, owned->owner, owned->reference),
                              inSource ? QStringList{owned->target} : QStringList(), actionId,
                              OutboxGuard{{}, change});
    m_state->ownerships()->noteLocal(change);
    return actionId;
}

bool LeanController::escalate(const Item &request) {
    InvestigationClocks *clocks = m_state->clocks();
    if (clocks->level(request.source, request.id) == ClockLevel::Escalated)
        return false;
    const QStringList targets = m_config.bugTargets;
    if (targets.isEmpty()) {
        Q_EMIT notice(QStringLiteral("No bug target: add \"actions\": {\"bug\": \"<source>\"} "
                                     "to the config"));
        return false;
    }
    const qint64 spent = qMax<qint64>(0, clocks->elapsedS(request.source, request.id));
    Escalation link;
    link.actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    link.source = request.source;
    link.itemId = request.id;
    link.title = request.title;
    // The claim and the bug go in together: of two instances escalating at once, the store
    // lets one file it; the other hears refused() with who did.
    m_state->outbox()->submit(
        LeanActions::bugFromRequest(request, spent, actingPerson()), targets, link.actionId,
        OutboxGuard{EscalationClaim{link, actingPerson(), m_board->clock().now()}, {}});
    m_state->escalations()->add(link);
    // Marked at once: a second press, or a restart before the answer, never files it twice.
    clocks->markEscalated(request.source, request.id, QString(), QString());
    m_state->triage()->decide(request.source, request.id, Triage::Bug, actingPerson(),
                              request.title);
    Q_EMIT notice(QStringLiteral("Filing a bug on %1: it shows as \u201CBUG QUEUED\u201D until "
                                 "the tracker accepts it")
                      .arg(targets.join(QStringLiteral(", "))));
    return true;
}

bool LeanController::isFilingBug(const QString &source, const QString &itemId) const {
    return m_state->escalations()->isFiling(source, itemId);
}

void LeanController::project(const Item &request) {
    const QStringList targets = m_config.projectTargets;
    if (targets.isEmpty()) {
        Q_EMIT notice(QStringLiteral("No project target: add \"actions\": {\"project\": "
                                     "\"<source>\"} to the config"));
        return;
    }
    m_state->outbox()->submit(LeanActions::projectCard(request, actingPerson()), targets);
    m_state->triage()->decide(request.source, request.id, Triage::Project, actingPerson(),
                              request.title);
    sendReply(request, LeanActions::projectReply(request));
}

QString LeanController::raiseAndon(const QString &project, const QString &reason) {
    const QDateTime now = m_board->clock().now();
    return m_state->outbox()->submit(LeanActions::raiseAndon(project, reason, actingPerson(), now),
                                     m_config.andonTargets);
}

QString LeanController::resolveAndon(const Item &andon, const QString &decision,
                                     const QString &note) {
    QStringList targets;
    for (const QString &target : m_config.andonTargets) {
        if (sourceCan(target, WriteKind::ResolveAndon))
            targets.append(target);
    }
    const QDateTime now = m_board->clock().now();
    return m_state->outbox()->submit(LeanActions::resolveAndon(andon.project, decision, note,
                                                               actingPerson(), andon.createdAt,
                                                               now),
                                     targets);
}

QString LeanController::declareIncident(const QString &name, const QString &description,
                                        const QString &severity, const QString &impact) {
    const QString id = m_state->outbox()->submit(
        LeanActions::declareIncident(name, description, severity, impact, actingPerson()),
        m_config.incidentTargets);
    if (!id.isEmpty()) {
        m_declared.insert(id, {name.trimmed(), severity, m_board->clock().now()});
        refreshPlaceholders();
    }
    return id;
}

QStringList LeanController::knownProjects() const {
    QStringList projects;
    for (const Item &item : m_board->panel(ItemKind::Andon)->items()) {
        if (!item.project.isEmpty() && !projects.contains(item.project))
            projects.append(item.project);
    }
    projects.sort(Qt::CaseInsensitive);
    return projects;
}

void LeanController::onDelivered(const OutboxEntry &entry) {
    const Escalation *link = m_state->escalations()->find(entry.actionId);
    if (!link && entry.action.kind == WriteKind::CreateBug) {
        // Another instance's escalation, sent from here: its row is read, then finished.
        m_state->escalations()->load();
        return;
    }
    // Several bug targets: the first one to accept names the bug.
    if (!link || link->state != QLatin1String("filing"))
        return;
    m_state->escalations()->markFiled(entry.actionId, entry.createdId, entry.createdUrl,
                                      entry.target);
    finishEscalation(*m_state->escalations()->find(entry.actionId));
}

void LeanController::finishEscalation(Escalation e) {
    m_state->clocks()->markEscalated(e.source, e.itemId, e.bugId, e.bugUrl);
    const QString ref = !e.bugUrl.isEmpty() ? e.bugUrl : !e.bugId.isEmpty() ? e.bugId : e.bugTarget;
    Q_EMIT notice(QStringLiteral("Bug filed: %1").arg(ref));
    Item request;
    request.source = e.source;
    request.id = e.itemId;
    request.title = e.title;
    if (!e.replyQueued && canReply(request))
        m_state->outbox()->submit(LeanActions::reply(request, LeanActions::bugReply(ref)),
                                  {request.source}, Escalations::replyActionId(e.actionId));
    m_state->escalations()->markDone(e.actionId);
}

// A declared incident shows as "declaring…" until a source lists one of the same name, or
// until it has waited too long (then a note says so).
void LeanController::scheduleRefresh() {
    if (m_refreshQueued || m_declared.isEmpty())
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this]() {
            m_refreshQueued = false;
            refreshPlaceholders();
        },
        Qt::QueuedConnection);
}

void LeanController::refreshPlaceholders() {
    if (m_declared.isEmpty() && !m_showingPlaceholders)
        return;
    QSet<QString> listed;
    for (const Item &item : m_board->panel(ItemKind::Incident)->items()) {
        if (item.source != declaringSource())
            listed.insert(item.title.trimmed().toCaseFolded());
    }
    const QDateTime now = m_board->clock().now();
    const int timeoutS = m_config.declaringTimeoutMin * 60;
    Items placeholders;
    for (auto it = m_declared.begin(); it != m_declared.end();) {
        if (listed.contains(it->title.toCaseFolded())) {
            it = m_declared.erase(it);
            continue;
        }
        if (it->at.secsTo(now) > timeoutS) {
            Q_EMIT notice(QStringLiteral("Incident \"%1\" was declared but no source lists it "
                                         "after %2 min: check the incident target")
                              .arg(it->title)
                              .arg(timeoutS / 60));
            it = m_declared.erase(it);
            continue;
        }
        Item item;
        item.kind = ItemKind::Incident;
        item.source = declaringSource();
        item.id = it.key();
        item.title = it->title;
        item.state = QStringLiteral("declaring\u2026");
        item.createdAt = it->at;
        item.severity = severityFromText(it->severity);
        placeholders.push_back(std::move(item));
        ++it;
    }
    m_showingPlaceholders = !placeholders.empty();
    m_board->applySnapshot(declaringSource(), std::move(placeholders));
}

void LeanController::setOnDuty(const QString &person) {
    if (m_onDutyByHand)
        m_onDutyByHand->set(person, m_onDuty->actingPerson());
}
