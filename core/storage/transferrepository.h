#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// One row of `transfers` (0008), with what a listing shows beside it: the payer's number and holder,
// the maker's login and the outgoing clearing item.
struct TransferRow {
    qint64 id = 0;
    qint64 branchId = 0;
    QDate businessDate;
    QString requestId;
    QString kind;          // intra, interbank
    qint64 fromAccountId = 0;
    qint64 toAccountId = 0; // intra
    QString toBankCode;     // interbank
    QString toAccountNo;
    QString toName;
    QString remarks;
    qint64 amount = 0;
    qint64 fee = 0;
    bool feeWaived = false;
    QString currency;
    QString route;          // intra, hvps, beps, ibps
    QString state;
    qint64 holdId = 0;
    qint64 approvalId = 0;
    qint64 txnId = 0;
    qint64 returnTxnId = 0;
    qint64 makerId = 0;
    QString terminal;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Read with the row (not written):
    QString fromNumber;
    QString fromName;
    QString makerLogin;
    QString clearingMessageId;
    QString clearingState;
    QString clearingReason;
};

struct TransferQuery {
    qint64 branchId = 0;
    QDate businessDate;
    qint64 makerId = 0;  // 0: every maker
    QString state;       // empty: every state
};


class TransferRepository {
public:
    explicit TransferRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The id the next transfer takes (PostgreSQL: its sequence; SQLite: max + 1 under the one writer),
    // chosen first so that the hold and the posting can carry request ids derived from it.
    Result<qint64> nextId();
    Status insert(const TransferRow& row); // with row.id from nextId()
    Result<std::optional<TransferRow>> find(qint64 id);
    Result<std::optional<TransferRow>> findByRequestId(const QString& requestId);
    // Locks the row (PostgreSQL FOR UPDATE) before a change of state, then reads it.
    Result<std::optional<TransferRow>> lock(qint64 id);
    Result<QList<TransferRow>> list(const TransferQuery& query);

    Status setApproval(qint64 id, qint64 approvalId);
    // pending (or new) -> posted / queued / sent with the transaction and the route of execution.
    Status setExecuted(qint64 id, const QString& state, const QString& route, qint64 txnId);
    // pending -> refused / cancelled / expired (the hold was released).
    Status setEnded(qint64 id, const QString& state, qint64 approvalId);
    // sent -> accepted, or rejected with the return transaction.
    Status setAnswered(qint64 id, const QString& state, qint64 returnTxnId);
    Status setState(qint64 id, const QString& state);

    // What the account sent by transfer on the day at the counter, refused, cancelled, expired and
    // returned ones excepted (the counter's daily limit).
    Result<qint64> dayOutTotal(qint64 accountId, const QDate& day);

    Status insertClearing(qint64 transferId, qint64 branchId, const QString& network, const QString& messageId);
    Status markSent(qint64 transferId, const QString& messageId);
    Status markAnswered(qint64 transferId, bool accepted, const QString& reason);
    // Queued HVPS items of the branch, oldest first.
    Result<QList<qint64>> queued(qint64 branchId);

private:
    Result<std::optional<TransferRow>> selectOne(const QString& condition, const QVariant& key);
    Status updateOne(const QString& sql, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
