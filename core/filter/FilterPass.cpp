// SPDX-License-Identifier: MIT
#include "FilterPass.h"

#include "core/filter/ItemFilter.h"
#include "core/models/PanelModel.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace {
// Rows matched between two looks at the clock.
constexpr size_t rowsPerCheck = 128;
} // namespace

FilterPass::FilterPass(const PanelModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_slice(new QTimer(this)) {
    m_slice->setSingleShot(true);
    m_slice->setInterval(0);
    connect(m_slice, &QTimer::timeout, this, &FilterPass::step);
    // Rows moved under the pass: its verdicts so far no longer line up.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &FilterPass::restart);
    connect(model, &QAbstractItemModel::modelReset, this, &FilterPass::restart);
    connect(model, &QAbstractItemModel::dataChanged, this, &FilterPass::restart);
}

void FilterPass::run(std::shared_ptr<const ItemFilter> filter) {
    m_filter = std::move(filter);
    if (!m_filter) {
        m_slice->stop();
        Q_EMIT finished(nullptr, {});
        return;
    }
    restart();
}

bool FilterPass::isRunning() const {
    return m_slice->isActive();
}

void FilterPass::restart() {
    if (!m_filter)
        return;
    m_verdicts.assign(m_model->items().size(), 0);
    m_next = 0;
    m_slice->start();
}

void FilterPass::step() {
    QElapsedTimer clock;
    clock.start();
    const Items &items = m_model->items();
    const FilterContext context = m_filter->context();
    while (m_next < items.size()) {
        const size_t end = std::min(items.size(), m_next + rowsPerCheck);
        for (; m_next < end; ++m_next)
            m_verdicts[m_next] = m_filter->accepts(items[m_next], context) ? 1 : 0;
        if (clock.nsecsElapsed() >= sliceBudgetMs * qint64(1000000))
            break;
    }
    m_longestSliceMs = std::max(m_longestSliceMs, static_cast<double>(clock.nsecsElapsed()) / 1e6);
    if (m_next < items.size()) {
        m_slice->start();
        return;
    }
    std::shared_ptr<const ItemFilter> filter = std::move(m_filter);
    Q_EMIT finished(std::move(filter), std::move(m_verdicts));
    m_verdicts.clear();
}
