#include "services/staffservice.h"

#include "security/passwordhasher.h"
#include "security/permissions.h"
#include "services/servicecall.h"
#include "storage/settingsrepository.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

constexpr int defaultMinLength = 10;

// For texts marked with QT_TRANSLATE_NOOP elsewhere; literal texts call translate() directly so lupdate sees them.
QString translated(const char* source) { return QCoreApplication::translate("cs::StaffService", source); }

int minPasswordLength(UnitOfWork& uow)
{
    auto setting = SettingsRepository(uow).find(u"security.password_min_length"_s);
    const int value = setting && setting->has_value() ? (*setting)->value.toInt() : 0;
    return value > 0 ? value : defaultMinLength;
}

// The audited picture of a staff member: never the password or its hash.
QJsonObject picture(const StaffRecord& r)
{
    return {{u"login"_s, r.session.login},      {u"full_name"_s, r.session.fullName},
            {u"role"_s, roleKey(r.session.role)}, {u"state"_s, r.state},
            {u"branch"_s, r.session.branchCode}, {u"must_change_password"_s, r.session.mustChangePassword}};
}

StaffSummary summary(const StaffRecord& r)
{
    return {r.session.staffId, r.session.login, r.session.fullName, r.session.role, r.session.branchCode,
            r.state, r.failedLogins, r.session.mustChangePassword, r.lastLoginAt};
}

Result<StaffRecord> load(StaffRepository& staff, qint64 staffId)
{
    auto found = staff.findById(staffId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"staff.not_found"_s, u"staff"_s, QCoreApplication::translate("cs::StaffService", "There is no such staff member.")));
    return std::move(**found);
}

// One administrative change to another staff member: loaded, checked, changed and audited with the
// before and after pictures.
Status change(const Database& db, const Session& session, const QString& action, qint64 staffId,
              const std::function<Status(StaffRepository&, const StaffRecord&)>& apply)
{
    auto result = performAudited(
        db, session, {action, u"staff"_s, QString::number(staffId), {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            StaffRepository staff(uow);
            auto before = load(staff, staffId);
            if (!before)
                return fail(before.error());
            if (staffId == session.staffId)
                return fail(Error::refused(u"staff.self"_s, u"staff"_s,
                                           QCoreApplication::translate("cs::StaffService", "Administrators cannot change their own account; ask another administrator.")));
            if (auto applied = apply(staff, *before); !applied)
                return fail(applied.error());
            auto after = load(staff, staffId);
            if (!after)
                return fail(after.error());
            audit.before = picture(*before);
            audit.after = picture(*after);
            return QJsonObject{{u"staff_id"_s, staffId}, {u"state"_s, after->state}};
        });
    if (!result)
        return fail(result.error());
    return {};
}

Status requireState(const StaffRecord& r, const QString& state, const char* message)
{
    if (r.state != state)
        return fail(Error::refused(u"staff.state"_s, u"staff"_s, translated(message)));
    return {};
}

} // namespace

Status checkPasswordRules(const QString& login, const QString& password, int minLength)
{
    if (password.size() < minLength)
        return fail(Error::invalid(u"password.too_short"_s, u"password"_s,
                                   QCoreApplication::translate("cs::StaffService",
                                                               "The password needs at least %n character(s).", nullptr,
                                                               minLength)));
    if (!login.isEmpty() && password.contains(login, Qt::CaseInsensitive))
        return fail(Error::invalid(u"password.contains_login"_s, u"password"_s,
                                   QCoreApplication::translate("cs::StaffService", "The password must not contain the login.")));
    if (password.count(password.front()) == password.size())
        return fail(Error::invalid(u"password.repeated"_s, u"password"_s,
                                   QCoreApplication::translate("cs::StaffService", "The password must not be one character repeated.")));
    return {};
}

StaffService::StaffService(Database db) : m_db(std::move(db)) {}

Result<QList<StaffSummary>> StaffService::list(const Session& session) const
{
    QList<StaffSummary> all;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            all.clear();
            if (auto allowed = Permissions::require(uow, session.role, action::staffRead); !allowed)
                return allowed;
            auto records = StaffRepository(uow).list();
            if (!records)
                return fail(records.error());
            for (const StaffRecord& r : std::as_const(*records))
                all.append(summary(r));
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return all;
}

Result<qint64> StaffService::add(const Session& session, const NewStaffRequest& request) const
{
    static const QRegularExpression loginFormat(u"^[a-z][a-z0-9._-]{2,31}$"_s);
    const QString login = request.login.trimmed().toLower();
    if (!loginFormat.match(login).hasMatch())
        return fail(Error::invalid(u"staff.login_format"_s, u"login"_s,
                                   QCoreApplication::translate("cs::StaffService", "A login has 3 to 32 characters: a letter first, then letters, digits, '.', '_' or '-'.")));
    if (request.fullName.trimmed().isEmpty())
        return fail(Error::invalid(u"staff.name_empty"_s, u"full_name"_s, QCoreApplication::translate("cs::StaffService", "Enter the staff member's full name.")));
    // Hash before the transaction: it is slow on purpose and must not hold the write lock.
    auto hash = PasswordHasher::hash(request.initialPassword);
    if (!hash)
        return fail(hash.error());
    const QString branch = request.branchCode.isEmpty() ? session.branchCode : request.branchCode;
    qint64 newId = 0;
    auto result = performAudited(
        m_db, session, {action::staffAdd, u"staff"_s, login, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            if (auto rules = checkPasswordRules(login, request.initialPassword, minPasswordLength(uow)); !rules)
                return fail(rules.error());
            StaffRepository staff(uow);
            auto existing = staff.findByLogin(login);
            if (!existing)
                return fail(existing.error());
            if (existing->has_value())
                return fail(Error::refused(u"staff.login_taken"_s, u"login"_s, QCoreApplication::translate("cs::StaffService", "This login is already taken.")));
            auto id = staff.insert({branch, login, request.fullName.trimmed(), request.role, *hash, true});
            if (!id) {
                if (id.error().code == u"db.constraint"_s)
                    return fail(Error::invalid(u"staff.branch_unknown"_s, u"branch"_s, QCoreApplication::translate("cs::StaffService", "There is no such branch.")));
                return fail(id.error());
            }
            auto created = load(staff, *id);
            if (!created)
                return fail(created.error());
            audit.entityId = QString::number(*id);
            audit.after = picture(*created);
            return QJsonObject{{u"staff_id"_s, *id}, {u"login"_s, login}};
        });
    if (!result)
        return fail(result.error());
    newId = result->value(u"staff_id"_s).toInteger();
    return newId;
}

Status StaffService::disable(const Session& session, qint64 staffId, const QString& reason) const
{
    if (reason.trimmed().isEmpty())
        return fail(Error::invalid(u"staff.reason_empty"_s, u"reason"_s, QCoreApplication::translate("cs::StaffService", "Give the reason for disabling.")));
    return change(m_db, session, action::staffDisable, staffId, [&](StaffRepository& staff, const StaffRecord& r) -> Status {
        if (r.state == u"disabled"_s)
            return fail(Error::refused(u"staff.state"_s, u"staff"_s, QCoreApplication::translate("cs::StaffService", "This staff member is already disabled.")));
        return staff.setState(staffId, u"disabled"_s);
    });
}

Status StaffService::enable(const Session& session, qint64 staffId) const
{
    return change(m_db, session, action::staffEnable, staffId, [&](StaffRepository& staff, const StaffRecord& r) -> Status {
        if (auto ok = requireState(r, u"disabled"_s, QT_TRANSLATE_NOOP("cs::StaffService", "Only a disabled staff member can be enabled.")); !ok)
            return ok;
        return staff.setState(staffId, u"active"_s);
    });
}

Status StaffService::unlock(const Session& session, qint64 staffId) const
{
    return change(m_db, session, action::staffUnlock, staffId, [&](StaffRepository& staff, const StaffRecord& r) -> Status {
        if (auto ok = requireState(r, u"locked"_s, QT_TRANSLATE_NOOP("cs::StaffService", "Only a locked staff member can be unlocked.")); !ok)
            return ok;
        return staff.unlock(staffId);
    });
}

Status StaffService::resetPassword(const Session& session, qint64 staffId, const QString& temporaryPassword) const
{
    auto hash = PasswordHasher::hash(temporaryPassword);
    if (!hash)
        return fail(hash.error());
    return change(m_db, session, action::staffResetPassword, staffId, [&](StaffRepository& staff, const StaffRecord& r) -> Status {
        if (auto rules = checkPasswordRules(r.session.login, temporaryPassword, minPasswordLength(staff.uow())); !rules)
            return rules;
        return staff.setPassword(staffId, *hash, true);
    });
}

Status StaffService::changeRole(const Session& session, qint64 staffId, Role role) const
{
    return change(m_db, session, action::staffChangeRole, staffId, [&](StaffRepository& staff, const StaffRecord& r) -> Status {
        if (r.session.role == role)
            return fail(Error::invalid(u"staff.same_role"_s, u"role"_s, QCoreApplication::translate("cs::StaffService", "The staff member already has this role.")));
        return staff.setRole(staffId, role);
    });
}

Status StaffService::changeOwnPassword(const Session& session, const QString& oldPassword, const QString& newPassword) const
{
    auto hash = PasswordHasher::hash(newPassword);
    if (!hash)
        return fail(hash.error());
    std::optional<StaffRecord> current;
    {
        const Status read = m_db.transact(
            [&](UnitOfWork& uow) -> Status {
                StaffRepository staff(uow);
                auto found = load(staff, session.staffId);
                if (!found)
                    return fail(found.error());
                current = std::move(*found);
                return {};
            },
            UnitOfWork::Isolation::ReadOnly);
        if (!read)
            return read;
    }
    const bool oldOk = PasswordHasher::verify(oldPassword, current->passwordHash);
    const bool reused = PasswordHasher::verify(newPassword, current->passwordHash);
    auto result = performAudited(
        m_db, session, {action::changeOwnPassword, u"staff"_s, QString::number(session.staffId), {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            if (!oldOk)
                return fail(Error::refused(u"auth.bad_password"_s, u"old_password"_s, QCoreApplication::translate("cs::StaffService", "The current password is wrong.")));
            if (auto rules = checkPasswordRules(session.login, newPassword, minPasswordLength(uow)); !rules)
                return fail(rules.error());
            if (reused)
                return fail(Error::invalid(u"password.reused"_s, u"password"_s,
                                           QCoreApplication::translate("cs::StaffService", "The new password must differ from the current one.")));
            StaffRepository staff(uow);
            if (auto done = staff.setPassword(session.staffId, *hash, false); !done)
                return fail(done.error());
            audit.before = {{u"must_change_password"_s, current->session.mustChangePassword}};
            audit.after = {{u"must_change_password"_s, false}};
            return QJsonObject{{u"staff_id"_s, session.staffId}};
        });
    if (!result)
        return fail(result.error());
    return {};
}

} // namespace cs
