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

protected:
    void showEvent(QShowEvent *event) override;

private:
    void build(); // once: the factory is dropped afterwards

    Factory m_factory;
    QWidget *m_content = nullptr;
};
