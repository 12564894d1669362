// SPDX-License-Identifier: MIT
// One source as a form: its type's keys (SourceTypeKeys) with their defaults as placeholders, a
// one-line help each and the required ones marked; how it authenticates and where its secret
// is kept; and its other keys as JSON. It edits the source's config object in place, so keys
// the form does not show, and the order of all of them, survive.
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

#include <map>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

class SourceForm final : public QWidget {
    Q_OBJECT
public:
    // `source`: the object as in the config ("type" decides the form).
    explicit SourceForm(const nlohmann::ordered_json &source, QWidget *parent = nullptr);

    // The object with the form's values; on a mistake (a number that is not one, other keys
    // that are not a JSON object, a required key left empty), `error` says which field.
    nlohmann::ordered_json source(QString *error) const;
    // The secret typed in this session (empty: unchanged, or none).
    QByteArray typedSecret() const;
    // Where the typed secret is to be kept: "keyring", "env" or "file".
    QString secretStore() const;

Q_SIGNALS:
    void edited();

private:
    void addKeyRows(QFormLayout *form);
    void addAuthRows(QFormLayout *form);
    void showAuthRows();
    QLineEdit *lineEdit(const QString &objectName, const QString &text, const QString &hint);

    nlohmann::ordered_json m_original;
    std::map<std::string, QWidget *> m_fields; // key name ("fields/id") -> its editor
    QComboBox *m_authType = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_header = nullptr;
    QLineEdit *m_secret = nullptr;
    QComboBox *m_secretStore = nullptr;
    QLineEdit *m_secretName = nullptr; // the keyring entry, variable name or file path
    QPlainTextEdit *m_other = nullptr;
    QFormLayout *m_form = nullptr;
};
