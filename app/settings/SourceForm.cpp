// SPDX-License-Identifier: MIT
#include "SourceForm.h"

#include "core/settings/SourceKeyPath.h"
#include "core/settings/SourceTypeKeys.h"

#include <QComboBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace {

using ordered_json = nlohmann::ordered_json;

const char *const secretStores[] = {"keyring", "env", "file"};

QString fieldObjectName(const char *key) {
    return QStringLiteral("field-") + QLatin1String(key);
}

// A field and its help below it, small and grey.
QWidget *withHelp(QWidget *field, const QString &help) {
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(field);
    auto *label = new QLabel(help);
    label->setWordWrap(true);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(label);
    return box;
}

} // namespace

SourceForm::SourceForm(const ordered_json &source, QWidget *parent)
    : QWidget(parent)
    , m_original(source.is_object() ? source : ordered_json::object()) {
    setObjectName(QStringLiteral("sourceForm"));
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString type = QString::fromStdString(m_original.value("type", ""));
    auto *typeLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(sourceTypeTitle(type)));
    typeLabel->setObjectName(QStringLiteral("sourceType"));
    m_form->addRow(QStringLiteral("Type"), typeLabel);
    addKeyRows(m_form);
    addAuthRows(m_form);

    // What the form does not show, as JSON: kept as it is, editable for those who know.
    ordered_json other = ordered_json::object();
    for (auto it = m_original.begin(); it != m_original.end(); ++it) {
        if (it.key() == "type" || it.key() == "auth")
            continue;
        if (it.value().is_object() && it.key() == "fields") {
            ordered_json rest = ordered_json::object();
            for (auto in = it.value().begin(); in != it.value().end(); ++in)
                if (!m_fields.count("fields/" + in.key()))
                    rest[in.key()] = in.value();
            if (!rest.empty())
                other["fields"] = rest;
            continue;
        }
        if (!m_fields.count(it.key()))
            other[it.key()] = it.value();
    }
    m_other = new QPlainTextEdit(other.empty() ? QString() : QString::fromStdString(other.dump(2)));
    m_other->setObjectName(QStringLiteral("field-other"));
    m_other->setPlaceholderText(QStringLiteral("{ } (tls, proxy, values, pagination, write…)"));
    m_other->setMaximumHeight(110);
    connect(m_other, &QPlainTextEdit::textChanged, this, &SourceForm::edited);
    m_form->addRow(QStringLiteral("Other keys"),
                   withHelp(m_other, QStringLiteral("JSON object of the keys not in the form; "
                                                    "see the README")));
}

QLineEdit *SourceForm::lineEdit(const QString &objectName, const QString &text,
                                const QString &hint) {
    auto *edit = new QLineEdit(text);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(hint);
    connect(edit, &QLineEdit::textChanged, this, &SourceForm::edited);
    return edit;
}

void SourceForm::addKeyRows(QFormLayout *form) {
    const QString type = QString::fromStdString(m_original.value("type", ""));
    for (const SourceTypeKey &key : sourceTypeKeys(type)) {
        const ordered_json *value = keyAt(m_original, key.name);
        QWidget *field = nullptr;
        if (key.kind == SourceTypeKey::Kind::Choice || key.kind == SourceTypeKey::Kind::Flag) {
            auto *combo = new QComboBox;
            combo->setObjectName(fieldObjectName(key.name));
            if (!key.required)
                combo->addItem(QStringLiteral("(default: %1)").arg(key.fallback), QString());
            const QStringList choices =
                key.kind == SourceTypeKey::Kind::Flag
                    ? QStringList{QStringLiteral("true"), QStringLiteral("false")}
                    : key.choices;
            for (const QString &choice : choices)
                combo->addItem(choice, choice);
            const QString current = value && value->is_boolean()
                                        ? QLatin1String(value->get<bool>() ? "true" : "false")
                                        : typedText(value);
            const int index = combo->findData(current);
            combo->setCurrentIndex(index >= 0 ? index : 0);
            connect(combo, &QComboBox::currentIndexChanged, this, &SourceForm::edited);
            field = combo;
        } else {
            auto *edit = lineEdit(
                fieldObjectName(key.name), typedText(value),
                key.fallback.isEmpty() ? QString() : QStringLiteral("default: ") + key.fallback);
            if (key.kind == SourceTypeKey::Kind::Number)
                edit->setValidator(new QIntValidator(1, 86400, edit));
            if (key.kind == SourceTypeKey::Kind::List && edit->placeholderText().isEmpty())
                edit->setPlaceholderText(QStringLiteral("comma-separated"));
            field = edit;
        }
        m_fields[key.name] = field;
        const QString label =
            QString::fromLatin1(key.name) + (key.required ? QStringLiteral(" *") : QString());
        form->addRow(label, withHelp(field, key.help));
    }
}

void SourceForm::addAuthRows(QFormLayout *form) {
    const ordered_json auth = m_original.value("auth", ordered_json::object());
    m_authType = new QComboBox;
    m_authType->setObjectName(QStringLiteral("field-auth-type"));
    for (const char *type : {"none", "bearer", "basic", "header", "vendor"})
        m_authType->addItem(QLatin1String(type), QLatin1String(type));
    QString type = QString::fromStdString(auth.value("type", ""));
    if (type.isEmpty())
        type = auth.empty() ? QStringLiteral("none") : QStringLiteral("vendor");
    m_authType->setCurrentIndex(std::max(0, m_authType->findData(type)));
    form->addRow(QStringLiteral("Authentication"),
                 withHelp(m_authType, QStringLiteral("vendor: the service's own header (GenieKey, "
                                                     "PRIVATE-TOKEN…)")));
    m_user = lineEdit(QStringLiteral("field-auth-user"),
                      QString::fromStdString(auth.value("user", "")), QString());
    form->addRow(QStringLiteral("User"), m_user);
    m_header =
        lineEdit(QStringLiteral("field-auth-header"),
                 QString::fromStdString(auth.value("header", "")), QStringLiteral("X-Api-Key"));
    form->addRow(QStringLiteral("Header"), m_header);

    m_secret = lineEdit(QStringLiteral("field-secret"), QString(),
                        QStringLiteral("type it to set or change it"));
    m_secret->setEchoMode(QLineEdit::Password);
    form->addRow(QStringLiteral("Token or password"), m_secret);

    // Where it is kept: what the config names instead of the secret itself.
    m_secretStore = new QComboBox;
    m_secretStore->setObjectName(QStringLiteral("field-secret-store"));
    m_secretStore->addItem(QStringLiteral("the desktop keyring"), QStringLiteral("keyring"));
    m_secretStore->addItem(QStringLiteral("an environment variable"), QStringLiteral("env"));
    m_secretStore->addItem(QStringLiteral("a private file (chmod 600)"), QStringLiteral("file"));
    QString store = QStringLiteral("keyring");
    QString where;
    for (const char *base : {"token", "password"}) {
        for (const char *kind : secretStores) {
            const std::string key = std::string(base) + "_" + kind;
            if (auth.contains(key) && auth[key].is_string()) {
                store = QLatin1String(kind);
                where = QString::fromStdString(auth[key].get<std::string>());
            }
        }
    }
    m_secretStore->setCurrentIndex(std::max(0, m_secretStore->findData(store)));
    m_secretName = lineEdit(QStringLiteral("field-secret-name"), where,
                            QStringLiteral("keyring entry, variable name or file path"));
    auto *storeRow = new QWidget;
    auto *storeLayout = new QHBoxLayout(storeRow);
    storeLayout->setContentsMargins(0, 0, 0, 0);
    storeLayout->addWidget(m_secretStore);
    storeLayout->addWidget(m_secretName, 1);
    form->addRow(QStringLiteral("Kept in"),
                 withHelp(storeRow, QStringLiteral("Never in the config file. Without a keyring "
                                                   "(a kiosk, CI), choose the private file.")));
    connect(m_secretStore, &QComboBox::currentIndexChanged, this, [this]() {
        showAuthRows();
        Q_EMIT edited();
    });
    connect(m_authType, &QComboBox::currentIndexChanged, this, [this]() {
        showAuthRows();
        Q_EMIT edited();
    });
    showAuthRows();
}

void SourceForm::showAuthRows() {
    const QString type = m_authType->currentData().toString();
    const bool secret = type != QLatin1String("none");
    m_form->setRowVisible(m_user, type == QLatin1String("basic"));
    m_form->setRowVisible(m_header, type == QLatin1String("header"));
    m_form->setRowVisible(m_secret, secret);
    m_form->setRowVisible(m_secretStore->parentWidget()->parentWidget(), secret);
    // A variable is set outside dutyboard: a secret typed here could not be kept there.
    m_secret->setEnabled(m_secretStore->currentData() != QLatin1String("env"));
}

QByteArray SourceForm::typedSecret() const {
    const bool used = m_authType->currentData() != QLatin1String("none") && m_secret->isEnabled();
    return used ? m_secret->text().trimmed().toUtf8() : QByteArray();
}

QString SourceForm::secretStore() const {
    return m_secretStore->currentData().toString();
}

ordered_json SourceForm::source(QString *error) const {
    ordered_json result = m_original;
    error->clear();

    ordered_json other = ordered_json::object();
    const QString otherText = m_other->toPlainText().trimmed();
    if (!otherText.isEmpty()) {
        other = ordered_json::parse(otherText.toStdString(), nullptr, false);
        if (other.is_discarded() || !other.is_object()) {
            *error = QStringLiteral("Other keys: expected a JSON object { … }");
            return {};
        }
    }
    // Keys only the JSON box shows: as it says now (removed there, removed here).
    for (const auto &item : m_original.items()) {
        const std::string &key = item.key();
        if (key == "type" || key == "auth" || m_fields.count(key))
            continue;
        if (key == "fields" && item.value().is_object()) {
            for (const auto &in : item.value().items())
                if (!m_fields.count("fields/" + in.key()))
                    setKeyAt(&result, "fields/" + in.key(),
                             keyAt(other, "fields/" + in.key())
                                 ? *keyAt(other, "fields/" + in.key())
                                 : ordered_json());
            continue;
        }
        setKeyAt(&result, key, other.contains(key) ? other[key] : ordered_json());
    }
    for (const auto &item : other.items()) {
        if (item.key() == "fields" && item.value().is_object()) {
            for (const auto &in : item.value().items())
                setKeyAt(&result, "fields/" + in.key(), in.value());
        } else if (!result.contains(item.key())) {
            result[item.key()] = item.value();
        }
    }

    const QString type = QString::fromStdString(m_original.value("type", ""));
    for (const SourceTypeKey &key : sourceTypeKeys(type)) {
        QWidget *field = m_fields.at(key.name);
        QString text;
        if (auto *combo = qobject_cast<QComboBox *>(field))
            text = combo->currentData().toString();
        else
            text = static_cast<QLineEdit *>(field)->text().trimmed();
        if (text.isEmpty()) {
            if (key.required && *error == QString()) {
                *error = QStringLiteral("%1 is required").arg(QLatin1String(key.name));
            }
            // An empty list the file says on purpose ("group_by": [], no grouping) is not the
            // same as no key (the default): it stays.
            const ordered_json *was = keyAt(m_original, key.name);
            const bool emptyList =
                key.kind == SourceTypeKey::Kind::List && was && was->is_array() && was->empty();
            if (!emptyList)
                setKeyAt(&result, key.name, ordered_json());
            continue;
        }
        ordered_json value = text.toStdString();
        if (key.kind == SourceTypeKey::Kind::Number) {
            bool ok = false;
            value = text.toInt(&ok);
            if (!ok) {
                *error = QStringLiteral("%1: expected a number").arg(QLatin1String(key.name));
                return {};
            }
        } else if (key.kind == SourceTypeKey::Kind::Flag) {
            value = text == QLatin1String("true");
        } else if (key.kind == SourceTypeKey::Kind::List || key.kind == SourceTypeKey::Kind::Urls) {
            const QStringList parts = splitTypedList(text);
            value = ordered_json::array();
            for (const QString &part : parts)
                value.push_back(part.toStdString());
            if (key.kind == SourceTypeKey::Kind::Urls && parts.size() == 1)
                value = parts.front().toStdString(); // one URL stays a string
        }
        setKeyAt(&result, key.name, value);
    }

    // Authentication: the original object's order kept, the secret named, never written.
    const QString authType = m_authType->currentData().toString();
    if (authType == QLatin1String("none")) {
        result.erase("auth");
        return result;
    }
    ordered_json auth = m_original.value("auth", ordered_json::object());
    auth["type"] = authType.toStdString();
    setKeyAt(&auth, "user",
             authType == QLatin1String("basic")
                 ? ordered_json(m_user->text().trimmed().toStdString())
                 : ordered_json());
    setKeyAt(&auth, "header",
             authType == QLatin1String("header")
                 ? ordered_json(m_header->text().trimmed().toStdString())
                 : ordered_json());
    const std::string base = authType == QLatin1String("basic") ? "password" : "token";
    for (const char *anyBase : {"token", "password"})
        for (const char *kind : secretStores)
            if (std::string(anyBase) + "_" + kind != base + "_" + secretStore().toStdString())
                auth.erase(std::string(anyBase) + "_" + kind);
    QString where = m_secretName->text().trimmed();
    const std::string name = result.value("name", "");
    if (where.isEmpty() && secretStore() == QLatin1String("keyring"))
        where = QStringLiteral("dutyboard/") + QString::fromStdString(name);
    if (where.isEmpty()) {
        *error =
            QStringLiteral("Kept in: name the %1")
                .arg(secretStore() == QLatin1String("env") ? QStringLiteral("environment variable")
                                                           : QStringLiteral("file"));
        return {};
    }
    auth[base + "_" + secretStore().toStdString()] = where.toStdString();
    result["auth"] = auth;
    return result;
}
