// SPDX-License-Identifier: MIT
// Settings ▸ Sources: the config's sources with their health; Add (from the type), Duplicate,
// Remove and drag to reorder; each edited in a SourceForm and tested as it is typed (debounced)
// through the real connector; Save writes the config file (its other keys and their order kept,
// one backup, atomic) and keeps typed secrets in the desktop keyring, else a private file.
// Never modal: the board stays live behind it.
#pragma once

#include "core/settings/TypedSecrets.h"

#include <nlohmann/json.hpp>

#include <QDialog>

#include <functional>

class HttpClient;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class SourceForm;
class SourceHealthModel;
class SourceTrialPanel;

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
    void checkDuplicateUrls();
    void save();
    // The private secret files, then the config, written off the UI thread.
    void writeDocument(const nlohmann::ordered_json &document,
                       const std::vector<PrivateSecretFile> &files, const QString &notes);
    QString uniqueName(const QString &base) const;

    QString m_configPath;
    const SourceHealthModel *m_health;
    std::function<QByteArray(const QString &)> m_runningSecret;
    QListWidget *m_list;
    QStackedWidget *m_forms;
    SourceTrialPanel *m_trial;
    QLabel *m_duplicates;
    QLabel *m_saveStatus;
    QPushButton *m_save;
};
