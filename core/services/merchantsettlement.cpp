#include "services/merchantsettlement.h"

#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "security/auditlog.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::merchants {
namespace {

Money cny(qint64 minor) { return Money(minor, Currency::cny()); }
QString plain(qint64 minor) { return formatAmount(cny(minor), {.grouping = false, .withCode = false}); }

QJsonObject totalsJson(const MerchantSettlementRow& s)
{
    return {{u"merchant_id"_s, s.merchantId},
            {u"business_date"_s, s.businessDate.toString(Qt::ISODate)},
            {u"payment_id"_s, s.paymentId > 0 ? QJsonValue(s.paymentId) : QJsonValue()},
            {u"gross"_s, plain(s.gross)},
            {u"fees"_s, plain(s.fees)},
            {u"refunds"_s, plain(s.refunds)},
            {u"net"_s, plain(s.net)},
            {u"payments"_s, s.payments},
            {u"txn_id"_s, s.txnId > 0 ? QJsonValue(s.txnId) : QJsonValue()}};
}

// Posts one settlement and writes its row; the row's id. Nothing is posted when every amount is zero.
Result<qint64> settle(UnitOfWork& uow, const Session& session, const MerchantRow& merchant, const BranchLedger& ledger,
                      MerchantSettlementRow row, const QString& requestId)
{
    row.merchantId = merchant.id;
    row.branchId = session.branchId;
    row.staffId = session.staffId;
    row.net = row.gross - row.fees - row.refunds;
    PostingRequest posting;
    posting.requestId = requestId;
    posting.kind = u"merchant_settlement"_s;
    posting.branchId = session.branchId;
    posting.businessDate = row.businessDate;
    posting.staffId = session.staffId;
    posting.terminal = session.terminal;
    posting.memo = QCoreApplication::translate("cs::Merchants", "Settlement of merchant %1").arg(merchant.code);
    if (const qint64 owed = row.gross - row.refunds; owed > 0)
        posting.lines.append({ledger.merchantSettlement, 'D', cny(owed), {}});
    if (row.fees > 0)
        posting.lines.append({ledger.feeIncome, 'C', cny(row.fees), QCoreApplication::translate("cs::Merchants", "Merchant fees")});
    if (row.net != 0)
        posting.lines.append({merchant.settlementAccountId, row.net > 0 ? 'C' : 'D', cny(row.net > 0 ? row.net : -row.net), {}});
    if (!posting.lines.isEmpty()) {
        auto posted = PostingEngine::post(uow, posting);
        if (!posted)
            return fail(posted.error());
        row.txnId = posted->txnId;
    }
    MerchantRepository merchants(uow);
    auto id = merchants.insertSettlement(row);
    if (!id)
        return fail(id.error());
    row.id = *id;
    const AuditEntry entry{u"merchant.settle"_s, u"merchant_settlement"_s, QString::number(*id), true, {}, {}, totalsJson(row)};
    if (auto audited = AuditLog::append(uow, AuditActor::of(session), entry); !audited)
        return fail(audited.error());
    return *id;
}

} // namespace

Result<qint64> settlePayment(UnitOfWork& uow, const Session& session, const MerchantRow& merchant, const BranchLedger& ledger,
                             qint64 paymentId)
{
    MerchantRepository merchants(uow);
    auto payment = merchants.findPaymentById(paymentId);
    if (!payment)
        return fail(payment.error());
    if (!payment->has_value() || (*payment)->state != u"captured"_s)
        return fail(Error::internal(u"merchant.settle_state"_s, u"Payment %1 is not captured"_s.arg(paymentId)));
    MerchantSettlementRow row;
    row.businessDate = session.businessDate;
    row.paymentId = paymentId;
    row.gross = (*payment)->captured;
    row.fees = (*payment)->fee;
    row.refunds = (*payment)->refunded;
    row.payments = 1;
    auto id = settle(uow, session, merchant, ledger, row, u"msettle:p%1"_s.arg(paymentId));
    if (!id)
        return fail(id.error());
    if (auto settled = merchants.setSettled(paymentId, *id); !settled)
        return fail(settled.error());
    return *id;
}

Result<QJsonObject> settleDue(UnitOfWork& uow, const Session& session, const QDate& businessDate)
{
    MerchantRepository merchants(uow);
    auto due = merchants.merchantsDue(session.branchId, businessDate);
    if (!due)
        return fail(due.error());
    int settledMerchants = 0;
    int payments = 0;
    qint64 gross = 0, fees = 0, refunds = 0, net = 0;
    for (qint64 merchantId : std::as_const(*due)) {
        // The day of this merchant is settled already: what became due since waits for the next day.
        auto done = merchants.findDaySettlement(merchantId, businessDate);
        if (!done)
            return fail(done.error());
        if (done->has_value())
            continue;
        auto merchant = merchants.findMerchant(merchantId);
        if (!merchant)
            return fail(merchant.error());
        if (!merchant->has_value())
            return fail(Error::internal(u"merchant.not_found"_s, u"Merchant %1 vanished"_s.arg(merchantId)));
        auto totals = merchants.lockDue(merchantId, businessDate);
        if (!totals)
            return fail(totals.error());
        if (totals->payments == 0)
            continue;
        auto ledger = InternalAccounts::ensure(uow, (*merchant)->branchId);
        if (!ledger)
            return fail(ledger.error());
        MerchantSettlementRow row;
        row.businessDate = businessDate;
        row.gross = totals->gross;
        row.fees = totals->fees;
        row.refunds = totals->refunds;
        row.payments = totals->payments;
        auto id = settle(uow, session, **merchant, *ledger, row,
                         u"msettle:%1:%2"_s.arg(merchantId).arg(businessDate.toString(u"yyyyMMdd"_s)));
        if (!id)
            return fail(id.error());
        auto moved = merchants.settleDue(merchantId, businessDate, *id);
        if (!moved)
            return fail(moved.error());
        if (*moved != totals->payments)
            return fail(Error::conflict(u"db.conflict"_s, QCoreApplication::translate("cs::Merchants",
                                                                                      "The merchant's payments changed while "
                                                                                      "they were being settled; try again.")));
        ++settledMerchants;
        payments += totals->payments;
        gross += totals->gross;
        fees += totals->fees;
        refunds += totals->refunds;
        net += totals->gross - totals->fees - totals->refunds;
    }
    return QJsonObject{{u"merchants"_s, settledMerchants},
                       {u"payments"_s, payments},
                       {u"gross"_s, plain(gross)},
                       {u"fees"_s, plain(fees)},
                       {u"refunds"_s, plain(refunds)},
                       {u"net"_s, plain(net)}};
}

} // namespace cs::merchants
