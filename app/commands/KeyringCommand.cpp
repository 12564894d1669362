// SPDX-License-Identifier: MIT
#include "KeyringCommand.h"

#include "core/config/Keyring.h"

#include <QByteArray>

#include <termios.h>
#include <unistd.h>

namespace {

// One line from `in`; on a terminal, without echo (restored even when reading fails).
QByteArray readSecretLine(std::FILE *in, std::FILE *err, const QString &entry) {
    const int fd = fileno(in);
    termios saved{};
    const bool terminal = isatty(fd) && tcgetattr(fd, &saved) == 0;
    if (terminal) {
        std::fprintf(err, "secret for %s (not shown): ", qPrintable(entry));
        std::fflush(err);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    for (int c = std::fgetc(in); c != EOF && c != '\n'; c = std::fgetc(in))
        line.append(char(c));
    if (terminal) {
        tcsetattr(fd, TCSAFLUSH, &saved);
        std::fputc('\n', err);
    }
    return line.trimmed();
}

} // namespace

int runKeyringCommand(const QString &command, const QString &entry, std::FILE *in, std::FILE *err) {
    if (command == QLatin1String("delete")) {
        const QString error = deleteKeyring(entry);
        if (!error.isEmpty()) {
            std::fprintf(err, "dutyboard: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(err, "dutyboard: removed %s from the keyring\n", qPrintable(entry));
        return 0;
    }
    QByteArray secret = readSecretLine(in, err, entry);
    if (secret.isEmpty()) {
        std::fprintf(err, "dutyboard: no secret given on stdin; nothing stored\n");
        return 2;
    }
    const QString error = writeKeyring(entry, secret);
    secret.fill('\0'); // no copy left in this process's memory longer than needed
    if (!error.isEmpty()) {
        std::fprintf(err, "dutyboard: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(err,
                 "dutyboard: stored %s in the keyring; in the config: \"auth\": {\"type\": "
                 "\"bearer\", \"token_keyring\": \"%s\"}\n",
                 qPrintable(entry), qPrintable(entry));
    return 0;
}
