#include "storage/transferrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns =
    u"SELECT t.id, t.branch_id, t.business_date, t.request_id, t.kind, t.from_account_id, t.to_account_id, "
    "t.to_bank_code, t.to_account_no, t.to_name, t.remarks, t.amount, t.fee, t.fee_waived, t.currency, t.route, "
    "t.state, t.hold_id, t.approval_id, t.txn_id, t.return_txn_id, t.maker_id, t.terminal, t.created_at, "
    "t.updated_at, fa.number, fc.full_name, s.login, c.message_id, c.state, c.reject_reason "
    "FROM transfers t JOIN accounts fa ON fa.id = t.from_account_id "
    "LEFT JOIN customers fc ON fc.id = fa.customer_id JOIN staff s ON s.id = t.maker_id "
    "LEFT JOIN clearing_items c ON c.transfer_id = t.id "_s;

TransferRow toRow(const QSqlQuery& q)
{
    TransferRow r;
    r.id = q.value(0).toLongLong();
    r.branchId = q.value(1).toLongLong();
    r.businessDate = sql::toDate(q.value(2));
    r.requestId = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.fromAccountId = q.value(5).toLongLong();
    r.toAccountId = q.value(6).toLongLong();
    r.toBankCode = q.value(7).toString();
    r.toAccountNo = q.value(8).toString();
    r.toName = q.value(9).toString();
    r.remarks = q.value(10).toString();
    r.amount = q.value(11).toLongLong();
    r.fee = q.value(12).toLongLong();
    r.feeWaived = q.value(13).toBool();
    r.currency = q.value(14).toString();
    r.route = q.value(15).toString();
    r.state = q.value(16).toString();
    r.holdId = q.value(17).toLongLong();
    r.approvalId = q.value(18).toLongLong();
    r.txnId = q.value(19).toLongLong();
    r.returnTxnId = q.value(20).toLongLong();
    r.makerId = q.value(21).toLongLong();
    r.terminal = q.value(22).toString();
    r.createdAt = sql::toDateTime(q.value(23));
    r.updatedAt = sql::toDateTime(q.value(24));
    r.fromNumber = q.value(25).toString();
    r.fromName = q.value(26).toString();
    r.makerLogin = q.value(27).toString();
    r.clearingMessageId = q.value(28).toString();
    r.clearingState = q.value(29).toString();
    r.clearingReason = q.value(30).toString();
    return r;
}

QVariant idOrNull(qint64 id) { return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong)); }
QVariant textOrNull(const QString& s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }

} // namespace

Result<qint64> TransferRepository::nextId()
{
    auto id = m_uow.scalar(m_uow.dialect() == Dialect::PostgreSQL
                               ? u"SELECT nextval(pg_get_serial_sequence('transfers', 'id'))"_s
                               : u"SELECT coalesce(max(id), 0) + 1 FROM transfers"_s);
    if (!id)
        return fail(id.error());
    return id->toLongLong();
}

Status TransferRepository::insert(const TransferRow& r)
{
    const QString now = sql::nowUtc();
    auto query = m_uow.execList(
        u"INSERT INTO transfers (id, branch_id, business_date, request_id, kind, from_account_id, to_account_id, "
        "to_bank_code, to_account_no, to_name, remarks, amount, fee, fee_waived, currency, route, state, hold_id, "
        "approval_id, txn_id, maker_id, terminal, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {r.id, r.branchId, sql::date(r.businessDate), r.requestId, r.kind, r.fromAccountId, idOrNull(r.toAccountId),
         textOrNull(r.toBankCode), r.toAccountNo, textOrNull(r.toName), textOrNull(r.remarks), r.amount, r.fee,
         sql::boolean(r.feeWaived, m_uow.dialect()), r.currency, r.route, r.state, idOrNull(r.holdId),
         idOrNull(r.approvalId), idOrNull(r.txnId), r.makerId, r.terminal, now, now});
    if (!query)
        return fail(query.error());
    return {};
}

Result<std::optional<TransferRow>> TransferRepository::selectOne(const QString& condition, const QVariant& key)
{
    auto query = m_uow.execList(columns + condition, {key});
    if (!query)
        return fail(query.error());
    std::optional<TransferRow> found;
    if (query->next())
        found = toRow(*query);
    query->finish();
    return found;
}

Result<std::optional<TransferRow>> TransferRepository::find(qint64 id) { return selectOne(u"WHERE t.id = ?"_s, id); }

Result<std::optional<TransferRow>> TransferRepository::findByRequestId(const QString& requestId)
{
    return selectOne(u"WHERE t.request_id = ?"_s, requestId);
}

Result<std::optional<TransferRow>> TransferRepository::lock(qint64 id)
{
    if (m_uow.dialect() == Dialect::PostgreSQL) {
        auto locked = m_uow.exec(u"SELECT id FROM transfers WHERE id = ? FOR UPDATE"_s, {id});
        if (!locked)
            return fail(locked.error());
        locked->finish();
    }
    return find(id);
}

Result<QList<TransferRow>> TransferRepository::list(const TransferQuery& q)
{
    QString where = u"WHERE t.branch_id = ? AND t.business_date = ?"_s;
    QVariantList values{q.branchId, sql::date(q.businessDate)};
    if (q.makerId > 0) {
        where += u" AND t.maker_id = ?"_s;
        values.append(q.makerId);
    }
    if (!q.state.isEmpty()) {
        where += u" AND t.state = ?"_s;
        values.append(q.state);
    }
    auto query = m_uow.execList(columns + where + u" ORDER BY t.id"_s, values);
    if (!query)
        return fail(query.error());
    QList<TransferRow> rows;
    while (query->next())
        rows.append(toRow(*query));
    query->finish();
    return rows;
}

Status TransferRepository::updateOne(const QString& sql, const QVariantList& values)
{
    auto query = m_uow.execList(sql, values);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"transfer.not_found"_s, u"transfer"_s, {}));
    return {};
}

Status TransferRepository::setApproval(qint64 id, qint64 approvalId)
{
    return updateOne(u"UPDATE transfers SET approval_id = ?, updated_at = ? WHERE id = ?"_s, {approvalId, sql::nowUtc(), id});
}

Status TransferRepository::setExecuted(qint64 id, const QString& state, const QString& route, qint64 txnId)
{
    return updateOne(u"UPDATE transfers SET state = ?, route = ?, txn_id = ?, updated_at = ? WHERE id = ? AND state = 'pending'"_s,
                     {state, route, txnId, sql::nowUtc(), id});
}

Status TransferRepository::setEnded(qint64 id, const QString& state, qint64 approvalId)
{
    return updateOne(u"UPDATE transfers SET state = ?, approval_id = coalesce(approval_id, ?), updated_at = ? "
                     "WHERE id = ? AND state = 'pending'"_s,
                     {state, idOrNull(approvalId), sql::nowUtc(), id});
}

Status TransferRepository::setAnswered(qint64 id, const QString& state, qint64 returnTxnId)
{
    return updateOne(u"UPDATE transfers SET state = ?, return_txn_id = ?, updated_at = ? WHERE id = ? AND state = 'sent'"_s,
                     {state, idOrNull(returnTxnId), sql::nowUtc(), id});
}

Status TransferRepository::setState(qint64 id, const QString& state)
{
    return updateOne(u"UPDATE transfers SET state = ?, updated_at = ? WHERE id = ?"_s, {state, sql::nowUtc(), id});
}

Result<qint64> TransferRepository::dayOutTotal(qint64 accountId, const QDate& day)
{
    auto total = m_uow.scalar(u"SELECT coalesce(sum(amount), 0) FROM transfers WHERE from_account_id = ? AND business_date = ? "
                              "AND state NOT IN ('refused', 'cancelled', 'expired', 'rejected')"_s,
                              {accountId, sql::date(day)});
    if (!total)
        return fail(total.error());
    return total->toLongLong();
}

Status TransferRepository::insertClearing(qint64 transferId, qint64 branchId, const QString& network, const QString& messageId)
{
    const QString now = sql::nowUtc();
    const bool queued = messageId.isEmpty();
    auto query = m_uow.exec(u"INSERT INTO clearing_items (branch_id, transfer_id, network, message_id, state, queued_at, sent_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                            {branchId, transferId, network, textOrNull(messageId), queued ? u"queued"_s : u"sent"_s,
                             queued ? QVariant(now) : textOrNull({}), queued ? textOrNull({}) : QVariant(now)});
    if (!query)
        return fail(query.error());
    return {};
}

Status TransferRepository::markSent(qint64 transferId, const QString& messageId)
{
    return updateOne(u"UPDATE clearing_items SET state = 'sent', message_id = ?, sent_at = ? WHERE transfer_id = ? AND state = 'queued'"_s,
                     {messageId, sql::nowUtc(), transferId});
}

Status TransferRepository::markAnswered(qint64 transferId, bool accepted, const QString& reason)
{
    return updateOne(u"UPDATE clearing_items SET state = ?, reject_reason = ?, acknowledged_at = ? "
                     "WHERE transfer_id = ? AND state = 'sent'"_s,
                     {accepted ? u"accepted"_s : u"rejected"_s, accepted ? textOrNull({}) : QVariant(reason), sql::nowUtc(),
                      transferId});
}

Result<QList<qint64>> TransferRepository::queued(qint64 branchId)
{
    auto query = m_uow.exec(u"SELECT transfer_id FROM clearing_items WHERE branch_id = ? AND state = 'queued' ORDER BY id"_s, {branchId});
    if (!query)
        return fail(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    query->finish();
    return ids;
}

} // namespace cs
