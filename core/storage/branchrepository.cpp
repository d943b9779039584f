#include "storage/branchrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<bool> BranchRepository::insertIfAbsent(const NewBranch& branch)
{
    const QString now = sql::nowUtc();
    const QString date = sql::date(branch.businessDate);
    auto inserted = m_uow.exec(u"INSERT INTO branches (code, name, bank_code, business_date, created_at) "
                               "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                               {branch.code, branch.name, branch.bankCode, date, now});
    if (!inserted)
        return fail(inserted.error());
    if (inserted->numRowsAffected() == 0)
        return false;
    auto day = m_uow.exec(u"INSERT INTO business_days (branch_id, business_date, state, opened_at) "
                          "VALUES ((SELECT id FROM branches WHERE code = ?), ?, 'open', ?)"_s,
                          {branch.code, date, now});
    if (!day)
        return fail(day.error());
    return true;
}

Result<int> BranchRepository::count()
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM branches"_s);
    if (!value)
        return fail(value.error());
    return value->toInt();
}

} // namespace cs
