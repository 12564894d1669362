// SPDX-License-Identifier: MIT
// Matches every item of one panel against a filter in slices of a few milliseconds, between
// which the event loop runs: typing in the filter bar never waits for 50,000 matches. When the
// panel changes in the middle, the pass starts over; a newer filter replaces an older one.
#pragma once

#include <QObject>

#include <memory>
#include <vector>

class ItemFilter;
class PanelModel;
class QTimer;

class FilterPass final : public QObject {
    Q_OBJECT
public:
    explicit FilterPass(const PanelModel *model, QObject *parent = nullptr);

    // Starts over with `filter` (null: accepts everything, done at once).
    void run(std::shared_ptr<const ItemFilter> filter);
    bool isRunning() const;
    // The longest slice spent matching, since construction (for the benchmark).
    double longestSliceMs() const { return m_longestSliceMs; }

    // How long a slice may run before the event loop gets its turn.
    static constexpr int sliceBudgetMs = 4;

Q_SIGNALS:
    // One verdict per row of the model as it is now (1: shown).
    void finished(std::shared_ptr<const ItemFilter> filter, std::vector<char> verdicts);

private:
    void restart();
    void step();

    const PanelModel *m_model;
    QTimer *m_slice;
    std::shared_ptr<const ItemFilter> m_filter;
    std::vector<char> m_verdicts;
    size_t m_next = 0;
    double m_longestSliceMs = 0;
};
