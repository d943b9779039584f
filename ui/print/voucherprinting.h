#pragma once

#include "services/cashservice.h"

class QWidget;

namespace cs::ui {

// The voucher on screen: a window-modal print preview (print from there), deleted when closed.
// Object name voucherPreviewDialog.
void previewVoucher(const CashReceipt& receipt, QWidget* parent);

// Asks where to save the voucher as PDF and writes it there; a failure is shown in a message box.
// False when nothing was saved (cancelled or failed).
bool exportVoucherPdf(const CashReceipt& receipt, QWidget* parent);

} // namespace cs::ui
