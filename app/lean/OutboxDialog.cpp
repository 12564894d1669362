// SPDX-License-Identifier: MIT
#include "OutboxDialog.h"

#include "core/lean/Outbox.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// What the action does, in words (the kind names are config words: "create-bug").
QString actionWords(WriteKind kind) {
    switch (kind) {
    case WriteKind::CreateBug:
        return QStringLiteral("File bug");
    case WriteKind::CreateIncident:
        return QStringLiteral("Declare incident");
    case WriteKind::CreateCard:
        return QStringLiteral("Project card");
    case WriteKind::Reply:
        return QStringLiteral("Reply");
    case WriteKind::React:
        return QStringLiteral("Reaction");
    case WriteKind::RaiseAndon:
        return QStringLiteral("Raise andon");
    case WriteKind::ResolveAndon:
        return QStringLiteral("Resolve andon");
    case WriteKind::CreateSilence:
        return QStringLiteral("Silence");
    case WriteKind::Acknowledge:
        return QStringLiteral("Acknowledge");
    case WriteKind::Release:
        return QStringLiteral("Release");
    case WriteKind::Handover:
        return QStringLiteral("Handover");
    }
    return writeKindName(kind);
}

} // namespace

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
    discard->setObjectName(QStringLiteral("outbox-discard"));
    // Enter closes; throwing an action away takes a deliberate click on a selected row.
    for (QPushButton *b : {retry, discard})
        b->setAutoDefault(false);
    box->button(QDialogButtonBox::Close)->setDefault(true);
    discard->setEnabled(false);
    connect(m_list, &QListWidget::currentItemChanged, discard, [discard](QListWidgetItem *item) {
        discard->setEnabled(item && item->data(Qt::UserRole).toLongLong() > 0);
    });
    connect(retry, &QPushButton::clicked, outbox, &Outbox::retryNow);
    connect(discard, &QPushButton::clicked, this, [this]() {
        if (QListWidgetItem *item = m_list->currentItem())
            m_outbox->discard(item->data(Qt::UserRole).toLongLong());
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *intro = new QLabel(QStringLiteral("Actions written to disk and retried until their "
                                            "target accepts them. Nothing here is lost if "
                                            "dutyboard stops: the next run sends it."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(box);
    connect(outbox, &Outbox::changed, this, &OutboxDialog::refresh);
    refresh();
    resize(640, 320);
}

void OutboxDialog::refresh() {
    m_list->clear();
    for (const OutboxEntry &e : m_outbox->pending()) {
        QString what = e.action.title.isEmpty() ? e.action.project : e.action.title;
        QString line =
            QStringLiteral("%1 \u2192 %2: %3").arg(actionWords(e.action.kind), e.target, what);
        // A time, not a countdown: the list is not redrawn every second.
        if (e.attempts > 0)
            line += QStringLiteral("\n%1 attempt%2 \u00B7 last error: %3 \u00B7 next try at %4")
                        .arg(e.attempts)
                        .arg(e.attempts == 1 ? QString() : QStringLiteral("s"))
                        .arg(e.lastError,
                             e.nextAttemptAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        auto *item = new QListWidgetItem(line, m_list);
        item->setData(Qt::UserRole, e.rowId);
    }
    if (m_list->count() == 0)
        new QListWidgetItem(QStringLiteral("Nothing pending: every action was delivered."), m_list);
}
