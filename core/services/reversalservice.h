#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "storage/database.h"

#include <QHash>
#include <QString>

namespace cs {

struct ReversalResult {
    qint64 originalTxnId = 0;
    qint64 reversalTxnId = 0;
    bool replayed = false;
    QHash<QString, Money> balances; // account number -> balance after, customer accounts only
};

// 冲正: a compensating transaction for a posted one, with a reason. Until maker-checker (issue 5) only
// a supervisor (approval.decide) executes it; a teller is refused reversal.approval_required. A cash
// transaction (cash_deposit, cash_withdrawal or any other with a cash box line) is reversed only on its
// business day while its cash box session is open (reversal.cash_other_day, reversal.cashbox_closed).
class ReversalService {
public:
    explicit ReversalService(Database db);
    Result<ReversalResult> reverse(const Session& session, qint64 txnId, const QString& reason,
                                   const QString& requestId) const;

private:
    Database m_db;
};

} // namespace cs
