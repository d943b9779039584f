#pragma once

// What TransferService (transferservice.cpp) and the approval actions of transfers
// (transferactions.cpp) share: loading a transfer as a record, the rules of its accounts and funds,
// and its execution (posting, state, clearing item). Internal to core/services.

#include "auth/session.h"
#include "common/result.h"
#include "services/transferservice.h"
#include "storage/accountrepository.h"
#include "storage/transferrepository.h"
#include "storage/unitofwork.h"

#include <QJsonObject>

namespace cs::transfers {

inline const QString actionEnter = QStringLiteral("transfer.enter");
inline const QString actionRead = QStringLiteral("transfer.read");
inline const QString actionIntra = QStringLiteral("transfer.intra");         // approval actions
inline const QString actionInterbank = QStringLiteral("transfer.interbank");
inline const QString actionAcknowledge = QStringLiteral("clearing.acknowledge");
inline const QString actionRelease = QStringLiteral("clearing.release");

QString approvalActionOf(const TransferRow& row);

// Request ids derived from the transfer id (unique), so a retried execution finds its first result.
QString holdRequestId(qint64 transferId);
QString postingRequestId(qint64 transferId);
QString returnRequestId(qint64 transferId);

Error notFound(qint64 transferId);
Error notPending(qint64 transferId);

// The account may pay out (debit) or take in (credit): not closed, dormant or frozen that way.
Status checkDebit(const AccountRecord& account);
Status checkCredit(const AccountRecord& account);
// Available (balance - held + overdraft) plus the transfer's own active hold covers amount + fee.
Status checkFunds(const AccountRecord& payer, qint64 total, qint64 ownHold);

Result<TransferRecord> toRecord(UnitOfWork& uow, const TransferRow& row, bool withBalance);
Result<TransferRecord> load(UnitOfWork& uow, qint64 transferId, bool withBalance);

// Posts the transfer under `actor` (the teller at once, or the checker), consuming its hold: payer D
// amount + fee, payee (intra) or clearing (interbank) C amount, fee income C fee. Interbank: routes it
// now (routeInterbank) and writes its clearing item, sent with a message id or queued for HVPS. The row
// is inserted (insertRow: a transfer posted at entry) or moved from pending.
Result<TransferRow> execute(UnitOfWork& uow, const Session& actor, TransferRow row, qint64 approvalId, bool insertRow);

// The approval's payload: what the checker sees and what execution re-checks.
QJsonObject payloadOf(const TransferRow& row);

} // namespace cs::transfers
