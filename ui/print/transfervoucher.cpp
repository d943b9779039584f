#include "print/transfervoucher.h"

#include "widgets/amountedit.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::ui {

QString transferVoucherTitle(const TransferRecord& transfer)
{
    return (transfer.route != TransferRoute::Intra) ? QCoreApplication::translate("cs::ui::Voucher", "Interbank transfer voucher")
                                  : QCoreApplication::translate("cs::ui::Voucher", "Transfer voucher");
}

QString transferVoucherFileName(const TransferRecord& transfer)
{
    return u"transfer-%1-%2.pdf"_s.arg(transfer.id).arg(transfer.businessDate.toString(u"yyyyMMdd"));
}

bool hasTransferVoucher(const TransferRecord& transfer)
{
    return transfer.txnId != 0;
}

VoucherSheet transferVoucherSheet(const TransferVoucher& voucher)
{
    const TransferRecord& t = voucher.transfer;
    VoucherSheet sheet;
    sheet.header = voucher.branchCode.isEmpty() ? voucher.branchName : u"%1  %2"_s.arg(voucher.branchName, voucher.branchCode);
    sheet.title = transferVoucherTitle(t);
    sheet.infoLeft = QCoreApplication::translate("cs::ui::Voucher", "Date: %1")
                         .arg(t.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"));
    sheet.infoCentre = QCoreApplication::translate("cs::ui::Voucher", "Business date: %1")
                           .arg(t.businessDate.toString(u"yyyy-MM-dd"));
    sheet.infoRight = QCoreApplication::translate("cs::ui::Voucher", "Transaction no.: %1").arg(t.txnId);
    const QString fee = t.feeWaived ? QCoreApplication::translate("cs::ui::Voucher", "%1 (waived)").arg(voucherFigures(t.fee))
                                    : voucherFigures(t.fee);
    sheet.rows = {
        {QCoreApplication::translate("cs::ui::Voucher", "Payer account"), t.fromAccount,
         QCoreApplication::translate("cs::ui::Voucher", "Payer"), t.fromName},
        {QCoreApplication::translate("cs::ui::Voucher", "Payee account"), t.toAccount,
         QCoreApplication::translate("cs::ui::Voucher", "Payee"), t.toName},
    };
    if (t.route != TransferRoute::Intra) {
        sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Payee bank code"), t.toBankCode,
                           QCoreApplication::translate("cs::ui::Voucher", "Route"), routeDisplayName(t.route)});
        if (!t.clearingMessageId.isEmpty())
            sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Clearing message"), t.clearingMessageId, {}, {}});
    } else {
        sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Transaction"),
                           QCoreApplication::translate("cs::ui::Voucher", "Transfer"),
                           QCoreApplication::translate("cs::ui::Voucher", "Route"), routeDisplayName(t.route)});
    }
    sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Amount in capitals"), capitalsText(t.amount), {}, {}, 11, true});
    sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Amount"), voucherFigures(t.amount),
                       QCoreApplication::translate("cs::ui::Voucher", "Fee"), fee, 10, true});
    sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Balance after"), voucherFigures(t.balanceAfter),
                       QCoreApplication::translate("cs::ui::Voucher", "Terminal"), t.terminal});
    sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Remarks"), t.remarks,
                       QCoreApplication::translate("cs::ui::Voucher", "Approval no."),
                       t.approvalId ? QString::number(t.approvalId) : QString()});
    sheet.footer = QCoreApplication::translate("cs::ui::Voucher", "Teller: %1").arg(t.makerLogin);
    sheet.signature = QCoreApplication::translate("cs::ui::Voucher", "Customer signature:");
    sheet.footnote = QCoreApplication::translate("cs::ui::Voucher", "Request %1").arg(t.requestId);
    return sheet;
}

void paintTransferVoucher(QPainter& painter, const QRectF& page, const TransferVoucher& voucher)
{
    paintVoucherSheet(painter, page, transferVoucherSheet(voucher));
}

Status writeTransferVoucherPdf(const TransferVoucher& voucher, const QString& path)
{
    return writeVoucherSheetPdf(transferVoucherSheet(voucher), path);
}

} // namespace cs::ui
