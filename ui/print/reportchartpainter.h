#pragma once

#include "reports/reporttable.h"

#include <QColor>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace cs::ui {

// The colour of the i-th series (or pie slice), the same on screen and on paper.
QColor reportSeriesColor(int index);

// The categories of a report's series in the order they first appear, each once.
QStringList reportCategories(const ReportTable& table);

// The report's chart (bar, line or pie, from ReportTable::series) drawn with QPainter alone into `area`
// (device coordinates), with its legend and value axis, so that paper and PDF need no Widgets.
void paintReportChart(QPainter& painter, const QRectF& area, const ReportTable& table);

} // namespace cs::ui
