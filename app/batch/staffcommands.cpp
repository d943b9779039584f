#include "batch/commandgroups.h"
#include "batch/context.h"

#include "services/settingsservice.h"
#include "services/staffservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

Result<Role> roleOption(const CliArgs& args)
{
    auto key = required(args, u"role"_s);
    if (!key)
        return fail(key.error());
    const auto role = roleFromKey(*key);
    if (!role)
        return fail(Error::invalid(u"staff.role_unknown"_s, u"role"_s,
                                   QCoreApplication::translate("cs::batch", "The role must be teller, supervisor, auditor or admin.")));
    return *role;
}

Result<QString> newPassword()
{
    const QString password = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_NEW_PASSWORD"_s);
    if (password.isEmpty())
        return fail(Error::invalid(u"usage.no_new_password"_s, u"password"_s,
                                   QCoreApplication::translate("cs::batch", "Put the new staff password in COUNTERSIGN_NEW_PASSWORD.")));
    return password;
}

QJsonObject toJson(const StaffSummary& s)
{
    return {{u"id"_s, s.id},
            {u"login"_s, s.login},
            {u"name"_s, s.fullName},
            {u"role"_s, roleKey(s.role)},
            {u"branch"_s, s.branchCode},
            {u"state"_s, s.state},
            {u"failed_logins"_s, s.failedLogins},
            {u"must_change_password"_s, s.mustChangePassword}};
}

Result<StaffSummary> findStaff(const StaffService& staff, const Session& session, const CliArgs& args)
{
    auto login = required(args, u"login"_s);
    if (!login)
        return fail(login.error());
    auto all = staff.list(session);
    if (!all)
        return fail(all.error());
    for (const StaffSummary& s : std::as_const(*all)) {
        if (s.login == login->trimmed().toLower())
            return s;
    }
    return fail(Error::notFound(u"staff.not_found"_s, u"login"_s, QCoreApplication::translate("cs::batch", "There is no staff member %1.").arg(*login)));
}

} // namespace

Result<QJsonObject> staffCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const Database& db = context->db;
    const Session& session = context->session;
    const StaffService staff(db);

    if (sub == u"add"_s) {
        NewStaffRequest request;
        for (const QString& name : {u"login"_s, u"name"_s, u"branch"_s}) {
            if (auto value = required(args, name); !value)
                return fail(value.error());
        }
        auto role = roleOption(args);
        if (!role)
            return fail(role.error());
        auto password = newPassword();
        if (!password)
            return fail(password.error());
        request.login = args.value(u"login"_s);
        request.fullName = args.value(u"name"_s);
        request.branchCode = args.value(u"branch"_s);
        request.role = *role;
        request.initialPassword = *password;
        request.requestId = args.value(u"request-id"_s);
        auto id = staff.add(session, request);
        if (!id)
            return fail(id.error());
        return QJsonObject{{u"staff_id"_s, *id}, {u"login"_s, request.login.trimmed().toLower()},
                           {u"must_change_password"_s, true}};
    }
    if (sub == u"list"_s) {
        auto all = staff.list(session);
        if (!all)
            return fail(all.error());
        QJsonArray rows;
        for (const StaffSummary& s : std::as_const(*all))
            rows.append(toJson(s));
        return QJsonObject{{u"staff"_s, rows}};
    }
    auto target = findStaff(staff, session, args);
    if (!target)
        return fail(target.error());
    Status done;
    if (sub == u"unlock"_s)
        done = staff.unlock(session, target->id);
    else if (sub == u"disable"_s)
        done = staff.disable(session, target->id, args.value(u"reason"_s));
    else if (sub == u"enable"_s)
        done = staff.enable(session, target->id);
    else if (sub == u"reset-password"_s) {
        auto password = newPassword();
        if (!password)
            return fail(password.error());
        done = staff.resetPassword(session, target->id, *password);
    } else if (sub == u"set-role"_s) {
        auto role = roleOption(args);
        if (!role)
            return fail(role.error());
        done = staff.changeRole(session, target->id, *role);
    } else {
        return fail(Error::invalid(u"usage.unknown_command"_s, {},
                                   QCoreApplication::translate("cs::batch", "Unknown command: staff %1 (add, list, unlock, disable, enable, "
                                     "reset-password, set-role).").arg(sub)));
    }
    if (!done)
        return fail(done.error());
    auto after = findStaff(staff, session, args);
    if (!after)
        return fail(after.error());
    return toJson(*after);
}

Result<QJsonObject> settingCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const Database& db = context->db;
    const Session& session = context->session;
    const SettingsService settings(db);
    if (sub == u"list"_s) {
        auto all = settings.list(session);
        if (!all)
            return fail(all.error());
        QJsonArray rows;
        for (const SettingValue& v : std::as_const(*all))
            rows.append(QJsonObject{{u"key"_s, v.definition.key}, {u"value"_s, v.value}, {u"label"_s, v.label}});
        return QJsonObject{{u"settings"_s, rows}};
    }
    auto key = required(args, u"key"_s);
    if (!key)
        return fail(key.error());
    if (sub == u"set"_s) {
        auto value = required(args, u"value"_s);
        if (!value)
            return fail(value.error());
        if (auto done = settings.set(session, *key, *value, args.value(u"request-id"_s)); !done)
            return fail(done.error());
    } else if (sub != u"get"_s) {
        return fail(Error::invalid(u"usage.unknown_command"_s, {},
                                   QCoreApplication::translate("cs::batch", "Unknown command: setting %1 (get, set, list).").arg(sub)));
    }
    auto current = settings.get(session, *key);
    if (!current)
        return fail(current.error());
    return QJsonObject{{u"key"_s, *key}, {u"value"_s, current->value}};
}

} // namespace cs::batch
