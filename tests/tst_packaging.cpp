// SPDX-License-Identifier: MIT
// The files a distribution reads (desktop entries, AppStream metainfo, man page, icons) pass the
// validators that software centres and lintian use. A missing validator is a failure, not a skip:
// scripts/deps.sh installs them, and a silently skipped check would let a broken file ship.
#include "tests/support/TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString appId = QStringLiteral("dev.dutyboard.Dutyboard");

QString packagingPath(const QString &relative) {
    return QDir::cleanPath(QStringLiteral(DUTYBOARD_TEST_DATA "/../../packaging/") + relative);
}

struct Run {
    int exitCode = -1;
    QString output; // stdout and stderr together, for the failure message
    QString errors; // stderr alone
};

// Runs a validator; fails the calling test when the program is not installed.
Run run(const QString &program, const QStringList &arguments) {
    Run result;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        result.output =
            QStringLiteral("%1 is not installed (scripts/deps.sh installs it)").arg(program);
        return result;
    }
    QProcess process;
    process.start(path, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        result.output = QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
        return result;
    }
    result.exitCode = process.exitCode();
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    result.errors = QString::fromUtf8(process.readAllStandardError());
    result.output = out + result.errors;
    return result;
}

QString readText(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestPackaging final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void desktopEntries_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("exec");
        QTest::newRow("window") << appId + QStringLiteral(".desktop")
                                << QStringLiteral("dutyboard");
        QTest::newRow("wall") << appId + QStringLiteral(".Wall.desktop")
                              << QStringLiteral("dutyboard --wall");
    }
    void desktopEntries() {
        QFETCH(QString, file);
        QFETCH(QString, exec);
        const QString path = packagingPath(file);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const Run r = run(QStringLiteral("desktop-file-validate"), {path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        // Hints too: "more than one main category" means the entry shows twice in menus.
        QVERIFY2(r.output.trimmed().isEmpty(), qPrintable(r.output));

        const QString text = readText(path);
        QVERIFY(text.contains(QStringLiteral("\nExec=") + exec + QLatin1Char('\n')));
        QVERIFY(text.contains(QStringLiteral("\nIcon=") + appId + QLatin1Char('\n')));
    }

    void metainfo() {
        const QString path = packagingPath(appId + QStringLiteral(".metainfo.xml"));
        QVERIFY2(QFile::exists(path), qPrintable(path));
        // --strict fails on warnings and infos too; only pedantic hints (the upper case in the
        // reverse-DNS id, kept to match the desktop file) are allowed.
        const Run r = run(QStringLiteral("appstreamcli"),
                          {QStringLiteral("validate"), QStringLiteral("--no-net"),
                           QStringLiteral("--strict"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));

        // Software centres show the newest release: it must be the version being built.
        const QString text = readText(path);
        static const QRegularExpression release(QStringLiteral("<release version=\"([^\"]+)\""));
        const auto match = release.match(text);
        QVERIFY(match.hasMatch());
        QCOMPARE(match.captured(1), QStringLiteral(DUTYBOARD_VERSION));
        QVERIFY(text.contains(QStringLiteral("<launchable type=\"desktop-id\">") + appId +
                              QStringLiteral(".desktop</launchable>")));
    }

    void manPage() {
        const QString path = packagingPath(QStringLiteral("dutyboard.1"));
        QVERIFY2(QFile::exists(path), qPrintable(path));
        // -ww: every warning; -z: format without output. groff prints warnings on stderr only.
        const Run r =
            run(QStringLiteral("groff"), {QStringLiteral("-man"), QStringLiteral("-Tutf8"),
                                          QStringLiteral("-ww"), QStringLiteral("-z"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QVERIFY2(r.errors.trimmed().isEmpty(), qPrintable(r.errors));

        const QString text = readText(path);
        QVERIFY(text.contains(QStringLiteral("\"dutyboard " DUTYBOARD_VERSION "\"")));
        for (const char *option :
             {"config", "demo", "print", "screenshot", "size", "wall", "screen", "version"})
            QVERIFY2(text.contains(QStringLiteral("\\-\\-") + QLatin1String(option)), option);
    }

    void debianChangelog() {
        // dpkg and lintian read the newest entry: the version being built, in Debian's format.
        const QString text = readText(packagingPath(QStringLiteral("changelog")));
        QVERIFY(text.startsWith(QStringLiteral("dutyboard (" DUTYBOARD_VERSION ") ")));
        QVERIFY(text.contains(QStringLiteral("\n -- ")));
    }

    void wallUnit() {
        const QString text = readText(packagingPath(QStringLiteral("dutyboard-wall.service")));
        QVERIFY(text.contains(QStringLiteral("\nExecStart=dutyboard --wall\n")));
        QVERIFY(text.contains(QStringLiteral("\nRestart=on-failure\n")));
        QVERIFY(text.contains(QStringLiteral("\nAfter=graphical-session.target\n")));
        // systemctl --user reload: SIGHUP, the config applied without a restart.
        QVERIFY(text.contains(QStringLiteral("\nExecReload=kill -HUP $MAINPID\n")));
    }

    void icons_data() {
        QTest::addColumn<int>("size");
        for (int size : {16, 32, 48, 64, 128, 256})
            QTest::addRow("%dx%d", size, size) << size;
    }
    void icons() {
        QFETCH(int, size);
        const QString path = packagingPath(QStringLiteral("icons/hicolor/%1x%1/apps/").arg(size) +
                                           appId + QStringLiteral(".png"));
        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
    }

    void scalableIcon() {
        const QString text =
            readText(packagingPath(QStringLiteral("icons/") + appId + QStringLiteral(".svg")));
        QVERIFY(text.contains(QStringLiteral("<svg")));
        QVERIFY(text.contains(QStringLiteral("viewBox=\"0 0 128 128\"")));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
