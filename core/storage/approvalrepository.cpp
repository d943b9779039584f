#include "storage/approvalrepository.h"

#include "storage/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns =
    u"SELECT a.id, a.branch_id, a.business_date, a.action, a.entity_type, a.entity_id, a.payload, a.amount_minor, "
    "a.currency, a.request_id, a.maker_id, m.login, m.full_name, a.maker_terminal, a.created_at, a.checker_id, "
    "c.login, a.checker_terminal, a.decided_at, a.state, a.reason, a.result "
    "FROM approvals a JOIN staff m ON m.id = a.maker_id LEFT JOIN staff c ON c.id = a.checker_id "_s;

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject object(const QVariant& v)
{
    return v.isNull() ? QJsonObject() : QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
QVariant nullInteger() { return QVariant(QMetaType(QMetaType::LongLong)); }

ApprovalRecord toRecord(const QSqlQuery& q)
{
    ApprovalRecord r;
    r.id = q.value(0).toLongLong();
    r.branchId = q.value(1).toLongLong();
    r.businessDate = sql::toDate(q.value(2));
    r.action = q.value(3).toString();
    r.entityType = q.value(4).toString();
    r.entityId = q.value(5).toString();
    r.payload = object(q.value(6));
    if (!q.value(7).isNull())
        r.amount = Money(q.value(7).toLongLong(), Currency::fromCode(q.value(8).toString()).value_or(Currency::cny()));
    r.requestId = q.value(9).toString();
    r.makerId = q.value(10).toLongLong();
    r.makerLogin = q.value(11).toString();
    r.makerName = q.value(12).toString();
    r.makerTerminal = q.value(13).toString();
    r.createdAt = sql::toDateTime(q.value(14));
    r.checkerId = q.value(15).isNull() ? 0 : q.value(15).toLongLong();
    r.checkerLogin = q.value(16).toString();
    r.checkerTerminal = q.value(17).toString();
    r.decidedAt = sql::toDateTime(q.value(18));
    r.state = q.value(19).toString();
    r.reason = q.value(20).toString();
    r.result = object(q.value(21));
    return r;
}

} // namespace

Result<qint64> ApprovalRepository::insert(const NewApprovalRow& row)
{
    auto query = m_uow.exec(
        u"INSERT INTO approvals (branch_id, business_date, action, entity_type, entity_id, payload, amount_minor, "
        "currency, request_id, maker_id, maker_terminal, created_at, state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING id"_s,
        {row.branchId, sql::date(row.businessDate), row.action, row.entityType, row.entityId, compact(row.payload),
         row.amount ? QVariant(row.amount->minor()) : nullInteger(),
         row.amount ? QVariant(row.amount->currency().code()) : nullText(), row.requestId, row.makerId,
         row.makerTerminal, sql::nowUtc()});
    if (!query) {
        // The database's own word on a duplicate (a concurrent submission passed the service's check).
        if (query.error().message.contains(u"approvals_one_pending_per_entity"_s)
            || query.error().message.contains(u"approvals.entity_type"_s))
            return fail(Error::refused(u"approval.duplicate"_s, {},
                                       QCoreApplication::translate("cs::ApprovalService",
                                                                   "The same command for this %1 is already waiting "
                                                                   "for approval.")
                                           .arg(row.entityType)));
        return fail(query.error());
    }
    if (!query->next())
        return fail(Error::internal(u"approval.insert"_s, u"INSERT INTO approvals returned no id"_s));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Result<std::optional<qint64>> ApprovalRepository::pendingFor(const QString& entityType, const QString& entityId,
                                                             const QString& action)
{
    auto value = m_uow.scalar(u"SELECT id FROM approvals WHERE entity_type = ? AND entity_id = ? AND action = ? "
                              "AND state = 'pending'"_s,
                              {entityType, entityId, action});
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(value->toLongLong());
}

Result<std::optional<ApprovalRecord>> ApprovalRepository::find(qint64 id, bool lock)
{
    if (lock && m_uow.dialect() == Dialect::PostgreSQL) {
        // The row lock first, on the table alone (FOR UPDATE cannot apply to the outer join's null side).
        if (auto locked = m_uow.exec(u"SELECT id FROM approvals WHERE id = ? FOR UPDATE"_s, {id}); !locked)
            return fail(locked.error());
    }
    auto query = m_uow.exec(columns + u"WHERE a.id = ?"_s, {id});
    if (!query)
        return fail(query.error());
    std::optional<ApprovalRecord> found;
    if (query->next())
        found = toRecord(*query);
    query->finish();
    return found;
}

Status ApprovalRepository::decide(qint64 id, const QString& state, qint64 checkerId, const QString& checkerTerminal,
                                  const QString& reason, const QJsonObject& result)
{
    auto query = m_uow.exec(u"UPDATE approvals SET state = ?, checker_id = ?, checker_terminal = ?, decided_at = ?, "
                            "reason = ?, result = ? WHERE id = ? AND state = 'pending'"_s,
                            {state, checkerId, checkerTerminal, sql::nowUtc(), reason.isEmpty() ? nullText() : QVariant(reason),
                             result.isEmpty() ? nullText() : QVariant(compact(result)), id});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::internal(u"approval.update"_s, u"Approval %1 was not pending"_s.arg(id)));
    return {};
}

Status ApprovalRepository::end(qint64 id, const QString& state, const QString& reason)
{
    auto query = m_uow.exec(u"UPDATE approvals SET state = ?, decided_at = ?, reason = ? "
                            "WHERE id = ? AND state = 'pending'"_s,
                            {state, sql::nowUtc(), reason.isEmpty() ? nullText() : QVariant(reason), id});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::internal(u"approval.update"_s, u"Approval %1 was not pending"_s.arg(id)));
    return {};
}

SqlStatement ApprovalRepository::where(const ApprovalQuery& q) const
{
    SqlStatement s{u"WHERE a.branch_id = ?"_s, {q.branchId}};
    if (!q.state.isEmpty()) {
        s.text += u" AND a.state = ?"_s;
        s.values.append(q.state);
    }
    if (!q.action.isEmpty()) {
        s.text += u" AND a.action = ?"_s;
        s.values.append(q.action);
    }
    if (q.makerId > 0) {
        s.text += u" AND a.maker_id = ?"_s;
        s.values.append(q.makerId);
    }
    if (q.from.isValid()) {
        s.text += u" AND a.business_date >= ?"_s;
        s.values.append(sql::date(q.from));
    }
    if (q.to.isValid()) {
        s.text += u" AND a.business_date <= ?"_s;
        s.values.append(sql::date(q.to));
    }
    return s;
}

Result<QList<ApprovalRecord>> ApprovalRepository::list(const ApprovalQuery& q)
{
    SqlStatement s = where(q);
    s.text = columns + s.text + u" AND a.id > ? ORDER BY a.id LIMIT ?"_s;
    s.values << q.afterId << q.limit;
    auto query = m_uow.exec(s);
    if (!query)
        return fail(query.error());
    QList<ApprovalRecord> all;
    while (query->next())
        all.append(toRecord(*query));
    query->finish();
    return all;
}

Result<qint64> ApprovalRepository::count(const ApprovalQuery& q)
{
    const SqlStatement s = where(q);
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM approvals a "_s + s.text, s.values);
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<QList<qint64>> ApprovalRepository::pendingThrough(qint64 branchId, const QDate& through)
{
    auto query = m_uow.exec(u"SELECT id FROM approvals WHERE branch_id = ? AND state = 'pending' AND business_date <= ? "
                            "ORDER BY id"_s,
                            {branchId, sql::date(through)});
    if (!query)
        return fail(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    query->finish();
    return ids;
}

Result<qint64> ApprovalRepository::pendingCount(qint64 branchId)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM approvals WHERE branch_id = ? AND state = 'pending'"_s, {branchId});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Status ApprovalRepository::notify(qint64 branchId)
{
    if (m_uow.dialect() != Dialect::PostgreSQL)
        return {};
    auto query = m_uow.exec(u"SELECT pg_notify('countersign_approvals', ?)"_s, {QString::number(branchId)});
    if (!query)
        return fail(query.error());
    query->finish();
    return {};
}

} // namespace cs
