#include "print/voucher.h"

#include "widgets/amountedit.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString staffText(const CashReceipt& r)
{
    if (r.tellerName.isEmpty())
        return r.tellerLogin;
    return u"%1 (%2)"_s.arg(r.tellerName, r.tellerLogin);
}

VoucherSheet sheetOf(const CashReceipt& r)
{
    VoucherSheet sheet;
    sheet.header = r.branchCode.isEmpty() ? r.branchName : u"%1  %2"_s.arg(r.branchName, r.branchCode);
    sheet.title = voucherTitle(r);
    sheet.infoLeft = QCoreApplication::translate("cs::ui::Voucher", "Date: %1")
                         .arg(r.postedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"));
    sheet.infoCentre = QCoreApplication::translate("cs::ui::Voucher", "Business date: %1")
                           .arg(r.businessDate.toString(u"yyyy-MM-dd"));
    sheet.infoRight = QCoreApplication::translate("cs::ui::Voucher", "Transaction no.: %1").arg(r.txnId);
    const QString direction = r.direction == CashDirection::Deposit
                                  ? QCoreApplication::translate("cs::ui::Voucher", "Cash deposit")
                                  : QCoreApplication::translate("cs::ui::Voucher", "Cash withdrawal");
    const QString name = r.customerName.isEmpty() ? r.accountTitle : r.customerName;
    sheet.rows = {
        {QCoreApplication::translate("cs::ui::Voucher", "Account"), r.accountNumber,
         QCoreApplication::translate("cs::ui::Voucher", "Name"), name},
        {QCoreApplication::translate("cs::ui::Voucher", "Transaction"), direction,
         QCoreApplication::translate("cs::ui::Voucher", "Currency"), r.amount.currency().code()},
        {QCoreApplication::translate("cs::ui::Voucher", "Amount in capitals"), capitalsText(r.amount), {}, {}, 11, true},
        {QCoreApplication::translate("cs::ui::Voucher", "Amount"), voucherFigures(r.amount),
         QCoreApplication::translate("cs::ui::Voucher", "Fee"), voucherFigures(r.fee), 10, true},
        {QCoreApplication::translate("cs::ui::Voucher", "Balance after"), voucherFigures(r.balanceAfter),
         QCoreApplication::translate("cs::ui::Voucher", "Terminal"), r.terminal},
        {QCoreApplication::translate("cs::ui::Voucher", "Memo"), r.memo, {}, {}},
    };
    sheet.footer = QCoreApplication::translate("cs::ui::Voucher", "Teller: %1").arg(staffText(r));
    sheet.signature = QCoreApplication::translate("cs::ui::Voucher", "Customer signature:");
    sheet.footnote = QCoreApplication::translate("cs::ui::Voucher", "Request %1").arg(r.requestId);
    return sheet;
}

} // namespace

QString voucherTitle(const CashReceipt& receipt)
{
    return receipt.direction == CashDirection::Deposit
               ? QCoreApplication::translate("cs::ui::Voucher", "Cash deposit voucher")
               : QCoreApplication::translate("cs::ui::Voucher", "Cash withdrawal voucher");
}

QString voucherFileName(const CashReceipt& receipt)
{
    return u"voucher-%1-%2.pdf"_s.arg(receipt.txnId).arg(receipt.businessDate.toString(u"yyyyMMdd"));
}

VoucherSheet voucherSheet(const CashReceipt& receipt)
{
    return sheetOf(receipt);
}

void paintVoucher(QPainter& painter, const QRectF& page, const CashReceipt& receipt)
{
    paintVoucherSheet(painter, page, sheetOf(receipt));
}

Status printVoucher(const CashReceipt& receipt, QPagedPaintDevice& device)
{
    return printVoucherSheet(sheetOf(receipt), device);
}

Status writeVoucherPdf(const CashReceipt& receipt, const QString& path)
{
    return writeVoucherSheetPdf(sheetOf(receipt), path);
}

} // namespace cs::ui
