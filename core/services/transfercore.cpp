#include "services/transfercore.h"

#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "services/internalaccounts.h"
#include "services/transferrouting.h"
#include "storage/holdrepository.h"
#include "storage/journalrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::transfers {
namespace {

Currency currencyOf(const QString& code) { return Currency::fromCode(code).value_or(Currency::cny()); }
QString plain(qint64 minor, const QString& currency)
{
    return formatAmount(Money(minor, currencyOf(currency)), {.grouping = false, .withCode = false});
}

} // namespace

QString approvalActionOf(const TransferRow& row) { return row.kind == u"intra"_s ? actionIntra : actionInterbank; }

QString holdRequestId(qint64 id) { return u"transfer:%1:hold"_s.arg(id); }
QString postingRequestId(qint64 id) { return u"transfer:%1"_s.arg(id); }
QString returnRequestId(qint64 id) { return u"transfer:%1:return"_s.arg(id); }

Error notFound(qint64 id)
{
    return Error::notFound(u"transfer.not_found"_s, u"transfer"_s, QCoreApplication::translate("cs::TransferService", "There is no transfer %1.").arg(id));
}

Error notPending(qint64 id)
{
    return Error::refused(u"transfer.not_pending"_s, u"transfer"_s,
                          QCoreApplication::translate("cs::TransferService", "Transfer %1 is no longer waiting for approval.").arg(id));
}

Status checkDebit(const AccountRecord& a)
{
    if (a.state == u"closed"_s)
        return fail(Error::refused(u"posting.account_closed"_s, u"from_account"_s, QCoreApplication::translate("cs::TransferService", "Account %1 is closed.").arg(a.number)));
    if (a.state == u"dormant"_s)
        return fail(Error::refused(u"posting.account_dormant"_s, u"from_account"_s,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 is dormant: reactivate it before paying from it.").arg(a.number)));
    if (a.state == u"frozen"_s && (a.freezeMode == u"full"_s || a.freezeMode == u"debit"_s))
        return fail(Error::refused(u"posting.account_frozen"_s, u"from_account"_s,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 is frozen: nothing may be paid out of it.").arg(a.number)));
    return {};
}

Status checkCredit(const AccountRecord& a)
{
    if (a.state == u"closed"_s)
        return fail(Error::refused(u"posting.account_closed"_s, u"to_account"_s, QCoreApplication::translate("cs::TransferService", "Account %1 is closed.").arg(a.number)));
    if (a.state == u"dormant"_s)
        return fail(Error::refused(u"posting.account_dormant"_s, u"to_account"_s,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 is dormant: it takes no transfer until reactivated.").arg(a.number)));
    if (a.state == u"frozen"_s && (a.freezeMode == u"full"_s || a.freezeMode == u"credit"_s))
        return fail(Error::refused(u"posting.account_frozen"_s, u"to_account"_s,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 is frozen: nothing may be paid into it.").arg(a.number)));
    return {};
}

Status checkFunds(const AccountRecord& payer, qint64 total, qint64 ownHold)
{
    const Int128 available = Int128(payer.balance) - payer.held + payer.overdraftLimit + ownHold;
    if (available < total)
        return fail(Error::refused(u"transfer.insufficient_funds"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TransferService", "Insufficient funds: account %1 has %2 available, less than the amount and fee %3.")
                                       .arg(payer.number,
                                            formatAmount(Money(static_cast<qint64>(std::max<Int128>(available, 0)),
                                                               currencyOf(payer.currency))),
                                            formatAmount(Money(total, currencyOf(payer.currency))))));
    return {};
}

Result<TransferRecord> toRecord(UnitOfWork& uow, const TransferRow& row, bool withBalance)
{
    const Currency currency = currencyOf(row.currency);
    TransferRecord r;
    r.id = row.id;
    r.requestId = row.requestId;
    r.businessDate = row.businessDate;
    r.createdAt = row.createdAt;
    r.fromAccount = row.fromNumber;
    r.fromName = row.fromName;
    r.toAccount = row.toAccountNo;
    r.toName = row.toName;
    r.toBankCode = row.toBankCode;
    r.route = routeFromKey(row.route);
    r.amount = Money(row.amount, currency);
    r.fee = Money(row.fee, currency);
    r.feeWaived = row.feeWaived;
    r.remarks = row.remarks;
    r.state = row.state;
    r.approvalId = row.approvalId;
    r.txnId = row.txnId;
    r.returnTxnId = row.returnTxnId;
    r.clearingMessageId = row.clearingMessageId;
    r.clearingState = row.clearingState;
    r.clearingReason = row.clearingReason;
    r.makerLogin = row.makerLogin;
    r.terminal = row.terminal;
    r.balanceAfter = Money::zero(currency);
    if (withBalance && row.txnId > 0) {
        auto payer = AccountRepository(uow).findById(row.fromAccountId);
        if (!payer)
            return fail(payer.error());
        if (payer->has_value()) {
            // The payer's balance right after the transfer's own posting.
            auto balance = JournalRepository(uow).signedSumBefore(row.fromAccountId, (*payer)->normalSide, row.txnId + 1, 0);
            if (!balance)
                return fail(balance.error());
            r.balanceAfter = Money(*balance, currency);
        }
    }
    return r;
}

Result<TransferRecord> load(UnitOfWork& uow, qint64 id, bool withBalance)
{
    auto row = TransferRepository(uow).find(id);
    if (!row)
        return fail(row.error());
    if (!row->has_value())
        return fail(notFound(id));
    return toRecord(uow, **row, withBalance);
}

Result<TransferRow> execute(UnitOfWork& uow, const Session& actor, TransferRow row, qint64 approvalId, bool insertRow)
{
    const Currency currency = currencyOf(row.currency);
    const bool intra = row.kind == u"intra"_s;
    auto ledger = InternalAccounts::ensure(uow, row.branchId, currency);
    if (!ledger)
        return fail(ledger.error());
    const Money amount(row.amount, currency);
    const Money fee(row.fee, currency);
    auto total = amount.plus(fee);
    if (!total)
        return fail(total.error());

    PostingRequest posting;
    posting.requestId = postingRequestId(row.id);
    posting.kind = intra ? u"transfer"_s : u"interbank_transfer"_s;
    posting.branchId = row.branchId;
    posting.businessDate = actor.businessDate;
    posting.staffId = actor.staffId;
    posting.terminal = actor.terminal;
    posting.approvalId = approvalId;
    posting.memo = row.remarks;
    posting.lines = {{row.fromAccountId, 'D', *total, {}}, {intra ? row.toAccountId : ledger->clearing, 'C', amount, {}}};
    if (fee.isPositive())
        posting.lines.append({ledger->feeIncome, 'C', fee, {}});
    if (row.holdId > 0) {
        // A hold released meanwhile (it should not be) is simply not consumed: the funds rule of the
        // engine then decides alone.
        auto hold = HoldRepository(uow).find(row.holdId);
        if (!hold)
            return fail(hold.error());
        if (hold->has_value() && (*hold)->state == u"active"_s)
            posting.consumeHolds = {row.holdId};
    }
    auto posted = PostingEngine::post(uow, posting);
    if (!posted)
        return fail(posted.error());

    QString messageId;
    if (intra) {
        row.state = u"posted"_s;
        row.route = u"intra"_s;
    } else {
        auto settings = loadRoutingSettings(uow);
        if (!settings)
            return fail(settings.error());
        const QDateTime now = transferClockNow();
        const RoutingDecision decision = routeInterbank(row.amount, now, isClearingBusinessDay(now.date()), *settings,
                                                        row.route == u"ibps"_s);
        row.route = routeKey(decision.route);
        row.state = decision.queued ? u"queued"_s : u"sent"_s;
        if (!decision.queued)
            messageId = clearingMessageId(actor.branchCode, actor.businessDate, row.id);
    }
    row.txnId = posted->txnId;
    TransferRepository transfers(uow);
    if (insertRow) {
        if (auto inserted = transfers.insert(row); !inserted)
            return fail(inserted.error());
    } else if (auto moved = transfers.setExecuted(row.id, row.state, row.route, row.txnId); !moved) {
        return fail(moved.error());
    }
    if (!intra) {
        if (auto item = transfers.insertClearing(row.id, row.branchId, row.route, messageId); !item)
            return fail(item.error());
    }
    return row;
}

QJsonObject payloadOf(const TransferRow& row)
{
    return {{u"transfer_id"_s, row.id},
            {u"kind"_s, row.kind},
            {u"from_account"_s, row.fromNumber},
            {u"from_name"_s, row.fromName},
            {u"to_account"_s, row.toAccountNo},
            {u"to_name"_s, row.toName},
            {u"to_bank_code"_s, row.toBankCode},
            {u"route"_s, row.route},
            {u"currency"_s, row.currency},
            {u"amount"_s, plain(row.amount, row.currency)},
            {u"fee"_s, plain(row.fee, row.currency)},
            {u"fee_waived"_s, row.feeWaived},
            {u"remarks"_s, row.remarks}};
}

} // namespace cs::transfers
