// SPDX-License-Identifier: MIT
#include "WriteAction.h"

QString writeKindName(WriteKind kind) {
    switch (kind) {
    case WriteKind::CreateBug:
        return QStringLiteral("create-bug");
    case WriteKind::CreateIncident:
        return QStringLiteral("create-incident");
    case WriteKind::CreateCard:
        return QStringLiteral("create-card");
    case WriteKind::Reply:
        return QStringLiteral("reply");
    case WriteKind::React:
        return QStringLiteral("react");
    case WriteKind::RaiseAndon:
        return QStringLiteral("raise-andon");
    case WriteKind::ResolveAndon:
        return QStringLiteral("resolve-andon");
    case WriteKind::CreateSilence:
        return QStringLiteral("create-silence");
    case WriteKind::Acknowledge:
        return QStringLiteral("acknowledge");
    case WriteKind::Release:
        return QStringLiteral("release");
    case WriteKind::Handover:
        return QStringLiteral("handover");
    }
    return QStringLiteral("unknown");
}

QString oneLineTitle(const QString &title, int maxChars) {
    QString line = title.simplified();
    if (line.size() > maxChars)
        line = line.left(maxChars - 1) + QChar(0x2026);
    return line;
}
