// SPDX-License-Identifier: MIT
// The config file as the sources editor saves it: keys keep their order, one backup of the
// previous file, a config dutyboard would refuse is not written, and a process killed while
// saving leaves the old file or the new one, whole, never a part (a real SIGKILL, many times).
#include "core/settings/ConfigDocument.h"
#include "tests/support/TestEnvironment.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using ordered_json = nlohmann::ordered_json;

namespace {

const char writerVariable[] = "DUTYBOARD_TEST_CONFIG_WRITER";

// A valid config of about `padding` bytes (a long comment), so a write takes a while.
ordered_json bigConfig(const std::string &name, int padding) {
    return {{"_comment", std::string(static_cast<size_t>(padding), 'x')},
            {"sources",
             {{{"name", name},
               {"type", "alertmanager"},
               {"url", "http://127.0.0.1:9093"},
               {"panel", "incidents"}}}}};
}

QByteArray fileText(const ordered_json &document) {
    return QByteArray::fromStdString(document.dump(2)) + '\n';
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestConfigDocument final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        // Started again by the kill test as the writer: saves two configs in turn, forever.
        const QByteArray path = qgetenv(writerVariable);
        if (path.isEmpty())
            return;
        const ordered_json a = bigConfig("a", 4 << 20);
        const ordered_json b = bigConfig("b", 3 << 20);
        for (;;) {
            saveConfigDocument(QString::fromLocal8Bit(path), b);
            saveConfigDocument(QString::fromLocal8Bit(path), a);
        }
    }

    void keysKeepTheirOrderAndTheOldFileIsTheBackup() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const QByteArray before = "{\"zeta\": 1, \"sources\": [], \"alpha\": {\"b\": 1, \"a\": 2}}";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(before);
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));

        QString error;
        ordered_json document = readConfigDocument(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        document["sources"] = bigConfig("s", 1)["sources"];
        document["omega"] = true;
        QCOMPARE(saveConfigDocument(path, document), QString());
        QCOMPARE(readAll(path),
                 QByteArray("{\n  \"zeta\": 1,\n  \"sources\": [\n    {\n      \"name\": \"s\",\n"
                            "      \"type\": \"alertmanager\",\n      \"url\": "
                            "\"http://127.0.0.1:9093\",\n      \"panel\": \"incidents\"\n    }\n"
                            "  ],\n  \"alpha\": {\n    \"b\": 1,\n    \"a\": 2\n  },\n"
                            "  \"omega\": true\n}\n"));
        QCOMPARE(readAll(path + QStringLiteral(".bak")), before);
        // A private config stays private, and so does its backup.
        QCOMPARE(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        QCOMPARE(QFile::permissions(path + QStringLiteral(".bak")) &
                     (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
    }

    // What dutyboard would refuse at start is refused here, with the same words, and the file
    // is left as it was.
    void aConfigDutyboardWouldRefuseIsNotWritten() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QCOMPARE(saveConfigDocument(path, bigConfig("ok", 1)), QString());
        const QByteArray good = readAll(path);
        ordered_json bad = bigConfig("bad", 1);
        bad["sources"][0]["panel"] = "nowhere";
        const QString error = saveConfigDocument(path, bad);
        QVERIFY2(error.contains(QStringLiteral("at /sources/0/panel: expected one of")),
                 qPrintable(error));
        QCOMPARE(readAll(path), good);
    }

    void aKillDuringASaveLeavesAWholeFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const QByteArray a = fileText(bigConfig("a", 4 << 20));
        const QByteArray b = fileText(bigConfig("b", 3 << 20));
        QCOMPARE(saveConfigDocument(path, bigConfig("a", 4 << 20)), QString());
        int sawB = 0;
        const int rounds = 15;
        for (int round = 0; round < rounds; ++round) {
            QProcess writer;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QLatin1String(writerVariable), path);
            writer.setProcessEnvironment(env);
            writer.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(writer.waitForStarted());
            // Killed while it writes: once it has finished one save (the file changed), at a
            // random moment of the next ones. However slow the machine, it was writing.
            // Seen once is enough: the writer may have written the first config back since
            // (QTRY_VERIFY evaluates its expression once more at the end).
            const QByteArray atStart = readAll(path);
            bool changed = false;
            const auto sawAChange = [&]() {
                changed = changed || readAll(path) != atStart;
                return changed;
            };
            QTRY_VERIFY_WITH_TIMEOUT(sawAChange(), 60000);
            QTest::qWait(QRandomGenerator::global()->bounded(0, 80));
            writer.kill(); // SIGKILL: no chance to tidy up
            QVERIFY(writer.waitForFinished());
            const QByteArray now = readAll(path);
            QVERIFY2(now == a || now == b,
                     qPrintable(QStringLiteral("round %1: a file of %2 bytes that is neither "
                                               "config")
                                    .arg(round)
                                    .arg(now.size())));
            const QByteArray backup = readAll(path + QStringLiteral(".bak"));
            QVERIFY(backup.isEmpty() || backup == a || backup == b);
            sawB += now == b ? 1 : 0;
        }
        qInfo("%d of %d kills left the second config", sawB, rounds);
    }
};

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_config_document.moc"
