#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/unitofwork.h"

#include <QJsonObject>

namespace cs {

// The monthly fee of paid notice packages (短信通), collected by the end of day of the month's last
// business day, for every active package of the branch whose trial is over and which the customer has
// confirmed (NoticeSubscription::feeDueOn). One posting per package and month (kind notice_fee, request id
// notice-fee:<subscription>:<yyyy-MM>), so a run started again never charges twice; an account that
// cannot pay (short of funds, frozen, dormant) is skipped and counted, not overdrawn.
// Answers {"charged": n, "amount": "12.00", "unpaid": m}.
Result<QJsonObject> chargeNoticePackages(UnitOfWork& uow, const Session& session);

} // namespace cs
