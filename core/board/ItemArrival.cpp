// SPDX-License-Identifier: MIT
#include "ItemArrival.h"

#include "core/models/SourceHealthModel.h"

bool isArrival(const SourceHealthModel &health, const QString &source) {
    const SourceInfo *info = health.source(source);
    return info && info->health.lastSuccess.isValid();
}
