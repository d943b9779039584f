// TEMPORARY (UI branch only; the lead deletes this file at merge): a minimal ApprovalService over the
// `approvals` table so the Approvals and Transfers workspaces can be built and tried before the real
// service is merged. Not audited, no registry: transfers are executed through the transfer placeholder.
#include "approvals/approvalservice.h"

#include "money/amountformat.h"
#include "storage/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cs {

namespace uiplaceholder {
// In transferservice_uiplaceholder.cpp: executes (approved) or releases a transfer's approval.
Result<QJsonObject> transferDecided(UnitOfWork& uow, const Session& actor, const ApprovalRecord& approval,
                                    const QString& state);
} // namespace uiplaceholder

namespace {

const QString kColumns =
    u"a.id, a.branch_id, a.business_date, a.action, a.entity_type, a.entity_id, a.payload, a.amount_minor, "
    "a.currency, a.request_id, a.maker_id, m.login, m.full_name, a.maker_terminal, a.created_at, "
    "a.checker_id, c.login, a.checker_terminal, a.decided_at, a.state, a.reason, a.result "
    "FROM approvals a JOIN staff m ON m.id = a.maker_id LEFT JOIN staff c ON c.id = a.checker_id"_s;

ApprovalRecord fromRow(const QSqlQuery& q)
{
    ApprovalRecord r;
    r.id = q.value(0).toLongLong();
    r.branchId = q.value(1).toLongLong();
    r.businessDate = sql::toDate(q.value(2));
    r.action = q.value(3).toString();
    r.entityType = q.value(4).toString();
    r.entityId = q.value(5).toString();
    r.payload = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    if (!q.value(7).isNull())
        r.amount = Money(q.value(7).toLongLong(), Currency::fromCode(q.value(8).toString()).value_or(Currency::cny()));
    r.requestId = q.value(9).toString();
    r.makerId = q.value(10).toLongLong();
    r.makerLogin = q.value(11).toString();
    r.makerName = q.value(12).toString();
    r.makerTerminal = q.value(13).toString();
    r.createdAt = sql::toDateTime(q.value(14));
    r.checkerId = q.value(15).toLongLong();
    r.checkerLogin = q.value(16).toString();
    r.checkerTerminal = q.value(17).toString();
    r.decidedAt = sql::toDateTime(q.value(18));
    r.state = q.value(19).toString();
    r.reason = q.value(20).toString();
    r.result = QJsonDocument::fromJson(q.value(21).toString().toUtf8()).object();
    return r;
}

QString where(const Session& s, const ApprovalFilter& f, QVariantList& values)
{
    QString w = u" WHERE a.branch_id = ?"_s;
    values << s.branchId;
    if (!f.state.isEmpty()) { w += u" AND a.state = ?"_s; values << f.state; }
    if (!f.action.isEmpty()) { w += u" AND a.action = ?"_s; values << f.action; }
    if (f.makerId != 0) { w += u" AND a.maker_id = ?"_s; values << f.makerId; }
    if (f.from.isValid()) { w += u" AND a.business_date >= ?"_s; values << sql::date(f.from); }
    if (f.to.isValid()) { w += u" AND a.business_date <= ?"_s; values << sql::date(f.to); }
    return w;
}

Status notify(UnitOfWork& uow, qint64 branchId)
{
    if (uow.dialect() != Dialect::PostgreSQL)
        return {};
    auto q = uow.scalar(u"SELECT pg_notify(?, ?)"_s, {ApprovalService::notificationChannel(), QString::number(branchId)});
    return q ? Status{} : fail(q.error());
}

Result<ApprovalRecord> load(UnitOfWork& uow, qint64 id, bool lock)
{
    auto q = uow.exec(u"SELECT "_s + kColumns + u" WHERE a.id = ?"_s
                          + (lock && uow.dialect() == Dialect::PostgreSQL ? u" FOR UPDATE OF a"_s : QString()),
                      {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(u"approval.not_found"_s, u"id"_s,
                                    QCoreApplication::translate("cs::ApprovalService", "There is no approval %1.").arg(id)));
    return fromRow(*q);
}

bool rekeyRequired(const ApprovalRecord& r)
{
    const bool rekeyable = r.action.startsWith(u"transfer."_s) || r.action == u"cash.withdraw"_s;
    return rekeyable && r.amount && r.amount->minor() >= 5'000'000;
}

Error notPending(qint64 id)
{
    return Error::refused(u"approval.not_pending"_s, u"id"_s,
                          QCoreApplication::translate("cs::ApprovalService", "Approval %1 is no longer pending.").arg(id));
}

} // namespace

ApprovalService::ApprovalService(Database db) : m_db(std::move(db)) {}

Result<PendingApproval> ApprovalService::submit(UnitOfWork& uow, const Session& maker, const NewApproval& r)
{
    auto q = uow.exec(
        u"INSERT INTO approvals (branch_id, business_date, action, entity_type, entity_id, payload, amount_minor, "
        "currency, request_id, maker_id, maker_terminal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {maker.branchId, sql::date(maker.businessDate), r.action, r.entityType, r.entityId,
         QString::fromUtf8(QJsonDocument(r.payload).toJson(QJsonDocument::Compact)),
         r.amount ? QVariant(r.amount->minor()) : QVariant(QMetaType(QMetaType::LongLong)),
         r.amount ? QVariant(r.amount->currency().code()) : QVariant(QMetaType(QMetaType::QString)), r.requestId,
         maker.staffId, maker.terminal, sql::nowUtc()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::internal(u"approval.insert"_s, u"no id"_s));
    PendingApproval p;
    p.approvalId = q->value(0).toLongLong();
    p.action = r.action;
    q->finish();
    if (auto n = notify(uow, maker.branchId); !n)
        return fail(n.error());
    return p;
}

Result<bool> ApprovalService::required(UnitOfWork&, const QString& action, const std::optional<Money>& amount)
{
    if (action == u"transfer.interbank"_s)
        return true;
    return amount && amount->minor() > 5'000'000;
}

Result<QList<ApprovalRecord>> ApprovalService::list(const Session& session, const ApprovalFilter& filter) const
{
    QList<ApprovalRecord> out;
    const Status read = m_db.transact([&](UnitOfWork& uow) -> Status {
        QVariantList values;
        QString sql = u"SELECT "_s + kColumns + where(session, filter, values) + u" AND a.id > ? ORDER BY a.id LIMIT ?"_s;
        values << filter.afterId << std::clamp(filter.limit, 1, 500);
        auto q = uow.execList(sql, values);
        if (!q)
            return fail(q.error());
        while (q->next())
            out.append(fromRow(*q));
        return {};
    }, UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return out;
}

Result<qint64> ApprovalService::count(const Session& session, const ApprovalFilter& filter) const
{
    qint64 n = 0;
    const Status read = m_db.transact([&](UnitOfWork& uow) -> Status {
        QVariantList values;
        auto v = uow.scalar(u"SELECT COUNT(*) FROM approvals a"_s + where(session, filter, values), values);
        if (!v)
            return fail(v.error());
        n = v->toLongLong();
        return {};
    }, UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return n;
}

Result<ApprovalDetail> ApprovalService::show(const Session& session, qint64 approvalId) const
{
    ApprovalDetail d;
    const Status read = m_db.transact([&](UnitOfWork& uow) -> Status {
        auto r = load(uow, approvalId, false);
        if (!r)
            return fail(r.error());
        d.approval = *r;
        return {};
    }, UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    const ApprovalRecord& a = d.approval;
    for (auto it = a.payload.begin(); it != a.payload.end(); ++it) {
        QString value = it.value().isString() ? it.value().toString() : it.value().toVariant().toString();
        d.fields.append({it.key(), it.key(), {}, value});
    }
    if (a.amount)
        d.fields.append({u"amount"_s, QCoreApplication::translate("cs::ApprovalService", "Amount"), {}, formatAmount(*a.amount)});
    d.rekeyRequired = rekeyRequired(a);
    d.canDecide = a.state == u"pending"_s && a.makerId != session.staffId && session.role == Role::Supervisor;
    d.canCancel = a.state == u"pending"_s && a.makerId == session.staffId;
    return d;
}

namespace {

Result<ApprovalDecision> decide(const Database& db, const Session& actor, qint64 id, const QString& state,
                                const QString& reason, const std::optional<Money>& rekeyed)
{
    ApprovalDecision out;
    const Status done = db.transact([&](UnitOfWork& uow) -> Status {
        auto r = load(uow, id, true);
        if (!r)
            return fail(r.error());
        if (r->state != u"pending"_s)
            return fail(notPending(id));
        if (state == u"cancelled"_s) {
            if (r->makerId != actor.staffId)
                return fail(Error::refused(u"approval.not_maker"_s, u"id"_s,
                                           QCoreApplication::translate("cs::ApprovalService", "Only the maker may cancel it.")));
        } else {
            if (r->makerId == actor.staffId)
                return fail(Error::refused(u"approval.own"_s, u"id"_s,
                                           QCoreApplication::translate("cs::ApprovalService",
                                                                       "You entered this request: another person decides it.")));
            if (actor.role != Role::Supervisor)
                return fail(Error::refused(u"permission.denied"_s, {},
                                           QCoreApplication::translate("cs::ApprovalService", "You may not decide approvals.")));
        }
        if (state == u"rejected"_s && reason.trimmed().isEmpty())
            return fail(Error::invalid(u"approval.reason_required"_s, u"reason"_s,
                                       QCoreApplication::translate("cs::ApprovalService", "Give the reason for the rejection.")));
        if (state == u"approved"_s && rekeyRequired(*r)) {
            if (!rekeyed)
                return fail(Error::invalid(u"approval.rekey_required"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::ApprovalService", "Key in the amount from the slip.")));
            if (!(*rekeyed == *r->amount))
                return fail(Error::refused(u"approval.rekey_mismatch"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::ApprovalService",
                                                                       "The amount keyed does not match the request.")));
        }
        QJsonObject result;
        if (r->action.startsWith(u"transfer."_s)) {
            auto executed = uiplaceholder::transferDecided(uow, actor, *r, state);
            if (!executed)
                return fail(executed.error());
            result = *executed;
        }
        const bool decided = state != u"cancelled"_s;
        auto q = uow.exec(u"UPDATE approvals SET state = ?, checker_id = ?, checker_terminal = ?, decided_at = ?, "
                          "reason = ?, result = ? WHERE id = ?"_s,
                          {state, decided ? QVariant(actor.staffId) : QVariant(QMetaType(QMetaType::LongLong)),
                           decided ? QVariant(actor.terminal) : QVariant(QMetaType(QMetaType::QString)), sql::nowUtc(),
                           reason.trimmed().isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reason.trimmed()),
                           QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)), id});
        if (!q)
            return fail(q.error());
        out = {id, state, result, false};
        return notify(uow, r->branchId);
    });
    if (!done)
        return fail(done.error());
    return out;
}

} // namespace

Result<ApprovalDecision> ApprovalService::approve(const Session& checker, qint64 approvalId,
                                                  const std::optional<Money>& rekeyed, const QString&) const
{
    return decide(m_db, checker, approvalId, u"approved"_s, {}, rekeyed);
}

Result<ApprovalDecision> ApprovalService::reject(const Session& checker, qint64 approvalId, const QString& reason,
                                                 const QString&) const
{
    return decide(m_db, checker, approvalId, u"rejected"_s, reason, std::nullopt);
}

Result<ApprovalDecision> ApprovalService::cancel(const Session& maker, qint64 approvalId, const QString&) const
{
    return decide(m_db, maker, approvalId, u"cancelled"_s, {}, std::nullopt);
}

Result<int> ApprovalService::expire(const Session&, qint64, const QDate&) const
{
    return 0;
}

Result<qint64> ApprovalService::pendingCount(const Session& session, qint64 branchId) const
{
    Session s = session;
    s.branchId = branchId;
    return count(s, ApprovalFilter{});
}

QJsonObject approvalJson(const ApprovalRecord& a)
{
    return {{u"id"_s, a.id}, {u"action"_s, a.action}, {u"state"_s, a.state}, {u"maker"_s, a.makerLogin}};
}

} // namespace cs
