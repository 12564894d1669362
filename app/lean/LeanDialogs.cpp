// SPDX-License-Identifier: MIT
#include "LeanDialogs.h"

#include "widgets/Theme.h"

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

// Says next to the disabled submit button what it waits for ("Needs a project and a reason").
QLabel *missingHint(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("missing-fields"));
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }").arg(Theme::staleColor().darker(150).name()));
    return label;
}

void showMissing(QLabel *hint, const QStringList &missing) {
    hint->setText(missing.isEmpty()
                      ? QString()
                      : QStringLiteral("Needs %1").arg(missing.join(QStringLiteral(" and "))));
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
    // The same red as the ANDON button: this is the button that stops a project.
    // Same style enabled or not, so the size never changes (bold text in a button sized for
    // plain text gets cut); pale until the form is complete.
    m_submit->setStyleSheet(
        QStringLiteral("QPushButton { background: %1; color: white; font-weight: bold;"
                       " border: 1px solid %2; border-radius: 4px; padding: 5px 14px; }"
                       "QPushButton:disabled { background: %3; color: #fafafa; border-color: %3; }")
            .arg(Theme::andonColor().name(), Theme::andonColor().darker(130).name(),
                 Theme::mix(Theme::andonColor(), Qt::white, 0.6).name()));
    m_missing = missingHint(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro(QStringLiteral("Anyone can halt a project when in doubt. Everyone sees "
                                           "the halt at once; it stays until someone decides: "
                                           "continue, abandon or new value engineering."),
                            this));
    layout->addLayout(form);
    layout->addWidget(m_missing);
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
    QStringList missing;
    if (project().isEmpty())
        missing.append(QStringLiteral("a project"));
    if (reason().isEmpty())
        missing.append(QStringLiteral("a reason"));
    showMissing(m_missing, missing);
    m_submit->setEnabled(missing.isEmpty());
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
    m_name->setPlaceholderText(
        QStringLiteral("required, e.g. \u201CStaging: Kubernetes cluster 3 is misbehaving\u201D"));
    m_severity->setObjectName(QStringLiteral("incident-severity"));
    // What each level means, in the list itself: no one looks it up at 3 a.m.
    const std::pair<const char *, const char *> levels[] = {
        {"SEV-1", "critical: customers cannot work"},
        {"SEV-2", "major: a key feature is down or degraded"},
        {"SEV-3", "minor: limited impact, a workaround exists"},
        {"SEV-4", "low: no customer impact yet"}};
    for (const auto &[label, meaning] : levels)
        m_severity->addItem(
            QStringLiteral("%1 \u2014 %2").arg(QLatin1String(label), QLatin1String(meaning)),
            QLatin1String(label));
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
    m_missing = missingHint(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro(QStringLiteral("Incidents are quality problems: anyone declares them. "
                                           "Two fields are enough: a name and a description."),
                            this));
    layout->addLayout(form);
    layout->addWidget(m_missing);
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
    return m_severity->currentData().toString();
}
QString DeclareIncidentDialog::impact() const {
    return m_impact->text().trimmed();
}

void DeclareIncidentDialog::update() {
    QStringList missing;
    if (name().isEmpty())
        missing.append(QStringLiteral("a name"));
    if (description().isEmpty())
        missing.append(QStringLiteral("a description"));
    showMissing(m_missing, missing);
    m_submit->setEnabled(missing.isEmpty());
}
