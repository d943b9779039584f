#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>

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

private:
    UnitOfWork& m_uow;
};

} // namespace cs
