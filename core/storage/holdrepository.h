#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cs {

struct HoldRecord {
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 amount = 0;
    QString currency;
    QString reasonCode;
    QString reason;
    QString state; // active, released, consumed
    QString requestId;
    qint64 consumedTxnId = 0;
    qint64 createdBy = 0;
    QDateTime createdAt;
};

struct NewHold {
    qint64 accountId = 0;
    qint64 amount = 0;
    QString currency;
    QString reasonCode;
    QString reason;
    QString requestId;
    qint64 approvalId = 0;
    qint64 createdBy = 0;
};

// Amount holds (rule 5). accounts.held is the sum of the active ones; the caller changes both in one
// transaction, after locking the account row.
class HoldRepository {
public:
    explicit HoldRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<HoldRecord>> find(qint64 holdId);
    Result<std::optional<HoldRecord>> findByRequestId(const QString& requestId);
    Result<QList<HoldRecord>> activeOn(qint64 accountId);
    // The active holds placed for a pending approval (released or consumed when it is decided).
    Result<QList<HoldRecord>> activeForApproval(qint64 approvalId);
    Result<qint64> insert(const NewHold& hold);
    // active -> consumed by the transaction; NotFound unless the hold was active.
    Status consume(qint64 holdId, qint64 txnId, qint64 staffId);
    // active -> released; NotFound unless the hold was active.
    Status release(qint64 holdId, qint64 staffId);
    // The approval a hold waits for, when the hold is placed before the approval exists (a transfer).
    Status linkApproval(qint64 holdId, qint64 approvalId);

private:
    Result<std::optional<HoldRecord>> selectOne(const QString& condition, const QVariant& key);
    UnitOfWork& m_uow;
};

} // namespace cs
