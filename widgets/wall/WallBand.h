// SPDX-License-Identifier: MIT
// A full-width coloured strip with one line of large text, elided: the wall's freshness
// warnings, the acknowledged-andon band and the new-incident banner. Painted, so updating it
// allocates nothing but the string.
#pragma once

#include <QColor>
#include <QWidget>

class WallBand final : public QWidget {
    Q_OBJECT
public:
    explicit WallBand(QWidget *parent = nullptr);

    void setContent(const QString &text, const QColor &fill, const QColor &ink);
    void setTextPixelSize(int px, int pad);
    QString text() const { return m_text; }
    QColor fill() const { return m_fill; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {0, sizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_fill;
    QColor m_ink;
    int m_pad = 8;
};
