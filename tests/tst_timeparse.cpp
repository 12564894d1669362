// SPDX-License-Identifier: MIT
// Timestamp parsing shared by the connectors: ISO 8601 as vendors really send it, and epochs.
#include "core/time/TimeParse.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

#include <clocale>
#include <cmath>
#include <string>

class TestTimeParse final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void isoTimes_data();
    void isoTimes();
    void epochTimes_data();
    void epochTimes();
    void epochTexts_data();
    void epochTexts();
};

void TestTimeParse::isoTimes_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // ISO with ms in UTC, or "" for invalid

    const auto add = [](const char *text, const char *expected) {
        QTest::newRow(text) << QByteArray(text) << QString::fromLatin1(expected);
    };
    add("2026-11-30T09:40:12Z", "2026-11-30T09:40:12.000Z");
    add("2026-11-30T09:40:12.123456789Z", "2026-11-30T09:40:12.123Z");
    add("2026-11-30T09:40:12.9999Z", "2026-11-30T09:40:12.999Z");
    add("2026-11-30T09:40:12.1Z", "2026-11-30T09:40:12.100Z");
    add("2026-11-30T11:40:12.5+02:00", "2026-11-30T09:40:12.500Z");
    add("2026-11-30T00:10:00-05:30", "2026-11-30T05:40:00.000Z");
    add("2026-11-30T09:40:12.123+0000", "2026-11-30T09:40:12.123Z");
    add("2026-11-30 09:40:12", "2026-11-30T09:40:12.000Z");
    add("2026-11-30T09:40", "2026-11-30T09:40:00.000Z");
    add("2026-11-30", "2026-11-30T00:00:00.000Z");
    add("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.000Z");
    add("2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00.000Z");
    add("1969-12-31T23:59:59Z", "1969-12-31T23:59:59.000Z");
    add("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z");
    add("", "");
    add("yesterday", "");
    add("2026-13-01T00:00:00Z", "");
    add("2026-02-29T00:00:00Z", "");
    add("2026-11-30T24:00:00Z", "");
    add("2026-11-30T09:40:12.Z", "");
    add("2026-11-30T09:40:12Zjunk", "");
    add("2026-11-30T09:40:12+2", "");
    add("2026/11/30", "");
}

void TestTimeParse::isoTimes() {
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QDateTime time =
        parseIsoUtc(std::string_view(text.constData(), std::size_t(text.size())));
    QCOMPARE(time.isValid() ? time.toString(Qt::ISODateWithMs) : QString(), expected);
    if (time.isValid())
        QCOMPARE(time.timeSpec(), Qt::UTC);
}

void TestTimeParse::epochTimes_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("seconds") << 1700000000.0 << QStringLiteral("2023-11-14T22:13:20.000Z");
    QTest::newRow("fraction") << 1700000000.123456 << QStringLiteral("2023-11-14T22:13:20.123Z");
    QTest::newRow("negative") << -1.5 << QStringLiteral("1969-12-31T23:59:58.500Z");
    QTest::newRow("nan") << std::nan("") << QString();
    QTest::newRow("too large") << 1e15 << QString();
}

void TestTimeParse::epochTimes() {
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    const QDateTime time = parseEpoch(seconds);
    QCOMPARE(time.isValid() ? time.toString(Qt::ISODateWithMs) : QString(), expected);
}

void TestTimeParse::epochTexts_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("slack ts") << QByteArray("1700000000.123456") << "2023-11-14T22:13:20.123Z";
    QTest::newRow("whole") << QByteArray("1700000000") << "2023-11-14T22:13:20.000Z";
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("comma") << QByteArray("1700000000,5") << QString();
    QTest::newRow("trailing") << QByteArray("1700000000.5x") << QString();
    QTest::newRow("space") << QByteArray(" 1700000000") << QString();
}

void TestTimeParse::epochTexts() {
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    // A German desktop's LC_NUMERIC must not change how a '.' is read (when that locale is
    // installed here).
    const char *saved = std::setlocale(LC_NUMERIC, nullptr);
    const std::string previous = saved ? saved : "C";
    std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    const QDateTime time = parseEpochText(std::string_view(text.constData(), text.size()));
    std::setlocale(LC_NUMERIC, previous.c_str());
    QCOMPARE(time.isValid() ? time.toString(Qt::ISODateWithMs) : QString(), expected);
}

QTEST_GUILESS_MAIN(TestTimeParse)
#include "tst_timeparse.moc"
