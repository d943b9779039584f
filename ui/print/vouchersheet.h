#pragma once

#include "common/result.h"
#include "money/money.h"

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;
class QPagedPaintDevice;

namespace cs::ui {

// One row of a voucher's grid: two label/value pairs, or one pair whose value spans the row.
struct VoucherRow {
    QString label;
    QString value;
    QString label2;
    QString value2;
    qreal heightMm = 9.0;
    bool emphasised = false; // the amount: larger and bold
};

// What a voucher (回单) says, laid out alike for every kind of transaction: the bank branch, the title
// underlined twice as paper vouchers are, a line of date / business date / transaction number, the grid,
// who served and a line for the customer's signature, and the request id in small print.
struct VoucherSheet {
    QString header;      // the branch: name and code
    QString title;
    QString infoLeft;    // "Date: ..."
    QString infoCentre;  // "Business date: ..."
    QString infoRight;   // "Transaction no.: ..."
    QList<VoucherRow> rows;
    QString footer;      // "Teller: ..."
    QString signature;   // "Customer signature:"
    QString footnote;    // "Request ..."
};

// "¥1,234.50" (CNY) or "USD 1,234.50".
QString voucherFigures(const Money& amount);

// Draws the sheet into `page` (device coordinates of the painter's device).
void paintVoucherSheet(QPainter& painter, const QRectF& page, const VoucherSheet& sheet);
// One A5 landscape page on `device` (a QPrinter or a QPdfWriter). Unavailable voucher.print.
Status printVoucherSheet(const VoucherSheet& sheet, QPagedPaintDevice& device);
// The sheet as a PDF file at `path` (replaced if it exists). Unavailable voucher.pdf_write when the
// file cannot be written.
Status writeVoucherSheetPdf(const VoucherSheet& sheet, const QString& path);

} // namespace cs::ui
