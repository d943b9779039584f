#include "auth/authservice.h"

#include "security/auditlog.h"
#include "security/passwordhasher.h"
#include "security/permissions.h"
#include "storage/settingsrepository.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

constexpr int defaultLockout = 5;

Error badCredentials()
{
    return Error::refused(u"auth.bad_credentials"_s, u"password"_s,
                          QCoreApplication::translate("cs::AuthService", "The login or the password is wrong."));
}

Error lockedError()
{
    return Error::refused(u"auth.locked"_s, u"login"_s,
                          QCoreApplication::translate("cs::AuthService",
                                                      "This staff account is locked. Ask an administrator to unlock it."));
}

// Verifying against this when the login is unknown takes as long as a real check, so the answer's
// timing does not tell which logins exist.
const QString& decoyHash()
{
    static const QString hash = PasswordHasher::hash(u"decoy"_s).value_or(QString());
    return hash;
}

Result<std::optional<StaffRecord>> readStaff(const Database& db, const QString& login)
{
    std::optional<StaffRecord> found;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            StaffRepository staff(uow);
            auto record = staff.findByLogin(login);
            if (!record)
                return fail(record.error());
            found = std::move(*record);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return found;
}

int lockoutAt(UnitOfWork& uow)
{
    auto setting = SettingsRepository(uow).find(u"security.lockout_failures"_s);
    const int value = setting && setting->has_value() ? (*setting)->value.toInt() : 0;
    return value > 0 ? value : defaultLockout;
}

} // namespace

AuthService::AuthService(Database db) : m_db(std::move(db)) {}

Result<Session> AuthService::signOn(const QString& login, const QString& password, const QString& terminal) const
{
    const QString key = login.trimmed().toLower();
    if (key.isEmpty())
        return fail(Error::invalid(u"auth.empty_login"_s, u"login"_s,
                                   QCoreApplication::translate("cs::AuthService", "Enter your login.")));
    if (password.isEmpty())
        return fail(Error::invalid(u"auth.empty_password"_s, u"password"_s,
                                   QCoreApplication::translate("cs::AuthService", "Enter your password.")));

    auto record = readStaff(m_db, key);
    if (!record)
        return fail(record.error());
    // The slow hash runs outside any transaction; the outcome is recorded in a short one below.
    const bool known = record->has_value();
    const bool passwordOk = PasswordHasher::verify(password, known ? (*record)->passwordHash : decoyHash());

    AuditActor actor{0, key, terminal, 0};
    AuditEntry entry{action::signOn, u"staff"_s, {}, false, {}, {}, {}};
    Error refusal = badCredentials();
    std::optional<Session> session;
    const Status recorded = m_db.transact([&](UnitOfWork& uow) -> Status {
        session.reset();
        refusal = badCredentials();
        entry.success = false;
        entry.after = {};
        if (!known) {
            entry.detail = refusal.code;
            return AuditLog::append(uow, actor, entry);
        }
        const StaffRecord& staff = **record;
        actor = {staff.session.staffId, staff.session.login, terminal, staff.session.branchId};
        entry.entityId = QString::number(staff.session.staffId);
        StaffRepository repository(uow);
        if (staff.state == u"disabled"_s) {
            refusal = Error::refused(u"auth.disabled"_s, u"login"_s,
                                     QCoreApplication::translate("cs::AuthService",
                                                                 "This staff account is disabled. Ask an administrator."));
        } else if (staff.state == u"locked"_s) {
            refusal = lockedError();
        } else if (!passwordOk) {
            auto counted = repository.recordFailedSignOn(staff.session.staffId, lockoutAt(uow));
            if (!counted)
                return fail(counted.error());
            entry.after = {{u"failed_logins"_s, counted->first}, {u"state"_s, counted->second}};
            if (counted->second == u"locked"_s)
                refusal = Error::refused(u"auth.locked_now"_s, u"password"_s,
                                         QCoreApplication::translate("cs::AuthService",
                                                                     "The password is wrong. After %n wrong password(s) "
                                                                     "this staff account is now locked.",
                                                                     nullptr, counted->first));
        } else {
            if (auto allowed = Permissions::allows(uow, staff.session.role, action::signOn); !allowed)
                return fail(allowed.error());
            else if (!*allowed)
                refusal = Error::refused(u"permission.denied"_s, u"login"_s,
                                         QCoreApplication::translate("cs::AuthService", "This role may not sign on."));
            else {
                QString rehash;
                if (PasswordHasher::needsRehash(staff.passwordHash)) {
                    auto fresh = PasswordHasher::hash(password);
                    if (fresh)
                        rehash = *fresh;
                }
                if (auto done = repository.recordSignOn(staff.session.staffId, rehash); !done)
                    return done;
                entry.success = true;
                session = staff.session;
                session->terminal = terminal;
            }
        }
        entry.detail = entry.success ? QString() : refusal.code;
        return AuditLog::append(uow, actor, entry);
    });
    if (!recorded)
        return fail(recorded.error());
    if (!session)
        return fail(refusal);
    return *session;
}

Status AuthService::confirm(const Session& session, const QString& password) const
{
    // Resuming a locked terminal is a sign-on of the same staff member: counted, locked out and
    // audited the same way.
    auto again = signOn(session.login, password, session.terminal);
    if (!again) {
        if (again.error().code == u"auth.bad_credentials"_s)
            return fail(Error::refused(u"auth.bad_password"_s, u"password"_s,
                                       QCoreApplication::translate("cs::AuthService", "The password is wrong.")));
        return fail(again.error());
    }
    if (again->staffId != session.staffId)
        return fail(badCredentials());
    return {};
}

} // namespace cs
