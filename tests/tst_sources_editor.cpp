// SPDX-License-Identifier: MIT
// Settings ▸ Sources, offscreen, on real widgets found by objectName: a source added from its
// type and filled in the form is tested as it is typed (through the real connector and HTTP
// client, against a loopback server answering like Alertmanager and a service desk), Save
// writes a file that the real binary's --print reads with the same items, and the file's other
// keys keep their order. A typed token goes to a real Secret Service (gnome-keyring on a private
// bus), or, with no keyring there, to a chmod 600 file; never in clear into the config.
#include "app/settings/SourceForm.h"
#include "app/settings/SourcesDialog.h"
#include "core/http/HttpClient.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/SecretServiceSession.h"
#include "tests/support/TestEnvironment.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

const QByteArray token = "editor-typed-token-5521";

HttpServerResponse answer(const HttpServerRequest &request) {
    if (request.path == "/api/v2/alerts") {
        if (!request.header("authorization").isEmpty() &&
            request.header("authorization") != "Bearer " + token)
            return HttpServerResponse::json("{}", 401);
        const json alerts =
            json::array({{{"fingerprint", "a1"},
                          {"labels", {{"alertname", "DiskFull"}, {"severity", "critical"}}},
                          {"annotations", {{"summary", "disk full on db-1"}}},
                          {"status", {{"state", "active"}}},
                          {"startsAt", "2026-12-07T10:00:00Z"}},
                         {{"fingerprint", "a2"},
                          {"labels", {{"alertname", "HighLatency"}, {"severity", "warning"}}},
                          {"annotations", {{"summary", "p99 latency above 2 s"}}},
                          {"status", {{"state", "active"}}},
                          {"startsAt", "2026-12-07T11:00:00Z"}}});
        return HttpServerResponse::json(QByteArray::fromStdString(alerts.dump()));
    }
    if (request.path == "/api/requests") {
        const json request = {
            {"key", "REQ-7"}, {"subject", "create a read replica"}, {"status", "new"}};
        const json desk = {{"data", json::array({request})}};
        return HttpServerResponse::json(QByteArray::fromStdString(desk.dump()));
    }
    return HttpServerResponse::json("{}", 404);
}

template <typename T> T *child(QWidget *parent, const char *name) {
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

void type(QWidget *form, const char *field, const QString &text) {
    auto *edit = child<QLineEdit>(form, field);
    QVERIFY(edit);
    edit->setText(text);
}

// The dialog's visible form (the current source's).
QWidget *form(SourcesDialog &dialog) {
    for (QWidget *candidate : dialog.findChildren<QWidget *>(QStringLiteral("sourceForm")))
        if (candidate->isVisible())
            return candidate;
    return nullptr;
}

// A JSON string as a QString ("(not a string)" otherwise), for QCOMPARE.
template <typename Json> QString text(const Json &value) {
    return value.is_string() ? QString::fromStdString(value.template get<std::string>())
                             : QStringLiteral("(not a string)");
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSourcesEditor final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY(m_server.start());
    }

    // group_by in the form: typed labels become a list; "[]" on purpose (no grouping) is kept,
    // not taken for an empty field (which would mean the default, alertname).
    void groupByInTheForm() {
        const nlohmann::ordered_json off = {{"name", "am"},
                                            {"type", "alertmanager"},
                                            {"url", "http://127.0.0.1:9093"},
                                            {"panel", "incidents"},
                                            {"group_by", nlohmann::ordered_json::array()}};
        SourceForm form(off);
        auto *field = form.findChild<QLineEdit *>(QStringLiteral("field-group_by"));
        QVERIFY(field);
        QCOMPARE(field->placeholderText(), QStringLiteral("default: alertname"));
        QString error;
        nlohmann::ordered_json saved = form.source(&error);
        QCOMPARE(error, QString());
        QVERIFY(saved.contains("group_by") && saved["group_by"].empty());
        field->setText(QStringLiteral("alertname, cluster"));
        saved = form.source(&error);
        QVERIFY(saved["group_by"] == nlohmann::ordered_json({"alertname", "cluster"}));
    }

    void aSourceFilledInTheFormIsTestedSavedAndRead() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const QByteArray before =
            "{\n  \"_comment\": \"mine\",\n  \"on_duty\": \"victor\",\n  \"sources\": [],\n"
            "  \"wall\": {\"name\": \"room\"},\n  \"zzz_custom\": 1\n}\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(before);
        }
        HttpClient http;
        SourcesDialog dialog(path, &http, nullptr, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto *add = dialog.findChild<QAction *>(QStringLiteral("add-alertmanager"));
        QVERIFY(add);
        add->trigger();
        QWidget *amForm = form(dialog);
        QVERIFY(amForm);
        type(amForm, "field-name", QStringLiteral("prod-alerts"));
        type(amForm, "field-url", QString::fromUtf8(m_server.baseUrl()));
        // Tested by itself once the typing pauses: the health, the count, the first items.
        auto *status = child<QLabel>(&dialog, "testStatus");
        auto *items = child<QListWidget>(&dialog, "testItems");
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("● OK · 2 items"), 10000);
        QCOMPARE(items->count(), 2);
        QVERIFY2(items->item(0)->text().contains(QStringLiteral("disk full on db-1")) ||
                     items->item(1)->text().contains(QStringLiteral("disk full on db-1")),
                 qPrintable(items->item(0)->text()));

        // A mistake is said before any save: a URL that is not one.
        type(amForm, "field-url", QStringLiteral("ftp://nowhere"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Not valid: at /url")),
                                 5000);
        type(amForm, "field-url", QString::fromUtf8(m_server.baseUrl()));

        // A generic source: the raw first item beside the mapped one, to fix pointers by looking.
        dialog.findChild<QAction *>(QStringLiteral("add-generic"))->trigger();
        QWidget *deskForm = form(dialog);
        QVERIFY(deskForm != amForm);
        type(deskForm, "field-name", QStringLiteral("desk"));
        type(deskForm, "field-url", QString::fromUtf8(m_server.baseUrl()));
        type(deskForm, "field-path", QStringLiteral("/api/requests"));
        type(deskForm, "field-items", QStringLiteral("/data"));
        type(deskForm, "field-fields/id", QStringLiteral("/key"));
        type(deskForm, "field-fields/title", QStringLiteral("/subject"));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("● OK · 1 item"), 10000);
        auto *raw = child<QPlainTextEdit>(&dialog, "testRaw");
        QVERIFY2(
            raw->toPlainText().contains(QStringLiteral("\"subject\": \"create a read replica\"")),
            qPrintable(raw->toPlainText()));
        QVERIFY(items->item(0)->text().contains(QStringLiteral("create a read replica")));

        child<QPushButton>(&dialog, "saveSources")->click();
        auto *saved = child<QLabel>(&dialog, "saveStatus");
        QTRY_VERIFY_WITH_TIMEOUT(saved->text().startsWith(QStringLiteral("Saved")), 10000);
        QCOMPARE(readAll(path + QStringLiteral(".bak")), before); // one backup: the old file

        // The user's other keys, in their order, around the new sources.
        const nlohmann::ordered_json written =
            nlohmann::ordered_json::parse(readAll(path).toStdString());
        std::vector<std::string> keys;
        for (const auto &item : written.items())
            keys.push_back(item.key());
        QCOMPARE(keys, (std::vector<std::string>{"_comment", "on_duty", "sources", "wall",
                                                 "zzz_custom"}));
        QCOMPARE(written["sources"].size(), size_t(2));
        QCOMPARE(text(written["sources"][0]["name"]), QStringLiteral("prod-alerts"));
        QCOMPARE(text(written["sources"][1]["fields"]["title"]), QStringLiteral("/subject"));

        // The real binary reads the saved file with the same items.
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), path, QStringLiteral("--state"),
                          dir.filePath(QStringLiteral("state.sqlite")), QStringLiteral("--print")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const json printed = json::parse(run.out.toStdString());
        QCOMPARE(printed["incidents"].size(), size_t(2));
        QCOMPARE(printed["requests"].size(), size_t(1));
        QCOMPARE(text(printed["requests"][0]["title"]), QStringLiteral("create a read replica"));
    }

    // Two sources on one URL: the editor says so while they are edited.
    void twoSourcesOnOneUrlAreWarnedOf() {
        QTemporaryDir dir;
        HttpClient http;
        SourcesDialog dialog(dir.filePath(QStringLiteral("config.json")), &http, nullptr, {});
        dialog.show();
        dialog.addSource(QStringLiteral("alertmanager"));
        type(form(dialog), "field-name", QStringLiteral("incidents-am"));
        child<QPushButton>(&dialog, "duplicateSource")->click();
        auto *warning = child<QLabel>(&dialog, "duplicateWarning");
        QTRY_VERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(
                     QStringLiteral("sources \"incidents-am\" and \"incidents-am-copy\" read "
                                    "the same URL")),
                 qPrintable(warning->text()));
        type(form(dialog), "field-url", QStringLiteral("http://127.0.0.1:9"));
        QTRY_VERIFY(!warning->isVisible());
    }

    // A token typed in the form: into the real keyring; the config names the entry; --print
    // reads it back; no file holds it in clear. Without a keyring: a chmod 600 file instead.
    void aTypedTokenGoesToTheKeyringElseToAPrivateFile() {
        SecretServiceSession session;
        QVERIFY2(session.startBus(), qPrintable(session.errorString()));
        QVERIFY2(session.startKeyring(true), qPrintable(session.errorString()));
        // This process talks to that bus (QtKeychain connects on first use).
        const QProcessEnvironment env = session.environment();
        for (const QString &name :
             {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("XDG_CONFIG_HOME"),
              QStringLiteral("XDG_RUNTIME_DIR")})
            qputenv(name.toUtf8().constData(), env.value(name).toUtf8());

        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("kept.json"));
        saveOneSource(path, QStringLiteral("kept"), nullptr);
        if (QTest::currentTestFailed())
            return;
        json config = json::parse(readAll(path).toStdString());
        QCOMPARE(text(config["sources"][0]["auth"]["token_keyring"]),
                 QStringLiteral("dutyboard/kept"));
        DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), path, QStringLiteral("--state"),
                          dir.filePath(QStringLiteral("s.sqlite")), QStringLiteral("--print")},
                         env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!readAll(path).contains(token));
        QVERIFY(!readAll(path + QStringLiteral(".bak")).contains(token));

        // No keyring on the bus: the editor keeps it in a private file and says so.
        session.stopKeyring();
        path = dir.filePath(QStringLiteral("filed.json"));
        QString said;
        saveOneSource(path, QStringLiteral("filed"), &said);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(said.contains(QStringLiteral("no keyring on this machine")), qPrintable(said));
        config = json::parse(readAll(path).toStdString());
        const QString file =
            QString::fromStdString(config["sources"][0]["auth"].value("token_file", ""));
        QVERIFY2(!file.isEmpty(), readAll(path).constData());
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QCOMPARE(readAll(file).trimmed(), token);
        run = runDutyboard({QStringLiteral("--config"), path, QStringLiteral("--state"),
                            dir.filePath(QStringLiteral("s.sqlite")), QStringLiteral("--print")},
                           env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!readAll(path).contains(token));
        QFile::remove(file); // the test's own secret, out of the test-mode config folder
    }

private:
    // A new Alertmanager source with a typed bearer token, tested and saved to `path`; what the
    // dialog said of the save in `said`.
    void saveOneSource(const QString &path, const QString &name, QString *said) {
        HttpClient http;
        SourcesDialog dialog(path, &http, nullptr, {});
        dialog.show();
        dialog.addSource(QStringLiteral("alertmanager"));
        QWidget *f = form(dialog);
        type(f, "field-name", name);
        type(f, "field-url", QString::fromUtf8(m_server.baseUrl()));
        auto *auth = child<QComboBox>(f, "field-auth-type");
        auth->setCurrentIndex(auth->findData(QStringLiteral("bearer")));
        type(f, "field-secret", QString::fromUtf8(token));
        // The typed token is used by Test before anything is saved.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&dialog, "testStatus")->text(),
                                  QStringLiteral("● OK · 2 items"), 10000);
        child<QPushButton>(&dialog, "saveSources")->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(&dialog, "saveStatus")->text().startsWith(QStringLiteral("Saved")),
            10000);
        if (said)
            *said = child<QLabel>(&dialog, "saveStatus")->text();
    }

    LoopbackHttpServer m_server{answer};
};

QTEST_MAIN(TestSourcesEditor)
#include "tst_sources_editor.moc"
