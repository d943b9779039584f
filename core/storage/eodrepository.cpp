#include "storage/eodrepository.h"

#include "storage/sqlvalues.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Demand deposits earn demand interest: personal demand and corporate current accounts.
const QString demandProducts = u"SELECT code FROM products WHERE kind IN ('demand', 'corporate')"_s;
// Accounts a credit may reach (PostingEngine: closed, dormant and fully frozen ones refuse it).
const QString takesCredits = u"(a.state = 'normal' OR (a.state = 'frozen' AND a.freeze_mode = 'debit'))"_s;

} // namespace

Result<std::optional<QDate>> EodRepository::lockBranch(qint64 branchId)
{
    auto value = m_uow.scalar(m_uow.dialect() == Dialect::PostgreSQL
                                  ? u"SELECT business_date FROM branches WHERE id = ? FOR NO KEY UPDATE"_s
                                  : u"SELECT business_date FROM branches WHERE id = ?"_s,
                              {branchId});
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return std::optional<QDate>();
    return std::optional(sql::toDate(*value));
}

Result<QHash<QString, EodStepRecord>> EodRepository::steps(qint64 branchId, const QDate& businessDate)
{
    auto query = m_uow.exec(u"SELECT step, done_at, done_by, detail FROM eod_steps WHERE branch_id = ? AND business_date = ?"_s,
                            {branchId, sql::date(businessDate)});
    if (!query)
        return fail(query.error());
    QHash<QString, EodStepRecord> rows;
    while (query->next()) {
        EodStepRecord r;
        r.step = query->value(0).toString();
        r.doneAt = sql::toDateTime(query->value(1));
        r.doneBy = query->value(2).toLongLong();
        r.detail = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        rows.insert(r.step, r);
    }
    query->finish();
    return rows;
}

Result<std::optional<QDate>> EodRepository::unfinishedClosedDate(qint64 branchId, const QString& lastStep)
{
    auto value = m_uow.scalar(u"SELECT min(c.business_date) FROM eod_steps c WHERE c.branch_id = ? AND c.step = 'close_day' "
                              "AND NOT EXISTS (SELECT 1 FROM eod_steps f WHERE f.branch_id = c.branch_id "
                              "AND f.business_date = c.business_date AND f.step = ?)"_s,
                              {branchId, lastStep});
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return std::optional<QDate>();
    return std::optional(sql::toDate(*value));
}

Status EodRepository::recordStep(qint64 branchId, const QDate& businessDate, const QString& step, qint64 staffId,
                                 const QJsonObject& detail)
{
    auto query = m_uow.exec(u"INSERT INTO eod_steps (branch_id, business_date, step, done_at, done_by, detail) "
                            "VALUES (?, ?, ?, ?, ?, ?)"_s,
                            {branchId, sql::date(businessDate), step, sql::nowUtc(), staffId,
                             QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
    if (!query)
        return fail(query.error());
    return {};
}

Status EodRepository::markClosing(qint64 branchId, const QDate& businessDate)
{
    auto query = m_uow.exec(u"UPDATE business_days SET state = 'closing' WHERE branch_id = ? AND business_date = ? "
                            "AND state = 'open'"_s,
                            {branchId, sql::date(businessDate)});
    if (!query)
        return fail(query.error());
    return {};
}

Result<QList<OpenCashBoxRecord>> EodRepository::openCashBoxes(qint64 branchId)
{
    auto query = m_uow.exec(u"SELECT c.id, s.login, s.full_name, c.business_date FROM cashbox_sessions c "
                            "JOIN staff s ON s.id = c.staff_id WHERE c.branch_id = ? AND c.state = 'open' ORDER BY c.id"_s,
                            {branchId});
    if (!query)
        return fail(query.error());
    QList<OpenCashBoxRecord> boxes;
    while (query->next())
        boxes.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                      sql::toDate(query->value(3))});
    query->finish();
    return boxes;
}

Result<QList<qint64>> EodRepository::oralLossCardsBefore(qint64 branchId, const QDate& before)
{
    auto query = m_uow.exec(u"SELECT id FROM cards WHERE branch_id = ? AND state = 'lost_oral' AND loss_reported_on < ? "
                            "ORDER BY id"_s,
                            {branchId, sql::date(before)});
    if (!query)
        return fail(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    query->finish();
    return ids;
}

Result<qint64> EodRepository::openProducts(qint64 branchId, const QDate& date)
{
    auto query = m_uow.exec(u"INSERT INTO interest_products (account_id, branch_id, balance_product, period_start) "
                            "SELECT a.id, a.branch_id, 0, ? FROM accounts a WHERE a.branch_id = ? AND a.kind = 'customer' "
                            "AND a.state <> 'closed' AND a.product_code IN ("_s
                                + demandProducts
                                + u") AND NOT EXISTS (SELECT 1 FROM interest_products i WHERE i.account_id = a.id)"_s,
                            {sql::date(date), branchId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Result<qint64> EodRepository::accrue(qint64 branchId, const QDate& date)
{
    // One statement for the branch: a hundred thousand accounts are one pass over two tables.
    auto query = m_uow.exec(u"UPDATE interest_products SET balance_product = interest_products.balance_product + "
                            "CASE WHEN a.balance > 0 THEN a.balance ELSE 0 END, last_accrued_on = ? "
                            "FROM accounts a WHERE a.id = interest_products.account_id AND interest_products.branch_id = ? "
                            "AND a.state <> 'closed' AND (interest_products.last_accrued_on IS NULL "
                            "OR interest_products.last_accrued_on < ?)"_s,
                            {sql::date(date), branchId, sql::date(date)});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Result<QList<ProductDue>> EodRepository::productsDue(qint64 branchId)
{
    auto query = m_uow.exec(u"SELECT i.account_id, i.balance_product, a.currency FROM interest_products i "
                            "JOIN accounts a ON a.id = i.account_id WHERE i.branch_id = ? AND i.balance_product > 0 AND "_s
                                + takesCredits + u" ORDER BY i.account_id"_s,
                            {branchId});
    if (!query)
        return fail(query.error());
    QList<ProductDue> due;
    while (query->next())
        due.append({query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toString()});
    query->finish();
    return due;
}

Result<qint64> EodRepository::resetProducts(qint64 branchId, const QDate& periodStart)
{
    auto query = m_uow.exec(u"UPDATE interest_products SET balance_product = 0, period_start = ?, last_accrued_on = NULL "
                            "WHERE branch_id = ? AND account_id IN (SELECT a.id FROM accounts a WHERE a.branch_id = ? AND "_s
                                + takesCredits + u")"_s,
                            {sql::date(periodStart), branchId, branchId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Result<qint64> EodRepository::insertTransferLargeValues(qint64 branchId, const QDate& businessDate, qint64 personThreshold,
                                                        qint64 companyThreshold)
{
    // Each executed transfer out of (and, intra-bank, into) a customer's account, unless reversed; the
    // customer's day total per direction; an entry for every transfer of a total at the threshold.
    const QString moves = u"SELECT a.customer_id, c.kind AS customer_kind, '%1' AS direction, t.txn_id, t.amount, t.currency "
                          "FROM transfers t JOIN accounts a ON a.id = t.%2 JOIN customers c ON c.id = a.customer_id "
                          "WHERE t.branch_id = ? AND t.business_date = ? AND t.txn_id IS NOT NULL AND t.currency = 'CNY' "
                          "AND NOT EXISTS (SELECT 1 FROM journal_txns r WHERE r.reverses_txn_id = t.txn_id)"_s;
    const QString date = sql::date(businessDate);
    auto query = m_uow.exec(
        u"WITH moves AS ("_s + moves.arg(u"out"_s, u"from_account_id"_s) + u" UNION ALL "_s
            + moves.arg(u"in"_s, u"to_account_id"_s)
            + u"), totals AS (SELECT customer_id, direction, CAST(sum(amount) AS BIGINT) AS total FROM moves "
              "GROUP BY customer_id, direction) "
              "INSERT INTO large_value_entries (branch_id, business_date, customer_id, txn_id, criterion, direction, amount, "
              "day_total, currency, created_at) "
              "SELECT ?, ?, m.customer_id, m.txn_id, CASE WHEN m.customer_kind = 'company' THEN 'company_transfer' "
              "ELSE 'person_transfer' END, m.direction, m.amount, x.total, m.currency, ? FROM moves m "
              "JOIN totals x ON x.customer_id = m.customer_id AND x.direction = m.direction "
              "WHERE x.total >= CASE WHEN m.customer_kind = 'company' THEN CAST(? AS BIGINT) ELSE CAST(? AS BIGINT) END "
              "ON CONFLICT (txn_id, criterion, direction) DO NOTHING"_s,
        {branchId, date, branchId, date, branchId, date, sql::nowUtc(), companyThreshold, personThreshold});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Result<std::optional<QString>> EodRepository::unbalancedCurrency(qint64 branchId, const QDate& businessDate)
{
    QString sqlText = u"SELECT l.currency FROM journal_lines l JOIN journal_txns t ON t.id = l.txn_id WHERE t.branch_id = ?"_s;
    QVariantList values{branchId};
    if (businessDate.isValid()) {
        sqlText += u" AND t.business_date = ?"_s;
        values << sql::date(businessDate);
    }
    sqlText += u" GROUP BY l.currency HAVING sum(CASE WHEN l.side = 'D' THEN l.amount ELSE -l.amount END) <> 0 "
               "ORDER BY l.currency LIMIT 1"_s;
    auto value = m_uow.scalar(sqlText, values);
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return std::optional<QString>();
    return std::optional(value->toString());
}

Result<std::optional<LedgerMismatch>> EodRepository::firstBalanceMismatch(qint64 branchId)
{
    auto query = m_uow.exec(u"SELECT a.id, a.number, a.balance, coalesce(j.total, 0) FROM accounts a LEFT JOIN ("
                            "SELECT l.account_id, CAST(sum(CASE WHEN l.side = x.normal_side THEN l.amount ELSE -l.amount END) "
                            "AS BIGINT) AS total FROM journal_lines l JOIN accounts x ON x.id = l.account_id "
                            "WHERE x.branch_id = ? AND x.balance_mode = 'row' GROUP BY l.account_id) j ON j.account_id = a.id "
                            "WHERE a.branch_id = ? AND a.balance_mode = 'row' AND a.balance <> coalesce(j.total, 0) "
                            "ORDER BY a.id LIMIT 1"_s,
                            {branchId, branchId});
    if (!query)
        return fail(query.error());
    std::optional<LedgerMismatch> found;
    if (query->next())
        found = LedgerMismatch{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toLongLong(),
                               query->value(3).toLongLong()};
    query->finish();
    return found;
}

Result<qint64> EodRepository::rowAccountCount(qint64 branchId)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM accounts WHERE branch_id = ? AND balance_mode = 'row'"_s, {branchId});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<qint64> EodRepository::journalLineCount(qint64 branchId, const QDate& businessDate)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM journal_lines l JOIN journal_txns t ON t.id = l.txn_id "
                              "WHERE t.branch_id = ? AND t.business_date = ?"_s,
                              {branchId, sql::date(businessDate)});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

} // namespace cs
