#pragma once

// The work of each end-of-day step inside the step's transaction (EndOfDayService runs them in order,
// records each with its effects, and skips those recorded before). `session` carries the business date
// the step's postings bear: the day being closed, or for settle_interest the new one.
#include "auth/session.h"
#include "common/result.h"
#include "services/endofdayservice.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

namespace cs::eod {

// The keys in their order (endofdayservice.h explains each).
const QStringList& stepKeys();
QString stepLabel(const QString& key); // translated

// What keeps the branch from closing its day, in the caller's transaction.
Result<QList<EodBlocker>> blockersIn(UnitOfWork& uow, qint64 branchId);
// Refused eod.blocked naming every blocker.
Error blockedError(const QList<EodBlocker>& blockers);

// Each step's work; answers the step's detail. A step with nothing to do answers {"skipped": true}.
Result<QJsonObject> check(UnitOfWork& uow, const Session& session);
Result<QJsonObject> expire(UnitOfWork& uow, const Session& session);
Result<QJsonObject> accrueInterest(UnitOfWork& uow, const Session& session);
Result<QJsonObject> matureDeposits(UnitOfWork& uow, const Session& session, const QDate& nextDate);
Result<QJsonObject> settleMerchants(UnitOfWork& uow, const Session& session);
Result<QJsonObject> largeValue(UnitOfWork& uow, const Session& session);
Result<QJsonObject> notices(UnitOfWork& uow, const Session& session);
Result<QJsonObject> verifyLedger(UnitOfWork& uow, const Session& session);
Result<QJsonObject> closeDay(UnitOfWork& uow, const Session& session, const QDate& nextDate);
// `closedDate`: the day just closed; `session` bears the new business date (the 21st).
Result<QJsonObject> settleInterest(UnitOfWork& uow, const Session& session, const QDate& closedDate);

} // namespace cs::eod
