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

Result<std::optional<qint64>> BranchRepository::idOf(const QString& code)
{
    auto value = m_uow.scalar(u"SELECT id FROM branches WHERE code = ?"_s, {code});
    if (!value)
        return fail(value.error());
    return value->isNull() ? std::optional<qint64>() : std::optional<qint64>(value->toLongLong());
}

Result<QDate> BranchRepository::firstBusinessDate(qint64 branchId)
{
    auto value = m_uow.scalar(u"SELECT min(business_date) FROM business_days WHERE branch_id = ?"_s, {branchId});
    if (!value)
        return fail(value.error());
    return sql::toDate(*value);
}

Status BranchRepository::advanceBusinessDate(qint64 branchId, const QDate& from, const QDate& to, qint64 staffId)
{
    const QString now = sql::nowUtc();
    auto moved = m_uow.exec(u"UPDATE branches SET business_date = ? WHERE id = ? AND business_date = ?"_s,
                            {sql::date(to), branchId, sql::date(from)});
    if (!moved)
        return fail(moved.error());
    if (moved->numRowsAffected() != 1)
        return fail(Error::conflict(u"db.conflict"_s, u"The branch is no longer on business date %1"_s.arg(sql::date(from))));
    auto closed = m_uow.exec(u"UPDATE business_days SET state = 'closed', closed_at = ?, closed_by = ? "
                             "WHERE branch_id = ? AND business_date = ? AND state <> 'closed'"_s,
                             {now, staffId, branchId, sql::date(from)});
    if (!closed)
        return fail(closed.error());
    auto opened = m_uow.exec(u"INSERT INTO business_days (branch_id, business_date, state, opened_at) VALUES (?, ?, 'open', ?)"_s,
                             {branchId, sql::date(to), now});
    if (!opened)
        return fail(opened.error());
    return {};
}

} // namespace cs
