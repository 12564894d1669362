// SPDX-License-Identifier: MIT
// The items of one panel, from every source that feeds it. Refreshes arrive as per-source
// snapshots and become incremental row signals: never a reset, so selection and scroll survive.
#pragma once

#include "core/board/Item.h"
#include "core/board/ItemDiff.h"
#include "core/time/Clock.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

class PanelModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SourceRole,
        TitleRole,
        StateRole,
        CreatedAtRole,    // QDateTime (UTC): the raw value, for sorting
        AgeTextRole,      // "12 min": the formatted value, refreshed by refreshAges()
        AgeSecondsRole,   // qint64: for thresholds and sorting
        SeverityRankRole, // int: 1 (SEV-1) .. 5 (unknown)
        SeverityLabelRole,
        SeverityNameRole,
        PeopleRole, // QString, comma-separated
        UrlRole,
        ProjectRole,
        ReasonRole,
        RaisedByRole,
        StaleRole, // bool: its source is failing; the item is last known data
        // Kanban cards.
        ColumnRole,        // QString: the board column the card is mapped to
        DueRole,           // QDateTime (UTC), invalid when not set
        DueTextRole,       // "due today", "4 days remaining", "3 days late"
        ColumnSinceRole,   // QDateTime (UTC): since when it sits in its column
        ColumnAgeTextRole, // "3 d": its age in the column
        HaltedRole,        // bool: an andon names its project or title
    };
    Q_ENUM(Role)

    explicit PanelModel(ItemKind kind, const Clock &clock = Clock::system(),
                        QObject *parent = nullptr);

    ItemKind kind() const { return m_kind; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Item &item(int row) const { return m_items[static_cast<size_t>(row)]; }
    const Items &items() const { return m_items; }
    // The sources that have items on this panel now, in the order they first brought some:
    // read on every row signal by the panel's header, so never a scan of the items.
    const QStringList &sources() const { return m_sources; }
    // The item `source` lists under `id` on this panel, or null: one lookup, not a scan.
    const Item *find(const QString &source, const QString &id) const;

    // Replaces what `source` contributes with `snapshot` (items of this panel's kind only).
    SnapshotDiff applySnapshot(const QString &source, Items snapshot);
    // Marks the rows of `source` stale (greyed) or fresh again.
    void setSourceStale(const QString &source, bool stale);
    bool isSourceStale(const QString &source) const { return m_staleSources.contains(source); }
    // The projects an andon halts now; cards naming one (project or title) become halted.
    void setHaltedProjects(QSet<QString> projects);
    bool isHalted(const Item &item) const;

    // Re-reads the clock; signals AgeTextRole/AgeSecondsRole only where the shown text changed.
    // Returns how many rows changed.
    int refreshAges();

Q_SIGNALS:
    void countChanged(int count);

private:
    QString ageText(const Item &item) const;
    void rebuildIndex();
    void emitRowsChanged(const QList<int> &rows, const QList<int> &roles);

    ItemKind m_kind;
    const Clock &m_clock;
    Items m_items;
    std::vector<QString> m_ageText; // parallel to m_items: what is on screen now
    QHash<QString, int> m_rowByKey; // "source\x1fid" -> row
    QStringList m_sources;
    QSet<QString> m_staleSources;
    QSet<QString> m_haltedProjects;
};
