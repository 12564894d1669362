// SPDX-License-Identifier: MIT
// "I'm on it" as the person on call and the room see it, offscreen, with sources that cannot
// record an owner (ownership then lives on the board only, which is all the screens need): A on
// an incident shows "● victor" on its row and on the wall, Shift+A takes it away, a takeover is
// asked first; an unowned SEV-1/2 past the delay says UNOWNED on the wall, is counted in the
// tray, and is told to the desktop once; the "Acknowledged" view lists owners live. The desk
// and the wall are saved as PNGs (to $DUTYBOARD_SHOTS, default /tmp/dutyboard-shots).
#include "app/AppContext.h"
#include "app/DesktopTray.h"
#include "app/MainWindow.h"
#include "app/lean/AcknowledgedDialog.h"
#include "app/lean/LeanUi.h"
#include "app/lean/OwnershipUi.h"
#include "app/lean/RequestTriageUi.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/attention/Notifier.h"
#include "core/attention/UnownedItems.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/models/PanelModel.h"
#include "core/ownership/Ownerships.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/LeanSources.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/Screenshot.h"
#include "tests/support/gui/WallFixture.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/ItemDelegate.h"
#include "widgets/board/PanelView.h"
#include "widgets/wall/WallItemDelegate.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using nlohmann::json;

Q_DECLARE_METATYPE(NotificationKind)

namespace {

const QString dbDown = QStringLiteral("Primary database refuses connections");
const QString backlog = QStringLiteral("Checkout queue backlog over 10 000");
const QString fresh = QStringLiteral("API 5xx above 2% on eu-west");
const QString minor = QStringLiteral("Disk 80% on build-agent-7");

// A generic source on a port nobody answers: never polled here, fed by hand.
json quietSource(const char *name, const char *panel) {
    return deskSource("http://127.0.0.1:9", {{"name", name}, {"panel", panel}});
}

Item incident(const QString &id, const QString &title, SeverityLevel level, qint64 ageS) {
    return fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), id, title,
                       QDateTime::currentDateTimeUtc().addSecs(-ageS), level);
}

QModelIndex indexOf(const QAbstractItemModel *model, const QString &title) {
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(PanelModel::TitleRole).toString() == title)
            return model->index(i, 0);
    }
    return {};
}

// The board, its lean workflow and the desk window, on a state of its own.
struct Desk {
    QTemporaryDir dir;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<LeanController> controller;
    std::unique_ptr<LeanUi> ui;
    UnownedItems *unowned = nullptr;
    DesktopTray *tray = nullptr;
    std::unique_ptr<QSignalSpy> told; // the desktop notifications

    Desk() {
        const json config = {{"on_duty", "victor"},
                             {"notifications", {{"unowned_alert_min", 5}}},
                             {"sources", json::array({quietSource("alerts", "incidents"),
                                                      quietSource("desk", "requests")})}};
        context = std::make_unique<AppContext>(
            parseConfig(QByteArray::fromStdString(config.dump()), QStringLiteral("t")));
        QString notice;
        if (!context->openState(dir.filePath(QStringLiteral("s.sqlite")), &notice))
            qFatal("state: %s", qPrintable(notice));
        // The ownerships are read from the state in the background: a key pressed before they
        // are would race their load.
        if (!QTest::qWaitFor([this]() { return context->leanState()->ownerships()->isLoaded(); },
                             10000))
            qFatal("the ownerships never loaded");
        window = std::make_unique<MainWindow>(context->board());
        controller = std::make_unique<LeanController>(context->board(), context->leanState(),
                                                      context->sources().lookup(), context->lean(),
                                                      context->onDuty());
        ui = std::make_unique<LeanUi>(window.get(), controller.get());
        unowned = watchUnowned(controller.get(), context->notifier(), window.get());
        ui->ownership()->setUnowned(unowned);
        tray = new DesktopTray(context->board(), context->notifier(), nullptr, window.get());
        tray->setUnowned(unowned);
        told = std::make_unique<QSignalSpy>(context->notifier(), &Notifier::notify);
        SourceHealth ok;
        ok.state = HealthState::Ok;
        ok.lastSuccess = QDateTime::currentDateTimeUtc();
        context->board()->applyAnswer(
            QStringLiteral("alerts"), ok,
            Items{incident(QStringLiteral("1"), dbDown, SeverityLevel::Critical, 10 * 60),
                  incident(QStringLiteral("2"), backlog, SeverityLevel::High, 8 * 60),
                  incident(QStringLiteral("3"), fresh, SeverityLevel::Critical, 60),
                  incident(QStringLiteral("4"), minor, SeverityLevel::Warning, 30 * 60)});
        Item request = incident(QStringLiteral("r1"),
                                QStringLiteral("Grant me access to "
                                               "grafana"),
                                SeverityLevel::Unknown, 60);
        request.kind = ItemKind::Request;
        request.source = QStringLiteral("desk");
        context->board()->applyAnswer(QStringLiteral("desk"), ok, Items{request});
    }
    ~Desk() {
        ui.reset();
        controller.reset();
        window.reset();
    }

    QTreeView *incidents() const {
        return window->boardView()->panelView(ItemKind::Incident)->list();
    }
    OwnerMark chip(const QString &title) const {
        return window->boardView()
            ->panelView(ItemKind::Incident)
            ->delegate()
            ->ownerMarkOf(indexOf(incidents()->model(), title));
    }
    Item item(const QString &title) const {
        for (const Item &i : context->board()->panel(ItemKind::Incident)->items()) {
            if (i.title == title)
                return i;
        }
        return {};
    }
    void select(const QString &title) const {
        incidents()->setCurrentIndex(indexOf(incidents()->model(), title));
        incidents()->setFocus();
    }
};

QMessageBox *openBox(const char *name) {
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && w->objectName() == QLatin1String(name))
            return qobject_cast<QMessageBox *>(w);
    }
    return nullptr;
}

} // namespace

class TestOwnershipScreens final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        qRegisterMetaType<NotificationKind>();
    }
    void keysShowAndHideTheOwnerChip();
    void aGroupRowOwnsNothingAndNamesItsOwners();
    void aTakenRequestSaysItsOwnerOnce();
    void takingOverAsksFirst();
    void unownedIsVisibleOnTheWallAndToldOnce();
    void acknowledgedViewFollowsOwners();
};

void TestOwnershipScreens::keysShowAndHideTheOwnerChip() {
    Desk desk;
    desk.window->resize(1280, 800);
    desk.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
    QVERIFY(desk.window->findChild<QAction *>(QStringLiteral("action-acknowledge")));
    QVERIFY(desk.window->findChild<QAction *>(QStringLiteral("action-release")));

    QCOMPARE(desk.chip(minor).text, QString()); // a SEV-3 nobody owns: nothing to say
    desk.select(minor);
    QTest::keyClick(desk.incidents(), Qt::Key_A);
    const OwnerMark owned = desk.chip(minor);
    QCOMPARE(owned.text, QStringLiteral("\u25CF victor \u00B7 now"));
    QCOMPARE(owned.shortText, QStringLiteral("\u25CF victor"));
    QVERIFY2(owned.toolTip.startsWith(QStringLiteral("victor is on it since ")),
             qPrintable(owned.toolTip));
    QVERIFY2(owned.toolTip.contains(QLatin1String("on the board only")), qPrintable(owned.toolTip));
    QCOMPARE(desk.controller->ownerOf(desk.item(minor)), QStringLiteral("victor"));

    // Shift+A: nobody owns it any more, and the chip goes.
    QTest::keyClick(desk.incidents(), Qt::Key_A, Qt::ShiftModifier);
    QCOMPARE(desk.chip(minor).text, QString());
    QCOMPARE(desk.controller->ownerOf(desk.item(minor)), QString());

    // The context menu says the same, Release only on an owned row.
    QMenu menu;
    desk.ui->ownership()->addMenuEntries(&menu, ItemKind::Incident);
    auto *own = menu.findChild<QAction *>(QStringLiteral("menu-acknowledge"));
    auto *release = menu.findChild<QAction *>(QStringLiteral("menu-release"));
    QVERIFY(own && release);
    QVERIFY(!release->isEnabled());
    own->trigger();
    QCOMPARE(desk.chip(minor).shortText, QStringLiteral("\u25CF victor"));
    QMenu again;
    desk.ui->ownership()->addMenuEntries(&again, ItemKind::Incident);
    release = again.findChild<QAction *>(QStringLiteral("menu-release"));
    QVERIFY(release && release->isEnabled());
    QCOMPARE(release->text(), QStringLiteral("Release")); // on the board: nothing to undo there
    release->trigger();
    QCOMPARE(desk.chip(minor).text, QString());

    // The toolbar button acts on the list last used.
    desk.window->findChild<QAction *>(QStringLiteral("action-acknowledge"))->trigger();
    QCOMPARE(desk.chip(minor).shortText, QStringLiteral("\u25CF victor"));
    desk.window->findChild<QAction *>(QStringLiteral("action-release"))->trigger();
    QCOMPARE(desk.chip(minor).text, QString());
}

// Grouped by a label no fixture alert has, the four incidents make one group: A on it owns none
// of them and says why; opened, A owns the one alert picked, and the group's pill names its owner.
void TestOwnershipScreens::aGroupRowOwnsNothingAndNamesItsOwners() {
    Desk desk;
    desk.window->boardView()->panelView(ItemKind::Incident)->setGroupBy([](const QString &) {
        return QStringList{QStringLiteral("alertname")};
    });
    desk.window->resize(1280, 800);
    desk.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
    QTreeView *list = desk.incidents();
    QCOMPARE(list->model()->rowCount(), 1);
    const QModelIndex group = list->model()->index(0, 0);
    QCOMPARE(group.data(PanelModel::TitleRole).toString(),
             QStringLiteral("(no alertname) \u00D74"));
    list->setCurrentIndex(group);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_A);
    QVERIFY2(desk.window->statusBar()->currentMessage().startsWith(QStringLiteral("A group")),
             qPrintable(desk.window->statusBar()->currentMessage()));
    for (const QString &title : {dbDown, backlog, fresh, minor})
        QCOMPARE(desk.controller->ownerOf(desk.item(title)), QString());

    QTest::keyClick(list, Qt::Key_Right); // opens the group
    QVERIFY(list->isExpanded(group));
    const QModelIndex alert = list->model()->index(3, 0, group); // the SEV-3, last
    QCOMPARE(alert.data(PanelModel::TitleRole).toString(), minor);
    list->setCurrentIndex(alert);
    QTest::keyClick(list, Qt::Key_A);
    QCOMPARE(desk.controller->ownerOf(desk.item(minor)), QStringLiteral("victor"));
    QCOMPARE(desk.controller->ownerOf(desk.item(dbDown)), QString());
    const ItemDelegate *delegate =
        desk.window->boardView()->panelView(ItemKind::Incident)->delegate();
    QCOMPARE(delegate->ownerMarkOf(alert).shortText, QStringLiteral("\u25CF victor"));
    QCOMPARE(delegate->ownerMarkOf(group).text, QStringLiteral("\u25CF victor \u00B7 1 of 4"));
}

void TestOwnershipScreens::aTakenRequestSaysItsOwnerOnce() {
    Desk desk;
    QTRY_VERIFY(desk.context->leanState()->clocks()->isLoaded());
    const Item request = desk.context->board()->panel(ItemKind::Request)->item(0);
    desk.controller->take(request); // T: the clock starts, and victor owns it
    QCOMPARE(desk.controller->ownerOf(request), QStringLiteral("victor"));
    const RowMark clock = desk.ui->triage()->requestMark(request);
    QVERIFY2(clock.text.startsWith(QStringLiteral("TAKEN \u00B7 victor \u00B7 ")),
             qPrintable(clock.text));
    const OwnerMark owner = desk.ui->ownership()->marks().markFor(request);
    QCOMPARE(owner.text, QString()); // the clock says who already
    QVERIFY(owner.toolTip.startsWith(QStringLiteral("victor is on it since ")));
}

void TestOwnershipScreens::takingOverAsksFirst() {
    Desk desk;
    desk.window->resize(1280, 800);
    desk.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
    const Item item = desk.item(minor);
    QVERIFY(!desk.controller->acknowledge(item, false, QStringLiteral("chloe")).isEmpty());
    QCOMPARE(desk.chip(minor).shortText, QStringLiteral("\u25CF chloe"));

    desk.select(minor);
    QTest::keyClick(desk.incidents(), Qt::Key_A);
    QMessageBox *box = openBox("takeover-confirm");
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("chloe owns \u201C") + minor +
                                    QStringLiteral("\u201D since ")),
             qPrintable(box->text()));
    QCOMPARE(desk.chip(minor).shortText, QStringLiteral("\u25CF chloe")); // nothing yet
    QVERIFY(saveScreenshot(box, QStringLiteral("ack-takeover-confirm")));
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QCOMPARE(desk.chip(minor).shortText, QStringLiteral("\u25CF chloe"));

    QTest::keyClick(desk.incidents(), Qt::Key_A);
    box = openBox("takeover-confirm");
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(desk.chip(minor).shortText, QStringLiteral("\u25CF victor"));
}

void TestOwnershipScreens::unownedIsVisibleOnTheWallAndToldOnce() {
    Desk desk;
    QSignalSpy &told = *desk.told;
    // Told as soon as the source answered: the SEV-1 and the SEV-2 past 5 minutes; not the one
    // a minute old, nor the SEV-3.
    QCOMPARE(told.count(), 2);
    QStringList titles;
    for (const auto &call : told) {
        QCOMPARE(call.at(0).value<NotificationKind>(), NotificationKind::Unowned);
        titles.append(call.at(1).toString());
    }
    titles.sort();
    QCOMPARE(titles, QStringList({QStringLiteral("Nobody on it for 5 min: ") + backlog,
                                  QStringLiteral("Nobody on it for 5 min: ") + dbDown}));
    desk.unowned->check();
    QCOMPARE(told.count(), 2); // never twice
    QTRY_VERIFY2(desk.tray->status().toolTip.contains(QLatin1String("2 unowned SEV-1/2")),
                 qPrintable(desk.tray->status().toolTip));
    QVERIFY(desk.chip(dbDown).unowned);
    QVERIFY(desk.chip(dbDown).text.startsWith(QStringLiteral("\u25CB UNOWNED \u00B7 ")));
    QVERIFY(!desk.chip(fresh).unowned);

    WallMode wall(desk.context->board(), desk.context->wallConfig(), desk.context->objectives(),
                  desk.context->onDuty(), nullptr, desk.window.get());
    wall.enter(QString(), QSize(1920, 1080));
    QVERIFY(QTest::qWaitForWindowExposed(wall.wallWindow()));
    WallPanel *panel = panelOf(wall.wallWindow()->view(), QStringLiteral("incidents"));
    QVERIFY(panel);
    const auto wallRow = [panel](const QString &title) {
        return indexOf(panel->list()->model(), title);
    };
    QCOMPARE(panel->delegate()->chipLabel(wallRow(dbDown)), QStringLiteral("UNOWNED"));
    QCOMPARE(panel->delegate()->chipLabel(wallRow(fresh)), QStringLiteral("\u25C6 SEV-1"));

    // Victor is on the database (the desk window hides behind the wall: as from another
    // screen): "● victor" on the wall, its badge back to its severity.
    QVERIFY(!desk.controller->acknowledge(desk.item(dbDown)).isEmpty());
    QCOMPARE(panel->delegate()->ownerMarkOf(wallRow(dbDown)).shortText,
             QStringLiteral("\u25CF victor"));
    QCOMPARE(panel->delegate()->chipLabel(wallRow(dbDown)), QStringLiteral("\u25C6 SEV-1"));
    QCOMPARE(panel->delegate()->chipLabel(wallRow(backlog)), QStringLiteral("UNOWNED"));
    QTRY_VERIFY2(desk.tray->status().toolTip.contains(QLatin1String("1 unowned SEV-1/2")),
                 qPrintable(desk.tray->status().toolTip));
    QApplication::processEvents();
    QVERIFY(saveScreenshot(wall.wallWindow(), QStringLiteral("ack-wall")));

    // Released: unowned again, and still told only once.
    QVERIFY(!desk.controller->release(desk.item(dbDown)).isEmpty());
    desk.unowned->check();
    QCOMPARE(panel->delegate()->chipLabel(wallRow(dbDown)), QStringLiteral("UNOWNED"));
    QCOMPARE(told.count(), 2);
    wall.leave();

    // The desk, for a person to look at: one owned, one unowned, one not yet due.
    desk.window->resize(1920, 1080);
    desk.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
    desk.select(dbDown);
    QTest::keyClick(desk.incidents(), Qt::Key_A);
    QCOMPARE(desk.chip(dbDown).shortText, QStringLiteral("\u25CF victor"));
    QApplication::processEvents();
    QVERIFY(saveScreenshot(desk.window.get(), QStringLiteral("ack-desk")));
}

void TestOwnershipScreens::acknowledgedViewFollowsOwners() {
    Desk desk;
    desk.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
    desk.window->findChild<QAction *>(QStringLiteral("action-acknowledged-view"))->trigger();
    auto *dialog =
        desk.window->findChild<AcknowledgedDialog *>(QStringLiteral("acknowledged-dialog"));
    QVERIFY(dialog && dialog->isVisible() && !dialog->isModal());
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), 0);

    desk.select(dbDown);
    QTest::keyClick(desk.incidents(), Qt::Key_A);
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), dbDown);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("victor"));
    auto *where = qobject_cast<QLabel *>(table->cellWidget(0, 3));
    QVERIFY(where);
    QCOMPARE(where->text(), QStringLiteral("on the board only"));
    QCOMPARE(table->item(0, 5)->text(), QStringLiteral("\u2014")); // nothing to ask

    QVERIFY(!desk.controller->acknowledge(desk.item(backlog), false, QStringLiteral("chloe"))
                 .isEmpty());
    QTRY_COMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("chloe")); // the newest first
    QVERIFY(saveScreenshot(dialog, QStringLiteral("ack-acknowledged-view")));

    desk.controller->release(desk.item(dbDown));
    QTRY_COMPARE(table->rowCount(), 1);
}

QTEST_MAIN(TestOwnershipScreens)
#include "tst_ownership_screens.moc"
