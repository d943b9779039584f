#pragma once

#include "approvals/approvalaction.h"

#include <QString>
#include <QStringList>

namespace cs::ui {

// Translated names of what the approval service answers with (context "cs::ui::ApprovalNames"). A key
// without a name is shown as it is.
QString approvalActionName(const QString& action);   // transfer.intra, cash.withdraw, account.freeze, ...
QString approvalStateName(const QString& state);     // pending, approved, rejected, cancelled, expired
QString approvalEntityName(const QString& entityType); // account, txn, transfer, cashbox, card

// The actions of DOMAIN's maker-checker list, for the action filter.
const QStringList& knownApprovalActions();
const QStringList& approvalStates();

// Whether the amount of this approval is kept from whoever may decide it: cash and transfers are
// re-keyed blind (DOMAIN), so the queue does not show their amount while they are pending, except to
// their maker.
bool amountIsBlind(const ApprovalRecord& approval, qint64 viewerId);
// Whether a payload field carries the amount (hidden in the detail while the amount is re-keyed blind).
bool isAmountField(const QString& key);

} // namespace cs::ui
