// SPDX-License-Identifier: MIT
#include "TestEnvironment.h"

#include <QFile>
#include <QLocale>
#include <QStandardPaths>

#include <cstdlib>

void prepareTestEnvironment() {
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    // Loopback only: a proxy from the environment must never see test traffic.
    for (const char *name :
         {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
        unsetenv(name);
}

QString testDataPath(const QString &relative) {
    return QStringLiteral(DUTYBOARD_TEST_DATA "/") + relative;
}

QByteArray readTestData(const QString &relative) {
    QFile file(testDataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList strings(std::initializer_list<const char *> texts) {
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}
