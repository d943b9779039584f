#include "storage/holdrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns = u"SELECT id, account_id, amount, currency, reason_code, reason, state, request_id, "
                        "consumed_txn_id, created_by, created_at FROM holds "_s;

HoldRecord toRecord(const QSqlQuery& q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(),   q.value(6).toString(),   q.value(7).toString(),
            q.value(8).toLongLong(), q.value(9).toLongLong(), sql::toDateTime(q.value(10))};
}

} // namespace

Result<std::optional<HoldRecord>> HoldRepository::selectOne(const QString& condition, const QVariant& key)
{
    auto query = m_uow.execList(columns + condition, {key});
    if (!query)
        return fail(query.error());
    std::optional<HoldRecord> found;
    if (query->next())
        found = toRecord(*query);
    query->finish();
    return found;
}

Result<std::optional<HoldRecord>> HoldRepository::find(qint64 holdId) { return selectOne(u"WHERE id = ?"_s, holdId); }

Result<std::optional<HoldRecord>> HoldRepository::findByRequestId(const QString& requestId)
{
    return selectOne(u"WHERE request_id = ?"_s, requestId);
}

Result<QList<HoldRecord>> HoldRepository::activeOn(qint64 accountId)
{
    auto query = m_uow.exec(columns + u"WHERE account_id = ? AND state = 'active' ORDER BY id"_s, {accountId});
    if (!query)
        return fail(query.error());
    QList<HoldRecord> all;
    while (query->next())
        all.append(toRecord(*query));
    query->finish();
    return all;
}

Result<QList<HoldRecord>> HoldRepository::activeForApproval(qint64 approvalId)
{
    auto query = m_uow.exec(columns + u"WHERE approval_id = ? AND state = 'active' ORDER BY id"_s, {approvalId});
    if (!query)
        return fail(query.error());
    QList<HoldRecord> all;
    while (query->next())
        all.append(toRecord(*query));
    query->finish();
    return all;
}

Result<qint64> HoldRepository::insert(const NewHold& h)
{
    auto query = m_uow.exec(
        u"INSERT INTO holds (account_id, amount, currency, reason_code, reason, state, request_id, approval_id, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?) RETURNING id"_s,
        {h.accountId, h.amount, h.currency, h.reasonCode,
         h.reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(h.reason), h.requestId,
         h.approvalId > 0 ? QVariant(h.approvalId) : QVariant(QMetaType(QMetaType::LongLong)), h.createdBy,
         sql::nowUtc()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::internal(u"db.error"_s, u"INSERT INTO holds returned no id"_s));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Status HoldRepository::consume(qint64 holdId, qint64 txnId, qint64 staffId)
{
    auto query = m_uow.exec(u"UPDATE holds SET state = 'consumed', consumed_txn_id = ?, ended_at = ?, ended_by = ? "
                            "WHERE id = ? AND state = 'active'"_s,
                            {txnId, sql::nowUtc(), staffId, holdId});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"hold.not_found"_s, u"hold"_s, {}));
    return {};
}

Status HoldRepository::release(qint64 holdId, qint64 staffId)
{
    auto query = m_uow.exec(u"UPDATE holds SET state = 'released', ended_at = ?, ended_by = ? "
                            "WHERE id = ? AND state = 'active'"_s,
                            {sql::nowUtc(), staffId, holdId});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"hold.not_found"_s, u"hold"_s, {}));
    return {};
}

Status HoldRepository::linkApproval(qint64 holdId, qint64 approvalId)
{
    auto query = m_uow.exec(u"UPDATE holds SET approval_id = ? WHERE id = ?"_s, {approvalId, holdId});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"hold.not_found"_s, u"hold"_s, {}));
    return {};
}

} // namespace cs
