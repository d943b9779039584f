#include "storage/reportrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

// The record side of ReportRepository: cash box sessions, large-value entries, approvals and the audit
// trail.
namespace cs {
namespace {

std::optional<qint64> optionalInt(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QString entityOf(const QVariant& type, const QVariant& id)
{
    if (type.isNull() || type.toString().isEmpty())
        return {};
    return id.isNull() ? type.toString() : type.toString() + u':' + id.toString();
}

} // namespace

Result<QList<ReportCashBoxSession>> ReportRepository::cashBoxSessions(qint64 branchId, const QDate& from,
                                                                      const QDate& to, qint64 staffId)
{
    QString text = u"SELECT cs.id, cs.staff_id, s.login, s.full_name, cs.account_id, cs.business_date, cs.state, "
                   "cs.opening_minor, cs.counted_minor, cs.difference_minor, cs.opened_at, cs.closed_at, "
                   "cs.after_txn_id, cs.last_txn_id "
                   "FROM cashbox_sessions cs JOIN staff s ON s.id = cs.staff_id "
                   "WHERE cs.branch_id = ? AND cs.business_date >= ? AND cs.business_date <= ? "_s;
    QVariantList values{branchId, sql::date(from), sql::date(to)};
    if (staffId > 0) {
        text += u"AND cs.staff_id = ? "_s;
        values.append(staffId);
    }
    text += u"ORDER BY s.login, cs.business_date, cs.id"_s;
    auto query = m_uow.execList(text, values);
    if (!query)
        return fail(query.error());
    QList<ReportCashBoxSession> sessions;
    while (query->next()) {
        ReportCashBoxSession s;
        s.id = query->value(0).toLongLong();
        s.staffId = query->value(1).toLongLong();
        s.login = query->value(2).toString();
        s.fullName = query->value(3).toString();
        s.accountId = query->value(4).toLongLong();
        s.businessDate = sql::toDate(query->value(5));
        s.state = query->value(6).toString();
        s.opening = query->value(7).toLongLong();
        s.counted = optionalInt(query->value(8));
        s.difference = optionalInt(query->value(9));
        s.openedAt = sql::toDateTime(query->value(10));
        s.closedAt = sql::toDateTime(query->value(11));
        s.afterTxnId = query->value(12).toLongLong();
        s.lastTxnId = query->value(13).toLongLong();
        sessions.append(std::move(s));
    }
    query->finish();
    return sessions;
}

Result<QList<ReportLargeValue>> ReportRepository::largeValueEntries(qint64 branchId, const QDate& from, const QDate& to)
{
    auto query = m_uow.exec(u"SELECT e.id, e.business_date, c.full_name, c.id_number, e.criterion, e.direction, "
                            "e.amount, e.day_total, e.currency, e.txn_id "
                            "FROM large_value_entries e JOIN customers c ON c.id = e.customer_id "
                            "WHERE e.branch_id = ? AND e.business_date >= ? AND e.business_date <= ? "
                            "ORDER BY e.business_date, e.id"_s,
                            {branchId, sql::date(from), sql::date(to)});
    if (!query)
        return fail(query.error());
    QList<ReportLargeValue> entries;
    while (query->next())
        entries.append({query->value(0).toLongLong(), sql::toDate(query->value(1)), query->value(2).toString(),
                        query->value(3).toString(), query->value(4).toString(), query->value(5).toString(),
                        query->value(6).toLongLong(), query->value(7).toLongLong(), query->value(8).toString(),
                        query->value(9).toLongLong()});
    query->finish();
    return entries;
}

Result<QList<ReportApproval>> ReportRepository::approvals(qint64 branchId, const QDate& from, const QDate& to)
{
    auto query = m_uow.exec(u"SELECT a.id, a.business_date, a.action, a.entity_type, a.entity_id, a.amount_minor, "
                            "a.currency, m.login, a.created_at, k.login, a.decided_at, a.state, a.reason "
                            "FROM approvals a JOIN staff m ON m.id = a.maker_id LEFT JOIN staff k ON k.id = a.checker_id "
                            "WHERE a.branch_id = ? AND ((a.business_date >= ? AND a.business_date <= ?) "
                            "OR (a.state = 'pending' AND a.business_date < ?)) "
                            "ORDER BY a.id"_s,
                            {branchId, sql::date(from), sql::date(to), sql::date(from)});
    if (!query)
        return fail(query.error());
    QList<ReportApproval> rows;
    while (query->next())
        rows.append({query->value(0).toLongLong(), sql::toDate(query->value(1)), query->value(2).toString(),
                     entityOf(query->value(3), query->value(4)), optionalInt(query->value(5)),
                     query->value(6).toString(), query->value(7).toString(), sql::toDateTime(query->value(8)),
                     query->value(9).toString(), sql::toDateTime(query->value(10)), query->value(11).toString(),
                     query->value(12).toString()});
    query->finish();
    return rows;
}

Result<std::optional<BusinessDaySpan>> ReportRepository::businessDaySpan(qint64 branchId, const QDate& from,
                                                                        const QDate& to)
{
    auto query = m_uow.exec(u"SELECT min(opened_at), max(closed_at), "
                            "sum(CASE WHEN state <> 'closed' THEN 1 ELSE 0 END), count(*) "
                            "FROM business_days WHERE branch_id = ? AND business_date >= ? AND business_date <= ?"_s,
                            {branchId, sql::date(from), sql::date(to)});
    if (!query)
        return fail(query.error());
    std::optional<BusinessDaySpan> span;
    if (query->next() && query->value(3).toLongLong() > 0) {
        span = BusinessDaySpan{sql::toDateTime(query->value(0)), sql::toDateTime(query->value(1))};
        if (query->value(2).toLongLong() > 0)
            span->closedAt = {};
    }
    query->finish();
    return span;
}

Result<QList<ReportAuditRecord>> ReportRepository::auditRecords(qint64 branchId, const QDateTime& from,
                                                                const QDateTime& to, const QString& search)
{
    // audit_log_at_idx serves the time range. Timestamps are bound as UTC text, which both dialects
    // compare with what they store.
    QString text = u"SELECT id, at, login, terminal, action, entity_type, entity_id, outcome, detail FROM audit_log "
                   "WHERE branch_id = ? AND at >= ? "_s;
    QVariantList values{branchId, from.toUTC().toString(Qt::ISODateWithMs)};
    if (to.isValid()) {
        text += u"AND at <= ? "_s;
        values.append(to.toUTC().toString(Qt::ISODateWithMs));
    }
    if (!search.isEmpty()) {
        text += u"AND (action = ? OR action LIKE ? OR login = ? OR entity_type = ? OR entity_id = ? "
                "OR entity_type || ':' || entity_id = ?) "_s;
        values << search << QString(search + u".%"_s) << search << search << search << search;
    }
    text += u"ORDER BY at, id"_s;
    auto query = m_uow.execList(text, values);
    if (!query)
        return fail(query.error());
    QList<ReportAuditRecord> records;
    while (query->next())
        records.append({query->value(0).toLongLong(), sql::toDateTime(query->value(1)), query->value(2).toString(),
                        query->value(3).toString(), query->value(4).toString(),
                        entityOf(query->value(5), query->value(6)), query->value(7).toString(),
                        query->value(8).toString()});
    query->finish();
    return records;
}

} // namespace cs
