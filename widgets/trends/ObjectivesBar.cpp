// SPDX-License-Identifier: MIT
#include "ObjectivesBar.h"

#include "widgets/Theme.h"

#include <QHBoxLayout>
#include <QLabel>

ObjectivesBar::ObjectivesBar(Style style, QWidget *parent)
    : QWidget(parent)
    , m_style(style)
    , m_layout(new QHBoxLayout(this))
    , m_heading(new QLabel(QStringLiteral("Objectives"), this)) {
    setObjectName(QStringLiteral("objectives"));
    m_layout->setContentsMargins(4, 2, 4, 2);
    m_layout->setSpacing(6);
    QFont bold = m_heading->font();
    bold.setWeight(QFont::DemiBold);
    m_heading->setFont(bold);
    m_layout->addWidget(m_heading);
    m_layout->addStretch(1);
    setVisible(false);
}

void ObjectivesBar::setStates(const std::vector<ObjectiveState> &states) {
    for (QLabel *old : findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
        if (old != m_heading)
            delete old;
    }
    int at = 1; // after the heading, before the stretch
    for (const ObjectiveState &state : states) {
        const QString mark = state.met ? QStringLiteral("\u2713 ") : QStringLiteral("\u2717 ");
        auto *label = new QLabel(m_style == Style::Full ? state.text() : mark + state.target, this);
        label->setToolTip(state.text());
        // Full sentences wrap rather than widen the window past its screen.
        label->setWordWrap(m_style == Style::Full);
        label->setObjectName(QStringLiteral("objective:") + state.key);
        label->setTextFormat(Qt::PlainText);
        label->setMargin(4);
        label->setAutoFillBackground(true);
        // A filled chip with white text: reads on the light desktop and the dark wall alike.
        QPalette p = label->palette();
        p.setColor(QPalette::Window, state.met ? Theme::okColor() : Theme::failedColor());
        p.setColor(QPalette::WindowText, Theme::textOn(p.color(QPalette::Window)));
        label->setPalette(p);
        label->setProperty("met", state.met);
        m_layout->insertWidget(at++, label);
    }
    setVisible(!states.empty());
}
