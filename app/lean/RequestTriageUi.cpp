// SPDX-License-Identifier: MIT
#include "RequestTriageUi.h"

#include "app/MainWindow.h"
#include "app/lean/PanelSelection.h"
#include "core/board/Board.h"
#include "core/config/LeanConfig.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "widgets/Theme.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

RequestTriageUi::RequestTriageUi(MainWindow *window, LeanController *controller, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_controller(controller) {
    PanelView *panel = m_window->boardView()->panelView(ItemKind::Request);
    panel->delegate()->setMarker([this](const QModelIndex &index) {
        const Item *item = itemAt(index);
        return item ? requestMark(*item) : RowMark();
    });
    auto *bar = new QWidget(panel);
    bar->setObjectName(QStringLiteral("triage-bar"));
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(8, 4, 8, 6);
    rows->setSpacing(4);
    auto *layout = new QHBoxLayout;
    rows->addLayout(layout);
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
    layout->addStretch(1);
    m_copy = new QPushButton(QStringLiteral("&Copy command"), bar);
    m_copy->setObjectName(QStringLiteral("copy-command"));
    connect(m_copy, &QPushButton::clicked, this, &RequestTriageUi::copySuggestion);
    layout->addWidget(m_copy);
    // On its own line, wrapped: the command is what the requester runs, it must never be cut.
    m_suggestion = new QLabel(bar);
    m_suggestion->setObjectName(QStringLiteral("self-service-suggestion"));
    m_suggestion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_suggestion->setWordWrap(true);
    rows->addWidget(m_suggestion);
    panel->addFooterWidget(bar);

    QTreeView *list = panel->list();
    connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RequestTriageUi::updateTriageBar);
    connect(m_controller, &LeanController::requestChanged, this, [this]() {
        updateTriageBar();
        repaintPanel(m_window, ItemKind::Request);
    });
    // The running clocks move every second on the cards.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, [this]() {
        if (m_controller->state()->clocks()->runningCount() > 0)
            repaintPanel(m_window, ItemKind::Request);
    });
    tick->start();
    updateTriageBar();
}

void RequestTriageUi::updateTriageBar() {
    const Item *request = selectedItem(m_window, ItemKind::Request);
    for (QPushButton *button : std::as_const(m_triageButtons))
        button->setEnabled(request != nullptr);
    const SelfServiceRule *rule =
        request ? m_controller->config().suggestionFor(request->title) : nullptr;
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
    const ClockLevel level =
        request ? m_controller->state()->clocks()->level(request->source, request->id)
                : ClockLevel::None;
    const bool red = level == ClockLevel::Red;
    QPushButton *bug = m_triageButtons.value(2);
    bug->setEnabled(request && level != ClockLevel::Escalated); // one bug per request
    bug->setText(red ? QStringLiteral("Escalate to &bug") : QStringLiteral("&Bug"));
    // A full style (border included), so the button is solid red, not a tinted bevel.
    bug->setStyleSheet(
        red ? QStringLiteral("QPushButton { background: %1; color: white; font-weight: bold;"
                             " border: 1px solid %2; border-radius: 3px; padding: 3px 10px; }")
                  .arg(Theme::failedColor().name(), Theme::failedColor().darker(130).name())
            : QString());
}

void RequestTriageUi::triageSelected(Triage triage) {
    const Item *selected = selectedItem(m_window, ItemKind::Request);
    if (!selected)
        return;
    const Item request = *selected;
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

void RequestTriageUi::copySuggestion() {
    const Item *request = selectedItem(m_window, ItemKind::Request);
    const SelfServiceRule *rule =
        request ? m_controller->config().suggestionFor(request->title) : nullptr;
    if (!rule)
        return;
    QGuiApplication::clipboard()->setText(rule->command);
    m_window->statusBar()->showMessage(QStringLiteral("Copied: %1").arg(rule->command), 8000);
}

RowMark RequestTriageUi::requestMark(const Item &item) const {
    const InvestigationClocks *clocks = m_controller->state()->clocks();
    switch (clocks->level(item.source, item.id)) {
    case ClockLevel::Escalated: {
        // Not "filed" before the tracker said so: the outbox may still be retrying it.
        if (m_controller->isFilingBug(item.source, item.id))
            return {QStringLiteral("\u2197 BUG QUEUED\u2026"), Theme::amberColor()};
        const InvestigationClock *c = clocks->find(item.source, item.id);
        return {QStringLiteral("\u2197 BUG %1")
                    .arg(c->bugId.isEmpty() ? QStringLiteral("FILED") : c->bugId),
                Theme::neutralColor()};
    }
    // The clock says what it counts towards: "3:00" alone reads like the time of day.
    case ClockLevel::Red:
        return {QStringLiteral("%1 \u00B7 ESCALATE (B)")
                    .arg(formatClock(clocks->elapsedS(item.source, item.id))),
                Theme::failedColor(), true};
    case ClockLevel::Amber:
        return {QStringLiteral("%1 \u00B7 BUG AT %2:00")
                    .arg(formatClock(clocks->elapsedS(item.source, item.id)))
                    .arg(clocks->redMin()),
                Theme::amberColor()};
    case ClockLevel::Running: {
        // Who took it, so a second screen (the wall, a colleague's desk) says it too.
        const QString by =
            m_controller->state()->triage()->decision(item.source, item.id).decidedBy;
        return {QStringLiteral("TAKEN \u00B7 %1%2")
                    .arg(by.isEmpty() ? QString() : by + QStringLiteral(" \u00B7 "),
                         formatClock(clocks->elapsedS(item.source, item.id))),
                Theme::okColor()};
    }
    case ClockLevel::None:
        break;
    }
    switch (m_controller->state()->triage()->decision(item.source, item.id).triage) {
    case Triage::SelfService:
        return {QStringLiteral("\u2713 SELF-SERVICE SENT"), Theme::okColor()};
    case Triage::Project:
        return {QStringLiteral("\u25A6 PROJECT CARD"), Theme::infoColor()};
    default:
        break;
    }
    if (m_controller->config().suggestionFor(item.title))
        return {QStringLiteral("SELF-SERVICE"), Theme::infoColor()};
    return {};
}
