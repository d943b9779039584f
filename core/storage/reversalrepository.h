#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QList>

namespace cs {

// A cash box a transaction touched, and the session of that box which was open when the transaction
// was posted and still is (0: none, the box has been closed since).
struct TouchedCashBox {
    qint64 accountId = 0;
    qint64 openSessionId = 0;
};

// What a reversal (冲正) asks of the journal and the cash boxes beyond what the PostingEngine reads.
class ReversalRepository {
public:
    explicit ReversalRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The cash boxes among the transaction's lines, each with its session still open since before the
    // transaction, locked (PostgreSQL FOR UPDATE) so that the box cannot be closed under the reversal.
    Result<QList<TouchedCashBox>> cashBoxesOf(qint64 txnId);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
