// SPDX-License-Identifier: MIT
// A page whose content is built the first time it is shown: a tab nobody opens (the charts on
// a wall that never rotates to them) costs nothing in memory or start-up time.
#pragma once

#include <QWidget>

#include <functional>

class LazyPage final : public QWidget {
    Q_OBJECT
public:
    using Factory = std::function<QWidget *()>;
    explicit LazyPage(Factory factory, QWidget *parent = nullptr);

    // The content, or nullptr until the page was first shown (or built()).
    QWidget *content() const { return m_content; }
    // Builds the content now if it is not built yet; returns it.
    QWidget *built();

protected:
    void showEvent(QShowEvent *event) override;

private:
    Factory m_factory;
    QWidget *m_content = nullptr;
};
