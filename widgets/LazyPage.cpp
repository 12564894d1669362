// SPDX-License-Identifier: MIT
#include "LazyPage.h"

#include <QVBoxLayout>

LazyPage::LazyPage(Factory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

void LazyPage::build() {
    if (m_content)
        return;
    m_content = m_factory();
    m_factory = nullptr; // what it captured is no longer needed
    layout()->addWidget(m_content);
}

void LazyPage::showEvent(QShowEvent *event) {
    build();
    QWidget::showEvent(event);
}
