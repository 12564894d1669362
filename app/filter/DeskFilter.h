// SPDX-License-Identifier: MIT
// The filter bar on the desk window (Ctrl+F or /): what is typed becomes a filter over every
// panel at once, a moment after the last keystroke, matched in slices (FilterPass) so typing
// never waits on 50,000 items. Text that is not a filter says why in the bar, and the panels
// keep the last good one. The filter in use and the saved ones outlive restarts (SavedFilters).
#pragma once

#include "core/filter/ItemFilter.h"

#include <QObject>

#include <array>
#include <functional>
#include <memory>

class Board;
class FilterBar;
class FilterPass;
class MainWindow;
class OnDuty;
class PanelSortProxy;
class QAction;
class QTimer;
class SavedFilters;

class DeskFilter final : public QObject {
    Q_OBJECT
public:
    // Adds the bar to `window` and "action-filter" to its View menu. "me" is `onDuty`'s
    // acting person; `saved` (owned by the caller) keeps the filters. Each must outlive it.
    DeskFilter(MainWindow *window, Board *board, const OnDuty *onDuty, SavedFilters *saved);

    FilterBar *bar() const { return m_bar; }
    QAction *action() const { return m_action; }
    // The filter the panels apply now (null: none).
    const std::shared_ptr<const ItemFilter> &filter() const { return m_filter; }
    // Who owns an item now (the lean workflow's ownerships); unset: the source's word.
    void setOwnerOf(std::function<QString(const Item &)> ownerOf);

    // How long after the last keystroke the filter is applied.
    static constexpr int debounceMs = 150;

public Q_SLOTS:
    // Applies the bar's text and toggles now (the debounce calls it).
    void apply();
    // Owners changed: a filter on owners is matched again.
    void ownersChanged();
    // Saves the bar's text under `name` (the Save… button asks for one).
    void saveAs(const QString &name);

Q_SIGNALS:
    // Every panel shows the filter last applied.
    void applied();

private:
    void restore();
    void askName();
    void chooseSaved(const QString &name);
    void passFinished(size_t panel, std::shared_ptr<const ItemFilter> filter,
                      std::vector<char> verdicts);
    void updateMessage();

    static constexpr size_t panelCount = 4;
    MainWindow *m_window;
    Board *m_board;
    const OnDuty *m_onDuty;
    SavedFilters *m_saved;
    FilterBar *m_bar;
    QAction *m_action;
    QTimer *m_debounce;
    QTimer *m_ageTick;
    std::array<PanelSortProxy *, panelCount> m_proxies{};
    std::array<FilterPass *, panelCount> m_passes{};
    std::array<int, panelCount> m_total{};
    std::shared_ptr<const ItemFilter> m_filter;
    std::shared_ptr<const ItemFilter> m_pending; // being matched
    size_t m_passesLeft = 0;
    // Shared with the filters handed out, so one made before setOwnerOf() reads the new one.
    std::shared_ptr<std::function<QString(const Item &)>> m_ownerOf;
};
