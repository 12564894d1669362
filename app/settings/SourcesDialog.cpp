// SPDX-License-Identifier: MIT
#include "SourcesDialog.h"

#include "app/settings/SourceForm.h"
#include "app/settings/SourceTrialPanel.h"
#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/config/DuplicateSources.h"
#include "core/config/Keyring.h"
#include "core/models/SourceHealthModel.h"
#include "core/settings/ConfigDocument.h"
#include "core/settings/SourceTypeKeys.h"
#include "core/settings/TypedSecrets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

using ordered_json = nlohmann::ordered_json;

QString healthMark(const SourceHealthModel *health, const QString &name) {
    const SourceInfo *info = health ? health->source(name) : nullptr;
    if (!info)
        return QStringLiteral("○ new");
    switch (info->health.state) {
    case HealthState::Ok:
        return QStringLiteral("● ok");
    case HealthState::Pending:
        return QStringLiteral("○ waiting");
    default:
        return QStringLiteral("▲ ") + info->health.error;
    }
}

} // namespace

SourcesDialog::SourcesDialog(const QString &configPath, HttpClient *http,
                             const SourceHealthModel *health,
                             std::function<QByteArray(const QString &)> runningSecret,
                             QWidget *parent)
    : QDialog(parent)
    , m_configPath(configPath)
    , m_health(health)
    , m_runningSecret(std::move(runningSecret))
    , m_list(new QListWidget)
    , m_forms(new QStackedWidget)
    , m_trial(new SourceTrialPanel(http))
    , m_duplicates(new QLabel)
    , m_saveStatus(new QLabel)
    , m_save(new QPushButton(QStringLiteral("&Save"))) {
    setObjectName(QStringLiteral("sourcesDialog"));
    setWindowTitle(QStringLiteral("Sources — %1").arg(configPath));
    setModal(false);
    resize(1100, 720);

    m_list->setObjectName(QStringLiteral("sourceList"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    auto *add = new QToolButton;
    add->setObjectName(QStringLiteral("addSource"));
    add->setText(QStringLiteral("&Add"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *types = new QMenu(add);
    for (const QString &type : sourceTypes()) {
        QAction *action = types->addAction(sourceTypeTitle(type));
        action->setObjectName(QStringLiteral("add-") + type);
        connect(action, &QAction::triggered, this, [this, type]() { addSource(type); });
    }
    add->setMenu(types);
    auto *duplicate = new QPushButton(QStringLiteral("&Duplicate"));
    duplicate->setObjectName(QStringLiteral("duplicateSource"));
    auto *remove = new QPushButton(QStringLiteral("&Remove"));
    remove->setObjectName(QStringLiteral("removeSource"));
    connect(duplicate, &QPushButton::clicked, this, &SourcesDialog::duplicateCurrent);
    connect(remove, &QPushButton::clicked, this, &SourcesDialog::removeCurrent);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(duplicate);
    listButtons->addWidget(remove);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    leftLayout->addLayout(listButtons);
    m_duplicates->setObjectName(QStringLiteral("duplicateWarning"));
    m_duplicates->setWordWrap(true);
    m_duplicates->setStyleSheet(QStringLiteral("color: #b35c00;"));
    leftLayout->addWidget(m_duplicates);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_forms);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(scroll, 3);
    rightLayout->addWidget(m_trial, 2);

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);

    m_save->setObjectName(QStringLiteral("saveSources"));
    m_saveStatus->setObjectName(QStringLiteral("saveStatus"));
    m_saveStatus->setWordWrap(true);
    auto *close = new QPushButton(QStringLiteral("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_save, &QPushButton::clicked, this, &SourcesDialog::save);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_saveStatus, 1);
    bottom->addWidget(m_save);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    connect(m_trial, &SourceTrialPanel::testRequested, this, &SourcesDialog::testNow);
    if (m_health) // the list says how each source is doing, as the source bar does
        connect(m_health, &SourceHealthModel::healthChanged, this, &SourcesDialog::showHealth);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (SourceForm *form = formOf(item)) {
            m_forms->setCurrentWidget(form);
            m_trial->testSoon(0);
        }
    });
    load();
}

void SourcesDialog::load() {
    QString error;
    const ordered_json document = readConfigDocument(m_configPath, &error);
    if (!error.isEmpty()) {
        m_saveStatus->setText(
            QFileInfo::exists(m_configPath)
                ? error
                : QStringLiteral("No config yet: Save writes %1").arg(m_configPath));
        return;
    }
    for (const ordered_json &source : document.value("sources", ordered_json::array()))
        addForm(source);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    checkDuplicateUrls();
}

QListWidgetItem *SourcesDialog::addForm(const ordered_json &source) {
    auto *form = new SourceForm(source);
    m_forms->addWidget(form);
    auto *item = new QListWidgetItem;
    item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(form)));
    m_list->addItem(item);
    connect(form, &SourceForm::edited, this, &SourcesDialog::formEdited);
    showHealth();
    return item;
}

void SourcesDialog::showHealth() {
    for (int i = 0; i < m_list->count(); ++i) {
        QString error;
        const ordered_json source = formOf(m_list->item(i))->source(&error);
        const QString name = QString::fromStdString(source.value("name", ""));
        const QString type = QString::fromStdString(source.value("type", ""));
        m_list->item(i)->setText(QStringLiteral("%1\n%2 · %3")
                                     .arg(name, sourceTypeTitle(type), healthMark(m_health, name)));
    }
}

SourceForm *SourcesDialog::formOf(const QListWidgetItem *item) const {
    return item ? qobject_cast<SourceForm *>(item->data(Qt::UserRole).value<QObject *>()) : nullptr;
}

SourceForm *SourcesDialog::currentForm() const {
    return formOf(m_list->currentItem());
}

QString SourcesDialog::uniqueName(const QString &base) const {
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i) {
        QString error;
        if (SourceForm *form = formOf(m_list->item(i)))
            names.append(QString::fromStdString(form->source(&error).value("name", "")));
    }
    QString name = base;
    for (int n = 2; names.contains(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

void SourcesDialog::addSource(const QString &type) {
    const ordered_json source = {{"name", uniqueName(type).toStdString()},
                                 {"type", type.toStdString()},
                                 {"url", defaultUrl(type).toStdString()},
                                 {"panel", defaultPanel(type).toStdString()}};
    m_list->setCurrentItem(addForm(source));
    checkDuplicateUrls();
}

void SourcesDialog::duplicateCurrent() {
    SourceForm *form = currentForm();
    if (!form)
        return;
    QString error;
    ordered_json copy = form->source(&error);
    if (!error.isEmpty()) {
        m_saveStatus->setText(QStringLiteral("Fix it before duplicating: ") + error);
        return;
    }
    copy["name"] =
        uniqueName(QString::fromStdString(copy.value("name", "")) + QStringLiteral("-copy"))
            .toStdString();
    m_list->setCurrentItem(addForm(copy));
    checkDuplicateUrls();
}

void SourcesDialog::removeCurrent() {
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    SourceForm *form = formOf(item);
    delete m_list->takeItem(m_list->row(item));
    if (form) {
        m_forms->removeWidget(form);
        form->deleteLater();
    }
    checkDuplicateUrls();
}

void SourcesDialog::formEdited() {
    checkDuplicateUrls();
    showHealth(); // and the name as it is typed
    if (SourceForm *form = currentForm(); form && m_list->currentItem()) {
        QString error;
        form->source(&error);
        if (error.isEmpty())
            m_trial->testSoon(); // tested once the typing pauses
        else
            m_trial->showNotReady(error);
    }
}

void SourcesDialog::testNow() {
    SourceForm *form = currentForm();
    if (!form)
        return;
    QString error;
    const ordered_json source = form->source(&error);
    if (!error.isEmpty()) {
        m_trial->showNotReady(error);
        return;
    }
    QByteArray secret = form->typedSecret();
    if (secret.isEmpty() && m_runningSecret)
        secret = m_runningSecret(QString::fromStdString(source.value("name", "")));
    m_trial->run(nlohmann::json::parse(source.dump()), secret);
}

void SourcesDialog::checkDuplicateUrls() {
    // The sources as dutyboard reads them (those the form can read yet), for the same warnings
    // as at start.
    std::vector<SourceConfig> sources;
    for (int i = 0; i < m_list->count(); ++i) {
        QString error;
        const ordered_json source = formOf(m_list->item(i))->source(&error);
        const ordered_json document = {{"sources", ordered_json::array({source})}};
        try {
            sources.push_back(
                parseConfig(QByteArray::fromStdString(document.dump()), QString()).sources.front());
        } catch (const ConfigError &) {
        }
    }
    const QStringList warnings = duplicateSourceWarnings(sources);
    m_duplicates->setText(warnings.join(QLatin1Char('\n')));
    m_duplicates->setVisible(!warnings.isEmpty());
}

void SourcesDialog::save() {
    QString error;
    ordered_json document = readConfigDocument(m_configPath, &error);
    if (!QFileInfo::exists(m_configPath))
        document = ordered_json::object();
    else if (!error.isEmpty()) {
        m_saveStatus->setText(QStringLiteral("Not saved: ") + error);
        return;
    }
    ordered_json sources = ordered_json::array();
    std::vector<TypedSecret> secrets;
    for (int i = 0; i < m_list->count(); ++i) {
        SourceForm *form = formOf(m_list->item(i));
        QString formError;
        ordered_json source = form->source(&formError);
        if (!formError.isEmpty()) {
            m_list->setCurrentRow(i);
            m_saveStatus->setText(
                QStringLiteral("Not saved: %1: %2")
                    .arg(QString::fromStdString(source.value("name", "")), formError));
            return;
        }
        sources.push_back(std::move(source));
        if (const QByteArray secret = form->typedSecret(); !secret.isEmpty())
            secrets.push_back({static_cast<size_t>(i), secret});
    }
    document["sources"] = std::move(sources);
    m_save->setEnabled(false);
    // The secrets first: the config names them only once they are kept.
    keepTypedSecrets(std::move(document), secrets, this,
                     [this](const ordered_json &kept, const std::vector<PrivateSecretFile> &files,
                            const QString &notes) { writeDocument(kept, files, notes); });
}

void SourcesDialog::writeDocument(const ordered_json &document,
                                  const std::vector<PrivateSecretFile> &files,
                                  const QString &notes) {
    // Off the UI thread: a slow disk never freezes the board.
    QPointer<SourcesDialog> self(this);
    const QString path = m_configPath;
    QThreadPool::globalInstance()->start([self, path, document, files, notes]() {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QString error;
        for (const PrivateSecretFile &file : files) // before the config that names them
            if (error.isEmpty())
                error = writePrivateSecretFile(file.path, file.secret);
        if (error.isEmpty())
            error = saveConfigDocument(path, document);
        QMetaObject::invokeMethod(
            qApp,
            [self, path, error, notes]() {
                if (!self)
                    return;
                self->m_save->setEnabled(true);
                if (!error.isEmpty()) {
                    self->m_saveStatus->setText(QStringLiteral("Not saved: ") + error);
                    return;
                }
                self->m_saveStatus->setText(
                    QStringLiteral("Saved %1 (the previous file is %1.bak). %2").arg(path, notes));
                Q_EMIT self->saved(path);
            },
            Qt::QueuedConnection);
    });
}
