#include "services/noticeservice.h"

#include "domain/mobilephone.h"
#include "money/amountformat.h"
#include "notify/gatewayurl.h"
#include "notify/noticetext.h"
#include "security/permissions.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {


const QString permissionSubscribe = u"notice.subscribe"_s;
const QString permissionRead = u"notice.read"_s;
const QString permissionManage = u"notice.manage"_s;
const QString settingFee = u"notice.package_monthly_fee"_s;
const QString settingTrial = u"notice.trial_days"_s;
const QString settingOffset = u"notify.utc_offset_minutes"_s;

Status requireRequestId(const QString& requestId)
{
    if (requestId.trimmed().isEmpty() || requestId.size() > 64)
        return fail(Error::invalid(u"notice.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::Notices", "A subscription change needs a request id of 1 to 64 characters.")));
    return {};
}

QJsonValue dateJson(const QDate& d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(); }

Error notSubscribed(const QString& account)
{
    return Error::refused(u"notice.not_subscribed"_s, u"account"_s,
                          QCoreApplication::translate("cs::Notices", "Account %1 has no active notice subscription.").arg(account));
}

Result<AccountRecord> customerAccount(UnitOfWork& uow, const QString& number)
{
    auto account = AccountRepository(uow).findByNumber(number.trimmed());
    if (!account)
        return fail(account.error());
    if (!account->has_value())
        return fail(Error::notFound(u"account.not_found"_s, u"account"_s, QCoreApplication::translate("cs::Notices", "There is no account %1.").arg(number.trimmed())));
    if (!(*account)->isCustomer() || (*account)->state == u"closed"_s)
        return fail(Error::refused(u"notice.account_state"_s, u"account"_s,
                                   QCoreApplication::translate("cs::Notices", "Account %1 is closed or not a customer's account: it takes no notices.")
                                       .arg((*account)->number)));
    return **account;
}

Status checkRequest(const SubscribeRequest& r)
{
    if (r.language != u"zh_CN"_s && r.language != u"en"_s)
        return fail(Error::invalid(u"notice.language"_s, u"language"_s, QCoreApplication::translate("cs::Notices", "Notices are sent in Chinese (zh_CN) or English (en).")));
    if (!r.movements && !r.maturity)
        return fail(Error::invalid(u"notice.kinds"_s, u"movements"_s,
                                   QCoreApplication::translate("cs::Notices", "Choose at least one kind of notice: account movements or time deposit maturities.")));
    if (r.withBalance && !r.movements)
        return fail(Error::invalid(u"notice.kinds"_s, u"with_balance"_s,
                                   QCoreApplication::translate("cs::Notices", "The balance is sent with movement notices: choose movements to include it.")));
    if (r.feePlan != u"free"_s && r.feePlan != u"package"_s)
        return fail(Error::invalid(u"notice.fee_plan"_s, u"fee_plan"_s, QCoreApplication::translate("cs::Notices", "The fee plan is free or package.")));
    return {};
}

// One change of one subscription as a service call: `change` edits the active subscription of the
// account (or makes one when `mayCreate`), the row is written and audited with before and after.
Result<NoticeSubscription> changeSubscription(
    const Database& db, const Session& session, const QString& action, const QString& accountNumber, const QString& requestId,
    const std::function<Status(UnitOfWork&, const AccountRecord&, std::optional<NoticeSubscription>&)>& change)
{
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    auto result = performAudited(
        db, session, permissionSubscribe, {action, u"notice_subscription"_s, accountNumber.trimmed(), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto account = customerAccount(uow, accountNumber);
            if (!account)
                return fail(account.error());
            NoticeSubscriptionRepository subscriptions(uow);
            auto existing = subscriptions.findActive(account->id);
            if (!existing)
                return fail(existing.error());
            if (existing->has_value())
                audit.before = subscriptionJson(**existing);
            std::optional<NoticeSubscription> next = *existing;
            if (auto ok = change(uow, *account, next); !ok)
                return fail(ok.error());
            if (existing->has_value()) {
                auto updated = subscriptions.update(*next);
                if (!updated)
                    return fail(updated.error());
                if (!*updated)
                    return fail(Error::conflict(u"db.conflict"_s, QCoreApplication::translate("cs::Notices", "The subscription was changed at another terminal; try again.")));
                next->version += 1;
            } else {
                auto id = subscriptions.insert(*next, session.staffId);
                if (!id)
                    return fail(id.error());
                next->id = *id;
                next->version = 1;
            }
            audit.after = subscriptionJson(*next);
            return QJsonObject{{u"subscription_id"_s, next->id}};
        });
    if (!result)
        return fail(result.error());
    const qint64 id = result->value(u"subscription_id"_s).toInteger();
    std::optional<NoticeSubscription> stored;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto found = NoticeSubscriptionRepository(uow).findById(id);
            if (!found)
                return fail(found.error());
            stored = *found;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    if (!stored)
        return fail(Error::internal(u"notice.lost"_s, u"Subscription %1 not found after it was written"_s.arg(id)));
    return *stored;
}

template <typename T>
Result<T> readWith(const Database& db, const Session& session, const std::function<Result<T>(UnitOfWork&)>& work)
{
    std::optional<T> value;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, permissionRead); !allowed)
                return allowed;
            auto v = work(uow);
            if (!v)
                return fail(v.error());
            value = std::move(*v);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return std::move(*value);
}

OutboxEntry entryOf(const StoredNotice& n, const QString& signature, int offset)
{
    OutboxEntry e;
    e.id = n.id;
    e.kind = n.kind;
    e.accountMasked = maskedAccountNumber(n.accountNumber);
    e.phoneMasked = maskedMobileNumber(n.phone);
    e.language = n.language;
    e.state = n.state;
    e.attempts = n.attempts;
    e.businessDate = n.businessDate;
    e.createdAt = n.createdAt;
    e.nextAttemptAt = n.nextAttemptAt;
    e.sentAt = n.sentAt;
    e.lastError = n.lastError;
    if (!n.sentText.isEmpty())
        e.text = n.sentText;
    else if (n.state != u"cancelled"_s)
        e.text = renderNotice({n.kind, n.language, n.withBalance, n.payload, n.accountNumber, n.createdAt}, signature, offset);
    return e;
}

// The signature and local time the texts of unsent notices are shown with.
struct Rendering {
    QString signature;
    int offset = 480;
};

Result<Rendering> renderingOf(UnitOfWork& uow)
{
    auto gateway = NoticeSubscriptionRepository(uow).gateway();
    if (!gateway)
        return fail(gateway.error());
    auto offset = SettingsRepository(uow).integers({settingOffset});
    if (!offset)
        return fail(offset.error());
    return Rendering{gateway->has_value() ? (*gateway)->signature : u"Countersign"_s, int(offset->value(settingOffset, 480))};
}

} // namespace

QJsonObject subscriptionJson(const NoticeSubscription& s)
{
    return {{u"id"_s, s.id},
            {u"account"_s, s.accountNumber},
            {u"phone"_s, s.phone},
            {u"language"_s, s.language},
            {u"movements"_s, s.movements},
            {u"with_balance"_s, s.withBalance},
            {u"maturity"_s, s.maturity},
            {u"fee_plan"_s, s.feePlan},
            {u"monthly_fee"_s, formatAmount(s.monthlyFee, {false, false})},
            {u"trial_ends_on"_s, dateJson(s.trialEndsOn)},
            {u"confirmed_on"_s, dateJson(s.confirmedOn)},
            {u"state"_s, s.state},
            {u"created_on"_s, dateJson(s.createdOn)},
            {u"cancelled_on"_s, dateJson(s.cancelledOn)},
            {u"version"_s, s.version}};
}

NoticeService::NoticeService(Database db) : m_db(std::move(db)) {}

Result<NoticeSubscription> NoticeService::subscribe(const Session& session, const SubscribeRequest& r) const
{
    auto phone = parseMobileNumber(r.phone);
    if (!phone)
        return fail(phone.error());
    if (auto ok = checkRequest(r); !ok)
        return fail(ok.error());
    return changeSubscription(
        m_db, session, u"notice.subscribe"_s, r.accountNumber, r.requestId,
        [&](UnitOfWork& uow, const AccountRecord& account, std::optional<NoticeSubscription>& s) -> Status {
            const bool wasPackage = s && s->feePlan == u"package"_s;
            if (!s) {
                s = NoticeSubscription{};
                s->customerId = account.customerId;
                s->accountId = account.id;
                s->accountNumber = account.number;
                s->state = u"active"_s;
                s->createdOn = session.businessDate;
            }
            s->phone = *phone;
            s->language = r.language;
            s->movements = r.movements;
            s->withBalance = r.withBalance;
            s->maturity = r.maturity;
            s->feePlan = r.feePlan;
            if (r.feePlan == u"free"_s) {
                s->monthlyFee = Money::zero(Currency::cny());
                s->trialEndsOn = {};
                s->confirmedOn = {};
            } else if (!wasPackage) {
                // A new package starts its trial today; changing other choices of a package keeps its terms.
                auto terms = SettingsRepository(uow).integers({settingFee, settingTrial});
                if (!terms)
                    return fail(terms.error());
                s->monthlyFee = Money(terms->value(settingFee), Currency::cny());
                s->trialEndsOn = session.businessDate.addDays(terms->value(settingTrial) - 1);
                s->confirmedOn = {};
                if (!s->monthlyFee.isPositive())
                    return fail(Error::refused(u"notice.fee_plan"_s, u"fee_plan"_s,
                                               QCoreApplication::translate("cs::Notices", "The notice package has no fee set (notice.package_monthly_fee): "
                                                    "choose the free plan.")));
            }
            return {};
        });
}

Result<NoticeSubscription> NoticeService::cancel(const Session& session, const QString& accountNumber,
                                                 const QString& requestId) const
{
    return changeSubscription(m_db, session, u"notice.cancel"_s, accountNumber, requestId,
                              [&](UnitOfWork&, const AccountRecord& account, std::optional<NoticeSubscription>& s) -> Status {
                                  if (!s)
                                      return fail(notSubscribed(account.number));
                                  s->state = u"cancelled"_s;
                                  s->cancelledOn = session.businessDate;
                                  return {};
                              });
}

Result<NoticeSubscription> NoticeService::confirmPackage(const Session& session, const QString& accountNumber,
                                                         const QString& requestId) const
{
    return changeSubscription(
        m_db, session, u"notice.confirm"_s, accountNumber, requestId,
        [&](UnitOfWork&, const AccountRecord& account, std::optional<NoticeSubscription>& s) -> Status {
            if (!s)
                return fail(notSubscribed(account.number));
            if (s->feePlan != u"package"_s)
                return fail(Error::refused(u"notice.not_package"_s, u"fee_plan"_s,
                                           QCoreApplication::translate("cs::Notices", "Account %1's notices are free: there is no package to confirm.").arg(account.number)));
            if (s->confirmedOn.isValid())
                return fail(Error::refused(u"notice.already_confirmed"_s, u"fee_plan"_s,
                                           QCoreApplication::translate("cs::Notices", "The customer confirmed this package on %1.")
                                               .arg(s->confirmedOn.toString(Qt::ISODate))));
            s->confirmedOn = session.businessDate;
            return {};
        });
}

Result<QList<NoticeSubscription>> NoticeService::subscriptionsOfCustomer(const Session& session, qint64 customerId) const
{
    return readWith<QList<NoticeSubscription>>(m_db, session, [&](UnitOfWork& uow) {
        return NoticeSubscriptionRepository(uow).ofCustomer(customerId);
    });
}

Result<std::optional<NoticeSubscription>> NoticeService::activeSubscription(const Session& session,
                                                                            const QString& accountNumber) const
{
    return readWith<std::optional<NoticeSubscription>>(
        m_db, session, [&](UnitOfWork& uow) -> Result<std::optional<NoticeSubscription>> {
            auto account = AccountRepository(uow).findByNumber(accountNumber.trimmed());
            if (!account)
                return fail(account.error());
            if (!account->has_value())
                return fail(Error::notFound(u"account.not_found"_s, u"account"_s,
                                            QCoreApplication::translate("cs::Notices", "There is no account %1.").arg(accountNumber.trimmed())));
            return NoticeSubscriptionRepository(uow).findActive((*account)->id);
        });
}

Result<QList<OutboxEntry>> NoticeService::outbox(const Session& session, const OutboxFilter& filter) const
{
    return readWith<QList<OutboxEntry>>(m_db, session, [&](UnitOfWork& uow) -> Result<QList<OutboxEntry>> {
        auto rendering = renderingOf(uow);
        if (!rendering)
            return fail(rendering.error());
        auto rows = NoticeDeliveryRepository(uow).list(filter.state, std::clamp(filter.limit, 1, 10'000), filter.beforeId);
        if (!rows)
            return fail(rows.error());
        QList<OutboxEntry> entries;
        for (const StoredNotice& n : std::as_const(*rows))
            entries.append(entryOf(n, rendering->signature, rendering->offset));
        return entries;
    });
}

Result<QMap<QString, qint64>> NoticeService::outboxCounts(const Session& session) const
{
    return readWith<QMap<QString, qint64>>(m_db, session, [](UnitOfWork& uow) { return NoticeDeliveryRepository(uow).counts(); });
}

Result<QList<NoticeAttemptRecord>> NoticeService::attempts(const Session& session, qint64 noticeId) const
{
    return readWith<QList<NoticeAttemptRecord>>(m_db, session,
                                                [&](UnitOfWork& uow) { return NoticeDeliveryRepository(uow).attempts(noticeId); });
}

Result<OutboxEntry> NoticeService::retryDead(const Session& session, qint64 noticeId, const QString& requestId) const
{
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    auto result = performAudited(
        m_db, session, permissionManage, {u"notice.retry"_s, u"notice"_s, QString::number(noticeId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            NoticeDeliveryRepository outbox(uow);
            auto notice = outbox.find(noticeId);
            if (!notice)
                return fail(notice.error());
            if (!notice->has_value())
                return fail(Error::notFound(u"notice.not_found"_s, u"notice"_s, QCoreApplication::translate("cs::Notices", "There is no notice %1.").arg(noticeId)));
            const StoredNotice& n = **notice;
            if (n.state != u"dead"_s)
                return fail(Error::refused(u"notice.not_dead"_s, u"notice"_s,
                                           QCoreApplication::translate("cs::Notices", "Notice %1 is %2: only a dead notice is retried.").arg(noticeId).arg(n.state)));
            audit.before = {{u"state"_s, n.state}, {u"attempts"_s, n.attempts}, {u"last_error"_s, n.lastError}};
            auto requeued = outbox.requeueDead(noticeId, QDateTime::currentDateTimeUtc());
            if (!requeued)
                return fail(requeued.error());
            if (!*requeued)
                return fail(Error::conflict(u"db.conflict"_s, QCoreApplication::translate("cs::Notices", "The notice changed at another terminal; try again.")));
            audit.after = {{u"state"_s, u"pending"_s}, {u"attempts"_s, 0}};
            return QJsonObject{{u"notice_id"_s, noticeId}};
        });
    if (!result)
        return fail(result.error());
    return readWith<OutboxEntry>(m_db, session, [&](UnitOfWork& uow) -> Result<OutboxEntry> {
        auto rendering = renderingOf(uow);
        if (!rendering)
            return fail(rendering.error());
        auto notice = NoticeDeliveryRepository(uow).find(noticeId);
        if (!notice)
            return fail(notice.error());
        if (!notice->has_value())
            return fail(Error::notFound(u"notice.not_found"_s, u"notice"_s, QCoreApplication::translate("cs::Notices", "There is no notice %1.").arg(noticeId)));
        return entryOf(**notice, rendering->signature, rendering->offset);
    });
}

Result<GatewaySettings> NoticeService::gateway(const Session& session) const
{
    return readWith<GatewaySettings>(m_db, session, [](UnitOfWork& uow) -> Result<GatewaySettings> {
        auto g = NoticeSubscriptionRepository(uow).gateway();
        if (!g)
            return fail(g.error());
        return g->value_or(GatewaySettings{});
    });
}

Status NoticeService::setGateway(const Session& session, const GatewaySettings& settings, const QString& requestId) const
{
    GatewaySettings g = settings;
    g.url = g.url.trimmed();
    g.account = g.account.trimmed();
    g.signature = g.signature.trimmed();
    if (!isAcceptableGatewayUrl(QUrl(g.url, QUrl::StrictMode)))
        return fail(Error::invalid(u"notice.gateway_url"_s, u"url"_s,
                                   QCoreApplication::translate("cs::Notices", "The gateway URL must start with https:// (plain http:// only for 127.0.0.1 or "
                                        "localhost) and hold no user name or password.")));
    if (g.account.isEmpty() || g.account.size() > 64)
        return fail(Error::invalid(u"notice.gateway_account"_s, u"account"_s,
                                   QCoreApplication::translate("cs::Notices", "The gateway account is 1 to 64 characters.")));
    if (g.signature.isEmpty() || g.signature.size() > 20)
        return fail(Error::invalid(u"notice.gateway_signature"_s, u"signature"_s,
                                   QCoreApplication::translate("cs::Notices", "The signature (the bank's name in every message) is 1 to 20 characters.")));
    auto result = performAudited(
        m_db, session, permissionManage, {u"notice.gateway"_s, u"notice_gateway"_s, u"1"_s, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            NoticeSubscriptionRepository repository(uow);
            auto before = repository.gateway();
            if (!before)
                return fail(before.error());
            if (before->has_value())
                audit.before = {{u"url"_s, (*before)->url}, {u"account"_s, (*before)->account}, {u"signature"_s, (*before)->signature}};
            if (auto saved = repository.saveGateway(g, session.staffId); !saved)
                return fail(saved.error());
            audit.after = {{u"url"_s, g.url}, {u"account"_s, g.account}, {u"signature"_s, g.signature}};
            return QJsonObject{};
        });
    if (!result)
        return fail(result.error());
    return {};
}

} // namespace cs
