#include "storage/reportrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

// The ledger side of ReportRepository: journal lines, account groups, cash accounts and fee income.
// sum(bigint) is NUMERIC on PostgreSQL: every sum is cast back to BIGINT so no driver makes it a double.
namespace cs {

Result<QList<ReportJournalLine>> ReportRepository::journalLines(qint64 branchId, const QDate& from, const QDate& to,
                                                                qint64 staffId)
{
    // journal_txns_branch_date_idx (or journal_txns_staff_date_idx) finds the transactions, the
    // unique (txn_id, line_no) index their lines.
    QString text = u"SELECT t.id, t.business_date, t.created_at, t.kind, t.memo, t.reverses_txn_id, r.id, s.login, "
                   "t.terminal, l.line_no, a.number, a.kind, a.internal_role, coalesce(c.full_name, o.login), l.side, "
                   "l.amount, l.memo "
                   "FROM journal_txns t "
                   "JOIN journal_lines l ON l.txn_id = t.id "
                   "JOIN accounts a ON a.id = l.account_id "
                   "JOIN staff s ON s.id = t.staff_id "
                   "LEFT JOIN customers c ON c.id = a.customer_id "
                   "LEFT JOIN staff o ON o.id = a.owner_staff_id "
                   "LEFT JOIN journal_txns r ON r.reverses_txn_id = t.id "
                   "WHERE t.branch_id = ? AND t.business_date >= ? AND t.business_date <= ? "_s;
    QVariantList values{branchId, sql::date(from), sql::date(to)};
    if (staffId > 0) {
        text += u"AND t.staff_id = ? "_s;
        values.append(staffId);
    }
    text += u"ORDER BY t.id, l.line_no"_s;
    auto query = m_uow.execList(text, values);
    if (!query)
        return fail(query.error());
    QList<ReportJournalLine> lines;
    while (query->next()) {
        ReportJournalLine l;
        l.txnId = query->value(0).toLongLong();
        l.businessDate = sql::toDate(query->value(1));
        l.postedAt = sql::toDateTime(query->value(2));
        l.kind = query->value(3).toString();
        l.txnMemo = query->value(4).toString();
        l.reversesTxnId = query->value(5).toLongLong();
        l.reversedByTxnId = query->value(6).toLongLong();
        l.staffLogin = query->value(7).toString();
        l.terminal = query->value(8).toString();
        l.lineNo = query->value(9).toInt();
        l.accountNumber = query->value(10).toString();
        l.accountKind = query->value(11).toString();
        l.internalRole = query->value(12).toString();
        l.holder = query->value(13).toString();
        l.side = query->value(14).toString();
        l.amount = query->value(15).toLongLong();
        l.lineMemo = query->value(16).toString();
        lines.append(std::move(l));
    }
    query->finish();
    return lines;
}

Result<QList<LedgerGroupTotals>> ReportRepository::ledgerGroups(qint64 branchId, const QDate& from, const QDate& to,
                                                                const QString& currency)
{
    // The branch's own transactions: each balances, so the groups' debits equal their credits.
    auto query = m_uow.exec(
        u"SELECT a.kind, a.product_code, p.name, a.internal_role, "
        "CAST(coalesce(sum(CASE WHEN t.business_date < ? AND l.side = 'D' THEN l.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN t.business_date < ? AND l.side = 'C' THEN l.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN t.business_date >= ? AND l.side = 'D' THEN l.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN t.business_date >= ? AND l.side = 'C' THEN l.amount ELSE 0 END), 0) AS BIGINT) "
        "FROM journal_txns t "
        "JOIN journal_lines l ON l.txn_id = t.id "
        "JOIN accounts a ON a.id = l.account_id "
        "JOIN products p ON p.code = a.product_code "
        "WHERE t.branch_id = ? AND t.business_date <= ? AND l.currency = ? "
        "GROUP BY a.kind, a.product_code, p.name, a.internal_role "
        "ORDER BY a.kind, a.product_code, a.internal_role"_s,
        {sql::date(from), sql::date(from), sql::date(from), sql::date(from), branchId, sql::date(to), currency});
    if (!query)
        return fail(query.error());
    QList<LedgerGroupTotals> groups;
    while (query->next())
        groups.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                       query->value(3).toString(), query->value(4).toLongLong(), query->value(5).toLongLong(),
                       query->value(6).toLongLong(), query->value(7).toLongLong()});
    query->finish();
    return groups;
}

Result<QList<CashAccountMovements>> ReportRepository::cashAccounts(qint64 branchId, const QDate& from, const QDate& to,
                                                                   const QString& currency)
{
    // The balance now less what moved after the period gives the cash at its end; only the lines from
    // the period's first day on are read.
    auto query = m_uow.exec(
        u"SELECT a.id, a.number, a.internal_role, s.login, s.full_name, a.balance, "
        "CAST(coalesce(sum(CASE WHEN m.business_date <= ? AND m.side = 'D' THEN m.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN m.business_date <= ? AND m.side = 'C' THEN m.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN m.business_date > ? AND m.side = 'D' THEN m.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN m.business_date > ? AND m.side = 'C' THEN m.amount ELSE 0 END), 0) AS BIGINT) "
        "FROM accounts a "
        "LEFT JOIN staff s ON s.id = a.owner_staff_id "
        "LEFT JOIN (SELECT l.account_id, l.side, l.amount, t.business_date FROM journal_lines l "
        "           JOIN journal_txns t ON t.id = l.txn_id "
        "           JOIN accounts c ON c.id = l.account_id "
        "           WHERE t.business_date >= ? AND c.branch_id = ? AND c.internal_role IN ('vault', 'cash_box')) m "
        "       ON m.account_id = a.id "
        "WHERE a.branch_id = ? AND a.currency = ? AND a.internal_role IN ('vault', 'cash_box') "
        "GROUP BY a.id, a.number, a.internal_role, s.login, s.full_name, a.balance "
        "ORDER BY CASE WHEN a.internal_role = 'vault' THEN 0 ELSE 1 END, s.login, a.id"_s,
        {sql::date(to), sql::date(to), sql::date(to), sql::date(to), sql::date(from), branchId, branchId, currency});
    if (!query)
        return fail(query.error());
    QList<CashAccountMovements> accounts;
    while (query->next())
        accounts.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                         query->value(3).toString(), query->value(4).toString(), query->value(5).toLongLong(),
                         query->value(6).toLongLong(), query->value(7).toLongLong(), query->value(8).toLongLong(),
                         query->value(9).toLongLong()});
    query->finish();
    return accounts;
}

Result<QList<FeeIncomeByKind>> ReportRepository::feeIncome(qint64 branchId, const QDate& from, const QDate& to,
                                                           const QString& currency)
{
    auto query = m_uow.exec(
        u"SELECT t.kind, count(DISTINCT t.id), "
        "CAST(coalesce(sum(CASE WHEN l.side = 'C' THEN l.amount ELSE 0 END), 0) AS BIGINT), "
        "CAST(coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount ELSE 0 END), 0) AS BIGINT) "
        "FROM journal_txns t "
        "JOIN journal_lines l ON l.txn_id = t.id "
        "JOIN accounts a ON a.id = l.account_id "
        "WHERE t.branch_id = ? AND t.business_date >= ? AND t.business_date <= ? "
        "AND a.internal_role = 'fee_income' AND l.currency = ? "
        "GROUP BY t.kind ORDER BY t.kind"_s,
        {branchId, sql::date(from), sql::date(to), currency});
    if (!query)
        return fail(query.error());
    QList<FeeIncomeByKind> kinds;
    while (query->next())
        kinds.append({query->value(0).toString(), query->value(1).toLongLong(), query->value(2).toLongLong(),
                      query->value(3).toLongLong()});
    query->finish();
    return kinds;
}

} // namespace cs
