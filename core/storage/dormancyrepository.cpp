#include "storage/dormancyrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Interest credited by the bank keeps no account alive: the customer did nothing.
const QString movedAfter = u"EXISTS (SELECT 1 FROM journal_lines l JOIN journal_txns t ON t.id = l.txn_id "
                           "WHERE l.account_id = a.id AND t.kind <> 'interest' AND t.business_date > ?)"_s;

} // namespace

Result<QList<DormancyCandidate>> DormancyRepository::candidates(qint64 branchId, const QDate& cutoff)
{
    const QString day = sql::date(cutoff);
    auto query = m_uow.exec(u"SELECT a.id, a.number FROM accounts a JOIN products p ON p.code = a.product_code "
                            "WHERE a.branch_id = ? AND a.kind = 'customer' AND a.state = 'normal' AND p.kind = 'demand' "
                            "AND a.opened_on <= ? AND (a.reactivated_on IS NULL OR a.reactivated_on <= ?) AND NOT "_s
                                + movedAfter + u" ORDER BY a.id"_s,
                            {branchId, day, day, day});
    if (!query)
        return fail(query.error());
    QList<DormancyCandidate> all;
    while (query->next())
        all.append({query->value(0).toLongLong(), query->value(1).toString()});
    query->finish();
    return all;
}

Result<QDate> DormancyRepository::stillSince(qint64 accountId)
{
    auto query = m_uow.exec(u"SELECT a.opened_on, a.reactivated_on, (SELECT max(t.business_date) FROM journal_lines l "
                            "JOIN journal_txns t ON t.id = l.txn_id WHERE l.account_id = a.id AND t.kind <> 'interest') "
                            "FROM accounts a WHERE a.id = ?"_s,
                            {accountId});
    if (!query)
        return fail(query.error());
    QDate since;
    if (query->next()) {
        for (int column = 0; column < 3; ++column) {
            if (!query->value(column).isNull())
                since = std::max(since, sql::toDate(query->value(column)));
        }
    }
    query->finish();
    return since;
}

Result<bool> DormancyRepository::markDormant(qint64 accountId)
{
    auto query = m_uow.exec(u"UPDATE accounts SET state = 'dormant', version = version + 1, updated_at = ? "
                            "WHERE id = ? AND state = 'normal'"_s,
                            {sql::nowUtc(), accountId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() == 1;
}

Result<bool> DormancyRepository::reactivate(qint64 accountId, const QDate& on)
{
    auto query = m_uow.exec(u"UPDATE accounts SET state = 'normal', reactivated_on = ?, version = version + 1, "
                            "updated_at = ? WHERE id = ? AND state = 'dormant'"_s,
                            {sql::date(on), sql::nowUtc(), accountId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() == 1;
}

} // namespace cs
