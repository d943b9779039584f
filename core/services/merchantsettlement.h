#pragma once

// Settlement of merchants (MerchantService and its end-of-day step): one balanced posting per
// settlement, merchant_settlement D gross - refunds, fee_income C fees, the merchant's account C net
// (D when refunds and fees exceed the gross), and its merchant_settlements row. Internal to core/services.

#include "auth/session.h"
#include "common/result.h"
#include "services/internalaccounts.h"
#include "storage/merchantrepository.h"
#include "storage/unitofwork.h"

#include <QJsonObject>

namespace cs::merchants {

// T+0 real time: the captured payment settles at once, in the caller's transaction.
Result<qint64> settlePayment(UnitOfWork& uow, const Session& session, const MerchantRow& merchant,
                             const BranchLedger& ledger, qint64 paymentId);

// End of day (MerchantService::settleDueIn).
Result<QJsonObject> settleDue(UnitOfWork& uow, const Session& session, const QDate& businessDate);

} // namespace cs::merchants
