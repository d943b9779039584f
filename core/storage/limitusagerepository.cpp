#include "storage/limitusagerepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {

Status LimitUsageRepository::add(qint64 accountId, const QDate& day, qint64 in, qint64 out)
{
    const QString dayKey = sql::date(day);
    const QString yearKey = sql::date(QDate(day.year(), 1, 1));
    for (const auto& [direction, amount] : {std::pair{u"in"_s, in}, std::pair{u"out"_s, out}}) {
        if (amount <= 0)
            continue;
        auto query = m_uow.exec(u"INSERT INTO account_limit_usage (account_id, period, period_start, direction, amount) "
                                "VALUES (?, 'day', ?, ?, ?), (?, 'year', ?, ?, ?) "
                                "ON CONFLICT (account_id, period, period_start, direction) "
                                "DO UPDATE SET amount = account_limit_usage.amount + excluded.amount"_s,
                                {accountId, dayKey, direction, amount, accountId, yearKey, direction, amount});
        if (!query)
            return fail(query.error());
    }
    return {};
}

Status LimitUsageRepository::giveBack(qint64 accountId, const QDate& day, qint64 in, qint64 out)
{
    const QString dayKey = sql::date(day);
    const QString yearKey = sql::date(QDate(day.year(), 1, 1));
    for (const auto& [direction, amount] : {std::pair{u"in"_s, in}, std::pair{u"out"_s, out}}) {
        if (amount <= 0)
            continue;
        auto query = m_uow.exec(u"UPDATE account_limit_usage SET amount = CASE WHEN amount > ? THEN amount - ? ELSE 0 END "
                                "WHERE account_id = ? AND direction = ? "
                                "AND ((period = 'day' AND period_start = ?) OR (period = 'year' AND period_start = ?))"_s,
                                {amount, amount, accountId, direction, dayKey, yearKey});
        if (!query)
            return fail(query.error());
    }
    return {};
}

} // namespace cs
