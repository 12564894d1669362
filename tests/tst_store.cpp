// SPDX-License-Identifier: MIT
// Local state: SQLite on its own thread; a broken file is moved aside, never a crash.
#include "core/store/Store.h"
#include "tests/support/TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void jobsRunOffTheCallingThreadAndAnswerOnIt() {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("state.sqlite")));
        QString notice;
        QVERIFY(store.open(&notice));
        QVERIFY(notice.isEmpty());
        const QVariant mode = store.runBlocking([](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA journal_mode"));
            q.next();
            return q.value(0);
        });
        QCOMPARE(mode.toString(), QStringLiteral("wal"));

        QThread *jobThread = nullptr;
        QThread *answerThread = nullptr;
        int answer = 0;
        QObject context;
        store.post(
            [&jobThread](QSqlDatabase &db) {
                jobThread = QThread::currentThread();
                QSqlQuery q(db);
                q.exec(QStringLiteral("CREATE TABLE t(v INTEGER)"));
                q.exec(QStringLiteral("INSERT INTO t VALUES (41)"));
                q.exec(QStringLiteral("SELECT v + 1 FROM t"));
                q.next();
                return q.value(0);
            },
            &context,
            [&](const QVariant &result) {
                answerThread = QThread::currentThread();
                answer = result.toInt();
            });
        QTRY_COMPARE(answer, 42);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(answerThread, QThread::currentThread());
    }

    void answerToAGoneContextIsDropped() {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("state.sqlite")));
        QString notice;
        QVERIFY(store.open(&notice));
        bool called = false;
        auto *context = new QObject;
        store.post([](QSqlDatabase &) { return QVariant(1); }, context,
                   [&called](const QVariant &) { called = true; });
        delete context;
        store.runBlocking([](QSqlDatabase &) { return QVariant(); }); // the first job has run
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void corruptFileIsMovedAsideAndAFreshOneStarts() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'Z'));
        garbage.close();
        Store store(path);
        QString notice;
        QVERIFY(store.open(&notice));
        QVERIFY2(notice.contains(QStringLiteral("moved to")), qPrintable(notice));
        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("state.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QFile moved(dir.filePath(aside.first()));
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QCOMPARE(moved.readAll(), QByteArray(8192, 'Z')); // kept for a post-mortem
        const QVariant ok = store.runBlocking([](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("CREATE TABLE t(v)"));
        });
        QVERIFY(ok.toBool());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
