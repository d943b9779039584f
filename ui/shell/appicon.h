#pragma once

#include <QIcon>

namespace cs::ui {

// The application icon, :/icons/countersign.svg (drawn by Qt's SVG plugin, libqt6svg6).
QIcon applicationIcon();

} // namespace cs::ui
