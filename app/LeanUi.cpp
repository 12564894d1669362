// SPDX-License-Identifier: MIT
#include "LeanUi.h"

#include "BoardView.h"
#include "Dashboard.h"
#include "LeanController.h"
#include "LeanDialogs.h"
#include "MainWindow.h"
#include "OutboxDialog.h"
#include "PanelModel.h"
#include "PanelView.h"
#include "RelativeTime.h"
#include "Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace {

QColor neutral() {
    return QColor(0x5B, 0x6B, 0x7F);
}
QColor info() {
    return QColor(0x1F, 0x6F, 0xB5);
}

const Item *itemAt(const QModelIndex &proxyIndex) {
    if (!proxyIndex.isValid())
        return nullptr;
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(proxyIndex.model());
    const QModelIndex source = proxy ? proxy->mapToSource(proxyIndex) : proxyIndex;
    const auto *model = qobject_cast<const PanelModel *>(source.model());
    return model ? &model->item(source.row()) : nullptr;
}

QString ageOf(const Item &item, const QDateTime &now) {
    return item.createdAt.isValid() ? relativeAge(item.createdAt, now) : QString();
}

} // namespace

LeanUi::LeanUi(MainWindow *window, LeanController *controller)
    : QObject(window)
    , m_window(window)
    , m_controller(controller) {
    installToolbar();
    installRequests();
    installBugs();
    installAndons();
    installStatus();
    BoardView *board = window->boardView();
    board->panelView(ItemKind::Incident)->delegate()->setMarker([this](const QModelIndex &index) {
        const Item *item = itemAt(index);
        return item ? incidentMark(*item) : RowMark();
    });
    connect(controller, &LeanController::breached, this, [this](const Item &request) {
        QApplication::alert(m_window);
        m_window->statusBar()->showMessage(
            QStringLiteral("15 minutes on \"%1\": escalate it to a bug (B)").arg(request.title),
            30000);
    });
    connect(controller, &LeanController::notice, this,
            [this](const QString &text) { m_window->statusBar()->showMessage(text, 15000); });
}

void LeanUi::installToolbar() {
    QToolBar *bar = m_window->mainToolBar();
    auto *declare = new QAction(QStringLiteral("Declare incident"), m_window);
    declare->setObjectName(QStringLiteral("action-declare-incident"));
    declare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    declare->setToolTip(QStringLiteral("Declare an incident (Ctrl+Shift+I)"));
    connect(declare, &QAction::triggered, this, &LeanUi::declareIncident);
    bar->addAction(declare);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    // Always there, always red: stopping must never be hard to find.
    auto *andon = new QAction(QStringLiteral("\u25A0  ANDON"), m_window);
    andon->setObjectName(QStringLiteral("action-andon"));
    andon->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    andon->setToolTip(QStringLiteral("Stop a project when in doubt (Ctrl+Shift+A)"));
    connect(andon, &QAction::triggered, this, &LeanUi::pullAndon);
    auto *button = new QToolButton(bar);
    button->setObjectName(QStringLiteral("andon-button"));
    button->setDefaultAction(andon);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(QStringLiteral("Andon: stop a project"));
    QFont f = button->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    button->setFont(f);
    button->setStyleSheet(
        QStringLiteral(
            "QToolButton#andon-button { background: %1; color: white; border-radius: 6px;"
            " padding: 6px 22px; margin: 2px 4px; }"
            "QToolButton#andon-button:hover { background: %2; }"
            "QToolButton#andon-button:pressed { background: %3; }")
            .arg(Theme::andonColor().name(), Theme::andonColor().lighter(115).name(),
                 Theme::andonColor().darker(130).name()));
    bar->addWidget(button);
}

const Item *LeanUi::selected(ItemKind kind) const {
    QListView *list = m_window->boardView()->panelView(kind)->list();
    return itemAt(list->currentIndex());
}

void LeanUi::repaint(ItemKind kind) {
    m_window->boardView()->panelView(kind)->list()->viewport()->update();
}

void LeanUi::pullAndon() {
    AndonDialog dialog(m_controller->knownProjects(), m_controller->dashboard()->actingPerson(),
                       m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_controller->raiseAndon(dialog.project(), dialog.reason()).isEmpty())
        m_window->statusBar()->showMessage(
            QStringLiteral("No andon target: add \"actions\": {\"andon\": [\"<source>\"]} to the "
                           "config"),
            15000);
}

void LeanUi::declareIncident() {
    DeclareIncidentDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_controller
            ->declareIncident(dialog.name(), dialog.description(), dialog.severity(),
                              dialog.impact())
            .isEmpty())
        m_window->statusBar()->showMessage(
            QStringLiteral("No incident target: add \"actions\": {\"incident\": \"<source>\"} to "
                           "the config"),
            15000);
}

void LeanUi::resolveSelectedAndon() {
    const Item *andon = selected(ItemKind::Andon);
    if (!andon) {
        m_window->statusBar()->showMessage(QStringLiteral("Select an andon to resolve"), 5000);
        return;
    }
    const Item copy = *andon;
    ResolveAndonDialog dialog(copy.project, copy.reason, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_controller->resolveAndon(copy, dialog.decision(), dialog.note());
}

void LeanUi::showOutbox() {
    OutboxDialog dialog(m_controller->dashboard()->outbox(), m_window);
    dialog.exec();
}

void LeanUi::installRequests() {
    PanelView *panel = m_window->boardView()->panelView(ItemKind::Request);
    panel->delegate()->setMarker([this](const QModelIndex &index) {
        const Item *item = itemAt(index);
        return item ? requestMark(*item) : RowMark();
    });
    auto *bar = new QWidget(panel);
    bar->setObjectName(QStringLiteral("triage-bar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 6);
    const struct {
        Triage triage;
        const char *text;
        const char *name;
        Qt::Key key;
        const char *tip;
    } buttons[] = {
        {Triage::SelfService, "&Self-service", "triage-self-service", Qt::Key_S,
         "Answer with the self-service command (S)"},
        {Triage::Toil, "&Take it", "triage-take", Qt::Key_T,
         "Toil: take it now, start the 15-minute clock (T)"},
        {Triage::Bug, "&Bug", "triage-bug", Qt::Key_B, "Escalate to a bug on the tracker (B)"},
        {Triage::Project, "&Project", "triage-project", Qt::Key_P,
         "A project: card in value engineering, with the design checklist (P)"},
    };
    for (const auto &b : buttons) {
        auto *button = new QPushButton(QLatin1String(b.text), bar);
        button->setObjectName(QLatin1String(b.name));
        button->setToolTip(QLatin1String(b.tip));
        button->setFocusPolicy(Qt::TabFocus);
        const Triage triage = b.triage;
        connect(button, &QPushButton::clicked, this, [this, triage]() { triageSelected(triage); });
        // One key each, while the requests list has focus.
        auto *shortcut = new QShortcut(QKeySequence(b.key), panel->list());
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this,
                [this, triage]() { triageSelected(triage); });
        layout->addWidget(button);
        m_triageButtons.append(button);
    }
    layout->addSpacing(12);
    m_suggestion = new QLabel(bar);
    m_suggestion->setObjectName(QStringLiteral("self-service-suggestion"));
    m_suggestion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_suggestion->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_suggestion, 1);
    m_copy = new QPushButton(QStringLiteral("&Copy command"), bar);
    m_copy->setObjectName(QStringLiteral("copy-command"));
    connect(m_copy, &QPushButton::clicked, this, &LeanUi::copySuggestion);
    layout->addWidget(m_copy);
    panel->addFooterWidget(bar);

    QListView *list = panel->list();
    connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LeanUi::updateTriageBar);
    connect(m_controller, &LeanController::requestChanged, this, [this]() {
        updateTriageBar();
        repaint(ItemKind::Request);
    });
    // The running clocks move every second on the cards.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, [this]() {
        if (m_controller->dashboard()->clocks()->runningCount() > 0)
            repaint(ItemKind::Request);
    });
    tick->start();
    updateTriageBar();
}

void LeanUi::updateTriageBar() {
    const Item *request = selected(ItemKind::Request);
    for (QPushButton *button : std::as_const(m_triageButtons))
        button->setEnabled(request != nullptr);
    const SelfServiceRule *rule =
        request ? m_controller->dashboard()->lean().suggestionFor(request->title) : nullptr;
    m_triageButtons.value(0)->setEnabled(rule != nullptr);
    m_copy->setVisible(rule != nullptr);
    if (!request)
        m_suggestion->setText(QStringLiteral("Select a request: S self-service \u00B7 T take it "
                                             "\u00B7 B bug \u00B7 P project"));
    else if (rule)
        m_suggestion->setText(
            QStringLiteral("Self-service: <code>%1</code>").arg(rule->command.toHtmlEscaped()));
    else
        m_suggestion->setText(QStringLiteral("No self-service rule matches"));
    const bool red = request && m_controller->dashboard()->clocks()->level(
                                    request->source, request->id) == ClockLevel::Red;
    m_triageButtons.value(2)->setText(red ? QStringLiteral("Escalate to &bug")
                                          : QStringLiteral("&Bug"));
    m_triageButtons.value(2)->setStyleSheet(
        red ? QStringLiteral("QPushButton { background: %1; color: white; font-weight: bold; }")
                  .arg(Theme::failedColor().name())
            : QString());
}

void LeanUi::triageSelected(Triage triage) {
    const Item *selectedItem = selected(ItemKind::Request);
    if (!selectedItem)
        return;
    const Item request = *selectedItem;
    switch (triage) {
    case Triage::SelfService:
        copySuggestion();
        m_controller->selfService(request);
        break;
    case Triage::Toil:
        m_controller->take(request);
        break;
    case Triage::Bug:
        m_controller->escalate(request);
        break;
    case Triage::Project:
        m_controller->project(request);
        break;
    case Triage::None:
        break;
    }
    updateTriageBar();
}

void LeanUi::copySuggestion() {
    const Item *request = selected(ItemKind::Request);
    const SelfServiceRule *rule =
        request ? m_controller->dashboard()->lean().suggestionFor(request->title) : nullptr;
    if (!rule)
        return;
    QGuiApplication::clipboard()->setText(rule->command);
    m_window->statusBar()->showMessage(QStringLiteral("Copied: %1").arg(rule->command), 8000);
}

RowMark LeanUi::requestMark(const Item &item) const {
    Dashboard *d = m_controller->dashboard();
    const InvestigationClocks *clocks = d->clocks();
    switch (clocks->level(item.source, item.id)) {
    case ClockLevel::Escalated: {
        const InvestigationClock *c = clocks->find(item.source, item.id);
        return {QStringLiteral("\u2197 BUG %1")
                    .arg(c->bugId.isEmpty() ? QStringLiteral("filed") : c->bugId),
                neutral()};
    }
    case ClockLevel::Red:
        return {QStringLiteral("%1  ESCALATE (B)")
                    .arg(formatClock(clocks->elapsedS(item.source, item.id))),
                Theme::failedColor(), true};
    case ClockLevel::Amber:
        return {QStringLiteral("%1").arg(formatClock(clocks->elapsedS(item.source, item.id))),
                Theme::amberColor()};
    case ClockLevel::Running:
        return {QStringLiteral("%1").arg(formatClock(clocks->elapsedS(item.source, item.id))),
                Theme::okColor()};
    case ClockLevel::None:
        break;
    }
    switch (d->triage()->decision(item.source, item.id).triage) {
    case Triage::SelfService:
        return {QStringLiteral("\u2713 SELF-SERVICE SENT"), Theme::okColor()};
    case Triage::Project:
        return {QStringLiteral("\u25A6 PROJECT CARD"), info()};
    default:
        break;
    }
    if (d->lean().suggestionFor(item.title))
        return {QStringLiteral("SELF-SERVICE"), info()};
    return {};
}

int LeanUi::bugsInProgress() const {
    int n = 0;
    for (const Item &bug : m_controller->dashboard()->board()->panel(ItemKind::Bug)->items())
        n += m_controller->dashboard()->lean().inProgress.match(bug.state).hasMatch() ? 1 : 0;
    return n;
}

RowMark LeanUi::bugMark(const Item &item) const {
    const LeanConfig &lean = m_controller->dashboard()->lean();
    if (lean.inProgress.match(item.state).hasMatch()) {
        const bool over = bugsInProgress() > lean.wipLimit;
        return {over ? QStringLiteral("IN PROGRESS \u2014 OVER WIP")
                     : QStringLiteral("IN PROGRESS"),
                over ? Theme::failedColor() : Theme::okColor(), true};
    }
    if (lean.waiting.match(item.state).hasMatch())
        return {QStringLiteral("THIRD PARTY \u00B7 %1")
                    .arg(ageOf(item, m_controller->dashboard()->board()->clock().now())),
                Theme::amberColor()};
    return {};
}

RowMark LeanUi::incidentMark(const Item &item) const {
    if (item.source == LeanController::declaringSource())
        return {QStringLiteral("DECLARING\u2026"), info()};
    static const QRegularExpression postMortem(QStringLiteral("learning|post.?mortem"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (postMortem.match(item.state).hasMatch())
        return {QStringLiteral("POST-MORTEM DUE"), Theme::amberColor()};
    return {};
}

void LeanUi::installBugs() {
    PanelView *panel = m_window->boardView()->panelView(ItemKind::Bug);
    panel->delegate()->setMarker([this](const QModelIndex &index) {
        const Item *item = itemAt(index);
        return item ? bugMark(*item) : RowMark();
    });
    m_wip = new QLabel(panel);
    m_wip->setObjectName(QStringLiteral("wip-status"));
    m_wip->setToolTip(QStringLiteral("One piece flow: bugs in progress / WIP limit"));
    panel->addHeaderWidget(m_wip);
    PanelModel *bugs = m_controller->dashboard()->board()->panel(ItemKind::Bug);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(bugs, signal, this, &LeanUi::updateWip);
    connect(bugs, &QAbstractItemModel::dataChanged, this, &LeanUi::updateWip);
    updateWip();
}

void LeanUi::updateWip() {
    const int n = bugsInProgress();
    const int limit = m_controller->dashboard()->lean().wipLimit;
    const bool over = n > limit;
    m_wip->setText(QStringLiteral("WIP %1/%2%3")
                       .arg(n)
                       .arg(limit)
                       .arg(over ? QStringLiteral(" \u2014 over the limit") : QString()));
    m_wip->setStyleSheet(
        QStringLiteral("QLabel { border-radius: 4px; padding: 2px 8px; font-weight: bold; color: "
                       "%1; background: %2; }")
            .arg(over ? QStringLiteral("white") : Theme::okColor().darker(140).name(),
                 over ? Theme::failedColor().name() : QStringLiteral("transparent")));
    repaint(ItemKind::Bug);
}

void LeanUi::installAndons() {
    PanelView *panel = m_window->boardView()->panelView(ItemKind::Andon);
    auto *bar = new QWidget(panel);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 6);
    auto *resolve = new QPushButton(QStringLiteral("&Resolve\u2026"), bar);
    resolve->setObjectName(QStringLiteral("andon-resolve"));
    resolve->setToolTip(QStringLiteral("Decide: continue, abandon or new value engineering (R)"));
    connect(resolve, &QPushButton::clicked, this, &LeanUi::resolveSelectedAndon);
    layout->addWidget(resolve);
    layout->addStretch(1);
    panel->addFooterWidget(bar);
    QListView *list = panel->list();
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_R), list);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &LeanUi::resolveSelectedAndon);
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QWidget::customContextMenuRequested, this, [this, list](const QPoint &at) {
        if (!list->indexAt(at).isValid())
            return;
        list->setCurrentIndex(list->indexAt(at));
        QMenu menu(list);
        menu.addAction(QStringLiteral("Resolve\u2026"), this, &LeanUi::resolveSelectedAndon);
        menu.exec(list->viewport()->mapToGlobal(at));
    });
}

void LeanUi::installStatus() {
    m_outboxStatus = new QToolButton(m_window);
    m_outboxStatus->setObjectName(QStringLiteral("outbox-status"));
    m_outboxStatus->setAutoRaise(true);
    connect(m_outboxStatus, &QToolButton::clicked, this, &LeanUi::showOutbox);
    m_window->statusBar()->addPermanentWidget(m_outboxStatus);
    Outbox *outbox = m_controller->dashboard()->outbox();
    connect(outbox, &Outbox::changed, this, &LeanUi::updateOutboxStatus);
    updateOutboxStatus();
}

void LeanUi::updateOutboxStatus() {
    Outbox *outbox = m_controller->dashboard()->outbox();
    const int n = outbox->pendingCount();
    m_outboxStatus->setVisible(n > 0);
    const QString error = outbox->lastError();
    m_outboxStatus->setText(
        QStringLiteral("\u21BB %1 action%2 pending%3")
            .arg(n)
            .arg(n == 1 ? QString() : QStringLiteral("s"))
            .arg(error.isEmpty() ? QString() : QStringLiteral(" \u2014 last error: ") + error));
    m_outboxStatus->setToolTip(QStringLiteral("Written to disk, retried until accepted. Click for "
                                              "the list."));
}
