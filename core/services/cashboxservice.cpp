#include "services/cashboxservice.h"

#include "approvals/approvalservice.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "security/permissions.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/cashrepository.h"

#include <QCoreApplication>

#include <limits>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Action names of the permissions table (0002, 0004).
const QString actionOpen = u"cashbox.open"_s;
const QString actionCount = u"cashbox.count"_s;
const QString actionClose = u"cashbox.close"_s;
const QString actionOverShort = u"cashbox.overshort"_s;
const QString actionTransfer = u"cashbox.transfer"_s;

// Journal kinds of the box's own movements.
const QString kindVaultToTeller = u"vault_to_teller"_s;
const QString kindTellerToVault = u"teller_to_vault"_s;
const QString kindOver = u"cash_over"_s;
const QString kindShort = u"cash_short"_s;

const QString entityType = u"cashbox"_s;

Money cny(qint64 minor) { return Money(minor, Currency::cny()); }
QString plain(qint64 minor) { return formatAmount(cny(minor), {.grouping = false, .withCode = false}); }

// The accounts a teller's cash moves between, in the caller's transaction.
struct BoxContext {
    BranchDay branch;
    BranchLedger ledger;
    qint64 box = 0;
};

Result<BoxContext> context(UnitOfWork& uow, const Session& session)
{
    AccountRepository accounts(uow);
    auto branch = InternalAccounts::branch(accounts, session.branchId);
    if (!branch)
        return fail(branch.error());
    auto ledger = InternalAccounts::ensure(uow, session.branchId);
    if (!ledger)
        return fail(ledger.error());
    auto box = InternalAccounts::ensureCashBox(uow, session.branchId, session.staffId);
    if (!box)
        return fail(box.error());
    return BoxContext{*branch, *ledger, *box};
}

Error notOpen()
{
    return Error::refused(u"cashbox.not_open"_s, u"cashbox"_s,
                          QCoreApplication::translate("cs::CashBoxService",
                                                      "Your cash box is not open: open it before handling cash."));
}

Status requireAmount(const Money& amount, bool zeroAllowed)
{
    if (!(amount.currency() == Currency::cny()) || amount.isNegative() || (!zeroAllowed && amount.isZero()))
        return fail(Error::invalid(u"cashbox.amount"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "The amount must be an amount in CNY greater than zero.")));
    return {};
}

// The call's request id, also the base of its postings' ids (".diff", ".vault"): 1 to 58 characters.
Status requireRequestId(const QString& requestId)
{
    if (requestId.trimmed().isEmpty() || requestId.size() > 58)
        return fail(Error::invalid(u"cashbox.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "Moving cash needs a request id of 1 to 58 characters.")));
    return {};
}

Result<CashBoxSessionRecord> requireOpen(CashRepository& cash, const Session& session)
{
    auto open = cash.openSession(session.staffId);
    if (!open)
        return fail(open.error());
    if (!open->has_value())
        return fail(notOpen());
    return std::move(**open);
}

// The figures of a session from the box's journal. A closed session stops at its last transaction
// before the closing postings, so it shows the box as it was counted.
Result<CashBoxView> viewOf(CashRepository& cash, const CashBoxSessionRecord& s)
{
    const bool closed = s.state == u"closed"_s;
    auto moved = cash.movements(s.accountId, s.afterTxnId, closed ? s.lastTxnId : std::numeric_limits<qint64>::max());
    if (!moved)
        return fail(moved.error());
    CashBoxView v;
    v.sessionId = s.id;
    v.accountId = s.accountId;
    v.state = s.state;
    v.businessDate = s.businessDate;
    v.opening = cny(s.opening);
    v.cashIn = cny(moved->debits);
    v.cashOut = cny(moved->credits);
    v.expected = cny(s.opening + moved->debits - moved->credits);
    if (s.counted)
        v.counted = cny(*s.counted);
    if (closed && s.difference)
        v.difference = cny(*s.difference);
    else if (s.counted)
        v.difference = cny(*s.counted - v.expected.minor());
    v.transactions = moved->transactions;
    v.openedAt = s.openedAt;
    v.closedAt = s.closedAt;
    return v;
}

QJsonObject picture(const CashBoxView& v)
{
    QJsonObject p{{u"state"_s, v.state},
                  {u"business_date"_s, v.businessDate.toString(Qt::ISODate)},
                  {u"opening"_s, plain(v.opening.minor())},
                  {u"in"_s, plain(v.cashIn.minor())},
                  {u"out"_s, plain(v.cashOut.minor())},
                  {u"expected"_s, plain(v.expected.minor())}};
    if (v.counted) {
        p.insert(u"counted"_s, plain(v.counted->minor()));
        p.insert(u"difference"_s, plain(v.difference.minor()));
    }
    return p;
}

PostingRequest posting(const Session& session, const BoxContext& c, const QString& kind, const QString& requestId,
                       QList<PostingLine> lines)
{
    PostingRequest r;
    r.requestId = requestId;
    r.kind = kind;
    r.branchId = session.branchId;
    r.businessDate = c.branch.businessDate;
    r.staffId = session.staffId;
    r.terminal = session.terminal;
    r.lines = std::move(lines);
    return r;
}

// Vault to box: when the vault is short the engine refuses posting.cash_negative, said here in the
// teller's words (the box is only credited, so the vault is the account that falls short).
Result<PostingResult> fromVault(UnitOfWork& uow, const Session& session, const BoxContext& c, const Money& amount,
                                const QString& requestId)
{
    auto posted = PostingEngine::post(
        uow, posting(session, c, kindVaultToTeller, requestId,
                     {{c.box, 'D', amount, {}}, {c.ledger.vault, 'C', amount, {}}}));
    if (!posted && posted.error().code == u"posting.cash_negative"_s) {
        auto vault = AccountRepository(uow).findById(c.ledger.vault);
        const qint64 held = vault && vault->has_value() ? (*vault)->balance : 0;
        return fail(Error::refused(u"cashbox.vault_insufficient"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "The vault holds %1, less than %2.")
                                       .arg(formatAmount(cny(held)), formatAmount(amount))));
    }
    return posted;
}

Result<PostingResult> toVault(UnitOfWork& uow, const Session& session, const BoxContext& c, const Money& amount,
                              const QString& requestId)
{
    auto posted = PostingEngine::post(
        uow, posting(session, c, kindTellerToVault, requestId,
                     {{c.ledger.vault, 'D', amount, {}}, {c.box, 'C', amount, {}}}));
    if (!posted && posted.error().code == u"posting.cash_negative"_s) {
        auto box = AccountRepository(uow).findById(c.box);
        const qint64 held = box && box->has_value() ? (*box)->balance : 0;
        return fail(Error::refused(u"cashbox.box_insufficient"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "Your cash box holds %1, less than %2.")
                                       .arg(formatAmount(cny(held)), formatAmount(amount))));
    }
    return posted;
}

// A posting of its own within one service call: the call's request id with a suffix.
QString part(const QString& requestId, QStringView suffix) { return requestId + u'.' + suffix; }

} // namespace

CashBoxService::CashBoxService(Database db) : m_db(std::move(db)) {}

Result<CashBoxView> CashBoxService::current(const Session& session) const
{
    CashBoxView view;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            view = {};
            if (auto allowed = Permissions::require(uow, session.role, actionCount); !allowed)
                return allowed;
            AccountRepository accounts(uow);
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            CashRepository cash(uow);
            // An open box from an earlier day still shows (it must be closed); otherwise today's last.
            auto found = cash.openSession(session.staffId);
            if (!found)
                return fail(found.error());
            if (!found->has_value()) {
                found = cash.latestSession(session.staffId, branch->businessDate);
                if (!found)
                    return fail(found.error());
            }
            if (!found->has_value()) {
                view.state = u"none"_s;
                view.businessDate = branch->businessDate;
                auto box = accounts.openCashBox(session.staffId, Currency::cny().code());
                if (!box)
                    return fail(box.error());
                view.accountId = box->value_or(0);
                return {};
            }
            auto v = viewOf(cash, **found);
            if (!v)
                return fail(v.error());
            view = std::move(*v);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return view;
}

Result<CashBoxView> CashBoxService::open(const Session& session, const Money& amount, const QString& requestId) const
{
    if (auto ok = requireAmount(amount, true); !ok)
        return fail(ok.error());
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    auto result = performAudited(
        m_db, session, {actionOpen, entityType, {}, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto c = context(uow, session);
            if (!c)
                return fail(c.error());
            CashRepository cash(uow);
            auto existing = cash.openSession(session.staffId);
            if (!existing)
                return fail(existing.error());
            if (existing->has_value())
                return fail(Error::refused(u"cashbox.already_open"_s, u"cashbox"_s,
                                           QCoreApplication::translate("cs::CashBoxService",
                                                                       "Your cash box is already open (since %1).")
                                               .arg((*existing)->businessDate.toString(Qt::ISODate))));
            auto box = AccountRepository(uow).lockById(c->box);
            if (!box)
                return fail(box.error());
            auto after = cash.lastTxnOf(c->box);
            if (!after)
                return fail(after.error());
            const qint64 opening = box->has_value() ? (*box)->balance : 0;
            if (amount.isPositive()) {
                if (auto moved = fromVault(uow, session, *c, amount, requestId); !moved)
                    return fail(moved.error());
            }
            auto id = cash.insertSession({session.branchId, session.staffId, c->box, c->branch.businessDate, opening, *after});
            if (!id)
                return fail(id.error());
            audit.entityId = QString::number(*id);
            audit.after = {{u"state"_s, u"open"_s},
                           {u"business_date"_s, c->branch.businessDate.toString(Qt::ISODate)},
                           {u"opening"_s, plain(opening)},
                           {u"from_vault"_s, plain(amount.minor())}};
            return QJsonObject{{u"session_id"_s, *id}};
        });
    if (!result)
        return fail(result.error());
    return current(session);
}

Result<CashBoxView> CashBoxService::takeFromVault(const Session& session, const Money& amount,
                                                  const QString& requestId) const
{
    return moveWithVault(session, amount, requestId, false);
}

Result<CashBoxView> CashBoxService::returnToVault(const Session& session, const Money& amount,
                                                  const QString& requestId) const
{
    return moveWithVault(session, amount, requestId, true);
}

Result<CashBoxView> CashBoxService::moveWithVault(const Session& session, const Money& amount,
                                                  const QString& requestId, bool intoVault) const
{
    if (auto ok = requireAmount(amount, false); !ok)
        return fail(ok.error());
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    auto result = performAudited(
        m_db, session, {actionTransfer, entityType, {}, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            CashRepository cash(uow);
            auto open = requireOpen(cash, session);
            if (!open)
                return fail(open.error());
            audit.entityId = QString::number(open->id);
            auto c = context(uow, session);
            if (!c)
                return fail(c.error());
            auto moved = intoVault ? toVault(uow, session, *c, amount, requestId)
                                   : fromVault(uow, session, *c, amount, requestId);
            if (!moved)
                return fail(moved.error());
            audit.after = {{u"direction"_s, intoVault ? kindTellerToVault : kindVaultToTeller},
                           {u"amount"_s, plain(amount.minor())},
                           {u"txn_id"_s, moved->txnId}};
            return QJsonObject{{u"session_id"_s, open->id}, {u"txn_id"_s, moved->txnId}};
        });
    if (!result)
        return fail(result.error());
    return current(session);
}

Result<CashBoxView> CashBoxService::count(const Session& session, const Money& counted, const QString& requestId) const
{
    if (auto ok = requireAmount(counted, true); !ok)
        return fail(Error::invalid(u"cashbox.count_invalid"_s, u"counted"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "The counted cash must be an amount in CNY, zero or more.")));
    auto result = performAudited(
        m_db, session, {actionCount, entityType, {}, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            CashRepository cash(uow);
            auto open = requireOpen(cash, session);
            if (!open)
                return fail(open.error());
            audit.entityId = QString::number(open->id);
            auto before = viewOf(cash, *open);
            if (!before)
                return fail(before.error());
            const qint64 difference = counted.minor() - before->expected.minor();
            if (auto recorded = cash.recordCount(open->id, counted.minor(), difference); !recorded)
                return fail(recorded.error());
            audit.before = picture(*before);
            CashBoxView after = *before;
            after.counted = counted;
            after.difference = cny(difference);
            audit.after = picture(after);
            return QJsonObject{{u"session_id"_s, open->id}, {u"difference"_s, plain(difference)}};
        });
    if (!result)
        return fail(result.error());
    return current(session);
}

Result<QJsonObject> CashBoxService::closeIn(UnitOfWork& uow, const Session& session, const Money& counted,
                                            const QString& requestId, AuditEntry& audit, CloseMode mode,
                                            std::optional<qint64> countedAgainst, qint64 approvalId)
{
    CashRepository cash(uow);
    auto open = requireOpen(cash, session);
    if (!open)
        return fail(open.error());
    audit.entityId = QString::number(open->id);
    auto c = context(uow, session);
    if (!c)
        return fail(c.error());
    // The box's row lock first: nothing else moves its cash while it is balanced.
    if (auto locked = AccountRepository(uow).lockById(open->accountId); !locked)
        return fail(locked.error());
    auto before = viewOf(cash, *open);
    if (!before)
        return fail(before.error());
    const qint64 expected = before->expected.minor();
    if (countedAgainst && *countedAgainst != expected)
        return fail(Error::refused(u"cashbox.changed_since_count"_s, u"counted"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "Cash has moved in this box since it was counted: count "
                                                               "it again.")));
    const qint64 difference = counted.minor() - expected;
    QJsonObject response{{u"session_id"_s, open->id}, {u"over"_s, plain(std::max<qint64>(difference, 0))},
                         {u"short"_s, plain(std::max<qint64>(-difference, 0))}};
    audit.before = picture(*before);
    // An over or a short is booked under a supervisor's approval (DOMAIN: teller cash): the close waits,
    // the box stays open, and the approval closes it if nothing has moved since the count.
    if (difference != 0 && mode == CloseMode::MayWait) {
        auto required = ApprovalService::required(uow, actionOverShort, std::nullopt);
        if (!required)
            return fail(required.error());
        if (*required) {
            const qint64 gap = difference > 0 ? difference : -difference;
            auto pending = ApprovalService::submit(
                uow, session,
                {actionOverShort, entityType, QString::number(open->id),
                 QJsonObject{{u"session_id"_s, open->id}, {u"counted_minor"_s, counted.minor()},
                             {u"expected_minor"_s, expected}, {u"difference_minor"_s, difference}},
                 cny(gap), requestId});
            if (!pending)
                return fail(pending.error());
            response.insert(u"approval_id"_s, pending->approvalId);
            response.insert(u"state"_s, pending->state);
            audit.after = audit.before;
            audit.after.insert(u"approval_id"_s, pending->approvalId);
            audit.after.insert(u"counted"_s, plain(counted.minor()));
            return response;
        }
    }
    auto last = cash.lastTxnOf(open->accountId);
    if (!last)
        return fail(last.error());
    // An over or a short is booked on its own (never netted), to be cleared later.
    if (difference != 0) {
        const Money gap = cny(difference > 0 ? difference : -difference);
        const QList<PostingLine> lines =
            difference > 0 ? QList<PostingLine>{{c->box, 'D', gap, {}}, {c->ledger.suspensePayable, 'C', gap, {}}}
                           : QList<PostingLine>{{c->ledger.suspenseReceivable, 'D', gap, {}}, {c->box, 'C', gap, {}}};
        PostingRequest booking =
            posting(session, *c, difference > 0 ? kindOver : kindShort, part(requestId, u"diff"), lines);
        booking.approvalId = approvalId;
        auto booked = PostingEngine::post(uow, booking);
        if (!booked)
            return fail(booked.error());
        response.insert(u"over_short_txn_id"_s, booked->txnId);
    }
    if (counted.isPositive()) {
        auto returned = toVault(uow, session, *c, counted, part(requestId, u"vault"));
        if (!returned)
            return fail(returned.error());
        response.insert(u"return_txn_id"_s, returned->txnId);
    }
    response.insert(u"returned"_s, plain(counted.minor()));
    if (auto closed = cash.closeSession(open->id, counted.minor(), difference, *last); !closed)
        return fail(closed.error());
    CashBoxView after = *before;
    after.state = u"closed"_s;
    after.counted = counted;
    after.difference = cny(difference);
    audit.after = picture(after);
    audit.after.insert(u"returned_to_vault"_s, plain(counted.minor()));
    response.insert(u"state"_s, u"closed"_s);
    return response;
}

Result<CashBoxClosing> CashBoxService::close(const Session& session, const Money& counted, const QString& requestId) const
{
    if (auto ok = requireAmount(counted, true); !ok)
        return fail(Error::invalid(u"cashbox.count_invalid"_s, u"counted"_s,
                                   QCoreApplication::translate("cs::CashBoxService",
                                                               "The counted cash must be an amount in CNY, zero or more.")));
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    auto result = performAudited(m_db, session, {actionClose, entityType, {}, requestId},
                                 [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
                                     return closeIn(uow, session, counted, requestId, audit, CloseMode::MayWait);
                                 });
    if (!result)
        return fail(result.error());
    auto view = current(session);
    if (!view)
        return fail(view.error());
    CashBoxClosing closing;
    closing.box = std::move(*view);
    const auto amountOf = [&](const QString& key) {
        return parseAmount(result->value(key).toString(), Currency::cny()).value_or(Money::zero(Currency::cny()));
    };
    closing.over = amountOf(u"over"_s);
    closing.shortage = amountOf(u"short"_s);
    closing.returnedToVault = amountOf(u"returned"_s);
    closing.overShortTxnId = result->value(u"over_short_txn_id"_s).toInteger();
    closing.returnTxnId = result->value(u"return_txn_id"_s).toInteger();
    closing.approvalId = result->value(u"approval_id"_s).toInteger();
    closing.state = result->value(u"state"_s).toString(u"closed"_s);
    return closing;
}

} // namespace cs
