#include "storage/staffrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<std::optional<StaffRecord>> StaffRepository::findWhere(const QString& condition, const QVariant& value)
{
    auto query = m_uow.exec(u"SELECT s.id, s.login, s.full_name, s.role, s.state, s.password_hash, "
                            "b.id, b.code, b.name, b.business_date "
                            "FROM staff s JOIN branches b ON b.id = s.branch_id WHERE "_s + condition,
                            {value});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<StaffRecord>();
    StaffRecord record;
    Session& s = record.session;
    s.staffId = query->value(0).toLongLong();
    s.login = query->value(1).toString();
    s.fullName = query->value(2).toString();
    s.role = roleFromKey(query->value(3).toString()).value_or(Role::Teller);
    record.state = query->value(4).toString();
    record.passwordHash = query->value(5).toString();
    s.branchId = query->value(6).toLongLong();
    s.branchCode = query->value(7).toString();
    s.branchName = query->value(8).toString();
    s.businessDate = sql::toDate(query->value(9));
    query->finish();
    return std::optional<StaffRecord>(std::move(record));
}

Result<std::optional<StaffRecord>> StaffRepository::findByLogin(const QString& login)
{
    return findWhere(u"s.login = ?"_s, login);
}

Result<std::optional<StaffRecord>> StaffRepository::findById(qint64 staffId)
{
    return findWhere(u"s.id = ?"_s, staffId);
}

Result<bool> StaffRepository::insertIfAbsent(const NewStaff& staff)
{
    const QString now = sql::nowUtc();
    // VALUES (not INSERT ... SELECT) so PostgreSQL types each parameter from its column.
    auto query = m_uow.exec(
        u"INSERT INTO staff (branch_id, login, full_name, role, password_hash, state, failed_logins, "
        "must_change_password, password_changed_at, created_at, updated_at) "
        "VALUES ((SELECT id FROM branches WHERE code = ?), ?, ?, ?, ?, 'active', 0, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING"_s,
        {staff.branchCode, staff.login, staff.fullName, roleKey(staff.role), staff.passwordHash,
         sql::boolean(staff.mustChangePassword, m_uow.dialect()), now, now, now});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() > 0;
}

} // namespace cs
