#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

struct TxnHeader {
    qint64 id = 0;
    qint64 branchId = 0;
    QDate businessDate;
    QString requestId;
    QString kind;
    qint64 reversesTxnId = 0;
    qint64 approvalId = 0;
    qint64 staffId = 0;
    QString terminal;
    QString memo;
    int lineCount = 0;
    QDateTime createdAt;
};

struct JournalLineRecord {
    qint64 id = 0;
    qint64 txnId = 0;
    int lineNo = 0;
    qint64 accountId = 0;
    QString currency;
    QString side; // D or C
    qint64 amount = 0;
    QString memo;
};

struct NewJournalLine {
    qint64 accountId = 0;
    QString currency;
    QString side;
    qint64 amount = 0;
    QString memo;
};

// What a posting needs to know before it locks anything, in one round trip.
struct PostingContext {
    bool branchExists = false;
    QDate businessDate;               // the branch's current business date
    std::optional<TxnHeader> posted;  // the transaction already posted under the request id (id and kind)
    qint64 nextTxnId = 0;             // the id for a new transaction (taken even when it goes unused)
};

// One line of an account's statement with its transaction.
struct StatementRow {
    qint64 lineId = 0;
    qint64 txnId = 0;
    QDate businessDate;
    QDateTime postedAt;
    QString kind;
    QString side;
    qint64 amount = 0;
    QString memo;
    qint64 reversesTxnId = 0;
    QString terminal;
    qint64 staffId = 0;
};

// The journal (0001 section 9): lines first, then the header with an explicit id, in one transaction.
class JournalRepository {
public:
    explicit JournalRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<PostingContext> postingContext(qint64 branchId, const QString& requestId);
    // Its statement, and its row read from column 0 (PostingRepository runs it inside a larger one).
    SqlStatement postingContextStatement(qint64 branchId, const QString& requestId) const;
    static PostingContext postingContextFromRow(const QSqlQuery& row, const QString& requestId);
    Result<std::optional<TxnHeader>> header(qint64 txnId);
    Result<QList<JournalLineRecord>> lines(qint64 txnId);
    // The transaction that reverses txnId, if any.
    Result<std::optional<qint64>> reversalOf(qint64 txnId);

    // Lines 1..n of the transaction.
    Status insertLines(qint64 txnId, const QList<NewJournalLine>& lines);
    // The header, last. False when another transaction already posted this request id (nothing inserted).
    Result<bool> insertHeader(const TxnHeader& header);
    // Their statements; the header's returns its id when inserted.
    static SqlStatement insertLinesStatement(qint64 txnId, const QList<NewJournalLine>& lines);
    static SqlStatement insertHeaderStatement(const TxnHeader& header);

    // Current balances of the 'row' accounts the transaction touches.
    Result<QHash<qint64, qint64>> rowBalancesOf(qint64 txnId);
    // Sum of the account's lines, signed so that `normalSide` counts positive.
    Result<qint64> signedSum(qint64 accountId, const QString& normalSide);

    // Statement order is (txn_id, line id), which the index journal_lines_account_txn_idx serves.
    // Lines after the line `afterLineId` (0: from the start) within [from, to] (dates inclusive).
    Result<QList<StatementRow>> statementPage(qint64 accountId, const QDate& from, const QDate& to, qint64 afterLineId,
                                              int limit);
    // Signed sum of the account's lines before the line (txnId, lineId) in statement order.
    Result<qint64> signedSumBefore(qint64 accountId, const QString& normalSide, qint64 txnId, qint64 lineId);
    Result<qint64> statementCount(qint64 accountId, const QDate& from, const QDate& to);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
