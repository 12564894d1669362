// SPDX-License-Identifier: MIT
// Many dutyboards on one team store (figures, not assertions). Run after building:
//   ./build/tests/bench/bench_team_instances [instances=20] [seconds=600] [driver_s=5]
// Starts a private PostgreSQL on loopback, then `instances` real dutyboard windows (--demo,
// offscreen, each with its own home and local file) all at once on one fresh schema; once every
// one is connected and a warm-up has passed, measures for `seconds`: each instance's CPU
// (/proc/PID/stat) and RSS at the end, the server's transactions (pg_stat_database), statements
// (log_statement = all, counted in the server's log, since pg_stat_statements is not there),
// table scans and rows written (pg_stat_user_tables) and CPU (postmaster and backends). Every
// `driver_s` seconds (0: never) a light driver raises an andon from the command line on a source
// of its own, so each change reaches every window by LISTEN/NOTIFY. Then one window on SQLite
// (no "state" section) for the same time, measured the same way. Prints a table.
// BENCH_SERVER_LOG=FILE keeps a copy of the server's log (every statement) in FILE.
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/PostgresProcess.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using nlohmann::json;

namespace {

const char *const passwordVariable = "DUTYBOARD_BENCH_PG_PASSWORD";
const QString schema = QStringLiteral("bench");
constexpr int warmUpS = 30;
constexpr int connectDeadlineS = 300;

void pause(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// utime + stime of a process, in seconds; -1 when it is gone.
double cpuSeconds(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The fields after the command (which may hold spaces), from the state (field 3) on.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

qint64 parentOf(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

double rssMiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// The postmaster and its children (backends, checkpointer, walwriter…): their CPU, summed.
double serverCpuSeconds(qint64 postmaster) {
    double total = cpuSeconds(postmaster);
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (number && parentOf(pid) == postmaster)
            total += std::max(0.0, cpuSeconds(pid));
    }
    return total;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// One dutyboard window with its own home.
struct Instance {
    std::unique_ptr<QProcess> process;
    QString home;
    QByteArray err;
    double cpuAtStart = 0;
};

void startInstance(Instance *instance, const QString &config) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.qpa.*=false"));
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMPDIR"}) {
        const QString path = instance->home + QLatin1Char('/') + QLatin1String(variable);
        QDir().mkpath(path);
        env.insert(QLatin1String(variable), path);
    }
    instance->process = std::make_unique<QProcess>();
    instance->process->setProcessEnvironment(env);
    QProcess *process = instance->process.get();
    QObject::connect(process, &QProcess::readyReadStandardError, process,
                     [instance] { instance->err += instance->process->readAllStandardError(); });
    process->setStandardOutputFile(QProcess::nullDevice());
    process->start(QStringLiteral(DUTYBOARD_BINARY),
                   {QStringLiteral("--demo"), QStringLiteral("--config"), config,
                    QStringLiteral("--state"), instance->home + QStringLiteral("/state.sqlite")});
}

void stopInstance(Instance *instance) {
    QProcess *process = instance->process.get();
    if (process->state() == QProcess::NotRunning)
        return;
    process->terminate(); // SIGTERM: dutyboard quits cleanly
    if (!process->waitForFinished(10000)) {
        process->kill();
        process->waitForFinished();
    }
}

// What the server says about the database and the schema's tables.
struct ServerCounters {
    double transactions = 0; // xact_commit + xact_rollback
    double scans = 0;        // seq_scan + idx_scan on the schema's tables
    double rowsWritten = 0;  // inserted + updated + deleted
    double cpu = 0;
    qint64 logBytes = 0;
};

ServerCounters readServer(QSqlDatabase &db, qint64 postmaster, const QString &logPath) {
    ServerCounters c;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE "
                              "datname = current_database()")) &&
        q.next())
        c.transactions = q.value(0).toDouble();
    q.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0)), 0), "
        "COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables WHERE "
        "schemaname = ?"));
    q.addBindValue(schema);
    if (q.exec() && q.next()) {
        c.scans = q.value(0).toDouble();
        c.rowsWritten = q.value(1).toDouble();
    }
    c.cpu = serverCpuSeconds(postmaster);
    c.logBytes = QFileInfo(logPath).size();
    return c;
}

// The statements the server logged between two offsets of its log, by kind: a prepared
// statement's EXECUTE counts as its PREPAREd text (QPSQL prepares per connection, by name).
QMap<QString, int> statementsIn(const QString &logPath, qint64 from, qint64 to, qint64 *total) {
    QFile log(logPath);
    QMap<QString, int> counts;
    *total = 0;
    if (!log.open(QIODevice::ReadOnly))
        return counts;
    // Names are per backend: "[pid] name".
    QHash<QString, QString> prepared;
    static const QRegularExpression line(QStringLiteral("\\[(\\d+)\\] LOG:  statement: (.*)$"));
    static const QRegularExpression prepare(QStringLiteral("^PREPARE (\\S+) AS (.*)$"));
    static const QRegularExpression execute(QStringLiteral("^EXECUTE (\\S+)"));
    qint64 at = 0;
    while (!log.atEnd()) {
        const QByteArray raw = log.readLine();
        const qint64 start = at;
        at += raw.size();
        const auto match = line.match(QString::fromUtf8(raw).trimmed());
        if (!match.hasMatch())
            continue;
        const QString pid = match.captured(1);
        const QString sql = match.captured(2);
        const auto p = prepare.match(sql);
        if (p.hasMatch())
            prepared.insert(pid + QLatin1Char(' ') + p.captured(1), p.captured(2));
        if (start < from || start >= to)
            continue;
        ++*total;
        QString kind = sql;
        const auto e = execute.match(sql);
        if (e.hasMatch())
            kind = prepared.value(pid + QLatin1Char(' ') + e.captured(1), sql);
        else if (p.hasMatch())
            kind = QStringLiteral("PREPARE …");
        else if (sql.startsWith(QLatin1String("DEALLOCATE ")))
            kind = QStringLiteral("DEALLOCATE …");
        kind = kind.left(72);
        ++counts[kind];
    }
    return counts;
}

// CPU over the measured time, per minute.
double perMinute(double seconds, double durationS) {
    return seconds * 60.0 / durationS;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int instances = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    const int durationS = argc > 2 ? std::max(10, atoi(argv[2])) : 600;
    const int driverS = argc > 3 ? std::max(0, atoi(argv[3])) : 5;

    PostgresProcess pg;
    if (!pg.start()) {
        std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(pg.errorString()));
        return 1;
    }
    // Every statement in the log: the only count of calls without pg_stat_statements.
    if (!pg.exec(QStringLiteral("ALTER SYSTEM SET log_statement = 'all'")) ||
        !pg.exec(QStringLiteral("SELECT pg_reload_conf()"))) {
        std::fprintf(stderr, "log_statement: %s\n", qPrintable(pg.errorString()));
        return 1;
    }
    qputenv(passwordVariable, pg.password().toUtf8());
    QSqlDatabase db = pg.connect(QStringLiteral("bench"));
    qint64 postmaster = -1;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next())
            postmaster = parentOf(q.value(0).toLongLong());
    }
    if (!db.isOpen() || postmaster <= 0) {
        std::fprintf(stderr, "cannot read the server's statistics\n");
        return 1;
    }

    QTemporaryDir dir;
    const QString teamConfig = dir.filePath(QStringLiteral("team.json"));
    const QString soloConfig = dir.filePath(QStringLiteral("solo.json"));
    json team = {{"sources", json::array()}};
    team.update(pg.stateConfig(schema, passwordVariable));
    if (!writeFile(teamConfig, QByteArray::fromStdString(team.dump())) ||
        !writeFile(soloConfig, QByteArray::fromStdString(json{{"sources", json::array()}}.dump())))
        return 1;

    // The driver's target: a pager on loopback that takes andons.
    LoopbackHttpServer pager([](const HttpServerRequest &r) {
        return r.method == "POST" ? HttpServerResponse::json("{}", 201)
                                  : HttpServerResponse::json("[]");
    });
    if (!pager.start(0))
        return 1;
    json driver = {
        {"sources", json::array({{{"name", "pager"},
                                  {"type", "generic"},
                                  {"url", pager.baseUrl().toStdString() + "/pager"},
                                  {"panel", "incidents"},
                                  {"path", "/open"},
                                  {"fields", {{"id", "/key"}, {"title", "/title"}}},
                                  {"write",
                                   {{"path", "/andons"},
                                    {"body", {{"title", "{{title}}"}, {"reason", "{{reason}}"}}},
                                    {"kinds", {"raise-andon"}}}}}})},
        {"actions", {{"andon", "pager"}}}};
    driver.update(pg.stateConfig(schema, passwordVariable));
    const QString driverConfig = dir.filePath(QStringLiteral("driver.json"));
    if (!writeFile(driverConfig, QByteArray::fromStdString(driver.dump())))
        return 1;

    // All at once on a fresh schema, as a team's screens after a power cut.
    std::printf("starting %d dutyboard windows (--demo --config team.json, offscreen) on "
                "postgres schema \"%s\"…\n",
                instances, qPrintable(schema));
    std::fflush(stdout);
    std::vector<Instance> windows(static_cast<size_t>(instances));
    QElapsedTimer startUp;
    startUp.start();
    for (int i = 0; i < instances; ++i) {
        windows[size_t(i)].home = dir.filePath(QStringLiteral("instance-%1").arg(i));
        startInstance(&windows[size_t(i)], teamConfig);
    }
    const auto connected = [&db] {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE "
                                     "application_name = 'dutyboard'")) &&
                       q.next()
                   ? q.value(0).toInt()
                   : -1;
    };
    int restarted = 0;
    while (connected() < instances && startUp.elapsed() < connectDeadlineS * 1000) {
        pause(500);
        // One that could not open the team's state runs on without it: started again.
        for (Instance &instance : windows) {
            if (!instance.err.contains("could not be opened"))
                continue;
            std::printf("an instance could not open the team state; started again. It said:\n");
            for (const QByteArray &line : instance.err.split('\n')) {
                if (line.startsWith("dutyboard:"))
                    std::printf("  %s\n", line.constData());
            }
            stopInstance(&instance);
            instance.err.clear();
            startInstance(&instance, teamConfig);
            ++restarted;
            std::fflush(stdout);
        }
    }
    const int up = connected();
    std::printf("%d of %d connected after %.1f s (%d started again)\n", up, instances,
                startUp.elapsed() / 1000.0, restarted);
    std::fflush(stdout);
    if (up < instances)
        return 1;
    pause(warmUpS * 1000);

    // The measured run.
    const QString logPath = pg.logFilePath();
    for (Instance &instance : windows)
        instance.cpuAtStart = cpuSeconds(instance.process->processId());
    const ServerCounters before = readServer(db, postmaster, logPath);
    int driven = 0;
    QMap<int, int> driverExits;
    QProcessEnvironment driverEnv = QProcessEnvironment::systemEnvironment();
    driverEnv.insert(QStringLiteral("TMPDIR"), dir.path());
    QTimer driverTimer;
    QObject::connect(&driverTimer, &QTimer::timeout, &app, [&] {
        auto *process = new QProcess(&app);
        process->setProcessEnvironment(driverEnv);
        process->setStandardOutputFile(QProcess::nullDevice());
        process->setStandardErrorFile(QProcess::nullDevice());
        QObject::connect(process, &QProcess::finished, process,
                         [&driverExits, process](int code, QProcess::ExitStatus status) {
                             ++driverExits[status == QProcess::NormalExit ? code : -1];
                             process->deleteLater();
                         });
        process->start(QStringLiteral(DUTYBOARD_BINARY),
                       {QStringLiteral("--config"), driverConfig, QStringLiteral("--state"),
                        dir.filePath(QStringLiteral("driver.sqlite")), QStringLiteral("andon"),
                        QStringLiteral("raise"), QStringLiteral("--project"),
                        QStringLiteral("bench"), QStringLiteral("--reason"),
                        QStringLiteral("change %1").arg(++driven)});
    });
    if (driverS > 0)
        driverTimer.start(driverS * 1000);
    QElapsedTimer measured;
    measured.start();
    pause(durationS * 1000);
    driverTimer.stop();
    const double teamS = measured.elapsed() / 1000.0;
    const ServerCounters after = readServer(db, postmaster, logPath);
    std::vector<double> teamCpu;
    std::vector<double> teamRss;
    int gone = 0;
    for (Instance &instance : windows) {
        const qint64 pid = instance.process->processId();
        const double cpu = cpuSeconds(pid);
        if (instance.process->state() != QProcess::Running || cpu < 0) {
            ++gone;
            continue;
        }
        teamCpu.push_back(perMinute(cpu - instance.cpuAtStart, teamS));
        teamRss.push_back(rssMiB(pid));
    }
    pause(3000); // the last driver run ends
    for (Instance &instance : windows)
        stopInstance(&instance);
    qint64 statements = 0;
    const QMap<QString, int> byKind =
        statementsIn(logPath, before.logBytes, after.logBytes, &statements);
    if (qEnvironmentVariableIsSet("BENCH_SERVER_LOG"))
        QFile::copy(logPath, qEnvironmentVariable("BENCH_SERVER_LOG"));

    // One window on SQLite, the same way.
    std::printf("measured %d instances for %.0f s; now one instance on SQLite for %d s…\n",
                instances, teamS, durationS);
    std::fflush(stdout);
    Instance solo;
    solo.home = dir.filePath(QStringLiteral("solo"));
    startInstance(&solo, soloConfig);
    pause(warmUpS * 1000);
    const qint64 soloPid = solo.process->processId();
    const double soloStart = cpuSeconds(soloPid);
    measured.restart();
    pause(durationS * 1000);
    const double soloS = measured.elapsed() / 1000.0;
    const double soloCpu = perMinute(cpuSeconds(soloPid) - soloStart, soloS);
    const double soloRss = rssMiB(soloPid);
    stopInstance(&solo);

    // The table.
    const auto maxOf = [](const std::vector<double> &v) {
        return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };
    std::printf("\n%d dutyboard windows (--demo, offscreen) on one PostgreSQL 15 schema, %.0f s "
                "measured after start-up + %d s warm-up;\n",
                instances, teamS, warmUpS);
    QString codes;
    for (auto it = driverExits.cbegin(); it != driverExits.cend(); ++it)
        codes += QStringLiteral(" %1 x%2").arg(it.key()).arg(it.value());
    if (driverS > 0)
        std::printf("driver: one `andon raise` from the command line every %d s (%d runs, exit "
                    "codes:%s), each heard by every window (LISTEN/NOTIFY)\n",
                    driverS, driven, qPrintable(codes));
    else
        std::printf("driver: none (the instances idle)\n");
    std::printf("\n| | CPU s/min median | CPU s/min max | RSS MiB median | RSS MiB max |\n");
    std::printf("|---|---|---|---|---|\n");
    std::printf("| per instance, %d on PostgreSQL | %.2f | %.2f | %.0f | %.0f |\n",
                int(teamCpu.size()), median(teamCpu), maxOf(teamCpu), median(teamRss),
                maxOf(teamRss));
    std::printf("| one instance on SQLite | %.2f | | %.0f | |\n", soloCpu, soloRss);
    std::printf("\nserver: %.1f tx/s (pg_stat_database), %.1f statements/s (log_statement), "
                "%.1f table scans/s, %.2f rows written/s, CPU %.2f s/min (postmaster and "
                "backends)\n",
                (after.transactions - before.transactions) / teamS, statements / teamS,
                (after.scans - before.scans) / teamS,
                (after.rowsWritten - before.rowsWritten) / teamS,
                perMinute(after.cpu - before.cpu, teamS));
    if (gone > 0)
        std::printf("%d instance(s) ended during the run\n", gone);
    std::vector<std::pair<int, QString>> top;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        top.emplace_back(it.value(), it.key());
    std::sort(top.rbegin(), top.rend());
    std::printf("\nstatements by kind (per second, top 12 of %d):\n", int(top.size()));
    for (size_t i = 0; i < top.size() && i < 12; ++i)
        std::printf("  %7.2f  %s\n", top[i].first / teamS, qPrintable(top[i].second));
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return gone == 0 ? 0 : 2;
}
