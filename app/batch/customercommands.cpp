#include "batch/commandgroups.h"
#include "batch/context.h"

#include "auth/authservice.h"
#include "services/customerservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

QJsonValue text(const QString& value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); }

QJsonValue date(const QDate& value) { return value.isValid() ? QJsonValue(value.toString(Qt::ISODate)) : QJsonValue(); }

QJsonObject toJson(const CustomerSummary& s)
{
    return {{u"id"_s, s.id},           {u"name"_s, s.fullName},         {u"id_type"_s, s.idType},
            {u"id_number"_s, s.idNumber}, {u"phone"_s, text(s.phone)}, {u"kind"_s, s.kind}};
}

QJsonObject toJson(const CustomerDetail& d)
{
    QJsonObject o = toJson(d.summary);
    o.insert(u"customer_id"_s, d.summary.id);
    o.insert(u"branch"_s, d.branchCode);
    o.insert(u"address"_s, text(d.address));
    o.insert(u"birth_date"_s, date(d.birthDate));
    o.insert(u"age"_s, d.age ? QJsonValue(*d.age) : QJsonValue());
    o.insert(u"id_expires_on"_s, date(d.idExpiresOn));
    o.insert(u"kyc_state"_s, d.kycState);
    o.insert(u"id_check_confirmed_by"_s, text(d.idCheckConfirmedBy));
    o.insert(u"created_at"_s, d.createdAt.toString(Qt::ISODateWithMs));
    o.insert(u"updated_at"_s, d.updatedAt.toString(Qt::ISODateWithMs));
    return o;
}

// --confirm-as SUPERVISOR: that supervisor signed on at the same terminal with the password in
// COUNTERSIGN_CONFIRM_PASSWORD (never an argument).
Result<std::optional<Session>> confirmation(const CliArgs& args, const Database& db)
{
    const QString login = args.value(u"confirm-as"_s).trimmed();
    if (login.isEmpty())
        return std::optional<Session>();
    const QString password = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_CONFIRM_PASSWORD"_s);
    if (password.isEmpty())
        return fail(Error::invalid(u"usage.no_confirm_password"_s, u"confirm_as"_s,
                                   QCoreApplication::translate("cs::batch", "Put the password of --confirm-as in "
                                                                            "COUNTERSIGN_CONFIRM_PASSWORD.")));
    const QString terminal = args.value(u"terminal"_s, QSysInfo::machineHostName());
    auto session = AuthService(db).signOn(login, password, terminal);
    if (!session)
        return fail(session.error());
    if (session->mustChangePassword)
        return fail(Error::refused(u"auth.password_change_required"_s, u"confirm_as"_s,
                                   QCoreApplication::translate("cs::batch", "This password must be changed at the "
                                                                            "terminal before the staff member can "
                                                                            "act.")));
    return std::optional<Session>(std::move(*session));
}

Result<QJsonObject> show(const CustomerService& customers, const Session& session, qint64 id)
{
    auto detail = customers.get(session, id);
    if (!detail)
        return fail(detail.error());
    return toJson(*detail);
}

} // namespace

Result<QJsonObject> customerCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    if (sub != u"add"_s && sub != u"find"_s && sub != u"show"_s && sub != u"edit"_s)
        return fail(Error::invalid(u"usage.unknown_command"_s, {},
                                   QCoreApplication::translate("cs::batch", "Unknown command: customer %1 (add, "
                                                                            "find, show, edit).").arg(sub)));
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const Database& db = context->db;
    const Session& session = context->session;
    const CustomerService customers(db);

    if (sub == u"add"_s) {
        for (const QString& name : {u"name"_s, u"id-type"_s, u"id-number"_s}) {
            if (auto value = required(args, name); !value)
                return fail(value.error());
        }
        auto birth = dateOption(args, u"birth-date"_s, u"birth_date"_s);
        if (!birth)
            return fail(birth.error());
        auto expires = dateOption(args, u"id-expires-on"_s, u"id_expires_on"_s);
        if (!expires)
            return fail(expires.error());
        auto supervisor = confirmation(args, db);
        if (!supervisor)
            return fail(supervisor.error());
        NewCustomerRequest request;
        request.kind = args.value(u"kind"_s);
        request.fullName = args.value(u"name"_s);
        request.idType = args.value(u"id-type"_s);
        request.idNumber = args.value(u"id-number"_s);
        request.idExpiresOn = *expires;
        request.birthDate = *birth;
        request.phone = args.value(u"phone"_s);
        request.address = args.value(u"address"_s);
        request.requestId = args.value(u"request-id"_s);
        request.supervisorConfirmation = std::move(*supervisor);
        auto id = customers.add(session, request);
        if (!id)
            return fail(id.error());
        return show(customers, session, *id);
    }
    if (sub == u"find"_s) {
        auto query = required(args, u"query"_s);
        if (!query)
            return fail(query.error());
        int limit = 50;
        if (args.has(u"limit"_s)) {
            bool ok = false;
            limit = args.value(u"limit"_s).toInt(&ok);
            if (!ok || limit < 1 || limit > CustomerService::maxFindLimit)
                return fail(Error::invalid(u"usage.bad_number"_s, u"limit"_s,
                                           QCoreApplication::translate("cs::batch", "The option --limit needs a "
                                                                                    "number from 1 to %1.")
                                               .arg(CustomerService::maxFindLimit)));
        }
        auto found = customers.find(session, *query, limit);
        if (!found)
            return fail(found.error());
        QJsonArray rows;
        for (const CustomerSummary& s : std::as_const(*found))
            rows.append(toJson(s));
        return QJsonObject{{u"customers"_s, rows}};
    }
    auto id = idOption(args, u"id"_s);
    if (!id)
        return fail(id.error());
    if (sub == u"edit"_s) {
        CustomerEdit changes;
        if (args.has(u"name"_s))
            changes.fullName = args.value(u"name"_s);
        if (args.has(u"phone"_s))
            changes.phone = args.value(u"phone"_s);
        if (args.has(u"address"_s))
            changes.address = args.value(u"address"_s);
        if (auto done = customers.edit(session, *id, changes, args.value(u"request-id"_s)); !done)
            return fail(done.error());
    }
    return show(customers, session, *id);
}

} // namespace cs::batch
