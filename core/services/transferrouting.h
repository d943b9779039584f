#pragma once

#include "common/result.h"
#include "services/transferservice.h"
#include "storage/unitofwork.h"

#include <QDateTime>

#include <functional>

namespace cs {

// The clearing rules of interbank transfers beside routeInterbank() (transferservice.h): the settings
// they read, the clock they read them at, and the pacs.008 message id of an outgoing item.

// clearing.beps_limit, clearing.hvps_open, clearing.hvps_cutoff, clearing.ibps_enabled, clearing.ibps_limit.
Result<RoutingSettings> loadRoutingSettings(UnitOfWork& uow);

// Whether HVPS takes instructions at `now`: a business day and open <= time < cut-off.
bool hvpsWindowOpen(const QDateTime& now, bool businessDay, const RoutingSettings& s);

// The HVPS business days: Monday to Friday (the PBOC holiday calendar is not kept yet; a holiday falls
// back to this rule).
bool isClearingBusinessDay(const QDate& date);

// The local time of the bank at which routing is decided. Tests replace the clock; nullptr restores it.
QDateTime transferClockNow();
void setTransferClockForTesting(std::function<QDateTime()> clock);

// The message id of a transfer's outgoing item: "CS" + branch code + business date (yyyyMMdd) + the
// transfer id on 12 digits; unique because the transfer id is, at most 35 characters (ISO 20022 Max35Text).
QString clearingMessageId(const QString& branchCode, const QDate& businessDate, qint64 transferId);

TransferRoute routeFromKey(const QString& key); // intra, hvps, beps, ibps (unknown: intra)

} // namespace cs
