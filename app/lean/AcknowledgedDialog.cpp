// SPDX-License-Identifier: MIT
#include "AcknowledgedDialog.h"

#include "app/lean/OwnerMarks.h"
#include "core/ownership/Ownerships.h"
#include "core/time/Clock.h"
#include "core/time/RelativeTime.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

enum Column {
    TitleColumn,
    OwnerColumn,
    SinceColumn,
    SourceColumn,
    EndsColumn,
    AcceptedColumn,
    ColumnCount
};

// What the acknowledgement made in the source, as a rich-text cell (a silence links to it).
QString inSource(const Ownership &o) {
    if (!o.reference.isEmpty()) {
        const QString id = o.reference.toHtmlEscaped();
        return o.referenceUrl.isEmpty() ? QStringLiteral("silence %1").arg(id)
                                        : QStringLiteral("silence <a href=\"%1\">%2</a>")
                                              .arg(o.referenceUrl.toHtmlEscaped(), id);
    }
    if (!o.target.isEmpty())
        return QStringLiteral("in %1").arg(o.target.toHtmlEscaped());
    return QStringLiteral("on the board only");
}

} // namespace

AcknowledgedDialog::AcknowledgedDialog(const Ownerships *ownerships, const Clock &clock,
                                       QWidget *parent)
    : QDialog(parent)
    , m_ownerships(ownerships)
    , m_clock(clock)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_coalesce(new QTimer(this)) {
    setObjectName(QStringLiteral("acknowledged-dialog"));
    setWindowTitle(QStringLiteral("Acknowledged: who is on what"));
    setModal(false);
    m_table->setObjectName(QStringLiteral("acknowledged-table"));
    m_table->setHorizontalHeaderLabels({QStringLiteral("Item"), QStringLiteral("Owner"),
                                        QStringLiteral("Since"), QStringLiteral("In the source"),
                                        QStringLiteral("Ends"), QStringLiteral("Accepted")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_summary->setObjectName(QStringLiteral("acknowledged-summary"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 360);

    // A burst of changes (a load) rebuilds once; the ages move every half minute.
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(0);
    connect(m_coalesce, &QTimer::timeout, this, &AcknowledgedDialog::refresh);
    connect(ownerships, &Ownerships::changed, m_coalesce, qOverload<>(&QTimer::start));
    connect(ownerships, &Ownerships::loaded, m_coalesce, qOverload<>(&QTimer::start));
    auto *ages = new QTimer(this);
    ages->setInterval(30000);
    connect(ages, &QTimer::timeout, this, &AcknowledgedDialog::refresh);
    ages->start();
    refresh();
}

void AcknowledgedDialog::refresh() {
    std::vector<Ownership> rows = m_ownerships->all();
    std::sort(rows.begin(), rows.end(),
              [](const Ownership &a, const Ownership &b) { return a.since > b.since; });
    const QDateTime now = m_clock.now();
    m_table->setRowCount(static_cast<int>(rows.size()));
    int waiting = 0;
    for (int row = 0; row < static_cast<int>(rows.size()); ++row) {
        const Ownership &o = rows[static_cast<size_t>(row)];
        const auto cell = [&](Column column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_table->setItem(row, column, item);
        };
        cell(TitleColumn, o.title.isEmpty() ? o.itemId : o.title);
        m_table->item(row, TitleColumn)
            ->setToolTip(QStringLiteral("%1 (%2)").arg(o.title, o.source));
        cell(OwnerColumn, o.owner);
        cell(SinceColumn,
             QStringLiteral("%1 (%2)").arg(ownershipTime(o.since, now), relativeAge(o.since, now)));
        auto *link = new QLabel(inSource(o));
        link->setOpenExternalLinks(true);
        link->setContentsMargins(4, 0, 4, 0);
        link->setToolTip(o.referenceUrl);
        m_table->setCellWidget(row, SourceColumn, link);
        cell(EndsColumn,
             o.endsAt.isValid()
                 ? QStringLiteral("%1, renewed while it fires").arg(ownershipTime(o.endsAt, now))
                 : QStringLiteral("\u2014"));
        QString accepted = QStringLiteral("\u2014"); // nothing to ask: on the board only
        if (o.acknowledged.isValid())
            accepted = QStringLiteral("\u2713 at %1").arg(ownershipTime(o.acknowledged, now));
        else if (!o.target.isEmpty()) {
            accepted = QStringLiteral("waiting\u2026");
            ++waiting;
        }
        cell(AcceptedColumn, accepted);
    }
    m_summary->setText(
        rows.empty()
            ? QStringLiteral("Nobody owns anything on the board.")
            : QStringLiteral("%1 owned%2")
                  .arg(rows.size())
                  .arg(waiting > 0
                           ? QStringLiteral(", %1 waiting for the source to accept it").arg(waiting)
                           : QString()));
}
