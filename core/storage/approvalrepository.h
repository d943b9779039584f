#pragma once

#include "approvals/approvalaction.h"
#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QList>

#include <optional>

namespace cs {

struct NewApprovalRow {
    qint64 branchId = 0;
    QDate businessDate;
    QString action;
    QString entityType;
    QString entityId;
    QJsonObject payload;
    std::optional<Money> amount;
    QString requestId;
    qint64 makerId = 0;
    QString makerTerminal;
};

// What list and count select: the branch, and the filter's conditions.
struct ApprovalQuery {
    qint64 branchId = 0;
    QString state;   // empty: every state
    QString action;  // empty: every action
    qint64 makerId = 0;
    QDate from;
    QDate to;
    qint64 afterId = 0;
    int limit = 100;
};

// The `approvals` table (0001, section 8): the maker-checker queue.
class ApprovalRepository {
public:
    explicit ApprovalRepository(UnitOfWork& uow) : m_uow(uow) {}

    // A unique violation of approvals_one_pending_per_entity comes back as Refused `approval.duplicate`.
    Result<qint64> insert(const NewApprovalRow& row);
    // The pending approval of the entity and action, if any.
    Result<std::optional<qint64>> pendingFor(const QString& entityType, const QString& entityId, const QString& action);
    // With the maker's and checker's logins and names; `lock` takes the row lock (PostgreSQL FOR UPDATE).
    Result<std::optional<ApprovalRecord>> find(qint64 id, bool lock = false);
    // pending -> approved or rejected by the checker; NotFound-ish Internal when it was not pending.
    Status decide(qint64 id, const QString& state, qint64 checkerId, const QString& checkerTerminal,
                  const QString& reason, const QJsonObject& result);
    // pending -> cancelled or expired (no checker).
    Status end(qint64 id, const QString& state, const QString& reason);
    Result<QList<ApprovalRecord>> list(const ApprovalQuery& query);
    Result<qint64> count(const ApprovalQuery& query);
    // Ids of the branch's approvals pending from business dates up to `through`, ascending.
    Result<QList<qint64>> pendingThrough(qint64 branchId, const QDate& through);
    Result<qint64> pendingCount(qint64 branchId);
    // PostgreSQL: NOTIFY countersign_approvals with the branch id, delivered when the transaction
    // commits. SQLite: nothing (the workspace polls).
    Status notify(qint64 branchId);

private:
    SqlStatement where(const ApprovalQuery& query) const;
    UnitOfWork& m_uow;
};

} // namespace cs
