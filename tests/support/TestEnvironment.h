// SPDX-License-Identifier: MIT
// Isolates a test from the user's machine: test-mode standard paths, C locale, no proxies.
#pragma once

#include <QString>

void prepareTestEnvironment();
// Path of a file under tests/data.
QString testDataPath(const QString &relative);
// The bytes of a file under tests/data; aborts the test run when it is missing.
QByteArray readTestData(const QString &relative);
