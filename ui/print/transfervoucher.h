#pragma once

#include "common/result.h"
#include "print/vouchersheet.h"
#include "services/transferservice.h"

class QPainter;
class QPagedPaintDevice;

namespace cs::ui {

// A transfer as its voucher (转账回单) prints it: the transfer and the branch it was entered at.
struct TransferVoucher {
    TransferRecord transfer;
    QString branchCode;
    QString branchName;
};

// The voucher of a transfer, laid out as every voucher is (paintVoucherSheet): date, business date and
// transaction, payer and payee (with the payee's bank for an interbank transfer), route, the amount in
// Chinese capitals and in figures, fee, the payer's balance after, remarks, the approval number where a
// supervisor approved it, the teller and terminal, and the customer's signature line. Texts are in the
// translation context "cs::ui::Voucher".
VoucherSheet transferVoucherSheet(const TransferVoucher& voucher);
void paintTransferVoucher(QPainter& painter, const QRectF& page, const TransferVoucher& voucher);
Status writeTransferVoucherPdf(const TransferVoucher& voucher, const QString& path);

// "Transfer voucher", translated.
QString transferVoucherTitle(const TransferRecord& transfer);
// A file name to offer: transfer-<id>-<yyyyMMdd>.pdf
QString transferVoucherFileName(const TransferRecord& transfer);
// Whether the transfer has a voucher: it moved money (posted, or sent to the network).
bool hasTransferVoucher(const TransferRecord& transfer);

} // namespace cs::ui
