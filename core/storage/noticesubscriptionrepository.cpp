#include "storage/noticesubscriptionrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns =
    u"SELECT s.id, s.customer_id, s.account_id, a.number, s.phone, s.language, s.movements, s.with_balance, s.maturity, "
    "s.fee_plan, s.monthly_fee, s.trial_ends_on, s.confirmed_on, s.state, s.created_on, s.cancelled_on, s.version, a.currency "
    "FROM notice_subscriptions s JOIN accounts a ON a.id = s.account_id "_s;

QVariant dateOrNull(const QDate& d) { return d.isValid() ? QVariant(sql::date(d)) : QVariant(QMetaType(QMetaType::QString)); }

NoticeSubscription fromRow(const QSqlQuery& q)
{
    NoticeSubscription s;
    s.id = q.value(0).toLongLong();
    s.customerId = q.value(1).toLongLong();
    s.accountId = q.value(2).toLongLong();
    s.accountNumber = q.value(3).toString();
    s.phone = q.value(4).toString();
    s.language = q.value(5).toString();
    s.movements = q.value(6).toBool();
    s.withBalance = q.value(7).toBool();
    s.maturity = q.value(8).toBool();
    s.feePlan = q.value(9).toString();
    const auto currency = Currency::fromCode(q.value(17).toString()).value_or(Currency::cny());
    s.monthlyFee = Money(q.value(10).toLongLong(), currency);
    s.trialEndsOn = sql::toDate(q.value(11));
    s.confirmedOn = sql::toDate(q.value(12));
    s.state = q.value(13).toString();
    s.createdOn = sql::toDate(q.value(14));
    s.cancelledOn = sql::toDate(q.value(15));
    s.version = q.value(16).toLongLong();
    return s;
}

} // namespace

Result<QList<NoticeSubscription>> NoticeSubscriptionRepository::select(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(columns + condition, values);
    if (!query)
        return fail(query.error());
    QList<NoticeSubscription> all;
    while (query->next())
        all.append(fromRow(*query));
    query->finish();
    return all;
}

Result<std::optional<NoticeSubscription>> NoticeSubscriptionRepository::findActive(qint64 accountId)
{
    auto found = select(u"WHERE s.account_id = ? AND s.state = 'active'"_s, {accountId});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::nullopt : std::optional(found->first());
}

Result<std::optional<NoticeSubscription>> NoticeSubscriptionRepository::findById(qint64 id)
{
    auto found = select(u"WHERE s.id = ?"_s, {id});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::nullopt : std::optional(found->first());
}

Result<QList<NoticeSubscription>> NoticeSubscriptionRepository::ofCustomer(qint64 customerId)
{
    return select(u"WHERE s.customer_id = ? ORDER BY s.id DESC"_s, {customerId});
}

Result<QList<NoticeSubscription>> NoticeSubscriptionRepository::packagesOfBranch(qint64 branchId)
{
    return select(u"WHERE a.branch_id = ? AND s.state = 'active' AND s.fee_plan = 'package' ORDER BY s.id"_s, {branchId});
}

Result<qint64> NoticeSubscriptionRepository::insert(const NoticeSubscription& s, qint64 staffId)
{
    const Dialect d = m_uow.dialect();
    auto query = m_uow.exec(
        u"INSERT INTO notice_subscriptions (customer_id, account_id, phone, language, movements, with_balance, maturity, "
        "fee_plan, monthly_fee, trial_ends_on, confirmed_on, state, created_on, created_by, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id"_s,
        {s.customerId, s.accountId, s.phone, s.language, sql::boolean(s.movements, d), sql::boolean(s.withBalance, d),
         sql::boolean(s.maturity, d), s.feePlan, s.monthlyFee.minor(), dateOrNull(s.trialEndsOn), dateOrNull(s.confirmedOn),
         sql::date(s.createdOn), staffId, sql::nowUtc()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::internal(u"db.error"_s, u"INSERT INTO notice_subscriptions returned no id"_s));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Result<bool> NoticeSubscriptionRepository::update(const NoticeSubscription& s)
{
    const Dialect d = m_uow.dialect();
    auto query = m_uow.exec(
        u"UPDATE notice_subscriptions SET phone = ?, language = ?, movements = ?, with_balance = ?, maturity = ?, fee_plan = ?, "
        "monthly_fee = ?, trial_ends_on = ?, confirmed_on = ?, state = ?, cancelled_on = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?"_s,
        {s.phone, s.language, sql::boolean(s.movements, d), sql::boolean(s.withBalance, d), sql::boolean(s.maturity, d),
         s.feePlan, s.monthlyFee.minor(), dateOrNull(s.trialEndsOn), dateOrNull(s.confirmedOn), s.state,
         dateOrNull(s.cancelledOn), sql::nowUtc(), s.id, s.version});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() == 1;
}

Result<std::optional<GatewaySettings>> NoticeSubscriptionRepository::gateway()
{
    auto query = m_uow.exec(u"SELECT g.url, g.account, g.signature, g.updated_at, s.login FROM notice_gateway g "
                            "JOIN staff s ON s.id = g.updated_by WHERE g.id = 1"_s);
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<GatewaySettings>();
    GatewaySettings g{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                      sql::toDateTime(query->value(3)), query->value(4).toString()};
    query->finish();
    return std::optional(g);
}

Status NoticeSubscriptionRepository::saveGateway(const GatewaySettings& g, qint64 staffId)
{
    auto query = m_uow.exec(u"INSERT INTO notice_gateway (id, url, account, signature, updated_at, updated_by) "
                            "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, "
                            "account = excluded.account, signature = excluded.signature, updated_at = excluded.updated_at, "
                            "updated_by = excluded.updated_by"_s,
                            {g.url, g.account, g.signature, sql::nowUtc(), staffId});
    if (!query)
        return fail(query.error());
    return {};
}

} // namespace cs
