#pragma once

#include "common/result.h"
#include "reports/reporttable.h"

#include <QString>

class QWidget;

namespace cs::ui {

// "trial-balance-0001-20250320.csv", or "…-20250301-20250320.pdf" for a period of several days.
QString reportFileName(const ReportTable& table, const QString& extension);

// The report as CSV (reportCsv) at `path`, replacing it. Unavailable report.csv_write when it cannot be
// written.
Status writeReportCsv(const ReportTable& table, const QString& path);

// Asks where to save (offering reportFileName in the documents folder, or where the last report went)
// and writes the CSV or the PDF there; a failure is shown in a message box. The path written, or empty
// when nothing was saved (cancelled or failed).
QString exportReportCsv(const ReportTable& table, QWidget* parent);
QString exportReportPdf(const ReportTable& table, QWidget* parent);

// A window-modal print preview (print from there), deleted when closed. Object name
// reportPreviewDialog; its window title is the report's.
void previewReport(const ReportTable& table, QWidget* parent);
// The print dialog, then the report on the chosen printer. Object name reportPrintDialog.
void printReport(const ReportTable& table, QWidget* parent);

} // namespace cs::ui
