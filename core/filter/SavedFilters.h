// SPDX-License-Identifier: MIT
// The filter across restarts: the one in use (its text and quick toggles) and the filters saved
// under a name. Kept in dutyboard's state.ini (beside the wall's monitor choice), read and
// written on a thread of its own: the UI thread never waits on the disk.
#pragma once

#include "core/filter/ItemFilter.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <utility>
#include <vector>

class SavedFilters final : public QObject {
    Q_OBJECT
public:
    struct Named {
        QString name;
        QString text;
    };

    // `file`: an ini file; defaultFile() for the user's.
    explicit SavedFilters(const QString &file, QObject *parent = nullptr);
    ~SavedFilters() override;
    static QString defaultFile();

    // Reads the file; loaded() follows (also when there is nothing to read).
    void load();
    bool isLoaded() const { return m_loaded; }

    const QString &text() const { return m_text; }
    const FilterToggles &toggles() const { return m_toggles; }
    // The saved filters, in the order they were saved.
    const std::vector<Named> &named() const { return m_named; }
    QStringList names() const;
    // The text saved under `name`; empty when none is.
    QString textOf(const QString &name) const;

    // Each change is written at once, in order, off this thread.
    void setCurrent(const QString &text, const FilterToggles &toggles);
    // Saves (or replaces) `name`; false for an empty name.
    bool save(const QString &name, const QString &text);
    void remove(const QString &name);
    // Blocks until every write reached the file (tests, and quitting).
    void waitForWrites();

Q_SIGNALS:
    void loaded();
    void namesChanged();

private:
    struct Contents {
        QString text;
        FilterToggles toggles;
        std::vector<Named> named;
    };
    static Contents read(const QString &file);
    static void write(const QString &file, const Contents &contents);
    void arrived(Contents contents);
    void persist();

    QString m_file;
    QString m_text;
    FilterToggles m_toggles;
    std::vector<Named> m_named;
    bool m_loaded = false;
    bool m_changedBeforeLoad = false;
    QThreadPool m_disk; // one thread: writes land in the order they were made
};
