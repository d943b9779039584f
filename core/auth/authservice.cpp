#include "auth/authservice.h"

#include "security/passwordhasher.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

Error badCredentials()
{
    return Error::refused(u"auth.bad_credentials"_s, u"password"_s, QCoreApplication::translate("cs::AuthService", "The login or the password is wrong."));
}

// Verifying against this when the login is unknown takes as long as a real check, so the answer's
// timing does not tell which logins exist.
const QString& decoyHash()
{
    static const QString hash = PasswordHasher::hash(u"decoy"_s).value_or(QString());
    return hash;
}

Result<std::optional<StaffRecord>> readStaff(const Database& db, const std::function<Result<std::optional<StaffRecord>>(StaffRepository&)>& find)
{
    std::optional<StaffRecord> found;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            StaffRepository staff(uow);
            auto record = find(staff);
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

} // namespace

AuthService::AuthService(Database db) : m_db(std::move(db)) {}

Result<Session> AuthService::signOn(const QString& login, const QString& password, const QString& terminal) const
{
    const QString key = login.trimmed().toLower();
    if (key.isEmpty())
        return fail(Error::invalid(u"auth.empty_login"_s, u"login"_s, QCoreApplication::translate("cs::AuthService", "Enter your login.")));
    if (password.isEmpty())
        return fail(Error::invalid(u"auth.empty_password"_s, u"password"_s, QCoreApplication::translate("cs::AuthService", "Enter your password.")));

    auto record = readStaff(m_db, [&](StaffRepository& staff) { return staff.findByLogin(key); });
    if (!record)
        return fail(record.error());
    if (!record->has_value()) {
        PasswordHasher::verify(password, decoyHash());
        return fail(badCredentials());
    }
    const StaffRecord& staff = **record;
    if (!PasswordHasher::verify(password, staff.passwordHash))
        return fail(badCredentials());
    if (staff.state == u"disabled"_s)
        return fail(Error::refused(u"auth.disabled"_s, u"login"_s,
                                   QCoreApplication::translate("cs::AuthService", "This staff account is disabled. Ask an administrator.")));
    if (staff.state == u"locked"_s)
        return fail(Error::refused(u"auth.locked"_s, u"login"_s,
                                   QCoreApplication::translate("cs::AuthService", "This staff account is locked. Ask an administrator to unlock it.")));
    Session session = staff.session;
    session.terminal = terminal;
    return session;
}

Status AuthService::confirm(const Session& session, const QString& password) const
{
    auto record = readStaff(m_db, [&](StaffRepository& staff) { return staff.findById(session.staffId); });
    if (!record)
        return fail(record.error());
    if (!record->has_value() || !PasswordHasher::verify(password, (*record)->passwordHash))
        return fail(Error::refused(u"auth.bad_password"_s, u"password"_s, QCoreApplication::translate("cs::AuthService", "The password is wrong.")));
    if ((*record)->state != u"active"_s)
        return fail(Error::refused(u"auth.locked"_s, u"login"_s, QCoreApplication::translate("cs::AuthService", "This staff account is no longer active.")));
    return {};
}

} // namespace cs
