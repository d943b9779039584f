#include "ledger/postingengine.h"

#include "ledger/classlimits.h"
#include "money/amountformat.h"
#include "storage/accountrepository.h"
#include "storage/holdrepository.h"
#include "storage/journalrepository.h"
#include "storage/noticerepository.h"
#include "storage/postingrepository.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// What one posting does to one account, gathered before anything is written.
struct Touch {
    AccountRecord account;
    qint64 debits = 0;   // sum of D lines, minor units
    qint64 credits = 0;  // sum of C lines
    qint64 released = 0; // consumed holds on this account
    bool hasDebit = false;
    bool hasCredit = false;
};

QString amountText(qint64 minor, const QString& currencyCode)
{
    const auto currency = Currency::fromCode(currencyCode);
    return currency ? formatAmount(Money(minor, *currency)) : QString::number(minor) + u' ' + currencyCode;
}

bool validRequestId(const QString& id) { return !id.isEmpty() && id.size() <= 64; }

Status validateShape(const PostingRequest& r)
{
    if (!validRequestId(r.requestId))
        return fail(Error::invalid(u"posting.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "A posting needs a request id of 1 to 64 characters.")));
    static const QRegularExpression kindFormat(u"^[a-z0-9_]{1,32}$"_s);
    if (!kindFormat.match(r.kind).hasMatch() || (r.kind == u"reversal"_s) != (r.reversesTxnId > 0))
        return fail(Error::invalid(u"posting.kind"_s, u"kind"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "The kind of this posting is missing or malformed.")));
    if (r.lines.size() < 2)
        return fail(Error::invalid(u"posting.lines"_s, u"lines"_s,
                                   QCoreApplication::translate("cs::PostingEngine", "A posting needs at least two lines.")));
    // Per currency: debits minus credits, which must come to zero.
    QMap<QString, Money> net;
    for (const PostingLine& line : r.lines) {
        if (line.side != 'D' && line.side != 'C')
            return fail(Error::invalid(u"posting.side"_s, u"side"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Each posting line is a debit (D) or a credit (C).")));
        if (!line.amount.isPositive())
            return fail(Error::invalid(u"posting.amount"_s, u"amount"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Every amount of a posting must be greater than zero.")));
        const QString code = line.amount.currency().code();
        const Money current = net.value(code, Money::zero(line.amount.currency()));
        auto next = line.side == 'D' ? current.plus(line.amount) : current.minus(line.amount);
        if (!next)
            return fail(next.error());
        net.insert(code, *next);
    }
    for (auto it = net.cbegin(); it != net.cend(); ++it) {
        if (!it.value().isZero())
            return fail(Error::invalid(u"posting.unbalanced"_s, u"lines"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Debits and credits in %1 differ by %2: the posting "
                                                                   "does not balance.")
                                           .arg(it.key(), formatAmount(it.value()))));
    }
    return {};
}

Error accountMissing(qint64 id)
{
    return Error::notFound(u"posting.account_not_found"_s, u"account"_s,
                           QCoreApplication::translate("cs::PostingEngine", "There is no account with the id %1.").arg(id));
}

// The rules of one account for this posting (state, freeze, currency, funds), before anything is written.
Status checkAccount(const Touch& t, const PostingRequest& r)
{
    const AccountRecord& a = t.account;
    for (const PostingLine& line : r.lines) {
        if (line.accountId == a.id && line.amount.currency().code() != a.currency)
            return fail(Error::invalid(u"posting.currency"_s, u"currency"_s,
                                       QCoreApplication::translate("cs::PostingEngine", "Account %1 is kept in %2, not in %3.")
                                           .arg(a.number, a.currency, line.amount.currency().code())));
    }
    if (a.state == u"closed"_s)
        return fail(Error::refused(u"posting.account_closed"_s, u"account"_s,
                                   QCoreApplication::translate("cs::PostingEngine", "Account %1 is closed.").arg(a.number)));
    if (a.state == u"dormant"_s)
        return fail(Error::refused(u"posting.account_dormant"_s, u"account"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "Account %1 is dormant: reactivate it before posting to it.")
                                       .arg(a.number)));
    if (a.state == u"frozen"_s) {
        if (a.freezeMode == u"full"_s)
            return fail(Error::refused(u"posting.account_frozen"_s, u"account"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Account %1 is frozen: nothing may be paid in or out.")
                                           .arg(a.number)));
        if (a.freezeMode == u"debit"_s && t.hasDebit)
            return fail(Error::refused(u"posting.account_frozen"_s, u"account"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Account %1 is frozen for debits: nothing may be paid "
                                                                   "out of it.")
                                           .arg(a.number)));
        if (a.freezeMode == u"credit"_s && t.hasCredit)
            return fail(Error::refused(u"posting.account_frozen"_s, u"account"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Account %1 is frozen for credits: nothing may be paid "
                                                                   "into it.")
                                           .arg(a.number)));
    }
    if (a.isJournalMode())
        return {};
    const Int128 delta = a.normalSide == u"C"_s ? Int128(t.credits) - t.debits : Int128(t.debits) - t.credits;
    if (delta >= 0)
        return {};
    if (a.isCustomer()) {
        const Int128 available = Int128(a.balance) - (a.held - t.released) + a.overdraftLimit;
        if (available + delta < 0)
            return fail(Error::refused(u"posting.insufficient_funds"_s, u"amount"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Insufficient funds: account %1 has %2 available, "
                                                                   "less than %3.")
                                           .arg(a.number, amountText(static_cast<qint64>(std::max<Int128>(available, 0)), a.currency),
                                                amountText(static_cast<qint64>(-delta), a.currency))));
    } else if (a.internalRole == u"cash_box"_s || a.internalRole == u"vault"_s) {
        if (Int128(a.balance) + delta < 0)
            return fail(Error::refused(u"posting.cash_negative"_s, u"amount"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "The cash in %1 (%2) does not cover %3.")
                                           .arg(a.number, amountText(a.balance, a.currency),
                                                amountText(static_cast<qint64>(-delta), a.currency))));
    }
    return {};
}

Result<PostingResult> replay(JournalRepository& journal, const TxnHeader& posted, const PostingRequest& r)
{
    if (posted.kind != r.kind)
        return fail(Error::refused(u"posting.request_reused"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "This request id was already used for another posting.")));
    auto balances = journal.rowBalancesOf(posted.id);
    if (!balances)
        return fail(balances.error());
    return PostingResult{posted.id, true, std::move(*balances)};
}

bool mentions(const Error& e, std::initializer_list<QStringView> names)
{
    for (QStringView name : names) {
        if (e.message.contains(name))
            return true;
    }
    return false;
}

} // namespace

Result<PostingResult> PostingEngine::post(UnitOfWork& uow, const PostingRequest& r)
{
    // (2) The shape: nothing is read or written for a request that cannot be right.
    if (auto shape = validateShape(r); !shape)
        return fail(shape.error());

    JournalRepository journal(uow);
    HoldRepository holds(uow);

    // (1) The same request again: its first result, nothing moves. (3) The 'row' accounts locked in
    // ascending id order, the 'journal' ones read without a lock. One round trip on PostgreSQL.
    QList<qint64> ids;
    for (const PostingLine& line : r.lines)
        ids.append(line.accountId);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    PostingRepository posting(uow);
    auto started = posting.start(r.branchId, r.requestId, ids);
    if (!started)
        return fail(started.error());
    const PostingContext& context = started->context;
    if (context.posted)
        return replay(journal, *context.posted, r);
    if (!context.branchExists)
        return fail(Error::notFound(u"posting.branch"_s, u"branch"_s,
                                    QCoreApplication::translate("cs::PostingEngine", "There is no such branch.")));
    if (context.businessDate != r.businessDate)
        return fail(Error::refused(u"posting.business_date"_s, u"business_date"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "The branch's business date is %1, not %2: sign on again.")
                                       .arg(context.businessDate.toString(Qt::ISODate), r.businessDate.toString(Qt::ISODate))));
    QHash<qint64, Touch> touched;
    for (AccountRecord& account : started->accounts)
        touched.insert(account.id, Touch{std::move(account)});
    for (qint64 id : std::as_const(ids)) {
        if (!touched.contains(id))
            return fail(accountMissing(id));
    }
    for (const PostingLine& line : r.lines) {
        Touch& t = touched[line.accountId];
        if (line.side == 'D') {
            t.hasDebit = true;
            if (qAddOverflow(t.debits, line.amount.minor(), &t.debits))
                return fail(Error::invalid(u"money.overflow"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::PostingEngine", "The amounts are too large.")));
        } else {
            t.hasCredit = true;
            if (qAddOverflow(t.credits, line.amount.minor(), &t.credits))
                return fail(Error::invalid(u"money.overflow"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::PostingEngine", "The amounts are too large.")));
        }
    }

    // Holds consumed into this posting: active, on one of its 'row' accounts (locked above, so no one
    // else can release or consume them meanwhile).
    QList<qint64> holdIds = r.consumeHolds;
    std::sort(holdIds.begin(), holdIds.end());
    holdIds.erase(std::unique(holdIds.begin(), holdIds.end()), holdIds.end());
    for (qint64 holdId : std::as_const(holdIds)) {
        auto hold = holds.find(holdId);
        if (!hold)
            return fail(hold.error());
        if (!hold->has_value())
            return fail(Error::notFound(u"posting.hold_not_found"_s, u"hold"_s,
                                        QCoreApplication::translate("cs::PostingEngine", "There is no hold %1.").arg(holdId)));
        const HoldRecord& h = **hold;
        if (h.state != u"active"_s)
            return fail(Error::refused(u"posting.hold_not_active"_s, u"hold"_s,
                                       QCoreApplication::translate("cs::PostingEngine", "Hold %1 is no longer active.")
                                           .arg(holdId)));
        const auto it = touched.find(h.accountId);
        if (it == touched.end() || it->account.isJournalMode())
            return fail(Error::refused(u"posting.hold_account"_s, u"hold"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Hold %1 is not on an account of this posting.")
                                           .arg(holdId)));
        it->released += h.amount;
    }

    // (4) Class II/III limits and their usage (DOMAIN: account classes), first: a Class III account is
    // told it takes no cash before it is told its balance is short. Postings that touch no such
    // account pay nothing for them: no query is made.
    QList<ClassLimitMove> limited;
    for (qint64 id : std::as_const(ids)) {
        const Touch& t = touched[id];
        if (!ClassLimits::applies(t.account))
            continue;
        ClassLimitMove move{t.account, t.debits, t.credits, 0, 0};
        const auto bound = touched.constFind(t.account.boundAccountId);
        if (t.account.boundAccountId > 0 && bound != touched.cend()) {
            move.boundDebits = bound->debits;
            move.boundCredits = bound->credits;
        }
        limited.append(std::move(move));
    }
    if (auto ok = ClassLimits::apply(uow, r, limited); !ok)
        return fail(ok.error());

    // (4b) The rules of every account.
    for (qint64 id : std::as_const(ids)) {
        if (auto ok = checkAccount(touched.value(id), r); !ok)
            return fail(ok.error());
    }

    // (5) The transaction: its lines, its header (the database checks count and balance) and (6) each
    // 'row' account once, with the net effect on its normal side.
    const qint64 txnId = context.nextTxnId;
    QList<NewJournalLine> lines;
    lines.reserve(r.lines.size());
    for (const PostingLine& line : r.lines)
        lines.append({line.accountId, line.amount.currency().code(), QString(QLatin1Char(line.side)),
                      line.amount.minor(), line.memo});
    TxnHeader header;
    header.id = txnId;
    header.branchId = r.branchId;
    header.businessDate = r.businessDate;
    header.requestId = r.requestId;
    header.kind = r.kind;
    header.reversesTxnId = r.reversesTxnId;
    header.approvalId = r.approvalId;
    header.staffId = r.staffId;
    header.terminal = r.terminal;
    header.memo = r.memo;
    header.lineCount = static_cast<int>(lines.size());
    PostingResult result{txnId, false, {}};
    QList<AccountRepository::BalanceChange> changes;
    for (qint64 id : std::as_const(ids)) {
        const Touch& t = touched[id];
        if (t.account.isJournalMode())
            continue;
        const qint64 delta = t.account.normalSide == u"C"_s ? t.credits - t.debits : t.debits - t.credits;
        if (delta == 0 && t.released == 0)
            result.balances.insert(id, t.account.balance);
        else
            changes.append({id, delta, t.released});
    }
    // Movement notices of the customer accounts whose balance moved, for those subscribed: queued by the
    // same statement, so a posting that rolls back leaves none and one that commits always has them.
    QList<MovementNotice> moves;
    for (const AccountRepository::BalanceChange& c : std::as_const(changes)) {
        const AccountRecord& a = touched[c.id].account;
        if (a.isCustomer() && c.delta != 0)
            moves.append({a.id, a.currency, c.delta, a.balance + c.delta});
    }
    const SqlStatement notices = NoticeRepository::movementsStatement(txnId, r.kind, r.branchId, r.businessDate, moves);
    auto written = posting.write(header, lines, changes, notices);
    if (!written) {
        if (mentions(written.error(), {u"journal_txns_reversed_once", u"journal_txns.reverses_txn_id"}))
            return fail(Error::refused(u"posting.already_reversed"_s, u"txn"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "Transaction %1 has already been reversed.")
                                           .arg(r.reversesTxnId)));
        return fail(written.error());
    }
    if (!written->inserted)
        // Another terminal posted this request id since (1) and committed: roll back and let
        // Database::transact run the work again, which then answers with that posting.
        return fail(Error::conflict(u"db.conflict"_s,
                                    QCoreApplication::translate("cs::PostingEngine",
                                                                "Another terminal posted the same request at the same "
                                                                "moment; try again.")));
    result.balances.insert(written->balances);

    for (qint64 holdId : std::as_const(holdIds)) {
        if (auto consumed = holds.consume(holdId, txnId, r.staffId); !consumed)
            return fail(consumed.error());
    }
    return result;
}

Result<PostingResult> PostingEngine::reverse(UnitOfWork& uow, qint64 txnId, const PostingRequest& base)
{
    if (!validRequestId(base.requestId))
        return fail(Error::invalid(u"posting.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "A posting needs a request id of 1 to 64 characters.")));
    JournalRepository journal(uow);
    PostingRequest request = base;
    request.kind = u"reversal"_s;
    request.reversesTxnId = txnId;
    request.consumeHolds.clear();

    // The same reversal request again answers with its first result before any rule is asked again.
    auto context = journal.postingContext(base.branchId, base.requestId);
    if (!context)
        return fail(context.error());
    if (context->posted)
        return replay(journal, *context->posted, request);

    auto original = journal.header(txnId);
    if (!original)
        return fail(original.error());
    if (!original->has_value())
        return fail(Error::notFound(u"posting.txn_not_found"_s, u"txn"_s,
                                    QCoreApplication::translate("cs::PostingEngine", "There is no transaction %1.").arg(txnId)));
    if ((*original)->kind == u"reversal"_s)
        return fail(Error::refused(u"posting.is_reversal"_s, u"txn"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "Transaction %1 is itself a reversal and cannot be reversed.")
                                       .arg(txnId)));
    auto reversal = journal.reversalOf(txnId);
    if (!reversal)
        return fail(reversal.error());
    if (reversal->has_value())
        return fail(Error::refused(u"posting.already_reversed"_s, u"txn"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "Transaction %1 has already been reversed.")
                                       .arg(txnId)));
    auto lines = journal.lines(txnId);
    if (!lines)
        return fail(lines.error());
    request.lines.clear();
    for (const JournalLineRecord& line : std::as_const(*lines)) {
        const auto currency = Currency::fromCode(line.currency);
        if (!currency)
            return fail(Error::internal(u"posting.currency"_s, u"Unknown currency %1 in the journal"_s.arg(line.currency)));
        request.lines.append({line.accountId, line.side == u"D"_s ? 'C' : 'D', Money(line.amount, *currency), line.memo});
    }
    if (request.memo.isEmpty())
        request.memo = (*original)->memo;
    return post(uow, request);
}

Result<qint64> PostingEngine::journalBalance(UnitOfWork& uow, qint64 accountId)
{
    auto account = AccountRepository(uow).findById(accountId);
    if (!account)
        return fail(account.error());
    if (!account->has_value())
        return fail(accountMissing(accountId));
    return JournalRepository(uow).signedSum(accountId, (*account)->normalSide);
}

Result<qint64> PostingEngine::placeHold(UnitOfWork& uow, const HoldRequest& r)
{
    if (!validRequestId(r.requestId))
        return fail(Error::invalid(u"hold.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "A hold needs a request id of 1 to 64 characters.")));
    if (!r.amount.isPositive())
        return fail(Error::invalid(u"hold.amount"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::PostingEngine", "A hold must be greater than zero.")));
    if (r.reasonCode.trimmed().isEmpty())
        return fail(Error::invalid(u"hold.reason"_s, u"reason_code"_s,
                                   QCoreApplication::translate("cs::PostingEngine", "Give the reason for the hold.")));
    HoldRepository holds(uow);
    AccountRepository accounts(uow);
    auto locked = accounts.lockById(r.accountId);
    if (!locked)
        return fail(locked.error());
    if (!locked->has_value())
        return fail(Error::notFound(u"account.not_found"_s, u"account"_s,
                                    QCoreApplication::translate("cs::PostingEngine", "There is no such account.")));
    const AccountRecord& a = **locked;
    // Under the account's lock, so a concurrent placement of the same request is seen here.
    auto existing = holds.findByRequestId(r.requestId);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value()) {
        if ((*existing)->accountId != a.id || (*existing)->amount != r.amount.minor())
            return fail(Error::refused(u"hold.request_reused"_s, u"request_id"_s,
                                       QCoreApplication::translate("cs::PostingEngine",
                                                                   "This request id was already used for another hold.")));
        return (*existing)->id;
    }
    if (!a.isCustomer() || a.isJournalMode())
        return fail(Error::refused(u"hold.account_kind"_s, u"account"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "Holds are placed on customer accounts only.")));
    if (a.state == u"closed"_s || a.state == u"dormant"_s)
        return fail(Error::refused(u"hold.account_state"_s, u"account"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "Account %1 is closed or dormant: no hold can be placed on it.")
                                       .arg(a.number)));
    if (r.amount.currency().code() != a.currency)
        return fail(Error::invalid(u"hold.currency"_s, u"currency"_s,
                                   QCoreApplication::translate("cs::PostingEngine", "Account %1 is kept in %2, not in %3.")
                                       .arg(a.number, a.currency, r.amount.currency().code())));
    const Int128 available = Int128(a.balance) - a.held + a.overdraftLimit;
    if (available < r.amount.minor())
        return fail(Error::refused(u"hold.insufficient_funds"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::PostingEngine",
                                                               "Insufficient funds: account %1 has %2 available, less than %3.")
                                       .arg(a.number, amountText(static_cast<qint64>(std::max<Int128>(available, 0)), a.currency),
                                            formatAmount(r.amount))));
    auto id = holds.insert({a.id, r.amount.minor(), a.currency, r.reasonCode.trimmed(), r.reason.trimmed(), r.requestId,
                            r.approvalId, r.staffId});
    if (!id)
        return fail(id.error());
    if (auto held = accounts.changeHeld(a.id, r.amount.minor()); !held)
        return fail(held.error());
    return *id;
}

Status PostingEngine::releaseHold(UnitOfWork& uow, qint64 holdId, qint64 staffId)
{
    HoldRepository holds(uow);
    auto hold = holds.find(holdId);
    if (!hold)
        return fail(hold.error());
    if (!hold->has_value())
        return fail(Error::notFound(u"hold.not_found"_s, u"hold"_s,
                                    QCoreApplication::translate("cs::PostingEngine", "There is no hold %1.").arg(holdId)));
    AccountRepository accounts(uow);
    if (auto locked = accounts.lockById((*hold)->accountId); !locked)
        return fail(locked.error());
    // Read again under the account's lock: a concurrent release or consumption is seen now.
    hold = holds.find(holdId);
    if (!hold)
        return fail(hold.error());
    if ((*hold)->state != u"active"_s)
        return fail(Error::refused(u"hold.not_active"_s, u"hold"_s,
                                   QCoreApplication::translate("cs::PostingEngine", "Hold %1 is no longer active.").arg(holdId)));
    if (auto released = holds.release(holdId, staffId); !released)
        return released;
    return accounts.changeHeld((*hold)->accountId, -(*hold)->amount);
}

} // namespace cs
