// SPDX-License-Identifier: MIT
#include "TestStateStore.h"

#include "tests/support/PostgresProcess.h"

#include <QCoreApplication>
#include <QHash>

namespace {

const char *const passwordVariable = "DUTYBOARD_TEST_STATE_PG_PASSWORD";

// Started at the first use, stopped when the application goes (before static destructors).
PostgresProcess &server() {
    static PostgresProcess *pg = nullptr;
    if (!pg) {
        pg = new PostgresProcess;
        if (!pg->start())
            qFatal("DUTYBOARD_TEST_BACKEND=postgres: %s", qPrintable(pg->errorString()));
        qputenv(passwordVariable, pg->password().toUtf8());
        qAddPostRoutine([] {
            delete pg;
            pg = nullptr;
        });
    }
    return *pg;
}

QString schemaFor(const QString &sqlitePath) {
    return QStringLiteral("t%1").arg(qHash(sqlitePath), 0, 16);
}

} // namespace

bool testStateIsPostgres() {
    return qEnvironmentVariable("DUTYBOARD_TEST_BACKEND") == QLatin1String("postgres");
}

StoreLocation testStateLocation(const QString &sqlitePath) {
    if (!testStateIsPostgres())
        return StoreLocation::sqlite(sqlitePath);
    StoreLocation where = server().storeLocation(schemaFor(sqlitePath));
    where.journalPath = sqlitePath;
    return where;
}

nlohmann::json testStateConfig(const QString &sqlitePath) {
    if (!testStateIsPostgres())
        return nlohmann::json::object();
    return server().stateConfig(schemaFor(sqlitePath), passwordVariable);
}

AppConfig withTestState(nlohmann::json config, const QString &sqlitePath) {
    config.update(testStateConfig(sqlitePath));
    return parseConfig(QByteArray::fromStdString(config.dump()), QStringLiteral("test"));
}
