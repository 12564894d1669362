// SPDX-License-Identifier: MIT
// Isolates a test from the user's machine: test-mode standard paths, C locale, no proxies.
#pragma once

#include <QString>
#include <QStringList>

#include <initializer_list>

void prepareTestEnvironment();
// Path of a file under tests/data.
QString testDataPath(const QString &relative);
// The bytes of a file under tests/data; aborts the test run when it is missing.
QByteArray readTestData(const QString &relative);
// A list of literals (QT_NO_CAST_FROM_ASCII: no implicit QString from const char *).
QStringList strings(std::initializer_list<const char *> texts);
