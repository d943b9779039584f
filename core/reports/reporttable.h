#pragma once

#include "money/currency.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

namespace cs {

// What a report yields (DESIGN: core report definitions yield tables; the GUI and the batch render
// them). Cells are plain values: Text QString, Integer qint64, Money qint64 minor units in the
// table's currency, Date QDate, DateTime QDateTime, Rate qint64 basis points. A null QVariant is an
// empty cell.
enum class ReportColumnKind { Text, Integer, Money, Date, DateTime, Rate };

struct ReportColumn {
    QString key;     // stable, used in CSV/JSON headers: "account", "debit", ...
    QString label;   // translated
    ReportColumnKind kind = ReportColumnKind::Text;
    bool summed = false; // the totals row holds the sum of this column (Integer and Money only)
};

// Chart data: one series per line/bar group; points are (category label, value) with money in fen.
struct ReportSeries {
    QString name; // translated
    QList<QPair<QString, qint64>> points;
    ReportColumnKind kind = ReportColumnKind::Money; // what the values are: Money (minor units) or Integer
};
enum class ReportChart { None, Bar, Line, Pie };

struct ReportHeader {
    QString name;        // catalogue name: trial-balance, daily-journal, ...
    QString title;       // translated
    QString branchCode;
    QString branchName;
    QDate from;
    QDate to;
    QDateTime generatedAt; // UTC
    QString staffLogin;
    QString staffName;
};

struct ReportTable {
    ReportHeader header;
    Currency currency = Currency::cny();
    QList<ReportColumn> columns;
    QList<QVariantList> rows;   // each as long as columns
    QVariantList totals;        // empty: no totals row; else as long as columns (summed columns filled,
                                // the first text column holds the translated word "Total")
    ReportChart chart = ReportChart::None;
    QList<ReportSeries> series;
    QStringList notes;          // translated lines printed under the table (e.g. "Balanced: yes")
};

// CSV (RFC 4180, UTF-8 with BOM for spreadsheet programs, CRLF): the header block as "# key: value" lines
// (report, title, branch, branch_name, from, to, generated_at, staff, staff_name, currency, then one
// "# note: ..." per note), a line of column keys, the rows, then the totals row whose first cell is
// "total". Money as plain decimals ("1234.56"), dates ISO, times ISO UTC, rates as percent ("0.36").
// The totals equal the sums of the rows' summed columns.
QByteArray reportCsv(const ReportTable& table);
// JSON: {"report", "title", "branch", "branch_name", "from", "to", "generated_at", "staff", "staff_name",
// "currency", "columns":[{key,label,kind,summed}], "rows":[{key: value}], "totals":{key: value} (absent
// without a totals row), "notes":[...], "chart" (none, bar, line, pie), "series":[{name, points:[{label,
// value}]}]}; money as decimal strings, integers as numbers, empty cells null.
QJsonObject reportJson(const ReportTable& table);

} // namespace cs
