// SPDX-License-Identifier: MIT
#include "WindowCommand.h"

#include "Dashboard.h"
#include "LeanController.h"
#include "LeanUi.h"
#include "MainWindow.h"
#include "TrendsView.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int screenshotDeadlineMs = 20000;

void saveAndQuit(MainWindow *window, const QString &path) {
    const bool saved = window->grab().save(path, "PNG");
    if (!saved)
        std::fprintf(stderr, "dutyboard: could not write %s\n", qPrintable(path));
    QCoreApplication::exit(saved ? 0 : 1);
}

constexpr int trendsReloadMs = 5 * 60 * 1000;
constexpr int trendsDays = 28;

// The trends page, filled from the history store off the UI thread and reloaded now and then.
void addTrendsPage(Dashboard *dashboard, MainWindow *window) {
    History *history = dashboard->startHistory(); // the state was opened at start-up
    if (!history)
        return;
    auto *trends = new TrendsView(dashboard->objectives());
    window->addPage(trends, QStringLiteral("Trends"));
    const Clock &clock = dashboard->board()->clock();
    auto reload = [history, trends, &clock]() {
        const QDateTime now = clock.now();
        history->load(now.addDays(-trendsDays), trends,
                      [trends, now](HistorySamples samples) { trends->setSamples(samples, now); });
    };
    reload();
    auto *timer = new QTimer(trends);
    QObject::connect(timer, &QTimer::timeout, trends, reload);
    timer->start(trendsReloadMs);
}

} // namespace

void startWindowCommand(Dashboard *dashboard, const QString &screenshotPath, const QSize &size) {
    auto *window = new MainWindow(dashboard->board());
    window->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dashboard, &QObject::destroyed, window, &QWidget::close);
    if (dashboard->outbox()) {
        auto *controller = new LeanController(dashboard, window);
        new LeanUi(window, controller);
    }
    if (size.isValid())
        window->resize(size);
    addTrendsPage(dashboard, window);
    window->show();
    dashboard->poller()->start();
    if (screenshotPath.isEmpty())
        return;

    // Shoot once every source answered (and the window repainted), or at the deadline.
    auto shoot = [window, screenshotPath]() {
        QTimer::singleShot(250, window,
                           [window, screenshotPath]() { saveAndQuit(window, screenshotPath); });
    };
    if (dashboard->poller()->everySourceAnswered())
        shoot();
    else
        QObject::connect(dashboard->poller(), &Poller::allAnswered, window, shoot);
    QTimer::singleShot(screenshotDeadlineMs, window,
                       [window, screenshotPath]() { saveAndQuit(window, screenshotPath); });
}
