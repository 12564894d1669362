// SPDX-License-Identifier: MIT
#include "OutboxDialog.h"

#include "Outbox.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

OutboxDialog::OutboxDialog(Outbox *outbox, QWidget *parent)
    : QDialog(parent)
    , m_outbox(outbox)
    , m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("outbox-dialog"));
    setWindowTitle(QStringLiteral("Pending actions"));
    m_list->setObjectName(QStringLiteral("outbox-list"));
    m_list->setWordWrap(true);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *retry = box->addButton(QStringLiteral("&Retry now"), QDialogButtonBox::ActionRole);
    QPushButton *discard =
        box->addButton(QStringLiteral("&Discard selected"), QDialogButtonBox::DestructiveRole);
    connect(retry, &QPushButton::clicked, outbox, &Outbox::retryNow);
    connect(discard, &QPushButton::clicked, this, [this]() {
        if (QListWidgetItem *item = m_list->currentItem())
            m_outbox->discard(item->data(Qt::UserRole).toLongLong());
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(box);
    connect(outbox, &Outbox::changed, this, &OutboxDialog::refresh);
    refresh();
    resize(640, 320);
}

void OutboxDialog::refresh() {
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const OutboxEntry &e : m_outbox->pending()) {
        QString what = e.action.title.isEmpty() ? e.action.project : e.action.title;
        QString line =
            QStringLiteral("%1 \u2192 %2: %3").arg(writeKindName(e.action.kind), e.target, what);
        if (e.attempts > 0)
            line += QStringLiteral("\n%1 attempt%2 \u00B7 last error: %3 \u00B7 next try in %4 s")
                        .arg(e.attempts)
                        .arg(e.attempts == 1 ? QString() : QStringLiteral("s"))
                        .arg(e.lastError)
                        .arg(qMax<qint64>(0, now.secsTo(e.nextAttemptAt)));
        auto *item = new QListWidgetItem(line, m_list);
        item->setData(Qt::UserRole, e.rowId);
    }
    if (m_list->count() == 0)
        new QListWidgetItem(QStringLiteral("Nothing pending: every action was delivered."), m_list);
}
