// SPDX-License-Identifier: MIT
#include "WindowCommand.h"

#include "app/AppContext.h"
#include "app/DesktopTray.h"
#include "app/MainWindow.h"
#include "app/TrendsFeed.h"
#include "app/lean/LeanUi.h"
#include "app/lean/OwnershipUi.h"
#include "app/lean/TeamStateLight.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/attention/Notifier.h"
#include "core/attention/ObjectiveStatus.h"
#include "core/attention/UnownedItems.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "widgets/LazyPage.h"
#include "widgets/trends/ObjectivesBar.h"
#include "widgets/trends/TrendsView.h"
#include "widgets/wall/WallView.h"

#include <QAction>
#include <QApplication>
#include <QPointer>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int screenshotDeadlineMs = 20000;

void saveAndQuit(QWidget *window, const QString &path) {
    const bool saved = window->grab().save(path, "PNG");
    if (!saved)
        std::fprintf(stderr, "dutyboard: could not write %s\n", qPrintable(path));
    QCoreApplication::exit(saved ? 0 : 1);
}

// The trends page, built the first time it is shown (history is recorded from the start either
// way); the objectives go to the window's header, seen from every page, fed on their own.
void addTrendsPage(AppContext *context, History *history, MainWindow *window) {
    if (!history)
        return;
    const Clock &clock = context->board()->clock();
    auto *page = new LazyPage([objectives = context->objectives(), history, &clock]() {
        auto *trends = new TrendsView(objectives);
        trends->setObjectivesBarShown(false);
        feedTrends(history, trends, clock);
        return trends;
    });
    window->addPage(page, QStringLiteral("Trends"));
    auto *header = new ObjectivesBar(ObjectivesBar::Style::Compact);
    window->setHeaderWidget(header);
    feedHistory(history, header, clock,
                [header, objectives = context->objectives()](const HistorySamples &samples,
                                                             const QDateTime &now) {
                    header->setStates(objectiveStates(objectives, samples, now));
                });
}

} // namespace

void startWindowCommand(AppContext *context, const QString &screenshotPath, const QSize &size,
                        const WallRequest &wall, const QString &page) {
    auto *window = new MainWindow(context->board());
    // History is recorded from the start (the state was opened at start-up).
    History *history = context->startHistory();
    auto *wallMode = new WallMode(context->board(), context->wallConfig(), context->objectives(),
                                  context->onDuty(), history, window, window);
    wallMode->setAcknowledgements(context->wallAcknowledgements());
    QObject::connect(window, &MainWindow::wallScreenRequested, wallMode,
                     [wallMode](const QString &screen) { wallMode->enter(screen); });
    auto *tray = new DesktopTray(context->board(), context->notifier(), window, window);
    tray->addMenuAction(window->wallAction());
    // With a tray icon, closing the window hides it (the icon brings it back); without one,
    // closing it ends the run. Either way it goes before the board it shows.
    window->setAttribute(Qt::WA_DeleteOnClose, !tray->hasIcon());
    const QPointer<MainWindow> guard(window);
    QObject::connect(context->lifetime(), &QObject::destroyed, qApp,
                     [guard] { delete guard.data(); });
    if (context->leanState()) {
        LeanController *controller = context->createLeanController(window);
        auto *lean = new LeanUi(window, controller);
        UnownedItems *unowned = watchUnowned(controller, context->notifier(), window);
        lean->ownership()->setUnowned(unowned);
        tray->setUnowned(unowned);
        wallMode->setTicking([clocks = context->leanState()->clocks(), unowned] {
            return clocks->runningCount() > 0 || unowned->count() > 0;
        });
        QObject::connect(controller, &LeanController::requestChanged, wallMode,
                         &WallMode::repaintMarks);
        QObject::connect(controller, &LeanController::ownershipChanged, wallMode,
                         &WallMode::repaintMarks);
        QObject::connect(unowned, &UnownedItems::changed, wallMode, &WallMode::repaintMarks);
        if (context->store()->isShared())
            new TeamStateLight(context->store(), window->statusBar());
        // The 15-minute rule also reaches the desktop, where notifications are on.
        QObject::connect(controller, &LeanController::breached, context->notifier(),
                         [notifier = context->notifier()](const Item &request) {
                             notifier->reportBreach(
                                 request.title,
                                 QStringLiteral("Investigating for 15 minutes: escalate it to a "
                                                "bug, or ask for help."));
                         });
    }

    if (size.isValid() && !wall.enabled)
        window->resize(size);
    // A screenshot shows what the sources say now, never a saved copy.
    if (screenshotPath.isEmpty())
        context->startSnapshotCache();
    addTrendsPage(context, history, window);
    if (wall.enabled)
        wallMode->enter(wall.screen, screenshotPath.isEmpty() ? QSize() : size);
    else
        window->show();
    const bool found =
        page.isEmpty() ||
        (wall.enabled ? wallMode->wallWindow()->view()->holdPage(page) : window->showPage(page));
    if (!found)
        std::fprintf(stderr, "dutyboard: no page \"%s\"; showing the first\n", qPrintable(page));
    context->poller()->start(); // the sources, and the on-duty schedule with them
    if (screenshotPath.isEmpty())
        return;

    QWidget *shot = wall.enabled ? static_cast<QWidget *>(wallMode->wallWindow())
                                 : static_cast<QWidget *>(window);
    // Shoot once every source answered (and the window repainted), or at the deadline.
    auto shoot = [shot, screenshotPath]() {
        QTimer::singleShot(250, shot,
                           [shot, screenshotPath]() { saveAndQuit(shot, screenshotPath); });
    };
    if (context->board()->everySourceAnswered())
        shoot();
    else
        QObject::connect(context->board(), &Board::allAnswered, shot, shoot);
    QTimer::singleShot(screenshotDeadlineMs, shot,
                       [shot, screenshotPath]() { saveAndQuit(shot, screenshotPath); });
}
