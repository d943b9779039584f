#include "print/cardvoucher.h"

#include "domain/cardrules.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::ui {

QString cardVoucherTitle(bool reprint)
{
    return reprint ? QCoreApplication::translate("cs::ui::Voucher", "Card issuance voucher (reprint)")
                   : QCoreApplication::translate("cs::ui::Voucher", "Card issuance voucher");
}

QString cardVoucherFileName(const CardVoucher& voucher)
{
    return u"card-%1-%2.pdf"_s.arg(voucher.card.cardId).arg(voucher.businessDate.toString(u"yyyyMMdd"));
}

QString groupedPan(const QString& pan)
{
    QString grouped;
    for (qsizetype i = 0; i < pan.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            grouped += u' ';
        grouped += pan.at(i);
    }
    return grouped;
}

VoucherSheet cardVoucherSheet(const CardVoucher& voucher)
{
    const IssuedCard& c = voucher.card;
    VoucherSheet sheet;
    sheet.header = voucher.branchCode.isEmpty() ? voucher.branchName : u"%1  %2"_s.arg(voucher.branchName, voucher.branchCode);
    sheet.title = cardVoucherTitle(voucher.reprint);
    sheet.infoLeft = QCoreApplication::translate("cs::ui::Voucher", "Date: %1")
                         .arg(voucher.issuedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"));
    sheet.infoCentre = QCoreApplication::translate("cs::ui::Voucher", "Business date: %1")
                           .arg(voucher.businessDate.toString(u"yyyy-MM-dd"));
    sheet.infoRight = QCoreApplication::translate("cs::ui::Voucher", "Card record: %1").arg(c.cardId);
    const auto product = cardProductFromKey(c.productCode);
    const QString productName = product ? cardProductLabel(*product) : c.productCode;
    const bool ownAccount = !c.cardAccount.isEmpty() && c.cardAccount != c.account;
    QString limitLabel;
    if (product == CardProduct::Quasi)
        limitLabel = QCoreApplication::translate("cs::ui::Voucher", "Overdraft limit");
    else if (product == CardProduct::Credit)
        limitLabel = QCoreApplication::translate("cs::ui::Voucher", "Credit limit");
    const QString limitText = voucher.limit ? voucherFigures(*voucher.limit) : QCoreApplication::translate("cs::ui::Voucher", "Product default");
    sheet.rows = {
        {QCoreApplication::translate("cs::ui::Voucher", "Card number"), groupedPan(c.pan), {}, {}, 11, true},
        {QCoreApplication::translate("cs::ui::Voucher", "Cardholder"), c.customerName, QCoreApplication::translate("cs::ui::Voucher", "Card product"), productName},
        {QCoreApplication::translate("cs::ui::Voucher", "Settlement account"), c.account, ownAccount ? QCoreApplication::translate("cs::ui::Voucher", "Card account") : QCoreApplication::translate("cs::ui::Voucher", "Expires"),
         ownAccount ? c.cardAccount : c.expiresOn.toString(u"MM/yyyy")},
    };
    if (ownAccount)
        sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Expires"), c.expiresOn.toString(u"MM/yyyy"), limitLabel, limitText});
    sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "PIN"), voucher.pinSet ? QCoreApplication::translate("cs::ui::Voucher", "Set by the cardholder") : QCoreApplication::translate("cs::ui::Voucher", "Not set yet"),
                       QCoreApplication::translate("cs::ui::Voucher", "Terminal"), voucher.terminal});
    sheet.rows.append({QCoreApplication::translate("cs::ui::Voucher", "Notice"),
                       QCoreApplication::translate("cs::ui::Voucher", "Sign the back of the card. Keep the PIN secret; the bank never asks for it."), {}, {}});
    const QString teller = voucher.tellerName.isEmpty() ? voucher.tellerLogin
                                                        : u"%1 (%2)"_s.arg(voucher.tellerName, voucher.tellerLogin);
    sheet.footer = QCoreApplication::translate("cs::ui::Voucher", "Teller: %1").arg(teller);
    sheet.signature = QCoreApplication::translate("cs::ui::Voucher", "Cardholder signature:");
    sheet.footnote = QCoreApplication::translate("cs::ui::Voucher", "Request %1").arg(voucher.requestId);
    return sheet;
}

Status writeCardVoucherPdf(const CardVoucher& voucher, const QString& path)
{
    return writeVoucherSheetPdf(cardVoucherSheet(voucher), path);
}

} // namespace cs::ui
