// SPDX-License-Identifier: MIT
// The handover as one self-contained HTML file a person can mail or archive: inline CSS, the
// period's requests per day by triage outcome as an inline SVG chart, no external resource. Pure.
#pragma once

#include "core/handover/HandoverReport.h"

#include <QString>

QString handoverHtml(const HandoverReport &report);
// The chart alone: one stacked bar a day (self-service, toil, bug, project), with a legend.
QString handoverDaysSvg(const std::vector<HistoryDay> &days);
