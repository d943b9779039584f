#include "batch/commandgroups.h"
#include "batch/context.h"

#include "notify/gatewaysecret.h"
#include "notify/noticesender.h"
#include "security/permissions.h"
#include "services/noticeservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

const QString passwordVariable = u"COUNTERSIGN_SMS_GATEWAY_PASSWORD"_s;


// --request-id makes a change idempotent for a script that may run it twice; without it (the contract's
// `notice subscribe --account NO --phone P`) the change is made once, now.
QString requestIdOf(const CliArgs& args)
{
    return args.value(u"request-id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QJsonValue dateJson(const QDate& d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(); }
QJsonValue timeJson(const QDateTime& t) { return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(); }

QJsonObject entryJson(const OutboxEntry& e)
{
    return {{u"id"_s, e.id},
            {u"kind"_s, e.kind},
            {u"account"_s, e.accountMasked},
            {u"phone"_s, e.phoneMasked},
            {u"language"_s, e.language},
            {u"state"_s, e.state},
            {u"attempts"_s, e.attempts},
            {u"business_date"_s, dateJson(e.businessDate)},
            {u"created_at"_s, timeJson(e.createdAt)},
            {u"next_attempt_at"_s, timeJson(e.nextAttemptAt)},
            {u"sent_at"_s, timeJson(e.sentAt)},
            {u"last_error"_s, e.lastError.isEmpty() ? QJsonValue() : QJsonValue(e.lastError)},
            {u"text"_s, e.text}};
}

Result<QJsonObject> subscribe(const Acting& c, const CliArgs& args)
{
    auto account = required(args, u"account"_s);
    if (!account)
        return fail(account.error());
    auto phone = required(args, u"phone"_s);
    if (!phone)
        return fail(phone.error());
    SubscribeRequest r;
    r.accountNumber = *account;
    r.phone = *phone;
    r.language = args.value(u"language"_s, u"zh_CN"_s);
    r.movements = !args.has(u"no-movements"_s);
    r.withBalance = args.has(u"with-balance"_s);
    r.maturity = !args.has(u"no-maturity"_s);
    r.feePlan = args.value(u"fee-plan"_s, u"free"_s);
    r.requestId = requestIdOf(args);
    auto s = NoticeService(c.db).subscribe(c.session, r);
    if (!s)
        return fail(s.error());
    return subscriptionJson(*s);
}

Result<QJsonObject> change(const Acting& c, const CliArgs& args, bool confirm)
{
    auto account = required(args, u"account"_s);
    if (!account)
        return fail(account.error());
    const QString requestId = requestIdOf(args);
    NoticeService service(c.db);
    auto s = confirm ? service.confirmPackage(c.session, *account, requestId) : service.cancel(c.session, *account, requestId);
    if (!s)
        return fail(s.error());
    return subscriptionJson(*s);
}

Result<QJsonObject> show(const Acting& c, const CliArgs& args)
{
    NoticeService service(c.db);
    QJsonArray list;
    if (args.has(u"customer"_s)) {
        auto customer = idOption(args, u"customer"_s);
        if (!customer)
            return fail(customer.error());
        auto all = service.subscriptionsOfCustomer(c.session, *customer);
        if (!all)
            return fail(all.error());
        for (const NoticeSubscription& s : std::as_const(*all))
            list.append(subscriptionJson(s));
        return QJsonObject{{u"subscriptions"_s, list}};
    }
    auto account = required(args, u"account"_s);
    if (!account)
        return fail(account.error());
    auto active = service.activeSubscription(c.session, *account);
    if (!active)
        return fail(active.error());
    return QJsonObject{{u"account"_s, *account},
                       {u"subscription"_s, active->has_value() ? QJsonValue(subscriptionJson(**active)) : QJsonValue()}};
}

Result<QJsonObject> outbox(const Acting& c, const CliArgs& args)
{
    NoticeService service(c.db);
    OutboxFilter filter;
    filter.state = args.value(u"state"_s);
    if (args.has(u"limit"_s)) {
        auto limit = idOption(args, u"limit"_s);
        if (!limit)
            return fail(limit.error());
        filter.limit = int(std::min<qint64>(*limit, 10'000));
    }
    auto entries = service.outbox(c.session, filter);
    if (!entries)
        return fail(entries.error());
    auto counts = service.outboxCounts(c.session);
    if (!counts)
        return fail(counts.error());
    QJsonArray list;
    for (const OutboxEntry& e : std::as_const(*entries))
        list.append(entryJson(e));
    QJsonObject countJson;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        countJson.insert(it.key(), it.value());
    return QJsonObject{{u"counts"_s, countJson}, {u"notices"_s, list}};
}

Result<QJsonObject> attempts(const Acting& c, const CliArgs& args)
{
    auto id = idOption(args, u"id"_s);
    if (!id)
        return fail(id.error());
    auto all = NoticeService(c.db).attempts(c.session, *id);
    if (!all)
        return fail(all.error());
    QJsonArray list;
    for (const NoticeAttemptRecord& a : std::as_const(*all))
        list.append(QJsonObject{{u"attempt"_s, a.attempt},
                                {u"sender"_s, a.sender},
                                {u"started_at"_s, timeJson(a.startedAt)},
                                {u"finished_at"_s, timeJson(a.finishedAt)},
                                {u"outcome"_s, a.outcome},
                                {u"http_status"_s, a.httpStatus > 0 ? QJsonValue(a.httpStatus) : QJsonValue()},
                                {u"error"_s, a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)}});
    return QJsonObject{{u"notice"_s, *id}, {u"attempts"_s, list}};
}

Result<QJsonObject> retry(const Acting& c, const CliArgs& args)
{
    auto id = idOption(args, u"id"_s);
    if (!id)
        return fail(id.error());
    auto entry = NoticeService(c.db).retryDead(c.session, *id, requestIdOf(args));
    if (!entry)
        return fail(entry.error());
    return entryJson(*entry);
}

// The password of the gateway from the environment, never an argument.
std::unique_ptr<SecretStore> passwordFromEnvironment()
{
    const QByteArray password = qgetenv(passwordVariable.toLatin1().constData());
    if (password.isEmpty())
        return nullptr;
    auto store = std::make_unique<MemorySecretStore>();
    store->write(gatewaySecretName(), password);
    return store;
}

Result<QJsonObject> gateway(const Acting& c, const CliArgs& args)
{
    NoticeService service(c.db);
    bool stored = false;
    if (args.has(u"url"_s)) {
        GatewaySettings g{args.value(u"url"_s), args.value(u"account"_s), args.value(u"signature"_s), {}, {}};
        if (auto saved = service.setGateway(c.session, g, args.value(u"request-id"_s)); !saved)
            return fail(saved.error());
        // Beside an SQLite file the password is kept for the terminal and the batch; on PostgreSQL every
        // sender brings its own (keychain, or the environment of the batch).
        if (auto fromEnvironment = passwordFromEnvironment()) {
            if (auto store = gatewaySecretStoreFor(c.db, nullptr)) {
                auto password = fromEnvironment->read(gatewaySecretName());
                if (password) {
                    if (auto written = store->write(gatewaySecretName(), *password); !written)
                        return fail(written.error());
                    stored = true;
                }
            }
        }
    }
    auto g = service.gateway(c.session);
    if (!g)
        return fail(g.error());
    return QJsonObject{{u"url"_s, g->url},
                       {u"account"_s, g->account},
                       {u"signature"_s, g->signature},
                       {u"updated_by"_s, g->updatedBy},
                       {u"updated_at"_s, timeJson(g->updatedAt)},
                       {u"password_stored"_s, stored}};
}

} // namespace

Result<QJsonObject> noticeCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    static const QStringList known{u"subscribe"_s, u"cancel"_s, u"confirm"_s, u"show"_s, u"outbox"_s,
                                   u"attempts"_s, u"retry"_s, u"gateway"_s};
    if (!known.contains(sub))
        return fail(Error::invalid(u"usage.unknown_command"_s, {},
                                   QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).").arg(u"notice"_s, sub, known.join(u'|'))));
    auto c = acting(args);
    if (!c)
        return fail(c.error());
    if (sub == u"subscribe"_s)
        return subscribe(*c, args);
    if (sub == u"cancel"_s || sub == u"confirm"_s)
        return change(*c, args, sub == u"confirm"_s);
    if (sub == u"show"_s)
        return show(*c, args);
    if (sub == u"outbox"_s)
        return outbox(*c, args);
    if (sub == u"attempts"_s)
        return attempts(*c, args);
    if (sub == u"retry"_s)
        return retry(*c, args);
    return gateway(*c, args);
}

Result<QJsonObject> notifyCommand(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(db.error());
    QString sender = args.value(u"terminal"_s, QSysInfo::machineHostName());
    if (args.has(u"as"_s)) {
        auto session = actingSession(args, *db);
        if (!session)
            return fail(session.error());
        const Status allowed = db->transact(
            [&](UnitOfWork& uow) { return Permissions::require(uow, session->role, u"notice.send"_s); },
            UnitOfWork::Isolation::ReadOnly);
        if (!allowed)
            return fail(allowed.error());
        sender = session->terminal + u'/' + session->login;
    }
    auto fromEnvironment = passwordFromEnvironment();
    auto store = fromEnvironment ? std::move(fromEnvironment) : gatewaySecretStoreFor(*db, nullptr);
    NoticeSender notifier(*db, store.get(), u"batch:"_s + sender);
    const DeliveryPass pass = notifier.runPass();
    if (!pass.ok())
        return fail(Error::refused(pass.errorCode, {}, pass.errorMessage));
    return QJsonObject{{u"claimed"_s, pass.claimed}, {u"sent"_s, pass.sent}, {u"failed"_s, pass.failed},
                       {u"dead"_s, pass.dead}, {u"lost"_s, pass.lost}};
}

} // namespace cs::batch
