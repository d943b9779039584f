#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// One row of `merchants` (0011), with its settlement account's number.
struct MerchantRow {
    qint64 id = 0;
    QString code;
    QString name;
    qint64 branchId = 0;
    qint64 customerId = 0;
    qint64 settlementAccountId = 0;
    QString feePlan;          // b2b_percent, b2b_fixed, b2c
    qint64 feeRateBp = 0;
    qint64 fixedFee = 0;      // fen
    QString cycle;            // t0_realtime, t0_eod, tn
    int settlementDays = 0;
    QString state;            // active, suspended
    QString requestId;
    qint64 createdBy = 0;
    // Read with the row (not written):
    QString settlementAccount;
};

// One row of `merchant_payments`, with the payer account's number.
struct MerchantPaymentRow {
    qint64 id = 0;
    qint64 merchantId = 0;
    qint64 branchId = 0;
    QString orderNumber;
    QString requestId;
    QString mode;             // immediate, delayed, authorised
    QString state;            // authorised, captured, settled, voided
    QString channel;          // counter, online, pos
    qint64 payerAccountId = 0;
    qint64 payerCardId = 0;
    qint64 amount = 0;
    qint64 captured = 0;
    qint64 refunded = 0;
    qint64 fee = 0;
    QDate businessDate;
    QDate capturedOn;
    QDate settleOn;
    qint64 settlementId = 0;
    qint64 holdId = 0;
    qint64 txnId = 0;
    qint64 staffId = 0;
    QString terminal;
    // Read with the row (not written):
    QString payerAccount;
};

struct MerchantRefundRow {
    qint64 id = 0;
    qint64 paymentId = 0;
    qint64 branchId = 0;
    QString requestId;
    qint64 amount = 0;
    bool afterSettlement = false;
    QDate businessDate;
    qint64 txnId = 0;
    qint64 staffId = 0;
    QString terminal;
};

// One row of `merchant_settlements`, with the merchant's code and name.
struct MerchantSettlementRow {
    qint64 id = 0;
    qint64 merchantId = 0;
    qint64 branchId = 0;
    QDate businessDate;
    qint64 paymentId = 0;     // a real-time settlement of one payment; 0: end of day
    qint64 gross = 0;
    qint64 fees = 0;
    qint64 refunds = 0;
    qint64 net = 0;
    int payments = 0;
    qint64 txnId = 0;
    qint64 staffId = 0;
    // Read with the row (not written):
    QString merchantCode;
    QString merchantName;
};

// What end of day settles for one merchant: its captured payments due on or before a date, not yet
// settled, with the refunds made on them before settlement.
struct MerchantDue {
    int payments = 0;
    qint64 gross = 0;
    qint64 fees = 0;
    qint64 refunds = 0;
};

// Every SQL statement about merchants, their payments, refunds and settlements.
class MerchantRepository {
public:
    explicit MerchantRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The id the next merchant takes (its code is made from it before the insert).
    Result<qint64> nextMerchantId();
    Status insertMerchant(const MerchantRow& row); // with row.id from nextMerchantId()
    Result<std::optional<MerchantRow>> findMerchant(qint64 id);
    Result<std::optional<MerchantRow>> findMerchantByRequestId(const QString& requestId);
    Result<QList<MerchantRow>> listMerchants();

    // The id the next payment takes: its hold and postings carry request ids made from it.
    Result<qint64> nextPaymentId();
    Status insertPayment(const MerchantPaymentRow& row); // with row.id from nextPaymentId()
    Result<std::optional<MerchantPaymentRow>> findPayment(qint64 merchantId, const QString& orderNumber);
    Result<std::optional<MerchantPaymentRow>> findPaymentById(qint64 id);
    // Locks the row (PostgreSQL FOR UPDATE; SQLite's write transaction is the lock), then reads it.
    Result<std::optional<MerchantPaymentRow>> lockPayment(qint64 merchantId, const QString& orderNumber);
    // authorised -> captured with what was posted; NotFound unless it was authorised.
    Status setCaptured(qint64 id, qint64 captured, qint64 fee, const QDate& capturedOn, const QDate& settleOn, qint64 txnId);
    // refunded += amount, never above captured (the CHECK refuses it too).
    Status addRefunded(qint64 id, qint64 amount);
    // captured -> settled by the settlement.
    Status setSettled(qint64 id, qint64 settlementId);
    // Online payments of the card on the day (authorised, captured or settled): its online day total.
    Result<qint64> onlineCardTotal(qint64 cardId, const QDate& day);

    Result<qint64> nextRefundId();
    Status insertRefund(const MerchantRefundRow& row); // with row.id from nextRefundId()

    // Merchants of the branch with captured payments due on or before `day` that are not settled.
    Result<QList<qint64>> merchantsDue(qint64 branchId, const QDate& day);
    // Locks those payments of one merchant (PostgreSQL FOR UPDATE) and sums them with their refunds.
    Result<MerchantDue> lockDue(qint64 merchantId, const QDate& day);
    // The payments lockDue summed move to settled under the settlement; how many moved.
    Result<int> settleDue(qint64 merchantId, const QDate& day, qint64 settlementId);

    // The end-of-day settlement of a merchant's day, when there is one.
    Result<std::optional<MerchantSettlementRow>> findDaySettlement(qint64 merchantId, const QDate& day);
    Result<qint64> insertSettlement(const MerchantSettlementRow& row); // its id
    Result<QList<MerchantSettlementRow>> settlements(const QDate& from, const QDate& to);

private:
    Result<qint64> nextId(const QString& table);
    Result<std::optional<MerchantRow>> selectMerchant(const QString& condition, const QVariantList& values);
    Result<std::optional<MerchantPaymentRow>> selectPayment(const QString& condition, const QVariantList& values);
    Status updateOne(const QString& sql, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
