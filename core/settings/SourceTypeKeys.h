// SPDX-License-Identifier: MIT
// The keys each source type takes, with their defaults and a one-line help: what the sources
// editor shows as a form. The connectors check the values (their errors name the key); this is
// only the list a person picks from, kept beside the README's reference.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

struct SourceTypeKey {
    // Urls: one URL, or several comma-separated (an Alertmanager cluster's replicas).
    enum class Kind { Text, Number, Flag, List, Choice, Urls };
    const char *name; // a key of the source's object; "fields/id": "id" in its "fields" object
    Kind kind;
    bool required;
    QString fallback; // shown as the placeholder: what an empty field means
    QString help;
    QStringList choices; // Kind::Choice
};

// "alertmanager", "jira"… in the order the editor offers them.
QStringList sourceTypes();
// What a person reads in the type list: "Alertmanager", "incident.io"…
QString sourceTypeTitle(const QString &type);
// Keys common to every type (name, url, panel, interval…), then the type's own, in form order.
// Auth is not among them: the editor has its own fields for the secret. Empty for an unknown type.
std::vector<SourceTypeKey> sourceTypeKeys(const QString &type);
// The panel a new source of `type` goes to ("incidents" for Alertmanager…).
QString defaultPanel(const QString &type);
// The URL a new source of `type` starts with ("https://api.pagerduty.com"), empty for self-hosted.
QString defaultUrl(const QString &type);
