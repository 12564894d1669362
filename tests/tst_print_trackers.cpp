// SPDX-License-Identifier: MIT
// `dutyboard --print` against the Jira, GitLab and GitHub fixtures: the real binary reads a
// config pointing at fixtures running in this process (on their own threads) and prints the
// items; a refused token exits 2 with the reason on stderr and never shows the token.
#include "tests/support/DutyboardRun.h"
#include "tests/support/GitHubFixture.h"
#include "tests/support/GitLabFixture.h"
#include "tests/support/JiraFixture.h"
#include "tests/support/TestEnvironment.h"

#include <QTemporaryDir>
#include <QtTest>

using nlohmann::json;

class TestPrintTrackers final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void jira();
    void gitlab();
    void github();

private:
    // Runs --print with `source` as the only source, its secret in DUTYBOARD_TEST_SECRET.
    DutyboardRun print(const json &source, const QByteArray &secret);
    // Expects exit 2, "<name> failed: token refused (HTTP 401)" on stderr, no secret anywhere.
    void expectRefused(const json &source, const QByteArray &secret);

    QTemporaryDir m_dir;
};

DutyboardRun TestPrintTrackers::print(const json &source, const QByteArray &secret) {
    const QString config =
        writeConfig(m_dir, QByteArray::fromStdString(json{{"sources", {source}}}.dump()));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DUTYBOARD_TEST_SECRET"), QString::fromUtf8(secret));
    return runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")}, env);
}

void TestPrintTrackers::expectRefused(const json &source, const QByteArray &secret) {
    const DutyboardRun run = print(source, secret);
    QCOMPARE(run.exitCode, 2);
    const QByteArray reason = "dutyboard: source " +
                              QByteArray::fromStdString(source["name"].get<std::string>()) +
                              " failed: token refused (HTTP 401)";
    QVERIFY2(run.err.contains(reason), run.err.constData());
    const json board = json::parse(run.out.toStdString());
    QCOMPARE(board.at("sources").at(0).at("health"), json("failed"));
    QCOMPARE(board.at("sources").at(0).at("error"), json("token refused (HTTP 401)"));
    QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));
}

void TestPrintTrackers::jira() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    const QByteArray secret = QByteArrayLiteral("jira-api-token-77aa01");
    const json source = {
        {"name", "bugs"},
        {"type", "jira"},
        {"panel", "bugs"},
        {"url", fixture.baseUrl().toStdString()},
        {"flavor", "cloud"},
        {"jql", "project = SRE AND type = Bug AND statusCategory != Done"},
        {"auth",
         {{"type", "basic"}, {"user", "me@acme.io"}, {"password_env", "DUTYBOARD_TEST_SECRET"}}}};
    const DutyboardRun run = print(source, secret);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const json board = json::parse(run.out.toStdString());
    QCOMPARE(board["bugs"].size(), std::size_t(JiraFixture::issueCount));
    const json *first = findItemBy(board["bugs"], "id", "SRE-301");
    QVERIFY(first);
    QCOMPARE((*first)["title"], json("Checkout latency above SLO"));
    QCOMPARE((*first)["state"], json("In Progress"));
    QCOMPARE((*first)["people"], json({"Ana Lima"}));
    QCOMPARE((*first)["severity"], json("critical"));
    QCOMPARE((*first)["created_at"], json("2026-11-30T08:40:12Z"));
    QCOMPARE((*first)["url"], json(fixture.baseUrl().toStdString() + "/browse/SRE-301"));
    const json *odd = findItemBy(board["bugs"], "id", "SRE-307");
    QVERIFY(odd);
    QCOMPARE((*odd)["severity_label"], json("unknown (Sev Z)"));
    QCOMPARE(fixture.server().requests().size(), 3);

    fixture.server().setFault(FixtureFault::Unauthorized);
    expectRefused(source, secret);
}

void TestPrintTrackers::gitlab() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    const QByteArray secret = QByteArrayLiteral("glpat-Zr8sPq2LmN4vX6cT1bY0");
    const json source = {{"name", "gl"},
                         {"type", "gitlab"},
                         {"panel", "bugs"},
                         {"url", fixture.baseUrl().toStdString()},
                         {"project", "platform/sre"},
                         {"labels", {"bug"}},
                         {"auth", {{"token_env", "DUTYBOARD_TEST_SECRET"}}}};
    const DutyboardRun run = print(source, secret);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const json board = json::parse(run.out.toStdString());
    QCOMPARE(board["bugs"].size(), std::size_t(GitLabFixture::issueCount));
    const json *first = findItemBy(board["bugs"], "id", "9101");
    QVERIFY(first);
    QCOMPARE((*first)["title"], json("Backups of db-2 fail nightly"));
    QCOMPARE((*first)["state"], json("opened"));
    QCOMPARE((*first)["people"], json({"Ana Lima"}));
    QCOMPARE((*first)["severity"], json("high"));
    QCOMPARE((*first)["created_at"], json("2026-11-28T08:15:00Z"));
    QCOMPARE((*first)["url"], json("http://gitlab.internal.example/platform/sre/-/issues/41"));
    QCOMPARE(fixture.server().requests().value(0).header("private-token"), secret);

    fixture.server().setFault(FixtureFault::Unauthorized);
    expectRefused(source, secret);
}

void TestPrintTrackers::github() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    const QByteArray secret = QByteArrayLiteral("ghp_Qw3eR5tY7uI9oP1aS2dF4gH6jK8lZ0");
    const json source = {{"name", "gh"},
                         {"type", "github"},
                         {"panel", "bugs"},
                         {"url", fixture.baseUrl().toStdString()},
                         {"repo", "acme/infra"},
                         {"labels", {"bug"}},
                         {"auth", {{"token_env", "DUTYBOARD_TEST_SECRET"}}}};
    const DutyboardRun run = print(source, secret);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const json board = json::parse(run.out.toStdString());
    QCOMPARE(board["bugs"].size(), std::size_t(GitHubFixture::issueCount)); // no pull requests
    QVERIFY(!findItemBy(board["bugs"], "id", "46"));
    const json *first = findItemBy(board["bugs"], "id", "43");
    QVERIFY(first);
    QCOMPARE((*first)["title"], json("CI runners out of disk"));
    QCOMPARE((*first)["state"], json("open"));
    QCOMPARE((*first)["people"], json({"ana", "zoe"}));
    QCOMPARE((*first)["severity"], json("high"));
    QCOMPARE((*first)["created_at"], json("2026-11-29T12:00:00Z"));
    QCOMPARE((*first)["url"], json("https://github.acme.io/acme/infra/issues/43"));

    fixture.server().setFault(FixtureFault::Unauthorized);
    expectRefused(source, secret);
}

QTEST_GUILESS_MAIN(TestPrintTrackers)
#include "tst_print_trackers.moc"
