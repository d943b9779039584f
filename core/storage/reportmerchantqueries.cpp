#include "storage/reportrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

// The merchant and interest side of ReportRepository: settlements (0011), payments for the statistics and
// the interest postings of end of day and time deposits (0012).
namespace cs {

Result<QList<MerchantSettlementTotals>> ReportRepository::merchantSettlements(qint64 branchId, const QDate& from,
                                                                              const QDate& to,
                                                                              const QString& merchantCode)
{
    QString text = u"SELECT m.code, m.name, count(*), CAST(coalesce(sum(s.payments), 0) AS BIGINT), "
                   "CAST(coalesce(sum(s.gross), 0) AS BIGINT), CAST(coalesce(sum(s.fees), 0) AS BIGINT), "
                   "CAST(coalesce(sum(s.refunds), 0) AS BIGINT), CAST(coalesce(sum(s.net), 0) AS BIGINT) "
                   "FROM merchant_settlements s JOIN merchants m ON m.id = s.merchant_id "
                   "WHERE s.branch_id = ? AND s.business_date >= ? AND s.business_date <= ? "_s;
    QVariantList values{branchId, sql::date(from), sql::date(to)};
    if (!merchantCode.isEmpty()) {
        text += u"AND m.code = ? "_s;
        values.append(merchantCode);
    }
    text += u"GROUP BY m.id, m.code, m.name ORDER BY m.code"_s;
    auto query = m_uow.execList(text, values);
    if (!query)
        return fail(query.error());
    QList<MerchantSettlementTotals> rows;
    while (query->next())
        rows.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toLongLong(),
                     query->value(3).toLongLong(), query->value(4).toLongLong(), query->value(5).toLongLong(),
                     query->value(6).toLongLong(), query->value(7).toLongLong()});
    query->finish();
    return rows;
}

Result<QList<InterestLine>> ReportRepository::interestLines(qint64 branchId, const QDate& from, const QDate& to,
                                                            const QString& currency)
{
    auto query = m_uow.exec(
        u"SELECT t.id, t.kind, a.number, a.kind, a.internal_role, a.product_code, p.name, c.full_name, l.side, l.amount "
        "FROM journal_txns t "
        "JOIN journal_lines l ON l.txn_id = t.id "
        "JOIN accounts a ON a.id = l.account_id "
        "JOIN products p ON p.code = a.product_code "
        "LEFT JOIN customers c ON c.id = a.customer_id "
        "WHERE t.branch_id = ? AND t.business_date >= ? AND t.business_date <= ? AND l.currency = ? "
        "AND EXISTS (SELECT 1 FROM journal_lines x JOIN accounts e ON e.id = x.account_id "
        "            WHERE x.txn_id = t.id AND e.internal_role = 'interest_expense') "
        "ORDER BY t.id, l.line_no"_s,
        {branchId, sql::date(from), sql::date(to), currency});
    if (!query)
        return fail(query.error());
    QList<InterestLine> lines;
    while (query->next())
        lines.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                      query->value(3).toString(), query->value(4).toString(), query->value(5).toString(),
                      query->value(6).toString(), query->value(7).toString(), query->value(8).toString(),
                      query->value(9).toLongLong()});
    query->finish();
    return lines;
}

Result<QList<PaymentDayGroup>> ReportRepository::merchantPaymentsByDay(qint64 branchId, const QDate& from,
                                                                       const QDate& to, const QString& dimension,
                                                                       const QString& currency)
{
    // The dimension's expression comes from this fixed list, never from the caller's text.
    QString value;
    if (dimension == u"channel"_s)
        value = u"mp.channel"_s;
    else if (dimension == u"mode"_s)
        value = u"mp.mode"_s;
    else
        value = u"coalesce(cd.product_code, pr.kind)"_s;
    auto query = m_uow.execList(
        u"SELECT mp.business_date, "_s + value
            + u", count(*), "
              "CAST(coalesce(sum(CASE WHEN mp.state = 'authorised' THEN mp.amount ELSE mp.captured END), 0) AS BIGINT), "
              "CAST(coalesce(sum(mp.refunded), 0) AS BIGINT), CAST(coalesce(sum(mp.fee), 0) AS BIGINT) "
              "FROM merchant_payments mp "
              "JOIN accounts a ON a.id = mp.payer_account_id "
              "JOIN products pr ON pr.code = a.product_code "
              "LEFT JOIN cards cd ON cd.id = mp.payer_card_id "
              "WHERE mp.branch_id = ? AND mp.business_date >= ? AND mp.business_date <= ? AND mp.currency = ? "
              "AND mp.state <> 'voided' "
              "GROUP BY mp.business_date, "_s
            + value + u" ORDER BY mp.business_date, "_s + value,
        {branchId, sql::date(from), sql::date(to), currency});
    if (!query)
        return fail(query.error());
    QList<PaymentDayGroup> groups;
    while (query->next())
        groups.append({sql::toDate(query->value(0)), query->value(1).toString(), query->value(2).toLongLong(),
                       query->value(3).toLongLong(), query->value(4).toLongLong(), query->value(5).toLongLong()});
    query->finish();
    return groups;
}

} // namespace cs
