#include "storage/journalrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString headerColumns = u"SELECT id, branch_id, business_date, request_id, kind, reverses_txn_id, approval_id, "
                              "staff_id, terminal, memo, line_count, created_at FROM journal_txns "_s;

TxnHeader toHeader(const QSqlQuery& q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), sql::toDate(q.value(2)),    q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toLongLong(), q.value(6).toLongLong(),   q.value(7).toLongLong(),
            q.value(8).toString(),   q.value(9).toString(),   q.value(10).toInt(),       sql::toDateTime(q.value(11))};
}

// Open ends of a date range, as bound values both dialects compare with DATE / ISO text.
QString lowDate(const QDate& d) { return d.isValid() ? sql::date(d) : u"0001-01-01"_s; }
QString highDate(const QDate& d) { return d.isValid() ? sql::date(d) : u"9999-12-31"_s; }

QVariant nullId() { return QVariant(QMetaType(QMetaType::LongLong)); }
QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }

} // namespace

SqlStatement JournalRepository::postingContextStatement(qint64 branchId, const QString& requestId) const
{
    // The branch's date, an earlier posting of the request, and the next transaction id (PostgreSQL:
    // from the sequence, gaps allowed; SQLite: its single writer holds the database).
    return {m_uow.dialect() == Dialect::PostgreSQL
                ? u"SELECT b.business_date, t.id, t.kind, nextval(pg_get_serial_sequence('journal_txns', 'id')) "
                  "FROM branches b LEFT JOIN journal_txns t ON t.request_id = ? WHERE b.id = ?"_s
                : u"SELECT b.business_date, t.id, t.kind, (SELECT coalesce(max(id), 0) + 1 FROM journal_txns) "
                  "FROM branches b LEFT JOIN journal_txns t ON t.request_id = ? WHERE b.id = ?"_s,
            {requestId, branchId}};
}

PostingContext JournalRepository::postingContextFromRow(const QSqlQuery& row, const QString& requestId)
{
    PostingContext context;
    context.branchExists = true;
    context.businessDate = sql::toDate(row.value(0));
    if (!row.value(1).isNull()) {
        TxnHeader posted;
        posted.id = row.value(1).toLongLong();
        posted.kind = row.value(2).toString();
        posted.requestId = requestId;
        context.posted = posted;
    }
    context.nextTxnId = row.value(3).toLongLong();
    return context;
}

Result<PostingContext> JournalRepository::postingContext(qint64 branchId, const QString& requestId)
{
    auto query = m_uow.exec(postingContextStatement(branchId, requestId));
    if (!query)
        return fail(query.error());
    PostingContext context;
    if (query->next())
        context = postingContextFromRow(*query, requestId);
    query->finish();
    return context;
}

Result<std::optional<TxnHeader>> JournalRepository::header(qint64 txnId)
{
    auto query = m_uow.exec(headerColumns + u"WHERE id = ?"_s, {txnId});
    if (!query)
        return fail(query.error());
    std::optional<TxnHeader> found;
    if (query->next())
        found = toHeader(*query);
    query->finish();
    return found;
}

Result<QList<JournalLineRecord>> JournalRepository::lines(qint64 txnId)
{
    auto query = m_uow.exec(u"SELECT id, txn_id, line_no, account_id, currency, side, amount, memo FROM journal_lines "
                            "WHERE txn_id = ? ORDER BY line_no"_s,
                            {txnId});
    if (!query)
        return fail(query.error());
    QList<JournalLineRecord> all;
    while (query->next())
        all.append({query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toInt(),
                    query->value(3).toLongLong(), query->value(4).toString(), query->value(5).toString(),
                    query->value(6).toLongLong(), query->value(7).toString()});
    query->finish();
    return all;
}

Result<std::optional<qint64>> JournalRepository::reversalOf(qint64 txnId)
{
    auto query = m_uow.exec(u"SELECT id FROM journal_txns WHERE reverses_txn_id = ?"_s, {txnId});
    if (!query)
        return fail(query.error());
    std::optional<qint64> found;
    if (query->next())
        found = query->value(0).toLongLong();
    query->finish();
    return found;
}

SqlStatement JournalRepository::insertLinesStatement(qint64 txnId, const QList<NewJournalLine>& lines)
{
    // One statement for all lines; its text depends only on the count, so it is prepared once per
    // connection for each count used (2, 3, 4 in practice).
    SqlStatement s{u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount, memo) VALUES "_s, {}};
    s.values.reserve(lines.size() * 7);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const NewJournalLine& line = lines.at(i);
        s.text += i == 0 ? u"(?, ?, ?, ?, ?, ?, ?)"_s : u", (?, ?, ?, ?, ?, ?, ?)"_s;
        s.values << txnId << static_cast<int>(i + 1) << line.accountId << line.currency << line.side << line.amount
                 << (line.memo.isEmpty() ? nullText() : QVariant(line.memo));
    }
    return s;
}

Status JournalRepository::insertLines(qint64 txnId, const QList<NewJournalLine>& lines)
{
    auto query = m_uow.exec(insertLinesStatement(txnId, lines));
    if (!query)
        return fail(query.error());
    return {};
}

SqlStatement JournalRepository::insertHeaderStatement(const TxnHeader& h)
{
    // ON CONFLICT (request_id): a concurrent posting of the same request waits for the first one and then
    // inserts nothing, so the caller can roll back and answer with the first one's result.
    return {u"INSERT INTO journal_txns (id, branch_id, business_date, request_id, kind, reverses_txn_id, approval_id, "
            "staff_id, terminal, memo, line_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (request_id) DO NOTHING RETURNING id"_s,
            {h.id, h.branchId, sql::date(h.businessDate), h.requestId, h.kind,
             h.reversesTxnId > 0 ? QVariant(h.reversesTxnId) : nullId(), h.approvalId > 0 ? QVariant(h.approvalId) : nullId(),
             h.staffId, h.terminal, h.memo.isEmpty() ? nullText() : QVariant(h.memo), h.lineCount, sql::nowUtc()}};
}

Result<bool> JournalRepository::insertHeader(const TxnHeader& h)
{
    auto query = m_uow.exec(insertHeaderStatement(h));
    if (!query)
        return fail(query.error());
    const bool inserted = query->next();
    query->finish();
    return inserted;
}

Result<QHash<qint64, qint64>> JournalRepository::rowBalancesOf(qint64 txnId)
{
    auto query = m_uow.exec(u"SELECT id, balance FROM accounts WHERE balance_mode = 'row' "
                            "AND id IN (SELECT account_id FROM journal_lines WHERE txn_id = ?)"_s,
                            {txnId});
    if (!query)
        return fail(query.error());
    QHash<qint64, qint64> balances;
    while (query->next())
        balances.insert(query->value(0).toLongLong(), query->value(1).toLongLong());
    query->finish();
    return balances;
}

Result<qint64> JournalRepository::signedSum(qint64 accountId, const QString& normalSide)
{
    // sum(bigint) is NUMERIC on PostgreSQL: cast back so no driver turns it into a double.
    auto value = m_uow.scalar(u"SELECT CAST(coalesce(sum(CASE WHEN side = ? THEN amount ELSE -amount END), 0) AS BIGINT) "
                            "FROM journal_lines WHERE account_id = ?"_s,
                            {normalSide, accountId});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<QList<StatementRow>> JournalRepository::statementPage(qint64 accountId, const QDate& from, const QDate& to,
                                                             qint64 afterLineId, int limit)
{
    qint64 afterTxn = 0;
    if (afterLineId > 0) {
        auto txn = m_uow.exec(u"SELECT txn_id FROM journal_lines WHERE id = ?"_s, {afterLineId});
        if (!txn)
            return fail(txn.error());
        if (txn->next())
            afterTxn = txn->value(0).toLongLong();
        txn->finish();
    }
    auto query = m_uow.exec(
        u"SELECT l.id, l.txn_id, t.business_date, t.created_at, t.kind, l.side, l.amount, coalesce(l.memo, t.memo), "
        "t.reverses_txn_id, t.terminal, t.staff_id FROM journal_lines l JOIN journal_txns t ON t.id = l.txn_id "
        "WHERE l.account_id = ? AND l.txn_id >= ? AND (l.txn_id > ? OR l.id > ?) "
        "AND t.business_date >= ? AND t.business_date <= ? ORDER BY l.txn_id, l.id LIMIT ?"_s,
        {accountId, afterTxn, afterTxn, afterLineId, lowDate(from), highDate(to), limit});
    if (!query)
        return fail(query.error());
    QList<StatementRow> rows;
    while (query->next())
        rows.append({query->value(0).toLongLong(), query->value(1).toLongLong(), sql::toDate(query->value(2)),
                     sql::toDateTime(query->value(3)), query->value(4).toString(), query->value(5).toString(),
                     query->value(6).toLongLong(), query->value(7).toString(), query->value(8).toLongLong(),
                     query->value(9).toString(), query->value(10).toLongLong()});
    query->finish();
    return rows;
}

Result<qint64> JournalRepository::signedSumBefore(qint64 accountId, const QString& normalSide, qint64 txnId,
                                                  qint64 lineId)
{
    auto value = m_uow.scalar(u"SELECT CAST(coalesce(sum(CASE WHEN side = ? THEN amount ELSE -amount END), 0) AS BIGINT) "
                            "FROM journal_lines WHERE account_id = ? AND txn_id <= ? AND (txn_id < ? OR id < ?)"_s,
                            {normalSide, accountId, txnId, txnId, lineId});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<qint64> JournalRepository::statementCount(qint64 accountId, const QDate& from, const QDate& to)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM journal_lines l JOIN journal_txns t ON t.id = l.txn_id "
                            "WHERE l.account_id = ? AND t.business_date >= ? AND t.business_date <= ?"_s,
                            {accountId, lowDate(from), highDate(to)});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

} // namespace cs
