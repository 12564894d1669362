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
    }
    return QStringLiteral("unknown");
}
