#include "storage/noticerepository.h"

#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

// A fresh idempotency key per candidate row: the gateway de-duplicates on it, so it must be unique
// across databases and never guessable from the notice id.
QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

const QString insertColumns =
    u"INSERT INTO notice_outbox (branch_id, customer_id, account_id, kind, business_date, event_key, payload, state, "
    "created_at, subscription_id, phone, language, with_balance, idempotency_key, next_attempt_at) "_s;

} // namespace

Result<bool> NoticeRepository::enqueue(const NewNotice& n)
{
    const QString flag = n.kind == u"maturity"_s ? u"s.maturity"_s : u"s.movements"_s;
    const QString now = sql::nowUtc();
    auto query = m_uow.exec(insertColumns
                                + u"SELECT ?, s.customer_id, s.account_id, ?, ?, ?, ?, 'pending', ?, s.id, s.phone, s.language, "
                                  "s.with_balance, ?, ? FROM notice_subscriptions s "
                                  "WHERE s.account_id = ? AND s.state = 'active' AND "_s
                                + flag + u" ON CONFLICT (kind, account_id, event_key) DO NOTHING"_s,
                            {n.branchId, n.kind, sql::date(n.businessDate), n.eventKey, compact(n.payload), now, newKey(),
                             now, n.accountId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() > 0;
}

Result<QHash<QString, qint64>> NoticeRepository::queuedOn(qint64 branchId, const QDate& businessDate)
{
    auto query = m_uow.exec(u"SELECT kind, COUNT(*) FROM notice_outbox WHERE branch_id = ? AND business_date = ? GROUP BY kind"_s,
                            {branchId, sql::date(businessDate)});
    if (!query)
        return fail(query.error());
    QHash<QString, qint64> counts;
    while (query->next())
        counts.insert(query->value(0).toString(), query->value(1).toLongLong());
    query->finish();
    return counts;
}

SqlStatement NoticeRepository::movementsStatement(qint64 txnId, const QString& txnKind, qint64 branchId,
                                                  const QDate& businessDate, const QList<MovementNotice>& moves)
{
    SqlStatement s;
    if (moves.isEmpty())
        return s;
    const QString now = sql::nowUtc();
    s.values << branchId << sql::date(businessDate) << u"txn:%1"_s.arg(txnId) << now << now;
    for (const MovementNotice& m : moves) {
        const QJsonObject payload{{u"txn_id"_s, txnId},
                                  {u"txn_kind"_s, txnKind},
                                  {u"currency"_s, m.currency},
                                  {u"amount_minor"_s, m.amount},
                                  {u"balance_minor"_s, m.balance}};
        s.values << m.accountId << compact(payload) << newKey();
    }
    // (account, payload, key) rows; both dialects name a VALUES list's columns column1, column2, ...
    s.text = insertColumns
             + u"SELECT ?, s.customer_id, s.account_id, 'movement', ?, ?, v.column2, 'pending', ?, s.id, s.phone, s.language, "
               "s.with_balance, v.column3, ? FROM (VALUES "_s
             + sql::placeholders(moves.size(), u"(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT))"_s)
             + u") AS v JOIN notice_subscriptions s ON s.account_id = v.column1 "
               "WHERE s.state = 'active' AND s.movements ON CONFLICT (kind, account_id, event_key) DO NOTHING"_s;
    return s;
}

} // namespace cs
