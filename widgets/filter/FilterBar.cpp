// SPDX-License-Identifier: MIT
#include "FilterBar.h"

#include "widgets/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QCheckBox *toggle(const QString &name, const QString &text, QWidget *parent) {
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(name);
    return box;
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLineEdit(this))
    , m_hideSilenced(toggle(QStringLiteral("filter-hide-silenced"),
                            QStringLiteral("Hide silenced and inhibited"), this))
    , m_onlyUnowned(
          toggle(QStringLiteral("filter-only-unowned"), QStringLiteral("Only unowned"), this))
    , m_onlyMine(toggle(QStringLiteral("filter-only-mine"), QStringLiteral("Only mine"), this))
    , m_saved(new QComboBox(this))
    , m_save(new QToolButton(this))
    , m_message(new QLabel(this))
    , m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("filter-bar"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("filter-text"));
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(
        QStringLiteral("Filter: words, severity>=high, source=prod-alerts, state!=silenced, "
                       "owner=me, label:team=payments, age>1h"));
    m_text->setAccessibleName(QStringLiteral("Filter"));
    m_saved->setObjectName(QStringLiteral("filter-saved"));
    m_saved->setToolTip(QStringLiteral("Saved filters"));
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_save->setObjectName(QStringLiteral("filter-save"));
    m_save->setText(QStringLiteral("Save\u2026"));
    m_save->setToolTip(QStringLiteral("Save this filter under a name"));
    m_message->setObjectName(QStringLiteral("filter-message"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_close->setObjectName(QStringLiteral("filter-close"));
    m_close->setText(QStringLiteral("\u00D7"));
    m_close->setToolTip(QStringLiteral("Clear the filter and close the bar (Esc)"));
    m_close->setAutoRaise(true);
    setSavedNames({});

    auto *line = new QHBoxLayout;
    line->setSpacing(8);
    line->addWidget(m_text, 1);
    line->addWidget(m_hideSilenced);
    line->addWidget(m_onlyUnowned);
    line->addWidget(m_onlyMine);
    line->addWidget(m_saved);
    line->addWidget(m_save);
    line->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(m_message);

    connect(m_text, &QLineEdit::textEdited, this, &FilterBar::edited);
    // Mine and unowned together would show nothing: one clears the other.
    connect(m_onlyUnowned, &QCheckBox::clicked, this, [this](bool on) {
        if (on)
            m_onlyMine->setChecked(false);
        Q_EMIT edited();
    });
    connect(m_onlyMine, &QCheckBox::clicked, this, [this](bool on) {
        if (on)
            m_onlyUnowned->setChecked(false);
        Q_EMIT edited();
    });
    connect(m_hideSilenced, &QCheckBox::clicked, this, &FilterBar::edited);
    connect(m_save, &QToolButton::clicked, this, &FilterBar::saveRequested);
    connect(m_close, &QToolButton::clicked, this, &FilterBar::clearAndClose);
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        const QString name = m_saved->itemText(index);
        const QSignalBlocker block(m_saved);
        m_saved->setCurrentIndex(0);
        Q_EMIT savedChosen(name);
    });
}

QString FilterBar::text() const {
    return m_text->text();
}

FilterToggles FilterBar::toggles() const {
    FilterToggles t;
    t.hideSilenced = m_hideSilenced->isChecked();
    t.onlyUnowned = m_onlyUnowned->isChecked();
    t.onlyMine = m_onlyMine->isChecked();
    return t;
}

void FilterBar::setFilter(const QString &text, const FilterToggles &toggles) {
    m_text->setText(text);
    m_hideSilenced->setChecked(toggles.hideSilenced);
    m_onlyUnowned->setChecked(toggles.onlyUnowned);
    m_onlyMine->setChecked(toggles.onlyMine && !toggles.onlyUnowned);
}

void FilterBar::setMessage(const QString &message, bool error) {
    m_error = error;
    m_message->setText(message);
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText,
               error ? Theme::failedColor() : palette().color(QPalette::WindowText));
    m_message->setPalette(p);
}

QString FilterBar::message() const {
    return m_message->text();
}

void FilterBar::setSavedNames(const QStringList &names) {
    const QSignalBlocker block(m_saved);
    m_saved->clear();
    m_saved->addItem(names.isEmpty() ? QStringLiteral("No saved filter")
                                     : QStringLiteral("Saved filters\u2026"));
    m_saved->addItems(names);
    m_saved->setEnabled(!names.isEmpty());
}

void FilterBar::open() {
    show();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FilterBar::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape) {
        clearAndClose();
        return;
    }
    QFrame::keyPressEvent(event);
}

void FilterBar::clearAndClose() {
    setFilter({}, {});
    hide();
    Q_EMIT closed();
}
