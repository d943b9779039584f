#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cs {

struct NewNotice {
    qint64 branchId = 0;
    qint64 accountId = 0;
    QString kind;        // movement, maturity
    QDate businessDate;
    QString eventKey;    // txn:<id>, maturity:<date>:<action>: (kind, account, event) is queued once
    QJsonObject payload; // amounts in minor units
};

// One customer account's side of a posting, for its movement notice.
struct MovementNotice {
    qint64 accountId = 0;
    QString currency;
    qint64 amount = 0;   // signed: what the account's balance went up by (negative: money out)
    qint64 balance = 0;  // after the posting
};

// Queuing customer notices (notice_outbox) in the transaction of their event, for the accounts whose
// active subscription asks for that kind: the subscription's phone, language and balance choice are
// copied into the notice. Queuing the same event again changes nothing, so an end of day run twice never
// notifies twice.
class NoticeRepository {
public:
    explicit NoticeRepository(UnitOfWork& uow) : m_uow(uow) {}

    // True when it was queued now; false when the account has no such subscription or it was queued before.
    Result<bool> enqueue(const NewNotice& notice);

    // kind -> notices queued for the branch's business date.
    Result<QHash<QString, qint64>> queuedOn(qint64 branchId, const QDate& businessDate);

    // The INSERT of the movement notices of journal transaction `txnId` (event txn:<id>), one statement that
    // the PostingEngine runs with its write (inside it, on PostgreSQL): it costs a posting no round trip.
    // Empty text when `moves` is empty.
    static SqlStatement movementsStatement(qint64 txnId, const QString& txnKind, qint64 branchId, const QDate& businessDate,
                                           const QList<MovementNotice>& moves);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
