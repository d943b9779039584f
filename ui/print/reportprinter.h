#pragma once

#include "common/result.h"
#include "reports/reporttable.h"

class QPagedPaintDevice;

namespace cs::ui {

// A report on paper or in a PDF (issue 7): every page carries the header (bank branch, report title,
// period, generation time, staff) and "Page i of n"; the table breaks across pages with its column
// heads repeated; the totals row and the notes close it; the chart, drawn with QPainter (no Widgets,
// so that countersign-batch can use this), follows on its own page when the report has one.
// Built into a QtGui-only library (countersign_reportprint) that the GUI and the batch both link.
void paintReport(const ReportTable& table, QPagedPaintDevice& device);
Status writeReportPdf(const ReportTable& table, const QString& path);

} // namespace cs::ui
