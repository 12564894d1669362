// SPDX-License-Identifier: MIT
// Settings ▸ Sources: the config's sources with their health; Add (from the type), Duplicate,
// Remove and drag to reorder; each edited in a SourceForm and tested as it is typed (debounced)
// through the real connector; Save writes the config file (its other keys and their order kept,
// one backup, atomic) and keeps typed secrets in the desktop keyring, else a private file.
// Never modal: the board stays live behind it.
#pragma once

#include "core/settings/SourceTrial.h"

#include <nlohmann/json.hpp>

#include <QDialog>

#include <functional>

class HttpClient;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class SourceForm;
class SourceHealthModel;

class SourcesDialog final : public QDialog {
    Q_OBJECT
public:
    // `runningSecret`: the secret a running source already has (to test it unchanged).
    SourcesDialog(const QString &configPath, HttpClient *http, const SourceHealthModel *health,
                  std::function<QByteArray(const QString &source)> runningSecret,
                  QWidget *parent = nullptr);

    // Adds a new source of `type` ("alertmanager"…) and shows its form.
    void addSource(const QString &type);

Q_SIGNALS:
    // The file was written: the window reloads it.
    void saved(const QString &configPath);

private:
    void load();
    QListWidgetItem *addForm(const nlohmann::ordered_json &source);
    SourceForm *currentForm() const;
    SourceForm *formOf(const QListWidgetItem *item) const;
    void duplicateCurrent();
    void removeCurrent();
    void formEdited();
    // Each source's name, type and health in the list.
    void showHealth();
    void testNow();
    void showTrial(const SourceTrialResult &result);
    void checkDuplicateUrls();
    void save();
    void keepSecretsThenWrite(nlohmann::ordered_json document, std::vector<SourceForm *> forms);
    void writeDocument(const nlohmann::ordered_json &document, const QString &notes);
    QString uniqueName(const QString &base) const;

    QString m_configPath;
    const SourceHealthModel *m_health;
    std::function<QByteArray(const QString &)> m_runningSecret;
    SourceTrial m_trial;
    QListWidget *m_list;
    QStackedWidget *m_forms;
    QTimer *m_debounce;
    QLabel *m_testStatus;
    QListWidget *m_testItems;
    QPlainTextEdit *m_testRaw;
    QLabel *m_duplicates;
    QLabel *m_saveStatus;
    QPushButton *m_save;
    int m_pendingSecrets = 0;
};
