#include "storage/noticerepository.h"

#include "storage/sqlvalues.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cs {

Result<bool> NoticeRepository::enqueue(const NewNotice& n)
{
    auto query = m_uow.exec(u"INSERT INTO notice_outbox (branch_id, customer_id, account_id, kind, business_date, event_key, "
                            "payload, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) "
                            "ON CONFLICT (kind, account_id, event_key) DO NOTHING"_s,
                            {n.branchId, n.customerId, n.accountId, n.kind, sql::date(n.businessDate), n.eventKey,
                             QString::fromUtf8(QJsonDocument(n.payload).toJson(QJsonDocument::Compact)), sql::nowUtc()});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() > 0;
}

Result<qint64> NoticeRepository::enqueueMovements(qint64 branchId, const QDate& businessDate)
{
    // Set-based: a day of a large branch is one statement. The payload is assembled as text from values
    // that need no escaping (ids, kinds [a-z0-9_], ISO currency codes, whole numbers of fen). The balance
    // after a movement is the balance now less the later movements of the day.
    auto query = m_uow.exec(
        u"INSERT INTO notice_outbox (branch_id, customer_id, account_id, kind, business_date, event_key, payload, state, "
        "created_at) "
        "SELECT ?, m.customer_id, m.account_id, 'movement', ?, 'txn:' || CAST(m.txn_id AS TEXT), "
        "'{\"txn_id\":' || CAST(m.txn_id AS TEXT) || ',\"txn_kind\":\"' || m.kind || '\",\"currency\":\"' || m.currency "
        "|| '\",\"amount_minor\":' || CAST(m.net AS TEXT) || ',\"balance_minor\":' "
        "|| CAST(m.balance - m.later AS TEXT) || '}', 'pending', ? "
        "FROM (SELECT d.*, CAST(coalesce(sum(d.net) OVER (PARTITION BY d.account_id ORDER BY d.txn_id DESC "
        "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS later "
        "FROM (SELECT l.account_id, l.txn_id, t.kind, a.customer_id, a.currency, a.balance, "
        "CAST(sum(CASE WHEN l.side = a.normal_side THEN l.amount ELSE -l.amount END) AS BIGINT) AS net "
        "FROM journal_txns t JOIN journal_lines l ON l.txn_id = t.id JOIN accounts a ON a.id = l.account_id "
        "WHERE t.branch_id = ? AND t.business_date = ? AND a.kind = 'customer' "
        "GROUP BY l.account_id, l.txn_id, t.kind, a.customer_id, a.currency, a.balance) d) m "
        "WHERE true ON CONFLICT (kind, account_id, event_key) DO NOTHING"_s,
        {branchId, sql::date(businessDate), sql::nowUtc(), branchId, sql::date(businessDate)});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

} // namespace cs
