#pragma once

#include "print/cardvoucher.h"
#include "print/transfervoucher.h"
#include "print/vouchersheet.h"
#include "services/cashservice.h"

class QWidget;

namespace cs::ui {

// A voucher on screen: a window-modal print preview (print from there), deleted when closed.
// Object name voucherPreviewDialog; its window title is the voucher's.
void previewVoucherSheet(const VoucherSheet& sheet, QWidget* parent);
// Asks where to save the voucher as PDF (offering `fileName` in the documents folder) and writes it
// there; a failure is shown in a message box. False when nothing was saved (cancelled or failed).
bool exportVoucherSheetPdf(const VoucherSheet& sheet, const QString& fileName, QWidget* parent);

// The same for a cash transaction's voucher, a transfer's and a card's issuance voucher.
void previewVoucher(const CashReceipt& receipt, QWidget* parent);
bool exportVoucherPdf(const CashReceipt& receipt, QWidget* parent);
void previewTransferVoucher(const TransferVoucher& voucher, QWidget* parent);
bool exportTransferVoucherPdf(const TransferVoucher& voucher, QWidget* parent);
void previewCardVoucher(const CardVoucher& voucher, QWidget* parent);
bool exportCardVoucherPdf(const CardVoucher& voucher, QWidget* parent);

} // namespace cs::ui
