#include "storage/staffrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
Result<QList<StaffRecord>> StaffRepository::select(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(
                          u"SELECT s.id, s.login, s.full_name, s.role, s.state, s.password_hash, "
                          "b.id, b.code, b.name, b.business_date, s.must_change_password, s.failed_logins, "
                          "s.last_login_at FROM staff s JOIN branches b ON b.id = s.branch_id "_s + condition,
                          values);
    if (!query)
        return fail(query.error());
    QList<StaffRecord> records;
    while (query->next()) {
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
        s.mustChangePassword = query->value(10).toBool();
        record.failedLogins = query->value(11).toInt();
        record.lastLoginAt = sql::toDateTime(query->value(12));
        records.append(std::move(record));
    }
    query->finish();
    return records;
}

Result<std::optional<StaffRecord>> StaffRepository::findByLogin(const QString& login)
{
    auto found = select(u"WHERE s.login = ?"_s, {login});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::optional<StaffRecord>() : std::optional<StaffRecord>(found->takeFirst());
}

Result<std::optional<StaffRecord>> StaffRepository::findById(qint64 staffId)
{
    auto found = select(u"WHERE s.id = ?"_s, {staffId});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::optional<StaffRecord>() : std::optional<StaffRecord>(found->takeFirst());
}

Result<QList<StaffRecord>> StaffRepository::list() { return select(u"ORDER BY b.code, s.login"_s, {}); }

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

Result<qint64> StaffRepository::insert(const NewStaff& staff)
{
    auto inserted = insertIfAbsent(staff);
    if (!inserted)
        return fail(inserted.error());
    if (!*inserted)
        return fail(Error::refused(u"staff.login_taken"_s, u"login"_s, {}));
    auto found = findByLogin(staff.login);
    if (!found)
        return fail(found.error());
    return (*found)->session.staffId;
}

Result<std::pair<int, QString>> StaffRepository::recordFailedSignOn(qint64 staffId, int lockAt)
{
    auto query = m_uow.exec(
        u"UPDATE staff SET failed_logins = failed_logins + 1, "
        "state = CASE WHEN state = 'active' AND failed_logins + 1 >= ? THEN 'locked' ELSE state END, "
        "updated_at = ? WHERE id = ? RETURNING failed_logins, state"_s,
        {lockAt, sql::nowUtc(), staffId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(u"staff.not_found"_s, u"staff"_s, {}));
    std::pair<int, QString> result{query->value(0).toInt(), query->value(1).toString()};
    query->finish();
    return result;
}

Status StaffRepository::update(const QString& assignments, const QVariantList& values)
{
    auto query = m_uow.execList(u"UPDATE staff SET "_s + assignments + u", updated_at = ? WHERE id = ?"_s, values);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"staff.not_found"_s, u"staff"_s, {}));
    return {};
}

Status StaffRepository::recordSignOn(qint64 staffId, const QString& newHash)
{
    const QString now = sql::nowUtc();
    if (newHash.isEmpty())
        return update(u"failed_logins = 0, last_login_at = ?"_s, {now, now, staffId});
    return update(u"failed_logins = 0, last_login_at = ?, password_hash = ?"_s, {now, newHash, now, staffId});
}

Status StaffRepository::setState(qint64 staffId, const QString& state)
{
    return update(u"state = ?"_s, {state, sql::nowUtc(), staffId});
}

Status StaffRepository::unlock(qint64 staffId)
{
    return update(u"state = 'active', failed_logins = 0"_s, {sql::nowUtc(), staffId});
}

Status StaffRepository::setPassword(qint64 staffId, const QString& hash, bool mustChange)
{
    const QString now = sql::nowUtc();
    return update(u"password_hash = ?, must_change_password = ?, password_changed_at = ?"_s,
                  {hash, sql::boolean(mustChange, m_uow.dialect()), now, now, staffId});
}

Status StaffRepository::setRole(qint64 staffId, Role role)
{
    return update(u"role = ?"_s, {roleKey(role), sql::nowUtc(), staffId});
}

} // namespace cs
