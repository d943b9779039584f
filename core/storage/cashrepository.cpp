#include "storage/cashrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
QVariant textOrNull(const QString& s) { return s.trimmed().isEmpty() ? nullText() : QVariant(s.trimmed()); }

std::optional<qint64> optionalInteger(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace

Result<std::optional<CashBoxSessionRecord>> CashRepository::selectSession(const QString& condition,
                                                                         const QVariantList& values)
{
    auto query = m_uow.execList(u"SELECT id, branch_id, staff_id, account_id, business_date, state, opening_minor, "
                                "counted_minor, difference_minor, opened_at, closed_at, after_txn_id, "
                                "coalesce(last_txn_id, 0) FROM cashbox_sessions "_s
                                    + condition,
                                values);
    if (!query)
        return fail(query.error());
    std::optional<CashBoxSessionRecord> found;
    if (query->next()) {
        CashBoxSessionRecord r;
        r.id = query->value(0).toLongLong();
        r.branchId = query->value(1).toLongLong();
        r.staffId = query->value(2).toLongLong();
        r.accountId = query->value(3).toLongLong();
        r.businessDate = sql::toDate(query->value(4));
        r.state = query->value(5).toString();
        r.opening = query->value(6).toLongLong();
        r.counted = optionalInteger(query->value(7));
        r.difference = optionalInteger(query->value(8));
        r.openedAt = sql::toDateTime(query->value(9));
        r.closedAt = sql::toDateTime(query->value(10));
        r.afterTxnId = query->value(11).toLongLong();
        r.lastTxnId = query->value(12).toLongLong();
        found = std::move(r);
    }
    query->finish();
    return found;
}

Result<std::optional<CashBoxSessionRecord>> CashRepository::openSession(qint64 staffId)
{
    return selectSession(u"WHERE staff_id = ? AND state = 'open'"_s, {staffId});
}

Result<std::optional<CashBoxSessionRecord>> CashRepository::latestSession(qint64 staffId, const QDate& businessDate)
{
    return selectSession(u"WHERE staff_id = ? AND business_date = ? ORDER BY id DESC LIMIT 1"_s,
                         {staffId, sql::date(businessDate)});
}

Result<qint64> CashRepository::insertSession(const NewCashBoxSession& s)
{
    auto query = m_uow.exec(u"INSERT INTO cashbox_sessions (branch_id, staff_id, account_id, business_date, state, "
                            "opening_minor, opened_at, after_txn_id) VALUES (?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id"_s,
                            {s.branchId, s.staffId, s.accountId, sql::date(s.businessDate), s.opening, sql::nowUtc(),
                             s.afterTxnId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::internal(u"db.error"_s, u"No cash box session id"_s));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Status CashRepository::recordCount(qint64 sessionId, qint64 counted, qint64 difference)
{
    auto query = m_uow.exec(u"UPDATE cashbox_sessions SET counted_minor = ?, difference_minor = ? "
                            "WHERE id = ? AND state = 'open'"_s,
                            {counted, difference, sessionId});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::conflict(u"db.conflict"_s, u"The cash box session changed meanwhile"_s));
    return {};
}

Status CashRepository::closeSession(qint64 sessionId, qint64 counted, qint64 difference, qint64 lastTxnId)
{
    auto query = m_uow.exec(u"UPDATE cashbox_sessions SET state = 'closed', counted_minor = ?, difference_minor = ?, "
                            "closed_at = ?, last_txn_id = ? WHERE id = ? AND state = 'open'"_s,
                            {counted, difference, sql::nowUtc(), lastTxnId, sessionId});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::conflict(u"db.conflict"_s, u"The cash box session changed meanwhile"_s));
    return {};
}

Result<int> CashRepository::openSessionCount(qint64 branchId)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM cashbox_sessions WHERE branch_id = ? AND state = 'open'"_s,
                              {branchId});
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<qint64> CashRepository::lastTxnOf(qint64 accountId)
{
    auto value = m_uow.scalar(u"SELECT coalesce(max(txn_id), 0) FROM journal_lines WHERE account_id = ?"_s, {accountId});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<CashBoxMovements> CashRepository::movements(qint64 accountId, qint64 afterTxnId, qint64 upToTxnId)
{
    auto query = m_uow.exec(u"SELECT CAST(coalesce(sum(CASE WHEN side = 'D' THEN amount ELSE 0 END), 0) AS BIGINT), "
                            "CAST(coalesce(sum(CASE WHEN side = 'C' THEN amount ELSE 0 END), 0) AS BIGINT), "
                            "count(DISTINCT txn_id) "
                            "FROM journal_lines WHERE account_id = ? AND txn_id > ? AND txn_id <= ?"_s,
                            {accountId, afterTxnId, upToTxnId});
    if (!query)
        return fail(query.error());
    CashBoxMovements m;
    if (query->next()) {
        m.debits = query->value(0).toLongLong();
        m.credits = query->value(1).toLongLong();
        m.transactions = query->value(2).toInt();
    }
    query->finish();
    return m;
}

Result<qint64> CashRepository::customerCashDayTotal(qint64 customerId, const QDate& businessDate, const QString& kind,
                                                    const QString& side)
{
    // journal_txns_date_kind_idx (0004) finds the day's cash transactions; a reversed one does not count.
    auto value = m_uow.scalar(u"SELECT CAST(coalesce(sum(l.amount), 0) AS BIGINT) FROM journal_txns t "
                              "JOIN journal_lines l ON l.txn_id = t.id "
                              "JOIN accounts a ON a.id = l.account_id "
                              "WHERE t.business_date = ? AND t.kind = ? AND l.side = ? AND a.customer_id = ? "
                              "AND NOT EXISTS (SELECT 1 FROM journal_txns r WHERE r.reverses_txn_id = t.id)"_s,
                              {sql::date(businessDate), kind, side, customerId});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Status CashRepository::insertLargeValue(const NewLargeValueEntry& e)
{
    auto query = m_uow.exec(u"INSERT INTO large_value_entries (branch_id, business_date, customer_id, txn_id, criterion, "
                            "direction, amount, day_total, currency, agent_name, agent_id_number, source_of_funds, "
                            "purpose, id_copy_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                            {e.branchId, sql::date(e.businessDate), e.customerId, e.txnId, e.criterion, e.direction,
                             e.amount, e.dayTotal, e.currency, textOrNull(e.agentName), textOrNull(e.agentIdNumber),
                             textOrNull(e.sourceOfFunds), textOrNull(e.purpose), textOrNull(e.idCopyRef), sql::nowUtc()});
    if (!query)
        return fail(query.error());
    return {};
}

Result<bool> CashRepository::hasLargeValue(qint64 txnId, const QString& criterion)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM large_value_entries WHERE txn_id = ? AND criterion = ?"_s,
                              {txnId, criterion});
    if (!value)
        return fail(value.error());
    return value->toLongLong() > 0;
}

Result<VoucherNames> CashRepository::voucherNames(qint64 staffId, qint64 branchId)
{
    auto query = m_uow.exec(u"SELECT s.login, s.full_name, b.code, b.name FROM branches b "
                            "LEFT JOIN staff s ON s.id = ? WHERE b.id = ?"_s,
                            {staffId, branchId});
    if (!query)
        return fail(query.error());
    VoucherNames names;
    if (query->next())
        names = {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                 query->value(3).toString()};
    query->finish();
    return names;
}

} // namespace cs
