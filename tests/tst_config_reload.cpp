// SPDX-License-Identifier: MIT
// Live reload under a running window (offscreen, real widgets, a loopback server): an edit of
// the config file applies without a restart: a changed source's items update, an unchanged one
// is not fetched again early (its interval is an hour); a broken edit keeps the board as it was
// and a banner says what and where; SIGHUP reads the file again, token files included.
#include "app/AppContext.h"
#include "app/QuitOnSignal.h"
#include "app/commands/WindowCommand.h"
#include "app/reload/ConfigReloader.h"
#include "core/attention/Notifier.h"
#include "core/config/AppConfig.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/LeanState.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMutex>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>

using nlohmann::json;

namespace {

class DeskServer {
public:
    DeskServer()
        : m_server([this](const HttpServerRequest &request) { return answer(request); }) {}
    bool start() { return m_server.start(); }
    std::string url() const { return m_server.baseUrl().toStdString(); }
    std::atomic<int> bRequests{0};
    QByteArray lastAuthorizationOfA() {
        QMutexLocker lock(&m_mutex);
        return m_lastAuthorization;
    }

private:
    HttpServerResponse answer(const HttpServerRequest &request) {
        std::string title;
        if (request.path == "/a") {
            QMutexLocker lock(&m_mutex);
            m_lastAuthorization = request.header("authorization");
            title = "first item of a";
        } else if (request.path == "/a2") {
            title = "second item of a";
        } else if (request.path == "/b") {
            ++bRequests;
            title = "item of b";
        } else {
            return HttpServerResponse::json("{}", 404);
        }
        const json body = {{"data", {{{"id", request.path.toStdString()}, {"title", title}}}}};
        return HttpServerResponse::json(QByteArray::fromStdString(body.dump()));
    }
    QMutex m_mutex;
    QByteArray m_lastAuthorization;
    LoopbackHttpServer m_server;
};

json deskSource(const std::string &name, const std::string &url, const std::string &path) {
    return {{"name", name},        {"type", "generic"},
            {"panel", "requests"}, {"url", url},
            {"path", path},        {"items", "/data"},
            {"interval_s", 3600},  {"fields", {{"id", "/id"}, {"title", "/title"}}}};
}

// Written as editors do: a new file renamed over the old one.
void writeFile(const QString &path, const QByteArray &text) {
    QSaveFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    QVERIFY(file.commit());
}

QMainWindow *mainWindow() {
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (widget->objectName() == QLatin1String("main-window"))
            return qobject_cast<QMainWindow *>(widget);
    return nullptr;
}

// The titles on the requests panel now.
QStringList requestTitles(AppContext *context) {
    QStringList titles;
    PanelModel *panel = context->board()->panel(ItemKind::Request);
    for (int row = 0; row < panel->rowCount(); ++row)
        titles.append(panel->index(row, 0).data(PanelModel::TitleRole).toString());
    return titles;
}

QWidget *wallWindow() {
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (widget->objectName() == QLatin1String("wall-window") && widget->isVisible())
            return widget;
    return nullptr;
}

// The wall's panels, in reading order ("incidents", "andons"…); empty while no wall shows.
QStringList wallPanels() {
    QStringList names;
    if (QWidget *wall = wallWindow()) {
        QList<QWidget *> panels;
        for (QWidget *child : wall->findChildren<QWidget *>())
            if (child->objectName().startsWith(QLatin1String("wall-panel-")))
                panels.append(child);
        std::sort(panels.begin(), panels.end(), [wall](QWidget *a, QWidget *b) {
            const QPoint pa = a->mapTo(wall, QPoint());
            const QPoint pb = b->mapTo(wall, QPoint());
            return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
        });
        for (QWidget *panel : panels)
            names.append(panel->objectName().mid(int(qstrlen("wall-panel-"))));
    }
    return names;
}

QString labelText(QWidget *window, const QString &name) {
    auto *label = window->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("(no %1)").arg(name);
}

bool hasTitle(AppContext *context, const QString &title) {
    for (const QString &shown : requestTitles(context))
        if (shown.contains(title))
            return true;
    return false;
}

} // namespace

class TestConfigReload final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        quitOnTerminationSignals(); // the pipe SIGHUP goes through
        QVERIFY(m_server.start());
    }

    void anEditAppliesAndABrokenOneIsReported() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const QString tokenFile = dir.filePath(QStringLiteral("a.token"));
        QFile token(tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly, QFile::ReadOwner | QFile::WriteOwner));
        token.write("tok-1\n");
        token.close();
        json a = deskSource("a", m_server.url(), "/a");
        a["auth"] = {{"type", "bearer"}, {"token_file", tokenFile.toStdString()}};
        json config = {{"sources", {a, deskSource("b", m_server.url(), "/b")}}};
        writeFile(path, QByteArray::fromStdString(config.dump(2)));

        auto context = std::make_unique<AppContext>(loadConfigFile(path));
        startWindowCommand(context.get(), QString(), QSize(1280, 800));
        QTRY_VERIFY_WITH_TIMEOUT(hasTitle(context.get(), QStringLiteral("first item of a")) &&
                                     hasTitle(context.get(), QStringLiteral("item of b")),
                                 15000);
        QMainWindow *window = mainWindow();
        QVERIFY(window);
        const int bBefore = m_server.bRequests;
        QCOMPARE(m_server.lastAuthorizationOfA(), QByteArray("Bearer tok-1"));

        // A changed source: its new items, no restart. The unchanged one is left alone.
        config["sources"][0]["path"] = "/a2";
        QElapsedTimer sinceWrite;
        sinceWrite.start();
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        QTRY_VERIFY_WITH_TIMEOUT(hasTitle(context.get(), QStringLiteral("second item of a")),
                                 15000);
        // Reported, not asserted (a loaded machine is slow): the issue asks for 2 s.
        qInfo("the edit was on the board %lld ms after the file was written",
              static_cast<long long>(sinceWrite.elapsed()));
        QVERIFY(!hasTitle(context.get(), QStringLiteral("first item of a")));
        QVERIFY(hasTitle(context.get(), QStringLiteral("item of b")));
        QCOMPARE(m_server.bRequests.load(), bBefore);
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("1 source changed")),
                 qPrintable(window->statusBar()->currentMessage()));

        // A broken edit: the board as it was, a banner with the file, the place and the fix.
        writeFile(path, QByteArrayLiteral("{\"sources\": [{\"name\": \"a\"}]}"));
        auto *banner = window->findChild<QWidget *>(QStringLiteral("config-error-banner"));
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        const QString said =
            window->findChild<QLabel *>(QStringLiteral("config-error-banner-text"))->text();
        QVERIFY2(said.contains(path + QStringLiteral(": at /sources/0")), qPrintable(said));
        QVERIFY(hasTitle(context.get(), QStringLiteral("second item of a")));
        QVERIFY(hasTitle(context.get(), QStringLiteral("item of b")));

        // Fixed again, and a token file rotated: the watcher sees the config, SIGHUP the token.
        config["sources"][0]["path"] = "/a";
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(hasTitle(context.get(), QStringLiteral("first item of a")), 15000);
        QVERIFY(token.open(QIODevice::WriteOnly | QIODevice::Truncate));
        token.write("tok-2\n");
        token.close();
        QCOMPARE(m_server.lastAuthorizationOfA(), QByteArray("Bearer tok-1"));
        std::raise(SIGHUP);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.lastAuthorizationOfA(), QByteArray("Bearer tok-2"),
                                  15000);
        QCOMPARE(m_server.bRequests.load(), bBefore); // still never asked again
        context.reset();
    }

    // The folder is watched (editors save by renaming), and other files live there: state.ini
    // is written at every filter typed. A file written next to the config, or the config saved
    // as it was, applies nothing (no "Config applied", no repaint of every panel); the next real
    // edit is the first thing applied.
    void anotherFileInTheFolderAppliesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        json config = {{"sources", {deskSource("a", m_server.url(), "/a")}}};
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        auto context = std::make_unique<AppContext>(loadConfigFile(path));
        startWindowCommand(context.get(), QString(), QSize(1280, 800));
        QTRY_VERIFY_WITH_TIMEOUT(hasTitle(context.get(), QStringLiteral("first item of a")), 15000);
        auto *reloader = mainWindow()->findChild<ConfigReloader *>();
        QVERIFY(reloader);
        QSignalSpy applied(reloader, &ConfigReloader::applied);
        QSignalSpy failed(reloader, &ConfigReloader::failed);

        writeFile(dir.filePath(QStringLiteral("state.ini")), QByteArrayLiteral("[filter]\n"));
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        reloader->reloadNow();
        QTest::qWait(1500); // the watcher's settling (300 ms) and a read, twice over

        config["sources"][0]["path"] = "/a2";
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 15000);
        QVERIFY2(applied.at(0).at(0).toString().contains(QStringLiteral("1 source changed")),
                 qPrintable(applied.at(0).at(0).toString()));
        QCOMPARE(failed.count(), 0);
        context.reset();
    }

    // The lean keys, the wall and the notifications apply without a restart; a lean action
    // naming a source that is gone is refused with the start's words; "state" waits for a
    // restart and the banner says so.
    void theLeanAndWallSectionsApply() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        json bugs = deskSource("b", m_server.url(), "/b");
        bugs["panel"] = "bugs";
        bugs["write"] = {
            {"path", "/hooks"}, {"body", {{"text", "{{title}}"}}}, {"kinds", {"create-bug"}}};
        json config = {{"sources", {deskSource("a", m_server.url(), "/a"), bugs}},
                       {"wip_limit", 1},
                       {"on_duty", "alice"},
                       {"investigation", {{"amber_min", 10}, {"red_min", 15}}},
                       {"notifications", {{"unowned_alert_min", 5}}},
                       {"actions", {{"bug", {"b"}}}},
                       {"wall", {{"tiles", {"incidents", "andons", "requests", "bugs"}}}}};
        writeFile(path, QByteArray::fromStdString(config.dump(2)));

        auto context = std::make_unique<AppContext>(loadConfigFile(path));
        QString notice;
        QVERIFY(context->openState(dir.filePath(QStringLiteral("state.db")), &notice));
        startWindowCommand(context.get(), QString(), QSize(1280, 800));
        QTRY_VERIFY_WITH_TIMEOUT(hasTitle(context.get(), QStringLiteral("first item of a")), 15000);
        QMainWindow *window = mainWindow();
        QVERIFY(window);
        QCOMPARE(labelText(window, QStringLiteral("wip-status")), QStringLiteral("WIP 0/1"));
        QCOMPARE(context->onDuty()->person(), QStringLiteral("alice"));
        window->findChild<QAction *>(QStringLiteral("action-wall"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            wallPanels(),
            QStringList({QStringLiteral("incidents"), QStringLiteral("andons"),
                         QStringLiteral("requests"), QStringLiteral("bugs")}),
            15000);

        // The lean keys, the notifications and the wall, in one edit.
        config["wip_limit"] = 2;
        config["on_duty"] = "bob";
        config["investigation"] = {{"amber_min", 3}, {"red_min", 7}};
        config["notifications"]["unowned_alert_min"] = 9;
        config["wall"]["tiles"] = {"bugs", "requests"};
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        QTRY_COMPARE_WITH_TIMEOUT(context->lean().wipLimit, 2, 15000);
        QCOMPARE(labelText(window, QStringLiteral("wip-status")), QStringLiteral("WIP 0/2"));
        QCOMPARE(context->onDuty()->person(), QStringLiteral("bob"));
        QCOMPARE(context->leanState()->clocks()->amberMin(), 3);
        QCOMPARE(context->leanState()->clocks()->redMin(), 7);
        QCOMPARE(context->notifier()->config().unownedAlertMin, 9);
        QTRY_COMPARE_WITH_TIMEOUT(
            wallPanels(), QStringList({QStringLiteral("bugs"), QStringLiteral("requests")}), 15000);
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("wall")),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(hasTitle(context.get(), QStringLiteral("first item of a"))); // sources untouched

        // A bug action naming a source the same edit removes: refused, the board as it was.
        auto *banner = window->findChild<QWidget *>(QStringLiteral("config-error-banner"));
        QVERIFY(banner);
        json withoutB = config;
        withoutB["sources"] = {config["sources"][0]};
        withoutB["wip_limit"] = 3;
        writeFile(path, QByteArray::fromStdString(withoutB.dump(2)));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(window), 15000);
        const QString refused = labelText(window, QStringLiteral("config-error-banner-text"));
        QVERIFY2(refused.contains(QStringLiteral("at /actions/bug/0")) &&
                     refused.contains(QStringLiteral("b")),
                 qPrintable(refused));
        QCOMPARE(context->lean().wipLimit, 2);
        QCOMPARE(context->sources().connectors().size(), size_t(2));

        // "state" waits for a restart, and says so; what else changed still applies.
        config["state"] = {{"type", "sqlite"},
                           {"path", dir.filePath(QStringLiteral("other.db")).toStdString()}};
        config["wip_limit"] = 4;
        writeFile(path, QByteArray::fromStdString(config.dump(2)));
        QTRY_COMPARE_WITH_TIMEOUT(context->lean().wipLimit, 4, 15000);
        // (shown as rich text: the quotes are escaped)
        QTRY_VERIFY_WITH_TIMEOUT(
            labelText(window, QStringLiteral("config-error-banner-text"))
                .contains(
                    QStringLiteral("&quot;state&quot; changed: restart dutyboard to apply it")),
            15000);
        QVERIFY(banner->isVisibleTo(window)); // the desk shows it; stderr says it for the wall
        context.reset();
    }

private:
    DeskServer m_server;
};

QTEST_MAIN(TestConfigReload)
#include "tst_config_reload.moc"
