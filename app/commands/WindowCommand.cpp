// SPDX-License-Identifier: MIT
#include "WindowCommand.h"

#include "app/AppContext.h"
#include "app/DesktopTray.h"
#include "app/MainWindow.h"
#include "app/QuitOnSignal.h"
#include "app/TrendsFeed.h"
#include "app/filter/DeskFilter.h"
#include "app/handover/HandoverUi.h"
#include "app/lean/LeanUi.h"
#include "app/lean/OwnershipUi.h"
#include "app/lean/TeamStateLight.h"
#include "app/lean/WorkQueueMarks.h"
#include "app/reload/ConfigReloader.h"
#include "app/settings/SourcesDialog.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/attention/Notifier.h"
#include "core/attention/ObjectiveStatus.h"
#include "core/attention/UnownedItems.h"
#include "core/filter/SavedFilters.h"
#include "core/grouping/GroupBy.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/sources/Connector.h"
#include "widgets/LazyPage.h"
#include "widgets/NoticeBanner.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"
#include "widgets/trends/ObjectivesBar.h"
#include "widgets/trends/TrendsView.h"
#include "widgets/wall/WallView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QPointer>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

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

// Settings ▸ Sources: one editor at a time, on `path`: the config file this window runs, or
// on the demo, the file a first start wrote (else the default one), where the user's own
// sources go.
SourcesDialog *openSourcesDialog(AppContext *context, const QString &path, MainWindow *window,
                                 ConfigReloader *reloader) {
    static QPointer<SourcesDialog> open;
    if (!open) {
        open = new SourcesDialog(
            path.isEmpty() ? defaultConfigPath() : path, context->http(),
            context->board()->health(),
            [lookup = context->sources().lookup()](const QString &name) {
                const Connector *connector = lookup(name);
                return connector ? connector->config().auth.secret : QByteArray();
            },
            window);
        open->setAttribute(Qt::WA_DeleteOnClose);
        if (reloader) // applied at once, not when the file watcher notices
            QObject::connect(open, &SourcesDialog::saved, reloader, &ConfigReloader::reloadNow);
    }
    open->show();
    open->raise();
    return open;
}

// The config applied while the window runs: a file watcher and SIGHUP; what changed in the
// status bar, what could not be applied in a banner that stays until a good edit.
ConfigReloader *reloadLive(AppContext *context, const QString &path, MainWindow *window) {
    auto *reloader = new ConfigReloader(context, path, window);
    auto *banner = new NoticeBanner(QStringLiteral("config-error-banner"),
                                    NoticeBanner::Tone::Warning, window);
    banner->hide();
    window->addBanner(banner);
    QObject::connect(reloader, &ConfigReloader::failed, banner, [banner](const QString &error) {
        // Also for the journal: a wall screen shows no banner.
        std::fprintf(stderr, "dutyboard: the config was not applied: %s\n", qPrintable(error));
        banner->setText(
            QStringLiteral(
                "<b>The config was not applied</b> (the board runs on the one before): ") +
            error.toHtmlEscaped());
        banner->show();
    });
    QObject::connect(reloader, &ConfigReloader::applied, banner,
                     [banner, window](const QString &what, const QString &notApplied) {
                         if (!notApplied.isEmpty())
                             std::fprintf(stderr, "dutyboard: %s\n", qPrintable(notApplied));
                         banner->setVisible(!notApplied.isEmpty());
                         banner->setText(notApplied.toHtmlEscaped());
                         window->statusBar()->showMessage(
                             QStringLiteral("Config applied") +
                                 (what.isEmpty() ? QString() : QStringLiteral(": ") + what),
                             10000);
                     });
    const QPointer<ConfigReloader> guard(reloader);
    reloadOnHangup([guard]() {
        if (guard)
            guard->reloadNow();
    });
    return reloader;
}

} // namespace

void startWindowCommand(AppContext *context, const QString &screenshotPath, const QSize &size,
                        const WallRequest &wall, const QString &page,
                        const QString &welcomeConfig) {
    // The first requests leave now, before the window is built and shown: their answers wait
    // in the event loop until everything below is connected, and the first paint shows them.
    context->poller()->start(); // the sources, and the on-duty schedule with them
    auto *window = new MainWindow(context->board());
    window->boardView()
        ->panelView(ItemKind::Incident)
        ->setGroupBy(groupByOfConfig(&context->config()));
    // The file the window runs on, or the first start's example, which the editor fills.
    const QString configFile = welcomeConfig.isEmpty() ? context->config().file : welcomeConfig;
    ConfigReloader *reloader =
        configFile.isEmpty() ? nullptr : reloadLive(context, configFile, window);
    if (!welcomeConfig.isEmpty()) {
        auto *banner = new NoticeBanner(QStringLiteral("first-start-banner"),
                                        NoticeBanner::Tone::Info, window);
        QString shown = welcomeConfig;
        if (shown.startsWith(QDir::homePath() + QLatin1Char('/')))
            shown.replace(0, QDir::homePath().size(), QStringLiteral("~"));
        banner->setText(QStringLiteral("<b>This is the demo.</b> Your config: %1").arg(shown));
        banner->setButton(QStringLiteral("Add your first source…"),
                          QStringLiteral("add-first-source"));
        QObject::connect(banner, &NoticeBanner::clicked, window,
                         [context, configFile, window, reloader]() {
                             openSourcesDialog(context, configFile, window, reloader);
                         });
        // Once the user's own sources run, it is no longer the demo.
        QObject::connect(reloader, &ConfigReloader::applied, banner, &QWidget::hide);
        window->addBanner(banner);
    }
    // The filter bar, with the filter of the last run (read off the UI thread).
    auto *savedFilters = new SavedFilters(SavedFilters::defaultFile(), window);
    auto *deskFilter = new DeskFilter(window, context->board(), context->onDuty(), savedFilters);
    savedFilters->load();
    // History is recorded from the start (the state was opened at start-up).
    History *history = context->startHistory();
    auto *wallMode = new WallMode(context->board(), context->wallConfig(), context->objectives(),
                                  context->onDuty(), history, window, window);
    wallMode->setAcknowledgements(context->wallAcknowledgements());
    QObject::connect(window, &MainWindow::wallScreenRequested, wallMode,
                     [wallMode](const QString &screen) { wallMode->enter(screen); });
    if (reloader)
        QObject::connect(reloader, &ConfigReloader::applied, wallMode,
                         [wallMode](const QString &, const QString &, const QStringList &sections) {
                             if (sections.contains(QStringLiteral("wall")))
                                 wallMode->applyConfig();
                         });
    QObject::connect(window->sourcesAction(), &QAction::triggered, window,
                     [context, configFile, window, reloader]() {
                         openSourcesDialog(context, configFile, window, reloader);
                     });
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
        new HandoverUi(window, controller, context->store(), context->objectives(),
                       context->hasOnDutySchedule());
        UnownedItems *unowned = watchUnowned(controller, context->notifier(), window);
        auto ownerOf = [controller](const Item &item) { return controller->ownerOf(item); };
        deskFilter->setOwnerOf(ownerOf);
        wallMode->setOwnerOf(ownerOf);
        QObject::connect(controller, &LeanController::ownershipChanged, deskFilter,
                         &DeskFilter::ownersChanged);
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
        if (reloader) // a reloaded lean config: the marks it draws are read again
            QObject::connect(
                reloader, &ConfigReloader::applied, window,
                [window, lean, unowned, controller, wallMode, notifier = context->notifier()]() {
                    unowned->setRules(notifier->config().unownedAlertMin,
                                      controller->config().inProgress);
                    lean->queues()->updateWip();
                    for (ItemKind kind : allItemKinds)
                        if (PanelView *panel = window->boardView()->panelView(kind))
                            panel->list()->viewport()->update();
                    wallMode->repaintMarks();
                });
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
    // --page sources: the sources editor over the window (its screenshot is the editor's).
    SourcesDialog *editor = page == QLatin1String("sources") && !wall.enabled
                                ? openSourcesDialog(context, configFile, window, reloader)
                                : nullptr;
    if (editor && size.isValid())
        editor->resize(size);
    const bool found =
        page.isEmpty() || editor ||
        (wall.enabled ? wallMode->wallWindow()->view()->holdPage(page) : window->showPage(page));
    if (!found)
        std::fprintf(stderr, "dutyboard: no page \"%s\"; showing the first\n", qPrintable(page));
    if (screenshotPath.isEmpty())
        return;

    QWidget *shot = wall.enabled ? static_cast<QWidget *>(wallMode->wallWindow())
                    : editor     ? static_cast<QWidget *>(editor)
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
