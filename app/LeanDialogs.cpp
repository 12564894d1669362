// SPDX-License-Identifier: MIT
#include "LeanDialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QPlainTextEdit *textBox(const QString &name, const QString &placeholder, QWidget *parent) {
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    return edit;
}

// OK / Cancel with our words on the OK button.
QDialogButtonBox *buttons(QDialog *dialog, const QString &okText, const QString &okName) {
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = box->button(QDialogButtonBox::Ok);
    ok->setText(okText);
    ok->setObjectName(okName);
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

QLabel *intro(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

AndonDialog::AndonDialog(const QStringList &projects, const QString &raisedBy, QWidget *parent)
    : QDialog(parent)
    , m_project(new QComboBox(this))
    , m_reason(textBox(QStringLiteral("andon-reason"),
                       QStringLiteral("What made you stop? (required)"), this)) {
    setObjectName(QStringLiteral("andon-dialog"));
    setWindowTitle(QStringLiteral("Pull the andon"));
    m_project->setObjectName(QStringLiteral("andon-project"));
    m_project->setEditable(true);
    m_project->addItems(projects);
    m_project->setCurrentIndex(-1);
    m_project->lineEdit()->setPlaceholderText(QStringLiteral("project name (required)"));
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Project"), m_project);
    form->addRow(QStringLiteral("&Reason"), m_reason);
    form->addRow(QStringLiteral("Raised by"), new QLabel(raisedBy, this));
    QDialogButtonBox *box =
        buttons(this, QStringLiteral("Stop the project"), QStringLiteral("andon-submit"));
    m_submit = box->button(QDialogButtonBox::Ok);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro(QStringLiteral("Anyone can halt a project when in doubt. Everyone sees "
                                           "the halt at once; it stays until someone decides: "
                                           "continue, abandon or new value engineering."),
                            this));
    layout->addLayout(form);
    layout->addWidget(box);
    connect(m_project, &QComboBox::currentTextChanged, this, &AndonDialog::update);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &AndonDialog::update);
    update();
    resize(480, sizeHint().height());
}

QString AndonDialog::project() const {
    return m_project->currentText().trimmed();
}

QString AndonDialog::reason() const {
    return m_reason->toPlainText().trimmed();
}

void AndonDialog::update() {
    m_submit->setEnabled(!project().isEmpty() && !reason().isEmpty());
}

ResolveAndonDialog::ResolveAndonDialog(const QString &project, const QString &reason,
                                       QWidget *parent)
    : QDialog(parent)
    , m_decision(new QComboBox(this))
    , m_note(textBox(QStringLiteral("andon-note"), QStringLiteral("Why this decision (optional)"),
                     this)) {
    setObjectName(QStringLiteral("resolve-andon-dialog"));
    setWindowTitle(QStringLiteral("Resolve the andon on %1").arg(project));
    m_decision->setObjectName(QStringLiteral("andon-decision"));
    m_decision->addItem(QStringLiteral("Continue the project"), QStringLiteral("continue"));
    m_decision->addItem(QStringLiteral("Abandon the project"), QStringLiteral("abandon"));
    m_decision->addItem(QStringLiteral("New value engineering"), QStringLiteral("new-ve"));
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Halted for"), intro(reason, this));
    form->addRow(QStringLiteral("&Decision"), m_decision);
    form->addRow(QStringLiteral("&Note"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons(this, QStringLiteral("Resolve"), QStringLiteral("resolve-submit")));
    resize(480, sizeHint().height());
}

QString ResolveAndonDialog::decision() const {
    return m_decision->currentData().toString();
}

QString ResolveAndonDialog::note() const {
    return m_note->toPlainText().trimmed();
}

DeclareIncidentDialog::DeclareIncidentDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_description(textBox(QStringLiteral("incident-description"),
                            QStringLiteral("What is happening, what you see (required)"), this))
    , m_severity(new QComboBox(this))
    , m_impact(new QLineEdit(this)) {
    setObjectName(QStringLiteral("declare-incident-dialog"));
    setWindowTitle(QStringLiteral("Declare an incident"));
    m_name->setObjectName(QStringLiteral("incident-name"));
    m_name->setPlaceholderText(QStringLiteral("Staging: Kubernetes cluster 3 is misbehaving"));
    m_severity->setObjectName(QStringLiteral("incident-severity"));
    for (const char *sev : {"SEV-1", "SEV-2", "SEV-3", "SEV-4"})
        m_severity->addItem(QLatin1String(sev));
    m_severity->setCurrentIndex(2);
    m_impact->setObjectName(QStringLiteral("incident-impact"));
    m_impact->setPlaceholderText(QStringLiteral("optional"));
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Name"), m_name);
    form->addRow(QStringLiteral("&Description"), m_description);
    form->addRow(QStringLiteral("&Severity"), m_severity);
    form->addRow(QStringLiteral("Customer &impact"), m_impact);
    QDialogButtonBox *box =
        buttons(this, QStringLiteral("Declare"), QStringLiteral("incident-submit"));
    m_submit = box->button(QDialogButtonBox::Ok);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro(QStringLiteral("Incidents are quality problems: anyone declares them. "
                                           "Two fields are enough."),
                            this));
    layout->addLayout(form);
    layout->addWidget(box);
    connect(m_name, &QLineEdit::textChanged, this, &DeclareIncidentDialog::update);
    connect(m_description, &QPlainTextEdit::textChanged, this, &DeclareIncidentDialog::update);
    update();
    resize(520, sizeHint().height());
}

QString DeclareIncidentDialog::name() const {
    return m_name->text().trimmed();
}
QString DeclareIncidentDialog::description() const {
    return m_description->toPlainText().trimmed();
}
QString DeclareIncidentDialog::severity() const {
    return m_severity->currentText();
}
QString DeclareIncidentDialog::impact() const {
    return m_impact->text().trimmed();
}

void DeclareIncidentDialog::update() {
    m_submit->setEnabled(!name().isEmpty() && !description().isEmpty());
}
