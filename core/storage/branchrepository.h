#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>

#include <optional>

namespace cs {

struct NewBranch {
    QString code;
    QString name;
    QString bankCode;
    QDate businessDate;
};

class BranchRepository {
public:
    explicit BranchRepository(UnitOfWork& uow) : m_uow(uow) {}

    // Inserts the branch and opens its first business day unless the code exists; true when it inserted.
    Result<bool> insertIfAbsent(const NewBranch& branch);
    Result<int> count();

    Result<std::optional<qint64>> idOf(const QString& code);
    // The branch's first business day (the oldest row of business_days).
    Result<QDate> firstBusinessDate(qint64 branchId);
    // What end of day does to the date: the day `from` closed by staffId, the day `to` opened, and the
    // branch's business date moved to it. Conflict when the branch is no longer on `from`.
    Status advanceBusinessDate(qint64 branchId, const QDate& from, const QDate& to, qint64 staffId);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
