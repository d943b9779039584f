#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QList>

namespace cs {

// A cash box a transaction touched, and the session of that box the transaction belongs to if that
// session is still open (0: none, the box has been closed since).
struct TouchedCashBox {
    qint64 accountId = 0;
    qint64 openSessionId = 0;
};

// What a reversal (冲正) asks of the journal and the cash boxes beyond what the PostingEngine reads.
class ReversalRepository {
public:
    explicit ReversalRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The cash boxes among the transaction's lines, each with its open session holding the transaction.
    // Hold the box account's row lock first: closing a box takes it before the session, so the answer
    // then stays true until the reversal commits.
    Result<QList<TouchedCashBox>> cashBoxesOf(qint64 txnId);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
