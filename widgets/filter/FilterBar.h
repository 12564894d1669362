// SPDX-License-Identifier: MIT
// The filter bar over the desk's panels: the query as typed, the quick toggles, the saved
// filters, and one line that says what the filter does (or why the text is not one). It only
// reports what the person does; applying the filter is its owner's business (DeskFilter).
#pragma once

#include "core/filter/ItemFilter.h"

#include <QFrame>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

class FilterBar final : public QFrame {
    Q_OBJECT
public:
    // objectNames: "filter-bar"; inside: "filter-text", "filter-hide-silenced",
    // "filter-only-unowned", "filter-only-mine", "filter-saved" (the saved filters),
    // "filter-save", "filter-message", "filter-close".
    explicit FilterBar(QWidget *parent = nullptr);

    QString text() const;
    FilterToggles toggles() const;
    // Shows a filter (restored, or chosen from the saved ones) without emitting edited().
    void setFilter(const QString &text, const FilterToggles &toggles);
    // What the filter does now, or why the text is not a filter (`error`: shown as one).
    void setMessage(const QString &message, bool error);
    QString message() const;
    bool showsError() const { return m_error; }
    void setSavedNames(const QStringList &names);

public Q_SLOTS:
    // Shows the bar with the text selected, ready to type over.
    void open();

Q_SIGNALS:
    // The text or a toggle changed by hand.
    void edited();
    // "Save…": keep the text under a name.
    void saveRequested();
    // A saved filter was chosen.
    void savedChosen(const QString &name);
    // × or Esc: the filter is cleared and the bar closes.
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void clearAndClose();

    QLineEdit *m_text;
    QCheckBox *m_hideSilenced;
    QCheckBox *m_onlyUnowned;
    QCheckBox *m_onlyMine;
    QComboBox *m_saved;
    QToolButton *m_save;
    QLabel *m_message;
    QToolButton *m_close;
    bool m_error = false;
};
