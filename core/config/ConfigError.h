// SPDX-License-Identifier: MIT
// A configuration mistake, said precisely: which file, where in the JSON, what was expected.
#pragma once

#include <QString>

#include <stdexcept>

class ConfigError : public std::runtime_error {
public:
    ConfigError(const QString &pointer, const QString &message);

    QString pointer() const { return m_pointer; } // JSON pointer, e.g. "/sources/2/url"
    QString message() const { return m_message; }
    QString file() const { return m_file; }
    void setFile(const QString &file);
    // "FILE: at /sources/2/url: expected a string" (the file part only when known).
    QString describe() const;

private:
    QString m_pointer;
    QString m_message;
    QString m_file;
};

// Runs `read` and returns what it returns, naming `file` in the ConfigError it may throw.
template <typename Read> auto inConfigFile(const QString &file, Read read) {
    try {
        return read();
    } catch (ConfigError &e) {
        e.setFile(file);
        throw;
    }
}
