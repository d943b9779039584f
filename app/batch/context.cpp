#include "batch/context.h"

#include "auth/authservice.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace cs::batch {

Result<Database> openDatabase(const CliArgs& args)
{
    QString url = args.value(u"db"_s);
    if (url.isEmpty())
        url = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_DB"_s);
    if (url.isEmpty())
        return fail(Error::invalid(u"usage.no_database"_s, u"db"_s,
                                   QCoreApplication::translate("cs::batch", "Name the database with --db URL or COUNTERSIGN_DB.")));
    return Database::open(url);
}

Result<QString> required(const CliArgs& args, const QString& name)
{
    const QString value = args.value(name);
    if (value.isEmpty())
        return fail(Error::invalid(u"usage.missing_option"_s, name,
                                   QCoreApplication::translate("cs::batch", "The option --%1 is required.").arg(name)));
    return value;
}

Result<Session> actingSession(const CliArgs& args, const Database& db)
{
    const QString login = args.value(u"as"_s);
    if (login.isEmpty())
        return fail(Error::invalid(u"usage.no_staff"_s, u"as"_s,
                                   QCoreApplication::translate("cs::batch", "Name the acting staff with --as LOGIN.")));
    const QString password = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_PASSWORD"_s);
    if (password.isEmpty())
        return fail(Error::invalid(u"usage.no_password"_s, u"password"_s,
                                   QCoreApplication::translate("cs::batch", "Put the password of --as in COUNTERSIGN_PASSWORD.")));
    const QString terminal = args.value(u"terminal"_s, QSysInfo::machineHostName());
    auto session = AuthService(db).signOn(login, password, terminal);
    if (!session)
        return session;
    if (session->mustChangePassword)
        return fail(Error::refused(u"auth.password_change_required"_s, u"password"_s,
                                   QCoreApplication::translate("cs::batch", "This password must be changed at the terminal "
                                                                            "before the staff member can act.")));
    return session;
}

} // namespace cs::batch
