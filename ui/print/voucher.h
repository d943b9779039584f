#pragma once

#include "common/result.h"
#include "print/vouchersheet.h"
#include "services/cashservice.h"

#include <QRectF>
#include <QString>

class QPainter;
class QPagedPaintDevice;

namespace cs::ui {

// The voucher (回单) of a cash transaction, drawn from the receipt alone so that the terminal, a
// reprint and the batch tool (offscreen platform) print the same page: bank branch, date and time,
// business date, transaction number, account, name, direction, amount in figures and in Chinese
// capitals, fee, balance after, teller, terminal and a line for the customer's signature.
// Texts are in the translation context "cs::ui::Voucher".

// What the voucher says (paintVoucherSheet lays it out).
VoucherSheet voucherSheet(const CashReceipt& receipt);

// Draws the voucher into `page` (device coordinates of the painter's device).
void paintVoucher(QPainter& painter, const QRectF& page, const CashReceipt& receipt);

// One A5 landscape page on `device` (a QPrinter or a QPdfWriter).
Status printVoucher(const CashReceipt& receipt, QPagedPaintDevice& device);

// The voucher as a PDF file at `path` (replaced if it exists). Unavailable voucher.pdf_write when the
// file cannot be written.
Status writeVoucherPdf(const CashReceipt& receipt, const QString& path);

// "Cash deposit voucher", translated.
QString voucherTitle(const CashReceipt& receipt);
// A file name to offer: voucher-<txn>-<yyyyMMdd>.pdf
QString voucherFileName(const CashReceipt& receipt);

} // namespace cs::ui
