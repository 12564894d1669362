// SPDX-License-Identifier: MIT
// The sources editor's Test: a button, what the trial fetch said (health in words, or why the
// form is not ready), the first items as a panel would show them, and for a generic source the
// first raw item beside them. Asked for by the button, or once the typing pauses (debounced).
#pragma once

#include "core/settings/SourceTrial.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTimer;

class SourceTrialPanel final : public QWidget {
    Q_OBJECT
public:
    explicit SourceTrialPanel(HttpClient *http, QWidget *parent = nullptr);

    // Asks for a test when the typing pauses; `0`: at the next turn of the event loop.
    void testSoon(int delayMs = -1);
    // Fetches `source` once (`secret`: a typed token, else the one it names).
    void run(const nlohmann::json &source, const QByteArray &secret);
    // The form cannot be tested yet: why.
    void showNotReady(const QString &why);

Q_SIGNALS:
    // The button, or the pause after typing: the owner answers with run() or showNotReady().
    void testRequested();

private:
    void show(const SourceTrialResult &result);

    SourceTrial m_trial;
    QTimer *m_debounce;
    QLabel *m_status;
    QListWidget *m_items;
    QPlainTextEdit *m_raw;
};
