// SPDX-License-Identifier: MIT
#include "NoticeBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

NoticeBanner::NoticeBanner(const QString &objectName, Tone tone, QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel) {
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    // Light colours with dark text: readable in a light and a dark desktop theme alike.
    setStyleSheet(tone == Tone::Warning
                      ? QStringLiteral("NoticeBanner { background: #fff1d6; border: 1px solid "
                                       "#e0a030; } QLabel { color: #3a2a00; }")
                      : QStringLiteral("NoticeBanner { background: #e3effd; border: 1px solid "
                                       "#7fa8dc; } QLabel { color: #102a4a; }"));
    m_text->setObjectName(objectName + QStringLiteral("-text"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton;
    close->setObjectName(objectName + QStringLiteral("-close"));
    close->setText(QStringLiteral("×"));
    close->setToolTip(QStringLiteral("Dismiss"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(close);
}

void NoticeBanner::setText(const QString &text) {
    m_text->setText(text);
}

QString NoticeBanner::text() const {
    return m_text->text();
}

void NoticeBanner::setButton(const QString &label, const QString &buttonName) {
    if (!m_button) {
        m_button = new QPushButton;
        auto *layout = static_cast<QHBoxLayout *>(this->layout());
        layout->insertWidget(1, m_button);
        connect(m_button, &QPushButton::clicked, this, &NoticeBanner::clicked);
    }
    m_button->setText(label);
    m_button->setObjectName(buttonName);
}
