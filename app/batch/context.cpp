#include "batch/context.h"

#include "auth/authservice.h"
#include "money/amountformat.h"
#include "money/amountparser.h"

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

Result<Acting> acting(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(db.error());
    auto session = actingSession(args, *db);
    if (!session)
        return fail(session.error());
    return Acting{std::move(*db), std::move(*session)};
}

Result<QDate> dateOption(const CliArgs& args, const QString& option, const QString& field)
{
    const QString value = args.value(option).trimmed();
    if (value.isEmpty())
        return QDate();
    const QDate parsed = QDate::fromString(value, u"yyyy-MM-dd"_s);
    if (!parsed.isValid())
        return fail(Error::invalid(u"usage.bad_date"_s, field.isEmpty() ? option : field,
                                   QCoreApplication::translate("cs::batch", "The option --%1 needs a date as "
                                                                            "YYYY-MM-DD.").arg(option)));
    return parsed;
}

Result<qint64> idOption(const CliArgs& args, const QString& option)
{
    auto value = required(args, option);
    if (!value)
        return fail(value.error());
    bool ok = false;
    const qint64 id = value->trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Error::invalid(u"usage.bad_number"_s, option,
                                   QCoreApplication::translate("cs::batch", "The option --%1 needs a positive whole "
                                                                            "number.").arg(option)));
    return id;
}

Result<Money> amountOption(const CliArgs& args, const QString& option, Currency currency, bool allowZero)
{
    auto typed = required(args, option);
    if (!typed)
        return fail(typed.error());
    return parseAmount(*typed, currency, {option, {}, false, allowZero});
}

QString amountJson(const Money& money) { return formatAmount(money, {.grouping = false, .withCode = false}); }

} // namespace cs::batch
