#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "storage/database.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// Merchant acquiring (DOMAIN "Merchant acquiring and settlement").
// Fee plans per merchant contract: b2b_percent (0.1%: rate 10 bp), b2b_fixed (¥5.00 per transaction),
// b2c (0.2%-0.3%: rate 20..30 bp); fees rounded half up to the fen. Cycles: t0_realtime (each payment
// settles at once), t0_eod (settled by that day's end of day), tn (settled by the end of day of
// business date + N days, N >= 1).
struct MerchantContract {
    QString feePlan;            // b2b_percent, b2b_fixed, b2c
    qint64 feeRateBp = 0;       // percent plans
    Money fixedFee = Money::zero(Currency::cny()); // b2b_fixed
    QString cycle;              // t0_realtime, t0_eod, tn
    int settlementDays = 0;     // tn: N
};

struct NewMerchantRequest {
    QString name;
    qint64 customerId = 0;      // the merchant's customer record (a company)
    QString settlementAccount;  // its corporate account number
    MerchantContract contract;
    QString requestId;
};

struct MerchantView {
    qint64 id = 0;
    QString code;               // "M" + 8 digits
    QString name;
    qint64 customerId = 0;      // (added)
    QString settlementAccount;
    MerchantContract contract;
    QString state;              // active, suspended
};

// Payment modes: immediate (debited and captured at once), delayed (debited now, settled when
// confirmed), authorised (a hold now, captured later up to the authorised amount). Confirmation of a
// delayed payment is its merchant's end of day: a t0_realtime merchant's delayed payments settle at that
// day's end of day, not at once; for the other cycles delayed and immediate settle alike.
struct PaymentRequest {
    qint64 merchantId = 0;
    QString orderNumber;        // unique per merchant
    QString mode;               // immediate, delayed, authorised
    QString payerAccount;       // a customer account, or:
    qint64 payerCardId = 0;     // a card (its card account; card rules: active, online limits)
    Money amount = Money::zero(Currency::cny());
    QString channel;            // counter, online, pos
    QString requestId;
};

struct PaymentView {
    qint64 id = 0;
    qint64 merchantId = 0;
    QString orderNumber;
    QString mode;
    QString state;              // authorised, captured, settled, voided
    QString channel;            // (added) counter, online, pos
    QString payerAccount;       // (added) the account debited or held (a card's card account)
    qint64 payerCardId = 0;     // (added)
    Money amount = Money::zero(Currency::cny());   // authorised or paid
    Money captured = Money::zero(Currency::cny()); // (added) what was posted (0 while authorised)
    Money refunded = Money::zero(Currency::cny());
    Money fee = Money::zero(Currency::cny());
    QDate businessDate;
    QDate settleOn;             // the business date whose end of day settles it
    qint64 settlementId = 0;
    qint64 txnId = 0;           // (added) the payment's or capture's posting
};

// One settlement posting: at end of day one per merchant and business date; a t0_realtime merchant's
// immediate payments are settled one by one (paymentId).
struct SettlementView {
    qint64 id = 0;
    qint64 merchantId = 0;
    QString merchantCode;       // (added)
    QString merchantName;       // (added)
    qint64 paymentId = 0;       // (added) real time: the payment settled; 0: end of day
    QDate businessDate;
    Money gross = Money::zero(Currency::cny());
    Money fees = Money::zero(Currency::cny());
    Money refunds = Money::zero(Currency::cny());
    Money net = Money::zero(Currency::cny());
    int payments = 0;
    qint64 txnId = 0;
};

// Merchants, payments, refunds and settlement; every change audited and idempotent (performAudited),
// money only through the PostingEngine (payer -> merchant_settlement internal account -> merchant).
// Codes (Invalid unless said): merchant.name, merchant.fee_plan, merchant.fee_rate (field rate_bp),
// merchant.fixed_fee (field fixed), merchant.cycle, merchant.settlement_days (field days),
// merchant.request_id, merchant.order (order number: 1-32 letters, digits, '-' or '_'), merchant.mode,
// merchant.channel, merchant.amount, merchant.payer (exactly one of account and card);
// Refused merchant.customer_kind (a company only), merchant.account_owner (the settlement account is the
// customer's), merchant.inactive, merchant.order_exists (field order), merchant.not_authorised (capture of a
// payment that is not authorised), merchant.capture_exceeds (field amount), merchant.not_captured (refund
// of an authorised or voided payment), merchant.refund_exceeds (field amount), merchant.same_account,
// merchant.currency; NotFound merchant.not_found (field merchant), merchant.payment_not_found (field
// order), customer.not_found, account.not_found, card.not_found; and the card and posting codes.
class MerchantService {
public:
    explicit MerchantService(Database db);

    Result<MerchantView> add(const Session& session, const NewMerchantRequest& request) const; // merchant.manage
    Result<QList<MerchantView>> list(const Session& session) const;
    Result<PaymentView> pay(const Session& session, const PaymentRequest& request) const;  // merchant.pay
    Result<PaymentView> capture(const Session& session, qint64 merchantId, const QString& orderNumber,
                                const std::optional<Money>& amount, const QString& requestId) const;
    // Never above what is left of the order (Refused merchant.refund_exceeds, field "amount").
    Result<PaymentView> refund(const Session& session, qint64 merchantId, const QString& orderNumber,
                               const Money& amount, const QString& requestId) const;
    Result<PaymentView> payment(const Session& session, qint64 merchantId, const QString& orderNumber) const;
    Result<QList<SettlementView>> settlements(const Session& session, const QDate& from, const QDate& to) const;

    // End of day: settles every merchant whose payments are due on or before `businessDate` (gross,
    // fees, refunds, net posted to its account) inside the caller's transaction. Answers
    // {"merchants": n, "gross": "...", "fees": "...", "refunds": "...", "net": "..."} (and "payments").
    // The merchants of the session's branch; `businessDate` is the branch's (open) business date. Once
    // a merchant's day is settled, a second call settles nothing for it again (payments made due later
    // wait for the next day's run).
    static Result<QJsonObject> settleDueIn(UnitOfWork& uow, const Session& session, const QDate& businessDate);

private:
    Database m_db;
};

// The JSON of the answers and of the stored responses (amounts as decimal strings).
QJsonObject merchantJson(const MerchantView& merchant);
QJsonObject merchantPaymentJson(const PaymentView& payment);
QJsonObject merchantSettlementJson(const SettlementView& settlement);

} // namespace cs
