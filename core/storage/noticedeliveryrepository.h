#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace cs {

// A notice with everything needed to render and send it.
struct StoredNotice {
    qint64 id = 0;
    QString kind;              // movement, maturity
    QString accountNumber;
    QString phone;
    QString language;
    bool withBalance = false;
    QJsonObject payload;
    QString idempotencyKey;
    QString state;             // pending, failed, sent, dead, cancelled
    int attempts = 0;          // since queued or since the last retry
    QDate businessDate;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime sentAt;
    QString lastError;
    QString sentText;
};

struct NoticeAttemptRecord {
    qint64 id = 0;
    int attempt = 0;
    QString sender;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString outcome;           // sent, failed, dead
    int httpStatus = 0;        // 0: no HTTP answer
    QString error;
};

// How one attempt ended, to be recorded.
struct AttemptOutcome {
    qint64 noticeId = 0;
    int attempt = 0;           // the attempt number (attempts before it + 1)
    QString sender;
    QDateTime startedAt;
    QString outcome;           // sent, failed, dead
    int httpStatus = 0;
    QString error;
    QString gatewayRef;        // sent
    QString text;              // sent
    QDateTime nextAttemptAt;   // failed
};

// Delivery's side of notice_outbox: claiming due notices under a lease, recording each attempt, the
// administrator's retry of a dead notice, and the lists the Administration workspace shows.
class NoticeDeliveryRepository {
public:
    explicit NoticeDeliveryRepository(UnitOfWork& uow) : m_uow(uow) {}

    // Up to `limit` due notices (pending or failed, next_attempt_at <= now, no live lease), leased to
    // `sender` until `leaseUntil`, oldest due first. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent
    // senders take disjoint notices without waiting; SQLite: one writer at a time.
    Result<QList<StoredNotice>> claimDue(const QString& sender, const QDateTime& now, const QDateTime& leaseUntil, int limit);
    // The notice's new state and its attempt row. False when the lease was lost (another sender holds the
    // notice, or it is no longer waiting): the attempt row is written, the notice is left alone.
    Result<bool> record(const AttemptOutcome& outcome);

    // Gives up `sender`'s leases on these notices (claimed, not tried).
    Status release(const QString& sender, const QList<qint64>& noticeIds);

    // dead -> pending, due at `now`, attempts from zero. False when the notice is not dead.
    Result<bool> requeueDead(qint64 noticeId, const QDateTime& now);

    Result<std::optional<StoredNotice>> find(qint64 noticeId);
    // Newest first, by keyset: beforeId > 0 reads the page older than it. Empty state: all.
    Result<QList<StoredNotice>> list(const QString& state, int limit, qint64 beforeId = 0);
    Result<QMap<QString, qint64>> counts();
    Result<QList<NoticeAttemptRecord>> attempts(qint64 noticeId);

private:
    Result<QList<StoredNotice>> select(const QString& tail, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
