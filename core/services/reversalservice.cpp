#include "services/reversalservice.h"

#include "approvals/approvalservice.h"
#include "ledger/postingengine.h"
#include "security/permissions.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/journalrepository.h"
#include "storage/reversalrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString actionRequest = u"reversal.request"_s;
// A checker's authority executes a reversal directly; an approved teller's request is executed under
// the same action (approval.decide), so the audit trail reads the same either way.
// The approval a teller's request waits as (ApprovalRegistry, settings approvals.required.reversal).
const QString actionApproval = u"reversal"_s;

bool isCashKind(const QString& kind) { return kind == u"cash_deposit"_s || kind == u"cash_withdrawal"_s; }

// The rules a reversal adds to the PostingEngine's (which refuses reversing a reversal or reversing twice).
// Cash (customer cash, and any transaction with a cash box line, such as the box's moves with the vault)
// belongs to the box's count: it is reversed only on its business day while that box session is still open.
Status checkOriginal(UnitOfWork& uow, const TxnHeader& original, const BranchDay& branch)
{
    if (original.branchId != branch.id)
        return fail(Error::refused(u"reversal.other_branch"_s, u"txn"_s,
                                   QCoreApplication::translate("cs::ReversalService",
                                                               "Transaction %1 was posted by another branch: that "
                                                               "branch reverses it.")
                                       .arg(original.id)));
    // The accounts in the PostingEngine's order (ascending id), before the cash box sessions are read.
    auto lines = JournalRepository(uow).lines(original.id);
    if (!lines)
        return fail(lines.error());
    QList<qint64> ids;
    for (const JournalLineRecord& line : std::as_const(*lines))
        ids.append(line.accountId);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (auto locked = AccountRepository(uow).lockForPosting(ids); !locked)
        return fail(locked.error());
    auto boxes = ReversalRepository(uow).cashBoxesOf(original.id);
    if (!boxes)
        return fail(boxes.error());
    if (boxes->isEmpty() && !isCashKind(original.kind))
        return {};
    if (original.businessDate != branch.businessDate)
        return fail(Error::refused(u"reversal.cash_other_day"_s, u"txn"_s,
                                   QCoreApplication::translate("cs::ReversalService",
                                                               "Cash transaction %1 was posted on %2: cash is reversed "
                                                               "only on its business day.")
                                       .arg(QString::number(original.id), original.businessDate.toString(Qt::ISODate))));
    for (const TouchedCashBox& box : std::as_const(*boxes)) {
        if (box.openSessionId == 0)
            return fail(Error::refused(u"reversal.cashbox_closed"_s, u"txn"_s,
                                       QCoreApplication::translate("cs::ReversalService",
                                                                   "The cash box of transaction %1 has been closed "
                                                                   "since: the cash can no longer be reversed.")
                                           .arg(original.id)));
    }
    return {};
}

// Balances of the customer accounts among the reversal's 'row' accounts, as stored in the response.
Result<QJsonArray> customerBalances(AccountRepository& accounts, const QHash<qint64, qint64>& balances)
{
    QList<qint64> ids = balances.keys();
    std::sort(ids.begin(), ids.end());
    QJsonArray out;
    for (qint64 id : std::as_const(ids)) {
        auto account = accounts.findById(id);
        if (!account)
            return fail(account.error());
        if (!account->has_value() || !(*account)->isCustomer())
            continue;
        out.append(QJsonObject{{u"account"_s, (*account)->number},
                               {u"balance_minor"_s, balances.value(id)},
                               {u"currency"_s, (*account)->currency}});
    }
    return out;
}

ReversalResult fromResponse(const QJsonObject& response, bool replayed)
{
    ReversalResult result;
    result.originalTxnId = response.value(u"original_txn_id"_s).toInteger();
    result.reversalTxnId = response.value(u"txn_id"_s).toInteger();
    result.replayed = replayed;
    result.approvalId = response.value(u"approval_id"_s).toInteger();
    result.state = response.value(u"state"_s).toString(u"posted"_s);
    const QJsonArray balances = response.value(u"balances"_s).toArray();
    for (const QJsonValue& value : balances) {
        const QJsonObject b = value.toObject();
        const Currency currency = Currency::fromCode(b.value(u"currency"_s).toString()).value_or(Currency::cny());
        result.balances.insert(b.value(u"account"_s).toString(), Money(b.value(u"balance_minor"_s).toInteger(), currency));
    }
    return result;
}

} // namespace

ReversalService::ReversalService(Database db) : m_db(std::move(db)) {}

Result<ReversalResult> ReversalService::reverse(const Session& session, qint64 txnId, const QString& reason,
                                                const QString& requestId) const
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalid(u"reversal.reason_required"_s, u"reason"_s,
                                   QCoreApplication::translate("cs::ReversalService", "Give the reason for the reversal.")));
    if (requestId.trimmed().isEmpty())
        return fail(Error::invalid(u"reversal.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::ReversalService",
                                                               "A reversal needs a request id.")));
    if (txnId <= 0)
        return fail(Error::invalid(u"reversal.txn"_s, u"txn"_s,
                                   QCoreApplication::translate("cs::ReversalService",
                                                               "Name the transaction to reverse by its number.")));

    // Supervisors do not start customer transactions (DOMAIN, maker-checker): a teller asks
    // (reversal.request), and a supervisor executes the request by approving it.
    bool ran = false;
    auto response = performAudited(
        m_db, session, {actionRequest, u"journal_txn"_s, QString::number(txnId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto required = ApprovalService::required(uow, actionApproval, std::nullopt);
            if (!required)
                return fail(required.error());
            if (*required) {
                auto pending = ApprovalService::submit(
                    uow, session,
                    {actionApproval, u"txn"_s, QString::number(txnId),
                     QJsonObject{{u"txn_id"_s, txnId}, {u"reason"_s, why}}, std::nullopt, requestId});
                if (!pending)
                    return fail(pending.error());
                audit.after = {{u"approval_id"_s, pending->approvalId}, {u"state"_s, pending->state}, {u"reason"_s, why}};
                return QJsonObject{{u"txn_id"_s, QJsonValue()},
                                   {u"original_txn_id"_s, txnId},
                                   {u"approval_id"_s, pending->approvalId},
                                   {u"state"_s, pending->state},
                                   {u"balances"_s, QJsonArray()}};
            }
            return reverseIn(uow, session, txnId, why, requestId, audit);
        });
    if (!response)
        return fail(response.error());
    return fromResponse(*response, !ran);
}

Result<QJsonObject> ReversalService::reverseIn(UnitOfWork& uow, const Session& session, qint64 txnId,
                                               const QString& reason, const QString& requestId, AuditEntry& audit,
                                               qint64 approvalId)
{
    const QString why = reason.trimmed();
    JournalRepository journal(uow);
    AccountRepository accounts(uow);
    auto original = journal.header(txnId);
    if (!original)
        return fail(original.error());
    if (!original->has_value())
        return fail(Error::notFound(u"reversal.txn_not_found"_s, u"txn"_s,
                                    QCoreApplication::translate("cs::ReversalService", "There is no transaction %1.")
                                        .arg(txnId)));
    auto branch = InternalAccounts::branch(accounts, session.branchId);
    if (!branch)
        return fail(branch.error());
    if (auto ok = checkOriginal(uow, **original, *branch); !ok)
        return fail(ok.error());

    PostingRequest base;
    base.requestId = requestId;
    base.branchId = session.branchId;
    base.businessDate = session.businessDate;
    base.staffId = session.staffId;
    base.terminal = session.terminal;
    base.memo = why;
    base.approvalId = approvalId;
    auto posted = PostingEngine::reverse(uow, txnId, base);
    if (!posted)
        return fail(posted.error());
    auto balances = customerBalances(accounts, posted->balances);
    if (!balances)
        return fail(balances.error());
    audit.before = {{u"txn_id"_s, txnId},
                    {u"kind"_s, (*original)->kind},
                    {u"business_date"_s, (*original)->businessDate.toString(Qt::ISODate)},
                    {u"state"_s, u"posted"_s}};
    audit.after = {{u"state"_s, u"reversed"_s}, {u"reversal_txn_id"_s, posted->txnId}, {u"reason"_s, why}};
    if (approvalId > 0)
        audit.after.insert(u"approval_id"_s, approvalId);
    return QJsonObject{{u"txn_id"_s, posted->txnId}, {u"original_txn_id"_s, txnId}, {u"balances"_s, *balances}};
}

} // namespace cs
