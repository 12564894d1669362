// SPDX-License-Identifier: MIT
#include "DeskFilter.h"

#include "app/MainWindow.h"
#include "core/board/Board.h"
#include "core/filter/FilterPass.h"
#include "core/filter/SavedFilters.h"
#include "core/lean/OnDuty.h"
#include "core/models/PanelSortProxy.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"
#include "widgets/filter/FilterBar.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QTimer>

namespace {

constexpr ItemKind panelKinds[] = {ItemKind::Incident, ItemKind::Andon, ItemKind::Request,
                                   ItemKind::Bug};
// Ages move by the minute: a filter on age is matched again as often.
constexpr int ageTickMs = 60 * 1000;

} // namespace

DeskFilter::DeskFilter(MainWindow *window, Board *board, const OnDuty *onDuty, SavedFilters *saved)
    : QObject(window)
    , m_window(window)
    , m_board(board)
    , m_onDuty(onDuty)
    , m_saved(saved)
    , m_bar(new FilterBar(window))
    , m_action(window->viewMenu()->addAction(QStringLiteral("&Filter\u2026")))
    , m_debounce(new QTimer(this))
    , m_ageTick(new QTimer(this))
    , m_ownerOf(std::make_shared<std::function<QString(const Item &)>>()) {
    m_bar->hide();
    window->addBanner(m_bar);
    m_action->setObjectName(QStringLiteral("action-filter"));
    m_action->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_F), QKeySequence(Qt::Key_Slash)});
    connect(m_action, &QAction::triggered, m_bar, &FilterBar::open);

    for (size_t i = 0; i < panelCount; ++i) {
        m_proxies[i] = window->boardView()->panelView(panelKinds[i])->proxy();
        m_passes[i] = new FilterPass(board->panel(panelKinds[i]), this);
        connect(m_passes[i], &FilterPass::finished, this,
                [this, i](std::shared_ptr<const ItemFilter> filter, std::vector<char> verdicts) {
                    passFinished(i, std::move(filter), std::move(verdicts));
                });
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_proxies[i], signal, this, &DeskFilter::updateMessage);
    }

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DeskFilter::apply);
    connect(m_bar, &FilterBar::edited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_bar, &FilterBar::closed, this, &DeskFilter::apply);
    connect(m_bar, &FilterBar::saveRequested, this, &DeskFilter::askName);
    connect(m_bar, &FilterBar::savedChosen, this, &DeskFilter::chooseSaved);
    m_ageTick->setInterval(ageTickMs);
    connect(m_ageTick, &QTimer::timeout, this, [this] {
        if (m_filter && m_filter->usesAge())
            ownersChanged();
    });
    m_ageTick->start();
    connect(onDuty, &OnDuty::changed, this, &DeskFilter::ownersChanged);

    connect(saved, &SavedFilters::namesChanged, m_bar,
            [this] { m_bar->setSavedNames(m_saved->names()); });
    connect(saved, &SavedFilters::loaded, this, &DeskFilter::restore);
    if (saved->isLoaded())
        restore();
}

void DeskFilter::setOwnerOf(std::function<QString(const Item &)> ownerOf) {
    *m_ownerOf = std::move(ownerOf);
    ownersChanged();
}

void DeskFilter::restore() {
    m_bar->setSavedNames(m_saved->names());
    if (m_saved->text().isEmpty() && !m_saved->toggles().any())
        return;
    m_bar->setFilter(m_saved->text(), m_saved->toggles());
    m_bar->show();
    apply();
}

void DeskFilter::apply() {
    m_debounce->stop();
    FilterError error;
    FilterQuery query = FilterQuery::parse(m_bar->text(), &error);
    if (error.isError()) {
        m_bar->setMessage(QStringLiteral("%1, at character %2. The panels keep the last "
                                         "filter that worked.")
                              .arg(error.message)
                              .arg(error.position + 1),
                          true);
        return;
    }
    m_saved->setCurrent(m_bar->text(), m_bar->toggles());
    // The context is read from what outlives the proxies that hold the filter.
    auto filter = std::make_shared<const ItemFilter>(
        std::move(query), m_bar->toggles(),
        [onDuty = m_onDuty, clock = &m_board->clock(), ownerOf = m_ownerOf]() {
            return FilterContext{onDuty->actingPerson(), clock->now(), *ownerOf};
        });
    if (!filter->isActive())
        filter.reset();
    m_pending = filter;
    m_passesLeft = panelCount;
    m_bar->setMessage(QStringLiteral("Filtering\u2026"), false);
    for (FilterPass *pass : m_passes)
        pass->run(filter);
}

void DeskFilter::ownersChanged() {
    if (!m_filter || m_passesLeft > 0)
        return;
    if (!m_filter->usesOwner() && !m_filter->usesAge())
        return;
    m_pending = m_filter;
    m_passesLeft = panelCount;
    for (FilterPass *pass : m_passes)
        pass->run(m_filter);
}

void DeskFilter::passFinished(size_t panel, std::shared_ptr<const ItemFilter> filter,
                              std::vector<char> verdicts) {
    if (filter != m_pending || m_passesLeft == 0)
        return; // an older filter's pass
    m_proxies[panel]->setItemFilter(std::move(filter), std::move(verdicts));
    if (--m_passesLeft > 0)
        return;
    m_filter = m_pending;
    updateMessage();
    Q_EMIT applied();
}

void DeskFilter::updateMessage() {
    if (m_passesLeft > 0 || m_bar->isHidden())
        return;
    int shown = 0;
    int hidden = 0;
    for (PanelSortProxy *proxy : m_proxies) {
        shown += proxy->rowCount();
        hidden += proxy->hiddenCount();
    }
    m_bar->setMessage(m_filter ? QStringLiteral("Showing %L1 of %L2 items: the filter hides %L3.")
                                     .arg(shown)
                                     .arg(shown + hidden)
                                     .arg(hidden)
                               : QStringLiteral("No filter: all %L1 items shown.").arg(shown),
                      false);
}

void DeskFilter::askName() {
    // Not modal: the board goes on while the name is typed.
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("filter-save-dialog"));
    dialog->setWindowTitle(QStringLiteral("Save the filter"));
    dialog->setLabelText(QStringLiteral("Name for \u201C%1\u201D:").arg(m_bar->text()));
    connect(dialog, &QInputDialog::textValueSelected, this, &DeskFilter::saveAs);
    dialog->open();
}

void DeskFilter::saveAs(const QString &name) {
    FilterError error;
    FilterQuery::parse(m_bar->text(), &error);
    if (error.isError() || m_bar->text().trimmed().isEmpty()) {
        m_bar->setMessage(QStringLiteral("Only a filter that works can be saved."), true);
        return;
    }
    if (!m_saved->save(name, m_bar->text())) {
        m_bar->setMessage(QStringLiteral("A saved filter needs a name."), true);
        return;
    }
    m_bar->setMessage(QStringLiteral("Saved as \u201C%1\u201D.").arg(name.trimmed()), false);
}

void DeskFilter::chooseSaved(const QString &name) {
    m_bar->setFilter(m_saved->textOf(name), m_bar->toggles());
    apply();
}
