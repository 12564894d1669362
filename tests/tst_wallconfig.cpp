// SPDX-License-Identifier: MIT
// The "wall" and "notifications" config sections, the monitor choice and the --wall command
// line: precise errors for bad values, sensible defaults for missing ones.
#include "app/AppContext.h"
#include "app/CommandLine.h"
#include "app/wall/WallScreen.h"
#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/config/NotificationConfig.h"
#include "core/config/WallConfig.h"
#include "tests/support/TestEnvironment.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTest>

namespace {

nlohmann::json doc(const char *text) {
    return nlohmann::json::parse(text);
}

using Pages = std::vector<WallPage>;

} // namespace

class TestWallConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void defaults() {
        const WallConfig wall = parseWallConfig(doc(R"({"sources":[]})"));
        QCOMPARE(wall.layout, WallConfig::Layout::Tiles);
        QVERIFY(wall.pages ==
                Pages({{ItemKind::Incident, ItemKind::Andon, ItemKind::Request, ItemKind::Bug}}));
        QCOMPARE(wall.pageIntervalS, 20);
        QVERIFY(wall.screen.isEmpty());
        QVERIFY(!wall.rotates());
        const NotificationConfig n = parseNotificationConfig(doc(R"({"sources":[]})"));
        QVERIFY(n.incident && n.andon && n.breach && !n.andonSound);
    }

    void pages() {
        const WallConfig wall = parseWallConfig(doc(R"({"wall":{"layout":"pages",
            "pages":[["incidents","andons"],["requests","bugs"],["bugs"]],"page_interval_s":45,"screen":"HDMI-1"}})"));
        QCOMPARE(wall.layout, WallConfig::Layout::Pages);
        QVERIFY(wall.pages == Pages({{ItemKind::Incident, ItemKind::Andon},
                                     {ItemKind::Request, ItemKind::Bug},
                                     {ItemKind::Bug}}));
        QCOMPARE(wall.pageIntervalS, 45);
        QCOMPARE(wall.screen, QStringLiteral("HDMI-1"));
        QVERIFY(wall.rotates());
        // Pages without a list: the urgent pair, then the rest.
        const WallConfig two = parseWallConfig(doc(R"({"wall":{"layout":"pages"}})"));
        QVERIFY(two.pages ==
                Pages({{ItemKind::Incident, ItemKind::Andon}, {ItemKind::Request, ItemKind::Bug}}));
        // Tiles with a chosen set; a screen by index.
        const WallConfig tiles =
            parseWallConfig(doc(R"({"wall":{"tiles":["andons","incidents"],"screen":1}})"));
        QVERIFY(tiles.pages == Pages({{ItemKind::Andon, ItemKind::Incident}}));
        QCOMPARE(tiles.screen, QStringLiteral("1"));
        QVERIFY(tiles.name.isEmpty());
        QCOMPARE(parseWallConfig(doc(R"({"wall":{"name":" tv-lobby "}})")).name,
                 QStringLiteral("tv-lobby"));
    }

    // The Kanban board and the charts fill a page each: named as the page, or alone in one.
    void boardPages() {
        const WallConfig wall = parseWallConfig(doc(R"({"wall":{"layout":"pages",
            "pages":[["incidents","andons"],"kanban",["charts"]]}})"));
        QVERIFY(
            wall.pages ==
            Pages({{ItemKind::Incident, ItemKind::Andon}, WallPage::kanban(), WallPage::charts()}));
        QVERIFY(wall.shows(WallPage::Kind::Kanban));
        QVERIFY(wall.shows(WallPage::Kind::Charts));
        QVERIFY(!parseWallConfig(doc(R"({"sources":[]})")).shows(WallPage::Kind::Charts));
    }

    void notifications() {
        const NotificationConfig n = parseNotificationConfig(doc(
            R"({"notifications":{"incident":false,"andon":true,"breach":false,"andon_sound":true}})"));
        QVERIFY(!n.incident);
        QVERIFY(n.andon);
        QVERIFY(!n.breach);
        QVERIFY(n.andonSound);
        QCOMPARE(n.unownedAlertMin, 5); // the default
        QCOMPARE(parseNotificationConfig(doc(R"({"notifications":{"unowned_alert_min":12}})"))
                     .unownedAlertMin,
                 12);
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("message");
        QTest::newRow("wall not an object")
            << QByteArray(R"({"wall":[]})") << QStringLiteral("/wall")
            << QStringLiteral("expected an object");
        QTest::newRow("bad layout")
            << QByteArray(R"({"wall":{"layout":"grid"}})") << QStringLiteral("/wall/layout")
            << QStringLiteral("expected \"tiles\" or \"pages\"");
        QTest::newRow("pages not an array")
            << QByteArray(R"({"wall":{"layout":"pages","pages":"incidents"}})")
            << QStringLiteral("/wall/pages")
            << QStringLiteral("expected a non-empty array of pages");
        QTest::newRow("empty page")
            << QByteArray(R"({"wall":{"layout":"pages","pages":[["incidents"],[]]}})")
            << QStringLiteral("/wall/pages/1")
            << QStringLiteral("expected a non-empty array of panel names");
        QTest::newRow("unknown panel")
            << QByteArray(
                   R"({"wall":{"layout":"pages","pages":[["incidents"],["requests","kanbn"]]}})")
            << QStringLiteral("/wall/pages/1/1")
            << QStringLiteral("expected one of requests, bugs, incidents, andons");
        QTest::newRow("kanban is not a wall panel")
            << QByteArray(R"({"wall":{"tiles":["incidents","kanban"]}})")
            << QStringLiteral("/wall/tiles/1")
            << QStringLiteral("the Kanban board fills a page of its own: write \"kanban\" as the "
                              "page; expected one of");
        QTest::newRow("charts among panels")
            << QByteArray(R"({"wall":{"layout":"pages","pages":[["incidents","charts"]]}})")
            << QStringLiteral("/wall/pages/0/1")
            << QStringLiteral("expected one of requests, bugs, incidents, andons");
        QTest::newRow("a page that is another word")
            << QByteArray(R"({"wall":{"layout":"pages","pages":["incidents"]}})")
            << QStringLiteral("/wall/pages/0")
            << QStringLiteral("expected an array of panel names (requests, bugs, incidents, "
                              "andons), or \"kanban\" or \"charts\" for a page of its own");
        QTest::newRow("panel twice")
            << QByteArray(R"({"wall":{"tiles":["bugs","bugs"]}})")
            << QStringLiteral("/wall/tiles/1") << QStringLiteral("listed twice");
        QTest::newRow("bad page even with tiles")
            << QByteArray(R"({"wall":{"pages":[[1]]}})") << QStringLiteral("/wall/pages/0/0")
            << QStringLiteral("expected one of");
        QTest::newRow("interval too short")
            << QByteArray(R"({"wall":{"page_interval_s":1}})")
            << QStringLiteral("/wall/page_interval_s")
            << QStringLiteral("expected an integer from 3 to 3600 (seconds)");
        QTest::newRow("interval a string")
            << QByteArray(R"({"wall":{"page_interval_s":"20"}})")
            << QStringLiteral("/wall/page_interval_s") << QStringLiteral("expected an integer");
        QTest::newRow("name empty")
            << QByteArray(R"({"wall":{"name":"  "}})") << QStringLiteral("/wall/name")
            << QStringLiteral("expected this wall's name");
        QTest::newRow("screen negative")
            << QByteArray(R"({"wall":{"screen":-1}})") << QStringLiteral("/wall/screen")
            << QStringLiteral("expected a monitor name");
        QTest::newRow("screen empty")
            << QByteArray(R"({"wall":{"screen":""}})") << QStringLiteral("/wall/screen")
            << QStringLiteral("expected a monitor name");
        QTest::newRow("typo in a key")
            << QByteArray(R"({"wall":{"page_intervall_s":20}})")
            << QStringLiteral("/wall/page_intervall_s")
            << QStringLiteral(
                   "unknown key; expected one of layout, tiles, pages, page_interval_s, screen");
        QTest::newRow("filter with a typo")
            << QByteArray(R"({"wall":{"filter":"team=sre sevrity>=high"}})")
            << QStringLiteral("/wall/filter")
            << QStringLiteral(
                   "unknown matcher `sevrity` (did you mean severity?), at character 10");
        QTest::newRow("filter not a string")
            << QByteArray(R"({"wall":{"filter":["team=sre"]}})") << QStringLiteral("/wall/filter")
            << QStringLiteral("expected a filter such as \"team=sre\"");
        QTest::newRow("hide_silenced not a bool")
            << QByteArray(R"({"wall":{"hide_silenced":"no"}})")
            << QStringLiteral("/wall/hide_silenced") << QStringLiteral("expected true or false");
        QTest::newRow("notifications not an object")
            << QByteArray(R"({"notifications":true})") << QStringLiteral("/notifications")
            << QStringLiteral("expected an object");
        QTest::newRow("notification not a bool")
            << QByteArray(R"({"notifications":{"andon":"yes"}})")
            << QStringLiteral("/notifications/andon") << QStringLiteral("expected true or false");
        QTest::newRow("unowned delay zero")
            << QByteArray(R"({"notifications":{"unowned_alert_min":0}})")
            << QStringLiteral("/notifications/unowned_alert_min")
            << QStringLiteral("expected an integer from 1 to 1440 (minutes)");
        QTest::newRow("unowned delay a string")
            << QByteArray(R"({"notifications":{"unowned_alert_min":"5"}})")
            << QStringLiteral("/notifications/unowned_alert_min")
            << QStringLiteral("expected an integer");
        QTest::newRow("notification typo")
            << QByteArray(R"({"notifications":{"sound":true}})")
            << QStringLiteral("/notifications/sound") << QStringLiteral("unknown key");
    }

    void errors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QFETCH(QString, message);
        const nlohmann::json d = nlohmann::json::parse(json.toStdString());
        try {
            parseWallConfig(d);
            parseNotificationConfig(d);
            QFAIL("no error");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), pointer);
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
    }

    void filter() {
        const WallConfig none = parseWallConfig(doc(R"({"sources":[]})"));
        QVERIFY(none.filter.isEmpty());
        QVERIFY(none.hideSilenced); // muted alerts stay off the wall unless asked
        const WallConfig wall = parseWallConfig(
            doc(R"({"wall":{"filter":" team=sre age>5m ","hide_silenced":false}})"));
        QCOMPARE(wall.filter, QStringLiteral("team=sre age>5m"));
        QVERIFY(!wall.hideSilenced);
    }

    void dashboardRefusesABadWallSection_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("described");
        QTest::newRow("layout") << QByteArray(R"({"sources":[],"wall":{"layout":"carousel"}})")
                                << QStringLiteral("/etc/dutyboard.json: at /wall/layout: expected "
                                                  "\"tiles\" or \"pages\"");
        QTest::newRow("filter") << QByteArray(R"({"sources":[],"wall":{"filter":"age=1h"}})")
                                << QStringLiteral("/etc/dutyboard.json: at /wall/filter: `age` "
                                                  "compares with >, >=, < or <=, as in age>1h, at "
                                                  "character 1");
    }

    void dashboardRefusesABadWallSection() {
        // Checked before anything starts, with the file named, like every other config error.
        QFETCH(QByteArray, json);
        QFETCH(QString, described);
        const AppConfig config = parseConfig(json, QStringLiteral("/etc/dutyboard.json"));
        try {
            AppContext context(config);
            QFAIL("no error");
        } catch (const ConfigError &e) {
            QCOMPARE(e.describe(), described);
        }
    }

    void pickScreen_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("index");
        QTest::newRow("by name") << QStringLiteral("HDMI-1") << 1;
        QTest::newRow("name ignores case") << QStringLiteral("hdmi-1") << 1;
        QTest::newRow("spaces trimmed") << QStringLiteral(" DP-2 ") << 2;
        QTest::newRow("by index") << QStringLiteral("0") << 0;
        QTest::newRow("last index") << QStringLiteral("2") << 2;
        QTest::newRow("index out of range") << QStringLiteral("3") << -1;
        QTest::newRow("negative") << QStringLiteral("-1") << -1;
        QTest::newRow("unknown name") << QStringLiteral("HDMI-9") << -1;
        QTest::newRow("empty") << QString() << -1;
        // A monitor literally named "1" wins over index 1.
        QTest::newRow("name that looks like an index") << QStringLiteral("eDP-1") << 0;
    }

    void pickScreen() {
        QFETCH(QString, spec);
        QFETCH(int, index);
        QCOMPARE(
            ::pickScreen(
                {QStringLiteral("eDP-1"), QStringLiteral("HDMI-1"), QStringLiteral("DP-2")}, spec),
            index);
        QCOMPARE(::pickScreen({QStringLiteral("2"), QStringLiteral("x"), QStringLiteral("y")},
                              QStringLiteral("2")),
                 0);
    }

    void chooseAndRemember() {
        QScreen *only = QGuiApplication::primaryScreen();
        QVERIFY(only);
        rememberWallScreen(QString());
        ScreenChoice c = chooseWallScreen(QString(), QString(), nullptr);
        QCOMPARE(c.screen, only);
        QVERIFY(c.warning.isEmpty());
        // The command line wins over the config (offscreen screens may have no name: by index).
        c = chooseWallScreen(QStringLiteral("0"), QStringLiteral("HDMI-1"), nullptr);
        QCOMPARE(c.screen, only);
        QCOMPARE(c.spec, QStringLiteral("0"));
        QVERIFY2(c.warning.isEmpty(), qPrintable(c.warning));
        // The configured one is missing (TV off): shown anyway, on the fallback, with a word why.
        c = chooseWallScreen(QString(), QStringLiteral("HDMI-7"), nullptr);
        QCOMPARE(c.screen, only);
        QVERIFY2(c.warning.startsWith(QStringLiteral("screen \"HDMI-7\" not found")),
                 qPrintable(c.warning));
        // Remembered across runs.
        rememberWallScreen(QStringLiteral("0"));
        QCOMPARE(rememberedWallScreen(), QStringLiteral("0"));
        c = chooseWallScreen(QString(), QString(), nullptr);
        QCOMPARE(c.spec, QStringLiteral("0"));
        rememberWallScreen(QString());
    }

    void commandLine() {
        const auto parse = [](const QStringList &args) {
            return parseCommandLine(QStringList{QStringLiteral("dutyboard")} + args);
        };
        CommandLine cl = parse({QStringLiteral("--demo"), QStringLiteral("--wall"),
                                QStringLiteral("--screen"), QStringLiteral("HDMI-1"),
                                QStringLiteral("--screenshot"), QStringLiteral("/tmp/w.png"),
                                QStringLiteral("--size"), QStringLiteral("1920x1080")});
        QVERIFY2(cl.error.isEmpty(), qPrintable(cl.error));
        QVERIFY(cl.wall);
        QCOMPARE(cl.screen, QStringLiteral("HDMI-1"));
        QCOMPARE(cl.size, QSize(1920, 1080));
        QCOMPARE(parse({QStringLiteral("--screen"), QStringLiteral("1")}).error,
                 QStringLiteral("--screen only applies to --wall"));
        QCOMPARE(parse({QStringLiteral("--wall"), QStringLiteral("--print")}).error,
                 QStringLiteral("--wall and --print cannot be used together"));
        QCOMPARE(parse({QStringLiteral("--wall"), QStringLiteral("--screen"), QStringLiteral(" ")})
                     .error,
                 QStringLiteral("--screen expects a monitor name or an index from 0"));
        QVERIFY(parse({QStringLiteral("--wall")}).error.isEmpty());
        // An action is a one-shot command, not a screen.
        QVERIFY(parse({QStringLiteral("--wall"), QStringLiteral("andon"), QStringLiteral("raise")})
                    .error.contains(QStringLiteral("goes with --config")));
    }
};

QTEST_MAIN(TestWallConfig)
#include "tst_wallconfig.moc"
