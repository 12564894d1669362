// SPDX-License-Identifier: MIT
// Two windows on one team store, as two people see them: the desk takes a request with the
// "Take it" button, and the other window marks it "TAKEN · victor" with the clock running,
// within a second. Both windows are saved as screenshots; the status bars show the team state,
// and say when the store stops answering.
#include "app/MainWindow.h"
#include "app/lean/LeanUi.h"
#include "app/lean/RequestTriageUi.h"
#include "app/lean/TeamStateLight.h"
#include "core/lean/LeanState.h"
#include "tests/support/DeskAndTracker.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/LeanRun.h"
#include "tests/support/gui/Screenshot.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QListView>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

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
        QListView *list = deskWindow.window.boardView()->panelView(ItemKind::Request)->list();
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

    void cleanupTestCase() { qunsetenv("DUTYBOARD_TEST_PG_PASSWORD"); }

private:
    PostgresProcess m_pg;
    DeskAndTracker m_servers;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTeamWindows)
#include "tst_team_windows.moc"
