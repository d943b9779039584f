#pragma once

#include "common/result.h"
#include "storage/accountrepository.h"
#include "storage/journalrepository.h"
#include "storage/unitofwork.h"

namespace cs {

// What a posting reads before its rules are asked: the context of its request and its accounts.
struct PostingStart {
    PostingContext context;
    QList<AccountRecord> accounts; // ascending id, the 'row' ones locked; empty when nothing is to be posted
};

// What its write did.
struct PostingWrite {
    bool inserted = false;          // false: another transaction posted the request id first
    QHash<qint64, qint64> balances; // the new balances of the changed 'row' accounts
};

// The reads and the writes of one posting in as few round trips as the dialect allows: on PostgreSQL
// each is one statement, so a posting costs BEGIN, start, write, COMMIT (issue 4's posting benchmark);
// SQLite runs in process and takes the statements one by one.
class PostingRepository {
public:
    explicit PostingRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The context and, unless the branch is missing or the request already posted, the accounts.
    Result<PostingStart> start(qint64 branchId, const QString& requestId, const QList<qint64>& ascendingIds);
    // The lines, the header and the balance changes (which may be empty) of one transaction, and its
    // customer notices (NoticeRepository::movementsStatement; empty text: none). The header's count and
    // balance are checked by the database at COMMIT on PostgreSQL, at the header on SQLite.
    Result<PostingWrite> write(const TxnHeader& header, const QList<NewJournalLine>& lines,
                               const QList<AccountRepository::BalanceChange>& changes, const SqlStatement& notices);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
