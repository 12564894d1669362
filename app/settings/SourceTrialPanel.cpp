// SPDX-License-Identifier: MIT
#include "SourceTrialPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int debounceMs = 800;
constexpr int shownItems = 5; // SourceTrial's first items

// One line per item, as a panel shows it: severity, title, state.
QString itemLine(const Item &item) {
    QString line = item.title;
    if (item.kind == ItemKind::Incident || item.kind == ItemKind::Bug)
        line = QStringLiteral("[%1] ").arg(item.severity.label()) + line;
    if (!item.state.isEmpty())
        line += QStringLiteral(" · ") + item.state;
    if (!item.id.isEmpty())
        line += QStringLiteral(" · id ") + item.id;
    return line;
}

} // namespace

SourceTrialPanel::SourceTrialPanel(HttpClient *http, QWidget *parent)
    : QWidget(parent)
    , m_trial(http)
    , m_debounce(new QTimer(this))
    , m_status(new QLabel)
    , m_items(new QListWidget)
    , m_raw(new QPlainTextEdit) {
    auto *test = new QPushButton(QStringLiteral("&Test"));
    test->setObjectName(QStringLiteral("testSource"));
    connect(test, &QPushButton::clicked, this, &SourceTrialPanel::testRequested);
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_items->setObjectName(QStringLiteral("testItems"));
    m_raw->setObjectName(QStringLiteral("testRaw"));
    m_raw->setReadOnly(true);
    m_raw->setPlaceholderText(QStringLiteral("The first item as the API sends it"));
    auto *header = new QHBoxLayout;
    header->addWidget(test);
    header->addWidget(m_status, 1);
    auto *results = new QHBoxLayout;
    results->addWidget(m_items, 1);
    results->addWidget(m_raw, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(results, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SourceTrialPanel::testRequested);
    connect(&m_trial, &SourceTrial::finished, this, &SourceTrialPanel::show);
}

void SourceTrialPanel::testSoon(int delayMs) {
    m_debounce->start(delayMs < 0 ? debounceMs : delayMs);
}

void SourceTrialPanel::run(const nlohmann::json &source, const QByteArray &secret) {
    m_status->setText(QStringLiteral("Testing…"));
    m_trial.run(source, secret);
}

void SourceTrialPanel::showNotReady(const QString &why) {
    m_debounce->stop();
    m_status->setText(QStringLiteral("Not ready: ") + why);
}

void SourceTrialPanel::show(const SourceTrialResult &result) {
    m_items->clear();
    m_raw->setPlainText(result.rawItem);
    m_raw->setVisible(!result.rawItem.isEmpty());
    if (!result.configError.isEmpty()) {
        m_status->setText(QStringLiteral("Not valid: ") + result.configError);
        return;
    }
    if (!result.ok) {
        m_status->setText(QStringLiteral("▲ Failed: ") + result.error);
        return;
    }
    m_status->setText(QStringLiteral("● OK · %1 item%2%3")
                          .arg(result.count)
                          .arg(result.count == 1 ? QString() : QStringLiteral("s"))
                          .arg(result.count > shownItems ? QStringLiteral(" (the first five below)")
                                                         : QString()));
    for (const Item &item : result.first)
        m_items->addItem(itemLine(item));
}
