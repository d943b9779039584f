#pragma once

#include <QLabel>

namespace cs::ui {

// A one-line plain-text label that, when squeezed, shows "…" instead of cutting the text off; text()
// keeps the whole text and the tooltip shows it.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(Qt::TextElideMode mode = Qt::ElideRight, QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Qt::TextElideMode m_mode;
};

} // namespace cs::ui
