// SPDX-License-Identifier: MIT
// Two windows on one team store, as two people see them: the desk takes a request with the
// "Take it" button, and the other window marks it "TAKEN · victor" with the clock running,
// within a second. Both windows are saved as screenshots; the status bars show the team state,
// and say when the store stops answering. A wall on the same store says it too.
#include "app/MainWindow.h"
#include "app/lean/LeanUi.h"
#include "app/lean/RequestTriageUi.h"
#include "app/lean/TeamStateLight.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/lean/LeanState.h"
#include "tests/support/DeskAndTracker.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/LeanRun.h"
#include "tests/support/gui/Screenshot.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"
#include "widgets/wall/WallItemDelegate.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using nlohmann::json;

namespace {

// One person's window on a run: the board, the lean workflow, the team state light.
struct TeamWindow {
    MainWindow window;
    LeanUi ui;
    TeamStateLight *light;

    explicit TeamWindow(LeanRun &run)
        : window(run.context->board())
        , ui(&window, run.controller.get())
        , light(new TeamStateLight(run.context->store(), window.statusBar())) {
        window.resize(1280, 720);
        window.show();
    }
    RowMark markOf(const Item &request) const { return ui.triage()->requestMark(request); }
};

} // namespace

class TestTeamWindows final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
        qputenv("DUTYBOARD_TEST_PG_PASSWORD", m_pg.password().toUtf8());
        QVERIFY(m_servers.start());
    }

    void takenOnTheDeskShowsOnTheOtherScreen() {
        const json team = {{"state",
                            {{"type", "postgres"},
                             {"host", m_pg.host().toStdString()},
                             {"port", m_pg.port()},
                             {"user", m_pg.user().toStdString()},
                             {"password_env", "DUTYBOARD_TEST_PG_PASSWORD"},
                             {"schema", "sre_team_a"}}}};
        LeanRun desk(m_servers.config(team), m_dir.filePath(QStringLiteral("desk.sqlite")));
        LeanRun other(m_servers.config(team), m_dir.filePath(QStringLiteral("other.sqlite")));
        QVERIFY2(desk.opened(), qPrintable(desk.notice));
        QVERIFY2(other.opened(), qPrintable(other.notice));
        TeamWindow deskWindow(desk);
        TeamWindow otherWindow(other);
        QVERIFY(QTest::qWaitForWindowExposed(&deskWindow.window));
        const Item request = desk.loadRequest();
        other.loadRequest();
        QCOMPARE(otherWindow.markOf(request).text.contains(QLatin1String("TAKEN")), false);
        QCOMPARE(deskWindow.light->text(), QStringLiteral("\u25CF team state"));

        // The desk selects the request and presses "Take it".
        QTreeView *list = deskWindow.window.boardView()->panelView(ItemKind::Request)->list();
        list->setCurrentIndex(list->model()->index(0, 0));
        auto *take = deskWindow.window.findChild<QPushButton *>(QStringLiteral("triage-take"));
        QVERIFY(take && take->isEnabled());
        QTest::mouseClick(take, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(otherWindow.markOf(request).text.startsWith(
                                     QStringLiteral("TAKEN \u00B7 victor \u00B7 0:0")),
                                 1000);
        QCOMPARE(otherWindow.markOf(request).text.left(16),
                 deskWindow.markOf(request).text.left(16));
        QTest::qWait(1200); // the clock ticks on both
        QVERIFY(saveScreenshot(&deskWindow.window, QStringLiteral("team-desk-took-it")));
        QVERIFY(saveScreenshot(&otherWindow.window, QStringLiteral("team-other-screen")));

        // The store stops: the light says since when and why; the board and its marks stay.
        QVERIFY(m_pg.stop());
        QTRY_VERIFY_WITH_TIMEOUT(otherWindow.light->text().startsWith(
                                     QStringLiteral("\u25CF team state unreachable since ")),
                                 10000);
        QVERIFY(otherWindow.markOf(request).text.startsWith(QStringLiteral("TAKEN \u00B7 victor")));
        QVERIFY(saveScreenshot(&otherWindow.window, QStringLiteral("team-store-unreachable")));
        QVERIFY(m_pg.restart());
        QTRY_COMPARE_WITH_TIMEOUT(otherWindow.light->text(), QStringLiteral("\u25CF team state"),
                                  10000);
    }

    // The other screen is the team's wall: its request card says who took it, and the clock
    // moves on it.
    void takenOnTheDeskShowsOnTheWall() {
        LeanRun desk(m_servers.config(team(QStringLiteral("wall"))),
                     m_dir.filePath(QStringLiteral("wall-desk.sqlite")));
        LeanRun tv(m_servers.config(team(QStringLiteral("wall"))),
                   m_dir.filePath(QStringLiteral("wall-tv.sqlite")));
        QVERIFY(desk.opened() && tv.opened());
        TeamWindow deskWindow(desk);
        TeamWindow tvWindow(tv);
        WallMode wall(tv.context->board(), tv.context->wallConfig(), tv.context->objectives(),
                      tv.context->onDuty(), nullptr, &tvWindow.window);
        wall.setTicking(
            [clocks = tv.context->leanState()->clocks()] { return clocks->runningCount() > 0; });
        wall.enter(QString(), QSize(1280, 720));
        QVERIFY(QTest::qWaitForWindowExposed(wall.wallWindow()));
        const Item request = desk.loadRequest();
        tv.loadRequest();
        QCOMPARE(wallMark(wall), QString());

        QTreeView *list = deskWindow.window.boardView()->panelView(ItemKind::Request)->list();
        list->setCurrentIndex(list->model()->index(0, 0));
        QTest::mouseClick(deskWindow.window.findChild<QPushButton *>(QStringLiteral("triage-take")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            wallMark(wall).startsWith(QStringLiteral("TAKEN \u00B7 victor \u00B7 0:0")), 1000);
        const QString first = wallMark(wall);
        QTRY_VERIFY_WITH_TIMEOUT(wallMark(wall) != first, 2500); // the clock moves on the wall
        QVERIFY(saveScreenshot(wall.wallWindow(), QStringLiteral("team-wall-taken")));
    }

    // Someone takes over the RUN by hand on the desk: the other screen names them.
    void onDutySetByHandShowsOnTheOtherScreen() {
        LeanRun desk(m_servers.config(team(QStringLiteral("duty"))),
                     m_dir.filePath(QStringLiteral("duty-desk.sqlite")));
        LeanRun other(m_servers.config(team(QStringLiteral("duty"))),
                      m_dir.filePath(QStringLiteral("duty-other.sqlite")));
        QVERIFY(desk.opened() && other.opened());
        TeamWindow deskWindow(desk);
        TeamWindow otherWindow(other);
        auto *set = deskWindow.window.findChild<QAction *>(QStringLiteral("action-set-on-duty"));
        QVERIFY(set);
        set->trigger();
        auto *dialog =
            deskWindow.window.findChild<QInputDialog *>(QStringLiteral("on-duty-dialog"));
        QVERIFY(dialog && dialog->isVisible());
        dialog->setTextValue(QStringLiteral("chloe"));
        dialog->accept();
        auto *label = otherWindow.window.findChild<QLabel *>(QStringLiteral("on-duty"));
        QVERIFY(label);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("<b>chloe</b>")), 1000);
        QVERIFY2(label->text().contains(QStringLiteral("(set by victor)")),
                 qPrintable(label->text()));
        QVERIFY(saveScreenshot(&otherWindow.window, QStringLiteral("team-on-duty-by-hand")));
    }

    void cleanupTestCase() { qunsetenv("DUTYBOARD_TEST_PG_PASSWORD"); }

private:
    json team(const QString &schema) const {
        return m_pg.stateConfig(schema, "DUTYBOARD_TEST_PG_PASSWORD");
    }
    // The first mark on the wall's requests panel; empty when none.
    static QString wallMark(const WallMode &wall) {
        for (WallPanel *panel : wall.wallWindow()->view()->panels()) {
            if (panel->kind() != ItemKind::Request)
                continue;
            const QAbstractItemModel *rows = panel->list()->model();
            for (int row = 0; row < rows->rowCount(); ++row) {
                const RowMark mark = panel->delegate()->markOf(rows->index(row, 0));
                if (!mark.text.isEmpty())
                    return mark.text;
            }
        }
        return QString();
    }

    PostgresProcess m_pg;
    DeskAndTracker m_servers;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTeamWindows)
#include "tst_team_windows.moc"
