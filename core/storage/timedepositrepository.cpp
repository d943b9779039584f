#include "storage/timedepositrepository.h"

#include "storage/sqlvalues.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns = u"SELECT account_id, branch_id, product_code, currency, principal, rate_bp, term_months, "
                        "opened_on, matures_on, rollover, payout_account_id, partial_on, coalesce(partial_amount, 0), "
                        "terms, state, placed_txn_id, closed_on, coalesce(closed_txn_id, 0) FROM time_deposits "_s;

QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
QVariant nullInteger() { return QVariant(QMetaType(QMetaType::LongLong)); }
QVariant dateOrNull(const QDate& d) { return d.isValid() ? QVariant(sql::date(d)) : nullText(); }
QVariant idOrNull(qint64 id) { return id > 0 ? QVariant(id) : nullInteger(); }

TimeDepositRecord fromRow(const QSqlQuery& q)
{
    TimeDepositRecord r;
    r.accountId = q.value(0).toLongLong();
    r.branchId = q.value(1).toLongLong();
    r.productCode = q.value(2).toString();
    r.currency = q.value(3).toString();
    r.principal = q.value(4).toLongLong();
    r.rateBp = q.value(5).toLongLong();
    r.termMonths = q.value(6).toInt();
    r.openedOn = sql::toDate(q.value(7));
    r.maturesOn = sql::toDate(q.value(8));
    r.rollover = q.value(9).toBool();
    r.payoutAccountId = q.value(10).toLongLong();
    r.partialOn = q.value(11).isNull() ? QDate() : sql::toDate(q.value(11));
    r.partialAmount = q.value(12).toLongLong();
    r.terms = q.value(13).toInt();
    r.state = q.value(14).toString();
    r.placedTxnId = q.value(15).toLongLong();
    r.closedOn = q.value(16).isNull() ? QDate() : sql::toDate(q.value(16));
    r.closedTxnId = q.value(17).toLongLong();
    return r;
}

} // namespace

Result<QList<TimeDepositRecord>> TimeDepositRepository::select(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(columns + condition, values);
    if (!query)
        return fail(query.error());
    QList<TimeDepositRecord> rows;
    while (query->next())
        rows.append(fromRow(*query));
    query->finish();
    return rows;
}

Result<std::optional<TimeDepositRecord>> TimeDepositRepository::find(qint64 accountId)
{
    auto rows = select(u"WHERE account_id = ?"_s, {accountId});
    if (!rows)
        return fail(rows.error());
    return rows->isEmpty() ? std::optional<TimeDepositRecord>() : std::optional(rows->constFirst());
}

Result<std::optional<TimeDepositRecord>> TimeDepositRepository::lock(qint64 accountId)
{
    auto rows = select(m_uow.dialect() == Dialect::PostgreSQL ? u"WHERE account_id = ? FOR NO KEY UPDATE"_s
                                                               : u"WHERE account_id = ?"_s,
                       {accountId});
    if (!rows)
        return fail(rows.error());
    return rows->isEmpty() ? std::optional<TimeDepositRecord>() : std::optional(rows->constFirst());
}

Status TimeDepositRepository::insert(const TimeDepositRecord& d)
{
    const QString now = sql::nowUtc();
    auto query = m_uow.exec(u"INSERT INTO time_deposits (account_id, branch_id, product_code, currency, principal, rate_bp, "
                            "term_months, opened_on, matures_on, rollover, payout_account_id, terms, state, placed_txn_id, "
                            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                            {d.accountId, d.branchId, d.productCode, d.currency, d.principal, d.rateBp, d.termMonths,
                             sql::date(d.openedOn), sql::date(d.maturesOn), sql::boolean(d.rollover, m_uow.dialect()),
                             d.payoutAccountId, d.terms, d.state, d.placedTxnId, now, now});
    if (!query) {
        if (query.error().message.contains(u"time_deposits_pkey"_s) || query.error().message.contains(u"time_deposits.account_id"_s))
            return fail(Error::refused(u"deposit.already_placed"_s, u"account"_s,
                                       QCoreApplication::translate("cs::TimeDeposits",
                                                                   "The principal of this time deposit was placed before.")));
        return fail(query.error());
    }
    return {};
}

Status TimeDepositRepository::update(const TimeDepositRecord& d)
{
    auto query = m_uow.exec(u"UPDATE time_deposits SET principal = ?, rate_bp = ?, opened_on = ?, matures_on = ?, "
                            "partial_on = ?, partial_amount = ?, terms = ?, state = ?, closed_on = ?, closed_txn_id = ?, "
                            "updated_at = ? WHERE account_id = ?"_s,
                            {d.principal, d.rateBp, sql::date(d.openedOn), sql::date(d.maturesOn), dateOrNull(d.partialOn),
                             d.partialOn.isValid() ? QVariant(d.partialAmount) : nullInteger(), d.terms, d.state,
                             dateOrNull(d.closedOn), idOrNull(d.closedTxnId), sql::nowUtc(), d.accountId});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::internal(u"deposit.missing"_s, u"Time deposit %1 is gone"_s.arg(d.accountId)));
    return {};
}

Result<QList<TimeDepositRecord>> TimeDepositRepository::dueThrough(qint64 branchId, const QDate& through)
{
    return select(u"WHERE branch_id = ? AND state <> 'closed' AND matures_on <= ? ORDER BY account_id"_s,
                  {branchId, sql::date(through)});
}

Status TimeDepositRepository::setAccountMaturity(qint64 accountId, const QDate& maturesOn)
{
    auto query = m_uow.exec(u"UPDATE accounts SET maturity_on = ?, version = version + 1, updated_at = ? WHERE id = ?"_s,
                            {sql::date(maturesOn), sql::nowUtc(), accountId});
    if (!query)
        return fail(query.error());
    return {};
}

} // namespace cs
