#include "storage/noticedeliveryrepository.h"

#include "storage/sqlvalues.h"

#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }
QVariant isoOrNull(const QDateTime& t) { return t.isValid() ? QVariant(iso(t)) : QVariant(QMetaType(QMetaType::QString)); }
QVariant textOrNull(const QString& s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }

const QString noticeColumns =
    u"o.id, o.kind, a.number, o.phone, o.language, o.with_balance, o.payload, o.idempotency_key, o.state, o.attempts, "
    "o.business_date, o.created_at, o.next_attempt_at, o.sent_at, o.last_error, o.sent_text"_s;

StoredNotice fromRow(const QSqlQuery& q)
{
    StoredNotice n;
    n.id = q.value(0).toLongLong();
    n.kind = q.value(1).toString();
    n.accountNumber = q.value(2).toString();
    n.phone = q.value(3).toString();
    n.language = q.value(4).toString();
    n.withBalance = q.value(5).toBool();
    n.payload = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    n.idempotencyKey = q.value(7).toString();
    n.state = q.value(8).toString();
    n.attempts = q.value(9).toInt();
    n.businessDate = sql::toDate(q.value(10));
    n.createdAt = sql::toDateTime(q.value(11));
    n.nextAttemptAt = sql::toDateTime(q.value(12));
    n.sentAt = sql::toDateTime(q.value(13));
    n.lastError = q.value(14).toString();
    n.sentText = q.value(15).toString();
    return n;
}

} // namespace

Result<QList<StoredNotice>> NoticeDeliveryRepository::select(const QString& tail, const QVariantList& values)
{
    auto query = m_uow.execList(u"SELECT "_s + noticeColumns + u" FROM notice_outbox o JOIN accounts a ON a.id = o.account_id "_s
                                    + tail,
                                values);
    if (!query)
        return fail(query.error());
    QList<StoredNotice> all;
    while (query->next())
        all.append(fromRow(*query));
    query->finish();
    return all;
}

Result<QList<StoredNotice>> NoticeDeliveryRepository::claimDue(const QString& sender, const QDateTime& now,
                                                                const QDateTime& leaseUntil, int limit)
{
    const QString due = u"state IN ('pending', 'failed') AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                        "ORDER BY next_attempt_at, id LIMIT ?"_s;
    if (m_uow.dialect() == Dialect::PostgreSQL) {
        auto query = m_uow.exec(u"UPDATE notice_outbox o SET claimed_by = ?, claimed_until = ? FROM accounts a "
                                "WHERE a.id = o.account_id AND o.id IN (SELECT id FROM notice_outbox WHERE "_s
                                    + due + u" FOR UPDATE SKIP LOCKED) RETURNING "_s + noticeColumns,
                                {sender, iso(leaseUntil), iso(now), iso(now), limit});
        if (!query)
            return fail(query.error());
        QList<StoredNotice> claimed;
        while (query->next())
            claimed.append(fromRow(*query));
        query->finish();
        std::sort(claimed.begin(), claimed.end(), [](const StoredNotice& a, const StoredNotice& b) { return a.id < b.id; });
        return claimed;
    }
    // SQLite: the transaction holds the only write lock, so select-then-update takes the same rows.
    auto claim = m_uow.exec(u"UPDATE notice_outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM notice_outbox WHERE "_s
                                + due + u")"_s,
                            {sender, iso(leaseUntil), iso(now), iso(now), limit});
    if (!claim)
        return fail(claim.error());
    return select(u"WHERE o.claimed_by = ? AND o.claimed_until = ? ORDER BY o.id"_s, {sender, iso(leaseUntil)});
}

Result<bool> NoticeDeliveryRepository::record(const AttemptOutcome& r)
{
    const bool sent = r.outcome == u"sent"_s;
    const bool failed = r.outcome == u"failed"_s;
    auto update = m_uow.exec(
        u"UPDATE notice_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_by = NULL, "
        "claimed_until = NULL, last_error = ?, sent_at = ?, gateway_ref = ?, sent_text = ? "
        "WHERE id = ? AND claimed_by = ? AND state IN ('pending', 'failed')"_s,
        {r.outcome, failed ? isoOrNull(r.nextAttemptAt) : isoOrNull({}), textOrNull(sent ? QString() : r.error),
         sent ? QVariant(sql::nowUtc()) : isoOrNull({}), textOrNull(r.gatewayRef), textOrNull(sent ? r.text : QString()),
         r.noticeId, r.sender});
    if (!update)
        return fail(update.error());
    const bool kept = update->numRowsAffected() == 1;
    auto attempt = m_uow.exec(u"INSERT INTO notice_attempts (notice_id, attempt, sender, started_at, finished_at, outcome, "
                              "http_status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                              {r.noticeId, r.attempt, r.sender, iso(r.startedAt), sql::nowUtc(), r.outcome,
                               r.httpStatus > 0 ? QVariant(r.httpStatus) : QVariant(QMetaType(QMetaType::Int)),
                               textOrNull(kept ? r.error : (r.error.isEmpty() ? u"lease lost"_s : r.error + u" (lease lost)"_s))});
    if (!attempt)
        return fail(attempt.error());
    return kept;
}

Status NoticeDeliveryRepository::release(const QString& sender, const QList<qint64>& noticeIds)
{
    if (noticeIds.isEmpty())
        return {};
    QVariantList values{sender};
    for (qint64 id : noticeIds)
        values << id;
    auto query = m_uow.execList(u"UPDATE notice_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND id IN ("_s
                                    + sql::placeholders(noticeIds.size(), u"?"_s) + u")"_s,
                                values);
    if (!query)
        return fail(query.error());
    return {};
}

Result<bool> NoticeDeliveryRepository::requeueDead(qint64 noticeId, const QDateTime& now)
{
    auto query = m_uow.exec(u"UPDATE notice_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = NULL, "
                            "claimed_until = NULL WHERE id = ? AND state = 'dead'"_s,
                            {iso(now), noticeId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() == 1;
}

Result<std::optional<StoredNotice>> NoticeDeliveryRepository::find(qint64 noticeId)
{
    auto found = select(u"WHERE o.id = ?"_s, {noticeId});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::nullopt : std::optional(found->first());
}

Result<QList<StoredNotice>> NoticeDeliveryRepository::list(const QString& state, int limit, qint64 beforeId)
{
    const qint64 before = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    if (state.isEmpty())
        return select(u"WHERE o.id < ? ORDER BY o.id DESC LIMIT ?"_s, {before, limit});
    return select(u"WHERE o.state = ? AND o.id < ? ORDER BY o.id DESC LIMIT ?"_s, {state, before, limit});
}

Result<QMap<QString, qint64>> NoticeDeliveryRepository::counts()
{
    auto query = m_uow.exec(u"SELECT state, COUNT(*) FROM notice_outbox GROUP BY state"_s);
    if (!query)
        return fail(query.error());
    QMap<QString, qint64> counts;
    for (const QString& state : {u"pending"_s, u"failed"_s, u"sent"_s, u"dead"_s, u"cancelled"_s})
        counts.insert(state, 0);
    while (query->next())
        counts.insert(query->value(0).toString(), query->value(1).toLongLong());
    query->finish();
    return counts;
}

Result<QList<NoticeAttemptRecord>> NoticeDeliveryRepository::attempts(qint64 noticeId)
{
    auto query = m_uow.exec(u"SELECT id, attempt, sender, started_at, finished_at, outcome, http_status, error "
                            "FROM notice_attempts WHERE notice_id = ? ORDER BY id"_s,
                            {noticeId});
    if (!query)
        return fail(query.error());
    QList<NoticeAttemptRecord> all;
    while (query->next())
        all.append({query->value(0).toLongLong(), query->value(1).toInt(), query->value(2).toString(),
                    sql::toDateTime(query->value(3)), sql::toDateTime(query->value(4)), query->value(5).toString(),
                    query->value(6).toInt(), query->value(7).toString()});
    query->finish();
    return all;
}

} // namespace cs
