// TEMPORARY (UI branch only; the lead deletes this file at merge): a minimal TransferService so the
// Transfers workspace can be built and tried before the real service is merged. Transfers are kept in
// memory (per process); money really moves through the PostingEngine (intra-bank to the payee,
// interbank to clearing), a transfer waiting for approval holds its funds. Not audited.
#include "services/transferservice.h"

#include "approvals/approvalservice.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "services/accountservice.h"
#include "services/internalaccounts.h"
#include "storage/accountrepository.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace cs {

namespace {

struct Stored {
    TransferRecord record;
    qint64 branchId = 0;
    qint64 makerId = 0;
    qint64 holdId = 0;
};

QMutex& storeMutex()
{
    static QMutex m;
    return m;
}
QList<Stored>& store()
{
    static QList<Stored> s;
    return s;
}

// Placeholder arithmetic (amounts here are small and of one currency).
Money add(const Money& a, const Money& b) { return Money(a.minor() + b.minor(), a.currency()); }
Money sub(const Money& a, const Money& b) { return Money(a.minor() - b.minor(), a.currency()); }

Money feeFor(const TransferRequest& r, TransferRoute route)
{
    if (r.waiveFee || route == TransferRoute::Intra)
        return Money::zero(r.amount.currency());
    return Money(route == TransferRoute::Hvps ? 2000 : 500, r.amount.currency());
}

Result<qint64> accountId(UnitOfWork& uow, const QString& number)
{
    AccountRepository accounts(uow);
    auto found = accounts.findByNumber(number);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"account.not_found"_s, u"to_account"_s,
                                    QCoreApplication::translate("cs::TransferService", "There is no account %1.").arg(number)));
    return (*found)->id;
}

Result<PostingResult> postTransfer(UnitOfWork& uow, const Session& actor, const TransferRecord& t, qint64 branchId,
                                   qint64 holdId, qint64 approvalId)
{
    auto from = accountId(uow, t.fromAccount);
    if (!from)
        return fail(from.error());
    PostingRequest p;
    p.requestId = t.requestId;
    p.kind = u"transfer"_s;
    p.branchId = branchId;
    p.businessDate = actor.businessDate;
    p.staffId = actor.staffId;
    p.terminal = actor.terminal;
    p.approvalId = approvalId;
    p.memo = t.remarks;
    if (holdId)
        p.consumeHolds = {holdId};
    p.lines.append({*from, 'D', add(t.amount, t.fee), {}});
    auto ledger = InternalAccounts::ensure(uow, branchId);
    if (!ledger)
        return fail(ledger.error());
    if (t.route == TransferRoute::Intra) {
        auto to = accountId(uow, t.toAccount);
        if (!to)
            return fail(to.error());
        p.lines.append({*to, 'C', t.amount, {}});
    } else {
        p.lines.append({ledger->clearing, 'C', t.amount, {}});
    }
    if (t.fee.isPositive())
        p.lines.append({ledger->feeIncome, 'C', t.fee, {}});
    return PostingEngine::post(uow, p);
}

} // namespace

namespace uiplaceholder {

Result<QJsonObject> transferDecided(UnitOfWork& uow, const Session& actor, const ApprovalRecord& approval,
                                    const QString& state)
{
    QMutexLocker lock(&storeMutex());
    for (Stored& s : store()) {
        if (s.record.approvalId != approval.id || s.record.requestId != approval.requestId)
            continue;
        if (state == u"approved"_s) {
            auto posted = postTransfer(uow, actor, s.record, s.branchId, s.holdId, approval.id);
            if (!posted)
                return fail(posted.error());
            auto from = accountId(uow, s.record.fromAccount);
            s.record.txnId = posted->txnId;
            s.record.balanceAfter = Money(from ? posted->balances.value(*from) : 0, s.record.amount.currency());
            s.record.state = s.record.route == TransferRoute::Intra ? u"posted"_s : u"sent"_s;
            if (s.record.route != TransferRoute::Intra) {
                s.record.clearingState = u"sent"_s;
                s.record.clearingMessageId = u"MSG%1"_s.arg(s.record.id, 8, 10, QChar(u'0'));
            }
            return QJsonObject{{u"transfer_id"_s, s.record.id}, {u"txn_id"_s, s.record.txnId}};
        }
        if (s.holdId) {
            if (auto released = PostingEngine::releaseHold(uow, s.holdId, actor.staffId); !released)
                return fail(released.error());
        }
        s.record.state = state == u"rejected"_s ? u"refused"_s : state;
        return QJsonObject{{u"transfer_id"_s, s.record.id}};
    }
    return QJsonObject{};
}

} // namespace uiplaceholder

QString routeKey(TransferRoute route)
{
    switch (route) {
    case TransferRoute::Intra: return u"intra"_s;
    case TransferRoute::Hvps: return u"hvps"_s;
    case TransferRoute::Beps: return u"beps"_s;
    case TransferRoute::Ibps: return u"ibps"_s;
    }
    return {};
}

QString routeDisplayName(TransferRoute route)
{
    switch (route) {
    case TransferRoute::Intra: return QCoreApplication::translate("cs::TransferService", "Within the bank");
    case TransferRoute::Hvps: return QCoreApplication::translate("cs::TransferService", "HVPS (large-value real-time)");
    case TransferRoute::Beps: return QCoreApplication::translate("cs::TransferService", "BEPS (bulk electronic)");
    case TransferRoute::Ibps: return QCoreApplication::translate("cs::TransferService", "IBPS (online)");
    }
    return {};
}

bool validBankCode(const QString& code)
{
    if (code.size() != 12)
        return false;
    for (QChar c : code) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

RoutingDecision routeInterbank(qint64 amountMinor, const QDateTime&, bool, const RoutingSettings& s)
{
    return {amountMinor > s.bepsLimit ? TransferRoute::Hvps : TransferRoute::Beps, false};
}

TransferService::TransferService(Database db) : m_db(std::move(db)) {}

Result<TransferPreview> TransferService::preview(const Session& session, const TransferRequest& r) const
{
    if (!r.amount.isPositive())
        return fail(Error::invalid(u"transfer.amount"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TransferService", "The amount must be greater than zero.")));
    if (r.isInterbank() && !validBankCode(r.toBankCode))
        return fail(Error::invalid(u"transfer.bank_code"_s, u"to_bank_code"_s,
                                   QCoreApplication::translate("cs::TransferService", "The bank code has 12 digits.")));
    if (r.isInterbank() && r.toName.trimmed().isEmpty())
        return fail(Error::invalid(u"transfer.to_name"_s, u"to_name"_s,
                                   QCoreApplication::translate("cs::TransferService", "Give the payee's name.")));
    const AccountService accounts(m_db);
    auto from = accounts.show(session, r.fromAccount);
    if (!from) {
        Error e = from.error();
        e.field = u"from_account"_s;
        return fail(e);
    }
    TransferPreview p;
    p.fromAccount = from->number;
    p.fromName = from->customerName.isEmpty() ? from->title : from->customerName;
    p.toAccount = r.toAccount;
    p.toBankCode = r.toBankCode;
    p.toName = r.toName;
    if (!r.isInterbank()) {
        auto to = accounts.show(session, r.toAccount);
        if (!to) {
            Error e = to.error();
            e.field = u"to_account"_s;
            return fail(e);
        }
        if (to->number == from->number)
            return fail(Error::invalid(u"transfer.same_account"_s, u"to_account"_s,
                                       QCoreApplication::translate("cs::TransferService", "Payer and payee are the same account.")));
        p.toName = to->customerName.isEmpty() ? to->title : to->customerName;
        p.route = TransferRoute::Intra;
    } else {
        p.route = routeInterbank(r.amount.minor(), QDateTime::currentDateTime(), true, {100'000'000, {}, {}, false, 0}).route;
    }
    p.amount = r.amount;
    TransferRequest withRoute = r;
    p.fee = feeFor(withRoute, p.route);
    p.balanceAfter = sub(sub(from->balance, r.amount), p.fee);
    p.availableAfter = sub(sub(from->available, r.amount), p.fee);
    p.approvalRequired = r.isInterbank() || r.waiveFee || r.amount.minor() > 5'000'000;
    p.amountInCapitals = chineseCapitals(r.amount).value_or(QString());
    if (p.availableAfter.isNegative())
        return fail(Error::refused(u"posting.insufficient_funds"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TransferService", "The account does not have enough available funds.")));
    return p;
}

Result<TransferRecord> TransferService::enter(const Session& session, const TransferRequest& r) const
{
    {
        QMutexLocker lock(&storeMutex());
        for (const Stored& s : std::as_const(store())) {
            if (s.record.requestId == r.requestId) {
                TransferRecord again = s.record;
                again.replayed = true;
                return again;
            }
        }
    }
    auto p = preview(session, r);
    if (!p)
        return fail(p.error());
    Stored s;
    s.branchId = session.branchId;
    s.makerId = session.staffId;
    TransferRecord& t = s.record;
    t.requestId = r.requestId;
    t.businessDate = session.businessDate;
    t.createdAt = QDateTime::currentDateTimeUtc();
    t.fromAccount = p->fromAccount;
    t.fromName = p->fromName;
    t.toAccount = p->toAccount;
    t.toName = p->toName;
    t.toBankCode = r.toBankCode;
    t.route = p->route;
    t.amount = r.amount;
    t.fee = p->fee;
    t.feeWaived = r.waiveFee;
    t.remarks = r.remarks;
    t.makerLogin = session.login;
    t.terminal = session.terminal;
    {
        QMutexLocker lock(&storeMutex());
        t.id = store().size() + 1;
    }
    const Status done = m_db.transact([&](UnitOfWork& uow) -> Status {
        if (!p->approvalRequired) {
            auto posted = postTransfer(uow, session, t, session.branchId, 0, 0);
            if (!posted)
                return fail(posted.error());
            auto from = accountId(uow, t.fromAccount);
            t.txnId = posted->txnId;
            t.balanceAfter = Money(from ? posted->balances.value(*from) : 0, t.amount.currency());
            t.state = u"posted"_s;
            return {};
        }
        auto from = accountId(uow, t.fromAccount);
        if (!from)
            return fail(from.error());
        auto hold = PostingEngine::placeHold(uow, {*from, add(t.amount, t.fee), u"transfer"_s,
                                                   u"Transfer waiting for approval"_s, t.requestId, session.staffId, 0});
        if (!hold)
            return fail(hold.error());
        s.holdId = *hold;
        NewApproval a;
        a.action = r.isInterbank() ? u"transfer.interbank"_s : u"transfer.intra"_s;
        a.entityType = u"transfer"_s;
        a.entityId = t.requestId;
        a.payload = {{u"from_account"_s, t.fromAccount}, {u"to_account"_s, t.toAccount}, {u"to_name"_s, t.toName},
                     {u"to_bank_code"_s, t.toBankCode}, {u"amount"_s, formatAmount(t.amount, {.grouping = false})},
                     {u"remarks"_s, t.remarks}};
        a.amount = t.amount;
        a.requestId = t.requestId;
        auto submitted = ApprovalService::submit(uow, session, a);
        if (!submitted)
            return fail(submitted.error());
        t.approvalId = submitted->approvalId;
        t.state = u"pending"_s;
        return {};
    });
    if (!done)
        return fail(done.error());
    QMutexLocker lock(&storeMutex());
    store().append(s);
    return t;
}

Result<TransferRecord> TransferService::find(const Session&, qint64 transferId) const
{
    QMutexLocker lock(&storeMutex());
    for (const Stored& s : std::as_const(store())) {
        if (s.record.id == transferId)
            return s.record;
    }
    return fail(Error::notFound(u"transfer.not_found"_s, u"id"_s, u"no transfer"_s));
}

Result<QList<TransferRecord>> TransferService::list(const Session& session, const TransferFilter& f) const
{
    const QDate day = f.businessDate.isValid() ? f.businessDate : session.businessDate;
    QList<TransferRecord> out;
    QMutexLocker lock(&storeMutex());
    for (const Stored& s : std::as_const(store())) {
        if (s.branchId == session.branchId && s.record.businessDate == day && (f.makerId == 0 || f.makerId == s.makerId)
            && (f.state.isEmpty() || f.state == s.record.state))
            out.append(s.record);
    }
    return out;
}

Result<TransferRecord> TransferService::acknowledge(const Session& session, qint64 transferId, bool, const QString&,
                                                    const QString&) const
{
    return find(session, transferId);
}

Result<int> TransferService::releaseQueued(const Session&, const QDateTime&) const
{
    return 0;
}

QJsonObject transferJson(const TransferRecord& t)
{
    return {{u"transfer_id"_s, t.id}, {u"state"_s, t.state}};
}

} // namespace cs
