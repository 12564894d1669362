// SPDX-License-Identifier: MIT
// The private PostgreSQL of PostgresProcess through Qt's QPSQL driver: password login as a
// least-privilege role, LISTEN/NOTIFY with transaction semantics, and a stop and restart.
#include "tests/support/PostgresProcess.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

namespace {

// A QPSQL connection as the test role, removed from Qt's registry when it goes (declare
// QSqlQuery objects after it so that they go first).
class Connection final {
public:
    Connection(const PostgresProcess &pg, const QString &name)
        : m_name(name)
        , m_db(pg.connect(name)) {}
    ~Connection() {
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase &db() { return m_db; }
    bool isOpen() const { return m_db.isOpen(); }
    QString error() const { return m_db.lastError().text(); }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// A listener subscribed to "board_changed", a notifier on a connection of its own, and what
// the listener heard.
struct BoardChannel {
    BoardChannel(const PostgresProcess &pg, const QString &name)
        : listener(pg, name + QStringLiteral("-listener"))
        , notifier(pg, name + QStringLiteral("-notifier"))
        , heard(listener.db().driver(), &QSqlDriver::notification) {}
    // Both connections open and the listener subscribed; else false with `error`.
    bool open(QString *error) {
        *error = !listener.isOpen() ? listener.error() : notifier.error();
        return listener.isOpen() && notifier.isOpen() &&
               listener.db().driver()->subscribeToNotification(QStringLiteral("board_changed"));
    }

    Connection listener;
    Connection notifier;
    QSignalSpy heard;
};

// The first column of the first row, or an invalid QVariant with `error` set.
QVariant scalar(const QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
        return {};
    }
    if (!query.next()) {
        *error = QStringLiteral("%1: no row").arg(sql);
        return {};
    }
    return query.value(0);
}

bool run(const QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
    return false;
}

} // namespace

class TestPostgresProcess final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectsAsRoleOnLoopbackOnly();
    void rejectsWrongPassword();
    void roleIsNotSuperuser();
    void execRunsSetupAsSuperuser();
    void notifyReachesListener();
    void notifyWaitsForCommit();
    void rolledBackNotifyIsNotDelivered();
    void stopCutsConnectionsAndRestartKeepsData();
    void restartReportsTakenPort();

private:
    PostgresProcess m_pg;
};

void TestPostgresProcess::initTestCase() {
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
}

void TestPostgresProcess::cleanupTestCase() {
    QVERIFY2(m_pg.stop(), qPrintable(m_pg.errorString()));
    QVERIFY(!m_pg.isRunning());
}

void TestPostgresProcess::connectsAsRoleOnLoopbackOnly() {
    Connection c(m_pg, QStringLiteral("basic"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
    QString error;
    QCOMPARE(scalar(c.db(), QStringLiteral("SELECT 1"), &error).toInt(), 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(scalar(c.db(), QStringLiteral("SHOW port"), &error).toString(),
             QString::number(m_pg.port()));
    QCOMPARE(scalar(c.db(), QStringLiteral("SHOW listen_addresses"), &error).toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(scalar(c.db(), QStringLiteral("SELECT current_user"), &error).toString(), m_pg.user());
    QCOMPARE(scalar(c.db(), QStringLiteral("SELECT current_database()"), &error).toString(),
             m_pg.database());
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Bound to 127.0.0.1 alone: another loopback address of the same machine is refused.
    QTcpSocket other;
    other.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), m_pg.port());
    QVERIFY(!other.waitForConnected(2000));
    QCOMPARE(other.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestPostgresProcess::rejectsWrongPassword() {
    const QString name = QStringLiteral("wrong-password");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_pg.host());
        db.setPort(m_pg.port());
        db.setDatabaseName(m_pg.database());
        db.setUserName(m_pg.user());
        db.setPassword(m_pg.password() + QStringLiteral("x"));
        QVERIFY(!db.open());
        QVERIFY2(db.lastError().text().contains(QLatin1String("password authentication failed")),
                 qPrintable(db.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

void TestPostgresProcess::roleIsNotSuperuser() {
    Connection c(m_pg, QStringLiteral("privileges"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
    QString error;
    const QVariant super =
        scalar(c.db(), QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"),
               &error);
    QVERIFY2(super.isValid(), qPrintable(error));
    QCOMPARE(super.toBool(), false);
    QCOMPARE(scalar(c.db(),
                    QStringLiteral("SELECT rolcreatedb OR rolcreaterole FROM pg_roles "
                                   "WHERE rolname = current_user"),
                    &error)
                 .toBool(),
             false);
    QVERIFY(!run(c.db(), QStringLiteral("CREATE DATABASE not_allowed"), &error));
    // It owns its database, so it may create tables there (PostgreSQL 15: the public schema
    // belongs to the database owner).
    error.clear();
    QVERIFY2(run(c.db(), QStringLiteral("CREATE TABLE own_table (id int)"), &error),
             qPrintable(error));
}

void TestPostgresProcess::execRunsSetupAsSuperuser() {
    QVERIFY2(m_pg.exec(QStringLiteral("CREATE TABLE admin_only (id int)")),
             qPrintable(m_pg.errorString()));
    QVERIFY2(m_pg.exec(QStringLiteral("INSERT INTO admin_only VALUES (7)")),
             qPrintable(m_pg.errorString()));
    QVERIFY(!m_pg.exec(QStringLiteral("SELECT * FROM no_such_table")));
    QVERIFY(m_pg.errorString().contains(QLatin1String("no_such_table")));

    Connection c(m_pg, QStringLiteral("grants"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
    QString error;
    QVERIFY(!scalar(c.db(), QStringLiteral("SELECT id FROM admin_only"), &error).isValid());
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    QVERIFY2(m_pg.exec(QStringLiteral("GRANT SELECT ON admin_only TO %1").arg(m_pg.user())),
             qPrintable(m_pg.errorString()));
    error.clear();
    QCOMPARE(scalar(c.db(), QStringLiteral("SELECT id FROM admin_only"), &error).toInt(), 7);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPostgresProcess::notifyReachesListener() {
    Connection a(m_pg, QStringLiteral("listener"));
    Connection b(m_pg, QStringLiteral("notifier"));
    QVERIFY2(a.isOpen(), qPrintable(a.error()));
    QVERIFY2(b.isOpen(), qPrintable(b.error()));
    QSqlDriver *driver = a.db().driver();
    QVERIFY(driver->hasFeature(QSqlDriver::EventNotifications));
    QSignalSpy spy(driver, &QSqlDriver::notification);
    QVERIFY2(driver->subscribeToNotification(QStringLiteral("board_changed")),
             qPrintable(driver->lastError().text()));
    QCOMPARE(driver->subscribedToNotifications(), QStringList{QStringLiteral("board_changed")});

    QString error;
    QVERIFY2(run(b.db(), QStringLiteral("NOTIFY board_changed, 'hello'"), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    const QList<QVariant> args = spy.takeFirst();
    QCOMPARE(args.at(0).toString(), QStringLiteral("board_changed"));
    QCOMPARE(args.at(1).value<QSqlDriver::NotificationSource>(), QSqlDriver::OtherSource);
    QCOMPARE(args.at(2).toString(), QStringLiteral("hello"));

    // pg_notify() works as well, and another channel does not reach this listener.
    QVERIFY2(run(b.db(), QStringLiteral("SELECT pg_notify('other_channel', 'x')"), &error),
             qPrintable(error));
    QVERIFY2(run(b.db(), QStringLiteral("SELECT pg_notify('board_changed', 'again')"), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("again"));
    QVERIFY(driver->unsubscribeFromNotification(QStringLiteral("board_changed")));
}

void TestPostgresProcess::notifyWaitsForCommit() {
    BoardChannel channel(m_pg, QStringLiteral("commit"));
    QString error;
    QVERIFY2(channel.open(&error), qPrintable(error));
    QSignalSpy &spy = channel.heard;
    QSqlDatabase &b = channel.notifier.db();

    QVERIFY(b.transaction());
    QVERIFY2(run(b, QStringLiteral("NOTIFY board_changed, 'on commit'"), &error),
             qPrintable(error));
    QTest::qWait(500);
    QCOMPARE(spy.count(), 0); // still inside the transaction
    QVERIFY(b.commit());
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("on commit"));
}

void TestPostgresProcess::rolledBackNotifyIsNotDelivered() {
    BoardChannel channel(m_pg, QStringLiteral("rollback"));
    QString error;
    QVERIFY2(channel.open(&error), qPrintable(error));
    QSignalSpy &spy = channel.heard;
    QSqlDatabase &b = channel.notifier.db();

    QVERIFY(b.transaction());
    QVERIFY2(run(b, QStringLiteral("NOTIFY board_changed, 'rolled back'"), &error),
             qPrintable(error));
    QVERIFY(b.rollback());
    QTest::qWait(500);
    QCOMPARE(spy.count(), 0);

    // A later committed one arrives, and it is the only one.
    QVERIFY2(run(b, QStringLiteral("NOTIFY board_changed, 'committed'"), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QTest::qWait(200);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("committed"));
}

void TestPostgresProcess::stopCutsConnectionsAndRestartKeepsData() {
    const quint16 port = m_pg.port();
    {
        Connection writer(m_pg, QStringLiteral("writer"));
        Connection listener(m_pg, QStringLiteral("listener-stop"));
        QVERIFY2(writer.isOpen(), qPrintable(writer.error()));
        QVERIFY2(listener.isOpen(), qPrintable(listener.error()));
        QVERIFY(listener.db().driver()->subscribeToNotification(QStringLiteral("board_changed")));
        QString error;
        QVERIFY2(run(writer.db(),
                     QStringLiteral("CREATE TABLE notes (id int PRIMARY KEY, body text)"), &error),
                 qPrintable(error));
        QVERIFY2(run(writer.db(),
                     QStringLiteral("INSERT INTO notes VALUES (1, 'written before the stop')"),
                     &error),
                 qPrintable(error));

        QVERIFY2(m_pg.stop(), qPrintable(m_pg.errorString()));
        QVERIFY(!m_pg.isRunning());
        // The subscribed connection's socket closes under the event loop: nothing may crash.
        QTest::qWait(300);
        QSqlQuery query(writer.db());
        QVERIFY(!query.exec(QStringLiteral("SELECT 1")));
        QVERIFY(query.lastError().type() != QSqlError::NoError);
        QVERIFY(!query.lastError().text().isEmpty());

        Connection whileDown(m_pg, QStringLiteral("while-down"));
        QVERIFY(!whileDown.isOpen());
        QVERIFY(!whileDown.error().isEmpty());
    }

    QVERIFY2(m_pg.restart(), qPrintable(m_pg.errorString()));
    QVERIFY(m_pg.isRunning());
    QCOMPARE(m_pg.port(), port);
    Connection fresh(m_pg, QStringLiteral("after-restart"));
    QVERIFY2(fresh.isOpen(), qPrintable(fresh.error()));
    QString error;
    QCOMPARE(scalar(fresh.db(), QStringLiteral("SELECT body FROM notes WHERE id = 1"), &error)
                 .toString(),
             QStringLiteral("written before the stop"));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // A new listener gets notifications again.
    Connection listener(m_pg, QStringLiteral("listener-restart"));
    QVERIFY2(listener.isOpen(), qPrintable(listener.error()));
    QSignalSpy spy(listener.db().driver(), &QSqlDriver::notification);
    QVERIFY(listener.db().driver()->subscribeToNotification(QStringLiteral("board_changed")));
    QVERIFY2(run(fresh.db(), QStringLiteral("NOTIFY board_changed, 'back'"), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("back"));
}

void TestPostgresProcess::restartReportsTakenPort() {
    const quint16 port = m_pg.port();
    QVERIFY2(m_pg.stop(), qPrintable(m_pg.errorString()));
    {
        QTcpServer squatter;
        QVERIFY2(squatter.listen(QHostAddress::LocalHost, port),
                 qPrintable(squatter.errorString()));
        QVERIFY(!m_pg.restart());
        QVERIFY(!m_pg.isRunning());
        QVERIFY2(m_pg.errorString().contains(QStringLiteral("port %1 was taken").arg(port)),
                 qPrintable(m_pg.errorString()));
    }
    QVERIFY2(m_pg.restart(), qPrintable(m_pg.errorString()));
    QCOMPARE(m_pg.port(), port);
    Connection c(m_pg, QStringLiteral("after-squatter"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
}

QTEST_GUILESS_MAIN(TestPostgresProcess)
#include "tst_postgres_process.moc"
