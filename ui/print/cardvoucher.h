#pragma once

#include "common/result.h"
#include "money/money.h"
#include "print/vouchersheet.h"
#include "services/cardservice.h"

#include <QDateTime>

#include <optional>

namespace cs::ui {

// A card as its issuance voucher (开卡回单) prints it: the card as issued, where, by whom and when.
// The voucher is the one paper that bears the full card number; it is handed to the cardholder.
struct CardVoucher {
    IssuedCard card;
    QString branchCode;
    QString branchName;
    QString tellerLogin;
    QString tellerName;
    QString terminal;
    QDate businessDate;
    QDateTime issuedAt;
    QString requestId;
    std::optional<Money> limit; // quasi: overdraft limit; credit: credit limit, when one was chosen
    bool pinSet = false;
    bool reprint = false; // printed again later from the Counter (CardService::voucherPan)
};

// The voucher laid out as every voucher is (paintVoucherSheet): the full card number in groups of four,
// cardholder and product, settlement and card account, expiry, limit, whether the PIN was set, teller
// and terminal, and the cardholder's signature line. Texts are in the context "cs::ui::Voucher".
VoucherSheet cardVoucherSheet(const CardVoucher& voucher);
Status writeCardVoucherPdf(const CardVoucher& voucher, const QString& path);

// "Card issuance voucher" or, for a reprint, "Card issuance voucher (reprint)", translated.
QString cardVoucherTitle(bool reprint = false);
// A file name to offer: card-<id>-<yyyyMMdd>.pdf (never the card number).
QString cardVoucherFileName(const CardVoucher& voucher);
// "6217 0000 0000 0000 004": the digits in groups of four, as cards emboss them.
QString groupedPan(const QString& pan);

} // namespace cs::ui
