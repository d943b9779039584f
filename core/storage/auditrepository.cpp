#include "storage/auditrepository.h"

#include "storage/sqlerror.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString recordColumns =
    u"id, chain, seq, staff_id, login, terminal, branch_id, %1, action, entity_type, entity_id, outcome, "
    "detail, before_value, after_value, prev_hash, hash"_s;

// PostgreSQL keeps `at` as a TIMESTAMPTZ (microseconds). Reading it as text in SQL, not through
// QDateTime, gives the exact UTC form that was inserted, independent of the client's time zone.
QString atColumn(Dialect dialect)
{
    return dialect == Dialect::PostgreSQL ? u"to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"_s
                                          : u"at"_s;
}

// "2024-05-01T08:30:00.123000Z" -> "2024-05-01T08:30:00.123Z". Sub-millisecond digits other than zero
// cannot come from the program, so they stay and the record fails its hash.
QString millisecondForm(const QString& text)
{
    if (text.size() == 27 && text.at(19) == u'.' && text.endsWith(u"000Z"_s))
        return text.left(23) + u'Z';
    return text;
}

QVariant nullable(const std::optional<QString>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullable(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

std::optional<QString> optionalText(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<qint64> optionalInt(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace

Result<std::optional<AuditHead>> AuditRepository::lockHead(const QString& chain)
{
    const QString sql = m_uow.dialect() == Dialect::PostgreSQL
        ? u"SELECT last_seq, last_hash FROM audit_chains WHERE chain = ? FOR UPDATE"_s
        : u"SELECT last_seq, last_hash FROM audit_chains WHERE chain = ?"_s;
    auto query = m_uow.exec(sql, {chain});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        query->finish();
        return std::optional<AuditHead>();
    }
    AuditHead head{chain, query->value(0).toLongLong(), query->value(1).toString()};
    query->finish();
    return std::optional<AuditHead>(std::move(head));
}

Status AuditRepository::insertHeadIfAbsent(const QString& chain)
{
    auto query = m_uow.exec(u"INSERT INTO audit_chains (chain) VALUES (?) ON CONFLICT DO NOTHING"_s, {chain});
    if (!query)
        return fail(query.error());
    return {};
}

Status AuditRepository::insertRecord(const AuditRow& row)
{
    auto query = m_uow.exec(
        u"INSERT INTO audit_log (chain, seq, staff_id, login, terminal, branch_id, at, action, entity_type, "
        "entity_id, outcome, detail, before_value, after_value, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {row.chain, row.seq, nullable(row.staffId), nullable(row.login), row.terminal, nullable(row.branchId),
         row.at, row.action, nullable(row.entityType), nullable(row.entityId), row.outcome, nullable(row.detail),
         nullable(row.beforeValue), nullable(row.afterValue), row.prevHash, row.hash});
    if (!query)
        return fail(query.error());
    return {};
}

Status AuditRepository::moveHead(const QString& chain, qint64 fromSeq, qint64 toSeq, const QString& hash)
{
    auto query = m_uow.exec(u"UPDATE audit_chains SET last_seq = ?, last_hash = ? WHERE chain = ? AND last_seq = ?"_s,
                            {toSeq, hash, chain, fromSeq});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::internal(u"audit.head_moved"_s,
                                    QCoreApplication::translate("cs::AuditLog",
                                                                "The head of the audit chain %1 moved while it was locked.")
                                        .arg(chain)));
    return {};
}

Status AuditRepository::useOneSnapshot()
{
    if (m_uow.dialect() != Dialect::PostgreSQL)
        return {};
    // A utility statement: PostgreSQL cannot PREPARE it, so it is not a cached statement.
    const QString sql = u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s;
    QSqlQuery query(m_uow.db());
    if (!query.exec(sql))
        return fail(toError(query.lastError(), m_uow.dialect(), sql));
    return {};
}

Result<QList<AuditHead>> AuditRepository::heads()
{
    auto query = m_uow.exec(u"SELECT chain, last_seq, last_hash FROM audit_chains"_s);
    if (!query)
        return fail(query.error());
    QList<AuditHead> heads;
    while (query->next())
        heads.append({query->value(0).toString(), query->value(1).toLongLong(), query->value(2).toString()});
    query->finish();
    return heads;
}

Result<QStringList> AuditRepository::chainsWithoutHead()
{
    auto query = m_uow.exec(u"SELECT DISTINCT l.chain FROM audit_log l "
                            "WHERE NOT EXISTS (SELECT 1 FROM audit_chains c WHERE c.chain = l.chain)"_s);
    if (!query)
        return fail(query.error());
    QStringList chains;
    while (query->next())
        chains.append(query->value(0).toString());
    query->finish();
    return chains;
}

Result<QList<AuditRow>> AuditRepository::records(const QString& chain, qint64 afterSeq, int limit)
{
    auto query = m_uow.exec(u"SELECT "_s + recordColumns.arg(atColumn(m_uow.dialect()))
                                + u" FROM audit_log WHERE chain = ? AND seq > ? ORDER BY seq LIMIT ?"_s,
                            {chain, afterSeq, limit});
    if (!query)
        return fail(query.error());
    QList<AuditRow> rows;
    rows.reserve(limit);
    while (query->next()) {
        AuditRow row;
        row.id = query->value(0).toLongLong();
        row.chain = query->value(1).toString();
        row.seq = query->value(2).toLongLong();
        row.staffId = optionalInt(query->value(3));
        row.login = optionalText(query->value(4));
        row.terminal = query->value(5).toString();
        row.branchId = optionalInt(query->value(6));
        row.at = millisecondForm(query->value(7).toString());
        row.action = query->value(8).toString();
        row.entityType = optionalText(query->value(9));
        row.entityId = optionalText(query->value(10));
        row.outcome = query->value(11).toString();
        row.detail = optionalText(query->value(12));
        row.beforeValue = optionalText(query->value(13));
        row.afterValue = optionalText(query->value(14));
        row.prevHash = query->value(15).toString();
        row.hash = query->value(16).toString();
        rows.append(std::move(row));
    }
    query->finish();
    return rows;
}

} // namespace cs
