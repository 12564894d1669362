// SPDX-License-Identifier: MIT
#include "ConfigDocument.h"

#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace {

// QSaveFile writes a temporary file beside `path`, flushes it to disk and renames it over
// `path` on commit(): readers see the old file or the new one, never a part.
QString writeWhole(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace

nlohmann::ordered_json readConfigDocument(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return nullptr;
    }
    const QByteArray text = file.readAll();
    nlohmann::ordered_json document = nlohmann::ordered_json::parse(
        text.constData(), text.constData() + text.size(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        *error = QStringLiteral("%1: not a JSON object").arg(path);
        return nullptr;
    }
    return document;
}

QString saveConfigDocument(const QString &path, const nlohmann::ordered_json &document) {
    const QByteArray text = QByteArray::fromStdString(document.dump(2)) + '\n';
    try {
        parseConfig(text, path);
    } catch (const ConfigError &e) {
        return e.describe();
    }
    QFile old(path);
    if (old.exists()) {
        if (!old.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1: %2").arg(path, old.errorString());
        const QString backup = path + QStringLiteral(".bak");
        if (QString error = writeWhole(backup, old.readAll()); !error.isEmpty())
            return error;
        QFile::setPermissions(backup, old.permissions()); // a private config stays private
    }
    return writeWhole(path, text);
}
