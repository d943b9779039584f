#pragma once

#include "common/result.h"
#include "money/money.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace cs {

struct PostingLine {
    qint64 accountId = 0;
    char side = 'D'; // 'D' or 'C'
    Money amount = Money::zero(Currency::cny());
    QString memo;
};

struct PostingRequest {
    QString requestId;     // the idempotency key: posted at most once (journal_txns.request_id)
    QString kind;          // cash_deposit, transfer, fee, ... ([a-z0-9_]+); 'reversal' only through reverse()
    qint64 branchId = 0;
    QDate businessDate;    // must be the branch's current business date
    qint64 staffId = 0;
    QString terminal;
    QList<PostingLine> lines;
    qint64 reversesTxnId = 0;
    qint64 approvalId = 0;
    QString memo;
    QList<qint64> consumeHolds; // active holds on accounts of this posting, released into it
};

struct PostingResult {
    qint64 txnId = 0;
    bool replayed = false;            // the request id was posted before: nothing moved now
    QHash<qint64, qint64> balances;   // new balances of the 'row' accounts (minor units, normal side)
};

struct HoldRequest {
    qint64 accountId = 0;
    Money amount = Money::zero(Currency::cny());
    QString reasonCode;
    QString reason;
    QString requestId;  // holds.request_id: the same id again returns the same hold
    qint64 staffId = 0;
    qint64 approvalId = 0;
};

// The only writer of money (DESIGN rules 4, 5, 10, 12): balanced journal lines, balances and holds in
// the caller's transaction. Run it inside Database::transact, which retries serialization failures,
// deadlocks and a concurrent posting of the same request id; the work function must be re-runnable.
//
// Concurrency: the rows of the 'row' accounts a posting touches are locked one by one in ascending id
// order (PostgreSQL FOR NO KEY UPDATE; SQLite serializes writers with BEGIN IMMEDIATE), so two
// postings never wait on each other in a cycle. 'journal' accounts (hot internal accounts such as fee
// income and clearing) are never locked or updated: their balance is the sum of their journal lines.
// Works under READ COMMITTED (recommended: row locks, no retries) and SERIALIZABLE.
class PostingEngine {
public:
    // Posts the request, or returns the transaction already posted under its request id (replayed).
    // Invalid: posting.lines, posting.amount, posting.side, posting.unbalanced, posting.request_id,
    //          posting.kind, posting.currency.
    // Refused: posting.business_date, posting.account_closed, posting.account_dormant,
    //          posting.account_frozen, posting.insufficient_funds (field amount), posting.cash_negative,
    //          posting.hold_not_active, posting.hold_account, posting.request_reused.
    // NotFound: posting.branch, posting.account_not_found, posting.hold_not_found.
    static Result<PostingResult> post(UnitOfWork& uow, const PostingRequest& request);

    // A compensating transaction (冲正) for txnId: the same lines with D and C swapped, kind 'reversal',
    // reverses_txn_id = txnId, under base's request id, branch, date, staff, terminal, approval and memo.
    // Refused: posting.already_reversed, posting.is_reversal; NotFound: posting.txn_not_found.
    static Result<PostingResult> reverse(UnitOfWork& uow, qint64 txnId, const PostingRequest& base);

    // The account's balance as the sum of its journal lines on its normal side (exact for every
    // account; the only balance of a 'journal' account).
    static Result<qint64> journalBalance(UnitOfWork& uow, qint64 accountId);

    // Reserves an amount (accounts.held += amount) after locking the account; available (balance - held
    // + overdraft) must cover it. The same request id again returns the same hold.
    // Invalid: hold.amount, hold.currency, hold.reason; Refused: hold.account_state,
    // hold.insufficient_funds (field amount), hold.account_kind; NotFound: account.not_found.
    static Result<qint64> placeHold(UnitOfWork& uow, const HoldRequest& request);
    // Releases an active hold (accounts.held -= amount). NotFound hold.not_found; Refused hold.not_active.
    static Status releaseHold(UnitOfWork& uow, qint64 holdId, qint64 staffId);
};

} // namespace cs
