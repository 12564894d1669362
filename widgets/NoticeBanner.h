// SPDX-License-Identifier: MIT
// A band across the top of the window that says something the person must see without a
// modal in the way: the first start's demo, a config edit that could not be applied. One line
// of text, an optional button, and × to dismiss it.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

class NoticeBanner final : public QFrame {
    Q_OBJECT
public:
    enum class Tone { Info, Warning };
    // `objectName` names the banner for tests ("first-start-banner").
    NoticeBanner(const QString &objectName, Tone tone, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // A button on the right (objectName `buttonName`); `clicked` is emitted by it.
    void setButton(const QString &label, const QString &buttonName);

Q_SIGNALS:
    void clicked();

private:
    QLabel *m_text;
    QPushButton *m_button = nullptr;
};
