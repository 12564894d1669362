// SPDX-License-Identifier: MIT
#include "DuplicateSources.h"

#include <QSet>

namespace {

// "http://am:9093/" and "http://am:9093" are the same server.
QByteArray sameServerKey(QByteArray url) {
    while (url.endsWith('/'))
        url.chop(1);
    return url.toLower();
}

QSet<QByteArray> serverKeys(const SourceConfig &source) {
    QSet<QByteArray> keys;
    for (const QByteArray &url : source.replicaUrls())
        keys.insert(sameServerKey(url));
    return keys;
}

bool isAlertmanager(const SourceConfig &source) {
    return source.type == QLatin1String("alertmanager");
}

// The first URL (in `a`'s order) that `b` reads too; empty when none.
QByteArray sharedUrl(const SourceConfig &a, const SourceConfig &b) {
    const QSet<QByteArray> theirs = serverKeys(b);
    for (const QByteArray &url : a.replicaUrls()) {
        if (theirs.contains(sameServerKey(url)))
            return url;
    }
    return {};
}

// "filter" as a list: a single matcher string is the list of it.
nlohmann::json filterOf(const SourceConfig &source) {
    const nlohmann::json filter =
        source.raw.is_object() ? source.raw.value("filter", nlohmann::json()) : nlohmann::json();
    return filter.is_string() ? nlohmann::json::array({filter}) : filter;
}

bool readsTheSameAlerts(const SourceConfig &a, const SourceConfig &b) {
    return isAlertmanager(a) && isAlertmanager(b) && serverKeys(a) == serverKeys(b) &&
           filterOf(a) == filterOf(b) &&
           (a.panel == ItemKind::Andon) == (b.panel == ItemKind::Andon) &&
           a.andonsElsewhere == b.andonsElsewhere;
}

bool splitsAndons(const SourceConfig &a, const SourceConfig &b) {
    return (a.andonsElsewhere && b.panel == ItemKind::Andon) ||
           (b.andonsElsewhere && a.panel == ItemKind::Andon);
}

} // namespace

QStringList duplicateSourceWarnings(const std::vector<SourceConfig> &sources) {
    QStringList warnings;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        for (std::size_t j = i + 1; j < sources.size(); ++j) {
            const SourceConfig &a = sources[i];
            const SourceConfig &b = sources[j];
            const QByteArray url = sharedUrl(a, b);
            if (url.isEmpty())
                continue;
            QString warning = QStringLiteral("sources \"%1\" and \"%2\" read the same URL %3")
                                  .arg(a.name, b.name, QString::fromUtf8(url));
            if (b.repeats == a.name) {
                warning += QStringLiteral(": \"%1\" shows each of their alerts once, \"%2\" none")
                               .arg(a.name, b.name);
            } else if (isAlertmanager(a) && isAlertmanager(b) && splitsAndons(a, b)) {
                const SourceConfig &andons = a.panel == ItemKind::Andon ? a : b;
                const SourceConfig &other = a.panel == ItemKind::Andon ? b : a;
                warning += QStringLiteral(": \"%1\" shows its andons, \"%2\" the other alerts")
                               .arg(andons.name, other.name);
            } else {
                warning += QStringLiteral(": an item they both read may show twice; "
                                          "one source per server is enough");
            }
            warnings.append(warning);
        }
    }
    return warnings;
}

void showEachAlertOnce(std::vector<SourceConfig> *sources) {
    for (SourceConfig &source : *sources) {
        if (!isAlertmanager(source) || source.panel == ItemKind::Andon)
            continue;
        const QSet<QByteArray> servers = serverKeys(source);
        for (const SourceConfig &other : *sources) {
            if (&other != &source && isAlertmanager(other) && other.panel == ItemKind::Andon &&
                serverKeys(other) == servers)
                source.andonsElsewhere = true;
        }
    }
    for (std::size_t i = 0; i < sources->size(); ++i) {
        SourceConfig &later = (*sources)[i];
        for (std::size_t j = 0; j < i && later.repeats.isEmpty(); ++j) {
            if (readsTheSameAlerts((*sources)[j], later))
                later.repeats = (*sources)[j].name;
        }
    }
}
