#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace cs {

struct NewNotice {
    qint64 branchId = 0;
    qint64 customerId = 0;
    qint64 accountId = 0;
    QString kind;        // movement, maturity
    QDate businessDate;
    QString eventKey;    // txn:<id>, maturity:<date>, ...: (kind, account, event) is queued once
    QJsonObject payload; // amounts in fen
};

// The customer notice outbox (notice_outbox, 0012); issue 8 delivers from it. Queuing the same event
// again changes nothing, so an end of day run twice never notifies twice.
class NoticeRepository {
public:
    explicit NoticeRepository(UnitOfWork& uow) : m_uow(uow) {}

    // True when it was queued now.
    Result<bool> enqueue(const NewNotice& notice);
    // One movement notice per customer account and journal transaction of the branch's business date,
    // with the net amount on the account's side and the balance after it; those queued before are
    // skipped. Answers how many were queued now.
    Result<qint64> enqueueMovements(qint64 branchId, const QDate& businessDate);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
