// SPDX-License-Identifier: MIT
#include "VendorSource.h"

#include "tests/support/TestSource.h"

#include <QTest>

std::unique_ptr<Connector> VendorSource::connectorAt(const QByteArray &url,
                                                     const nlohmann::json &patch) const {
    return makeTestConnectorAt(m_source, url, patch);
}

QByteArray VendorSource::probeJson(const QByteArray &url, const nlohmann::json &patch) const {
    return probeSourceJson(m_source, url, m_tokenEnv, patch);
}

void addParseColumns() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
}

void addParseRow(const char *name, const char *file, const char *patch,
                 const std::string &expected) {
    QTest::newRow(name) << QString::fromLatin1(file) << QByteArray(patch)
                        << QByteArray::fromStdString(expected);
}
