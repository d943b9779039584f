#pragma once

#include "reports/reporttable.h"

#include <QString>
#include <QVariant>

namespace cs::ui {

// How a report's cells read on screen, on paper and in a PDF alike: money grouped with the table's
// decimals ("12,345.60"), dates ISO, times in local time, rates as percentages ("0.36%"), counts grouped.
QString reportCellText(const ReportTable& table, int column, const QVariant& value);
// Money, counts and rates line up on the right; text and dates on the left.
bool reportColumnIsNumeric(ReportColumnKind kind);

// The report's period: "2025-03-20" or "2025-03-01 – 2025-03-20".
QString reportPeriodText(const ReportHeader& header);
// When it was made, in local time: "2025-03-20 17:45:03".
QString reportGeneratedText(const ReportHeader& header);
// Who made it: "王芳 (super1)", or the login alone.
QString reportStaffText(const ReportHeader& header);
// What a report's chart counts: Money (minor units) or Integer, as its first series says.
ReportColumnKind reportChartKind(const ReportTable& table);
// A chart value as figures: money "1,234.50", a count "1,234".
QString reportSeriesValueText(const ReportTable& table, qint64 value);

} // namespace cs::ui
