// SPDX-License-Identifier: MIT
#include "HandoverDialog.h"

#include "app/handover/HandoverInputsOf.h"
#include "core/board/Board.h"
#include "core/handover/HandoverHtml.h"
#include "core/handover/HandoverJson.h"
#include "core/handover/HandoverMarkdown.h"
#include "core/handover/HandoverSend.h"
#include "core/handover/HandoverStore.h"
#include "core/handover/HandoverText.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QPushButton *button(const QString &text, const char *name, QWidget *parent) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

// The item of the board an ownership is about (to act on it), or nullptr when it left.
const Item *itemOf(const Board &board, const Ownership &o) {
    for (const Item &item : board.panel(o.kind)->items()) {
        if (item.source == o.source && item.id == o.itemId)
            return &item;
    }
    return nullptr;
}

} // namespace

HandoverDialog::HandoverDialog(LeanController *controller, Store *store,
                               const Objectives &objectives, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_store(store)
    , m_objectives(objectives)
    , m_view(new QTextBrowser(this))
    , m_notes(new QPlainTextEdit(this))
    , m_notesSave(new QTimer(this))
    , m_incoming(new QLineEdit(this))
    , m_ownerships(new QListWidget(this))
    , m_send(button(QStringLiteral("Send"), "handover-send", this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("handover-dialog"));
    setWindowTitle(QStringLiteral("Handover of the RUN"));
    m_view->setObjectName(QStringLiteral("handover-report"));
    m_view->setOpenExternalLinks(true);
    m_notes->setObjectName(QStringLiteral("handover-notes"));
    m_notes->setPlaceholderText(QStringLiteral("Notes for the next person on the RUN: what to "
                                               "watch, what is promised, what you would do next"));
    m_incoming->setObjectName(QStringLiteral("handover-incoming"));
    m_incoming->setPlaceholderText(QStringLiteral("who takes over"));
    m_ownerships->setObjectName(QStringLiteral("handover-ownerships"));
    m_status->setObjectName(QStringLiteral("handover-status"));
    m_status->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    auto *outgoing = new QHBoxLayout;
    QPushButton *copy = button(QStringLiteral("Copy as Markdown"), "handover-copy", this);
    QPushButton *save = button(QStringLiteral("Save\u2026"), "handover-save", this);
    outgoing->addWidget(copy);
    outgoing->addWidget(save);
    outgoing->addWidget(m_send);
    outgoing->addStretch(1);
    leftLayout->addLayout(outgoing);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(QStringLiteral("<b>Notes</b> (kept as you type)"), right));
    rightLayout->addWidget(m_notes, 2);
    rightLayout->addWidget(new QLabel(QStringLiteral("<b>Taking over</b>"), right));
    rightLayout->addWidget(m_incoming);
    rightLayout->addWidget(new QLabel(
        QStringLiteral("Transfer to me (ticked): what the outgoing person owns"), right));
    rightLayout->addWidget(m_ownerships, 1);
    QPushButton *take = button(QStringLiteral("Take over the RUN"), "handover-take-over", this);
    rightLayout->addWidget(take);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    resize(1100, 720);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, &HandoverDialog::copyMarkdown);
    connect(save, &QPushButton::clicked, this, &HandoverDialog::askWhereToSave);
    connect(m_send, &QPushButton::clicked, this, &HandoverDialog::send);
    connect(take, &QPushButton::clicked, this, &HandoverDialog::takeOver);
    // Saved a moment after the last key, and when the dialog closes: nothing typed is lost.
    m_notesSave->setSingleShot(true);
    m_notesSave->setInterval(800);
    connect(m_notesSave, &QTimer::timeout, this, &HandoverDialog::saveNotes);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        m_notesTouched = true;
        m_notesSave->start();
    });
    connect(this, &QDialog::finished, this, [this] {
        if (m_notesSave->isActive()) {
            m_notesSave->stop();
            saveNotes();
        }
    });
    m_send->setEnabled(!m_controller->config().handoverTargets.isEmpty());
    m_send->setToolTip(
        m_send->isEnabled()
            ? QStringLiteral("Send it to %1 through the outbox")
                  .arg(m_controller->config().handoverTargets.join(QStringLiteral(", ")))
            : QStringLiteral("No target: add \"actions\": {\"handover\": "
                             "\"<source>\"} to the config"));
    m_incoming->setText(qEnvironmentVariable("USER"));
    reload();
}

void HandoverDialog::reload() {
    const QDateTime now = m_controller->board()->clock().now();
    m_status->setText(QStringLiteral("Reading the period\u2026"));
    m_store->post([now](QSqlDatabase &db) { return HandoverStore::read(db, QDateTime(), now); },
                  this,
                  [this, now](HandoverState state) {
                      if (!state.readable) {
                          m_status->setText(QStringLiteral("The state does not answer: the "
                                                           "report holds the board only."));
                          state.since = now.addDays(-HandoverStore::defaultDays);
                      } else {
                          m_status->clear();
                      }
                      const LeanState *lean = m_controller->state();
                      m_inputs = handoverInputsOf(*m_controller->board(), *m_controller->onDuty(),
                                                  lean->ownerships(), m_controller->config(),
                                                  m_objectives, std::move(state), now);
                      // What was typed here and not saved yet stays.
                      if (m_notesTouched)
                          m_inputs.notes = m_notes->toPlainText();
                      else {
                          const QSignalBlocker quiet(m_notes);
                          m_notes->setPlainText(m_inputs.notes);
                      }
                      render();
                      fillOwnerships();
                      m_loaded = true;
                      Q_EMIT loaded();
                  });
}

void HandoverDialog::render() {
    m_inputs.notes = m_notes->toPlainText();
    m_report = buildHandoverReport(m_inputs);
    const int scroll = m_view->verticalScrollBar() ? m_view->verticalScrollBar()->value() : 0;
    m_view->setMarkdown(handoverMarkdown(m_report));
    if (m_view->verticalScrollBar())
        m_view->verticalScrollBar()->setValue(scroll);
}

void HandoverDialog::fillOwnerships() {
    m_ownerships->clear();
    const QString outgoing = m_report.outgoing;
    for (const Ownership &o : m_controller->state()->ownerships()->all()) {
        if (o.owner != outgoing || !itemOf(*m_controller->board(), o))
            continue;
        auto *row = new QListWidgetItem(
            QStringLiteral("%1 \u2014 %2 (%3)").arg(itemKindPanelName(o.kind), o.title, o.owner),
            m_ownerships);
        row->setData(Qt::UserRole, o.source);
        row->setData(Qt::UserRole + 1, o.itemId);
        row->setFlags(row->flags() | Qt::ItemIsUserCheckable);
        row->setCheckState(Qt::Checked);
    }
    if (m_ownerships->count() == 0)
        new QListWidgetItem(outgoing.isEmpty()
                                ? QStringLiteral("Nobody is on duty yet.")
                                : QStringLiteral("%1 owns nothing on the board.").arg(outgoing),
                            m_ownerships);
}

void HandoverDialog::saveNotes() {
    const QString by = m_controller->onDuty()->actingPerson();
    m_store->write(
        QStringLiteral("handover-notes"),
        HandoverStore::notesData(m_notes->toPlainText(), m_controller->board()->clock().now(), by));
    render();
}

void HandoverDialog::copyMarkdown() {
    render();
    QGuiApplication::clipboard()->setText(handoverMarkdown(m_report));
    m_status->setText(QStringLiteral("Copied as Markdown."));
}

void HandoverDialog::askWhereToSave() {
    auto *ask = new QFileDialog(this, QStringLiteral("Save the handover"), QString(),
                                QStringLiteral("Markdown (*.md);;HTML (*.html);;JSON (*.json)"));
    ask->setObjectName(QStringLiteral("handover-save-dialog"));
    ask->setAcceptMode(QFileDialog::AcceptSave);
    ask->setDefaultSuffix(QStringLiteral("md"));
    ask->selectFile(QStringLiteral("handover-%1.md")
                        .arg(m_report.until.toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QFileDialog::fileSelected, this, [this](const QString &path) { saveTo(path); });
    ask->open(); // the board goes on updating behind
}

bool HandoverDialog::saveTo(const QString &path) {
    render();
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive))
        bytes = handoverHtml(m_report).toUtf8();
    else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        bytes = QByteArray::fromStdString(handoverJson(m_report).dump(2));
    else
        bytes = handoverMarkdown(m_report).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_status->setText(QStringLiteral("Not saved: %1").arg(file.errorString()));
        return false;
    }
    m_status->setText(QStringLiteral("Saved to %1.").arg(path));
    return true;
}

void HandoverDialog::send() {
    render();
    const QStringList targets = m_controller->config().handoverTargets;
    if (targets.isEmpty())
        return;
    m_controller->state()->outbox()->submit(
        handoverAction(m_report, m_controller->board()->clock().now()), targets);
    m_status->setText(QStringLiteral("Sent to %1 through the outbox (Pending actions shows it "
                                     "until it is delivered).")
                          .arg(targets.join(QStringLiteral(", "))));
}

void HandoverDialog::takeOver() {
    const QString incoming = m_incoming->text().trimmed();
    if (incoming.isEmpty()) {
        m_status->setText(QStringLiteral("Who takes over? Type the name first."));
        return;
    }
    if (m_notesSave->isActive()) {
        m_notesSave->stop();
        saveNotes();
    }
    render();
    const QString outgoing = m_report.outgoing;
    m_controller->setOnDuty(incoming);
    int transferred = 0;
    for (int i = 0; i < m_ownerships->count(); ++i) {
        const QListWidgetItem *row = m_ownerships->item(i);
        if (!(row->flags() & Qt::ItemIsUserCheckable) || row->checkState() != Qt::Checked)
            continue;
        const Ownership *o = m_controller->state()->ownerships()->find(
            row->data(Qt::UserRole).toString(), row->data(Qt::UserRole + 1).toString());
        const Item *item = o ? itemOf(*m_controller->board(), *o) : nullptr;
        // The source re-assigns it where it can; where it cannot, dutyboard's owner changes.
        if (item && !m_controller->acknowledge(*item, true, incoming).isEmpty())
            ++transferred;
    }
    const QDateTime now = m_controller->board()->clock().now();
    m_store->write(QStringLiteral("handover"),
                   HandoverStore::recordData(
                       {now, outgoing, incoming, m_report.since, m_notes->toPlainText()}));
    m_notesTouched = false;
    m_status->setText(QStringLiteral("%1 is on the RUN; %2 item(s) transferred. The next period "
                                     "starts now.")
                          .arg(incoming)
                          .arg(transferred));
    reload();
}
