#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "security/auditlog.h"
#include "storage/database.h"

#include <QHash>
#include <QString>

namespace cs {

struct ReversalResult {
    qint64 originalTxnId = 0;
    qint64 reversalTxnId = 0;
    bool replayed = false;
    QHash<QString, Money> balances; // account number -> balance after, customer accounts only
    // A teller's request waits for a supervisor (approval "reversal"): nothing is posted yet
    // (reversalTxnId 0), state "pending" with the approval's id (issue 5).
    qint64 approvalId = 0;
    QString state = QStringLiteral("posted"); // posted, pending
};

// 冲正: a compensating transaction for a posted one, with a reason. A teller's request is stored as a
// pending approval (action "reversal", while approvals.required.reversal is 1) that a supervisor
// executes on approval; supervisors do not start reversals (reversal.request is a teller's). A cash
// transaction (cash_deposit, cash_withdrawal or any other with a cash box line) is reversed only on its
// business day while its cash box session is open (reversal.cash_other_day, reversal.cashbox_closed).
class ReversalService {
public:
    explicit ReversalService(Database db);
    Result<ReversalResult> reverse(const Session& session, qint64 txnId, const QString& reason,
                                   const QString& requestId) const;

    // The reversal itself inside the caller's transaction (the approval service executes an approved
    // request through it): the rules, the compensating posting, the audit's before and after. Answers
    // {txn_id, original_txn_id, balances}.
    static Result<QJsonObject> reverseIn(UnitOfWork& uow, const Session& executor, qint64 txnId, const QString& reason,
                                         const QString& requestId, AuditEntry& audit, qint64 approvalId = 0);

private:
    Database m_db;
};

} // namespace cs
