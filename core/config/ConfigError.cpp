// SPDX-License-Identifier: MIT
#include "ConfigError.h"

ConfigError::ConfigError(const QString &pointer, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_pointer(pointer)
    , m_message(message) {}

void ConfigError::setFile(const QString &file) {
    m_file = file;
}

QString ConfigError::describe() const {
    QString where = m_pointer.isEmpty() ? QStringLiteral("at the top level")
                                        : QStringLiteral("at %1").arg(m_pointer);
    if (m_file.isEmpty())
        return QStringLiteral("%1: %2").arg(where, m_message);
    return QStringLiteral("%1: %2: %3").arg(m_file, where, m_message);
}
