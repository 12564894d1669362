// SPDX-License-Identifier: MIT
// The lean workflow's short forms: pull an andon, resolve it, declare an incident. The submit
// button stays off until the required fields are filled. objectNames for tests and a11y.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// "andon-dialog": project (editable combo "andon-project"), reason ("andon-reason"), submit
// ("andon-submit").
class AndonDialog final : public QDialog {
    Q_OBJECT
public:
    AndonDialog(const QStringList &projects, const QString &raisedBy, QWidget *parent = nullptr);
    QString project() const;
    QString reason() const;

private:
    void update();
    QComboBox *m_project;
    QPlainTextEdit *m_reason;
    QPushButton *m_submit;
    QLabel *m_missing; // "missing-fields": what the submit button waits for
};

// "resolve-andon-dialog": decision ("andon-decision": continue, abandon, new-ve), note
// ("andon-note"), submit ("resolve-submit").
class ResolveAndonDialog final : public QDialog {
    Q_OBJECT
public:
    ResolveAndonDialog(const QString &project, const QString &reason, QWidget *parent = nullptr);
    QString decision() const;
    QString note() const;

private:
    QComboBox *m_decision;
    QPlainTextEdit *m_note;
};

// "declare-incident-dialog": name ("incident-name"), description ("incident-description"),
// severity ("incident-severity": "SEV-1 — critical: …"; severity() says "SEV-1"), customer
// impact ("incident-impact"), submit ("incident-submit").
class DeclareIncidentDialog final : public QDialog {
    Q_OBJECT
public:
    explicit DeclareIncidentDialog(QWidget *parent = nullptr);
    QString name() const;
    QString description() const;
    QString severity() const;
    QString impact() const;

private:
    void update();
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_severity;
    QLineEdit *m_impact;
    QPushButton *m_submit;
    QLabel *m_missing;
};
