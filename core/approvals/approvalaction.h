#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "storage/unitofwork.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// One row of `approvals` (DESIGN rule 6, DOMAIN maker-checker).
struct ApprovalRecord {
    qint64 id = 0;
    qint64 branchId = 0;
    QDate businessDate;
    QString action;       // e.g. transfer.intra, transfer.interbank, cash.withdraw, reversal, account.freeze
    QString entityType;   // what the one-pending-per-entity rule is about: account, txn, transfer, cashbox
    QString entityId;
    QJsonObject payload;  // everything needed to execute the action; validated at submit and at execution
    std::optional<Money> amount;
    QString requestId;    // the maker's request id
    qint64 makerId = 0;
    QString makerLogin;
    QString makerName;
    QString makerTerminal;
    QDateTime createdAt;
    qint64 checkerId = 0;
    QString checkerLogin;
    QString checkerTerminal;
    QDateTime decidedAt;
    QString state;        // pending, approved, rejected, cancelled, expired
    QString reason;       // rejection (required), cancellation or expiry
    QJsonObject result;   // what the executed action answered (approved only)
};

// One line of an approval's detail: a field of the payload, with the value it changes where it changes
// an existing record (oldValue empty otherwise). Labels are translated.
struct ApprovalField {
    QString key;
    QString label;
    QString oldValue;
    QString newValue;
};

// What a service answers when its command waits for a checker instead of being done.
struct PendingApproval {
    qint64 approvalId = 0;
    QString action;
    QString state = QStringLiteral("pending");
};

// The behaviour of one kind of approvable command. Actions are registered in approvalregistry.cpp.
// Every function runs inside the caller's transaction; none commits.
class ApprovalAction {
public:
    virtual ~ApprovalAction() = default;
    virtual QString action() const = 0;
    // The rules of the command against the database as it is now (state, limits, funds). Called when the
    // maker submits and again, by the approval service, just before execution. Writes nothing.
    virtual Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const = 0;
    // Does the command, as the maker asked it, under the checker's decision: e.g. consumes the hold and
    // posts. The answer is stored in approvals.result and returned to the checker.
    virtual Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const = 0;
    // Undoes what waiting held (releases the hold) when the approval is rejected, cancelled or expired.
    virtual Status release(UnitOfWork& uow, const Session& actor, const ApprovalRecord& approval) const = 0;
    // The payload field by field for the checker's detail view.
    virtual Result<QList<ApprovalField>> describe(UnitOfWork& uow, const ApprovalRecord& approval) const = 0;
    // Whether the checker re-keys the amount blind (DOMAIN: cash and transfers at or above
    // approvals.blind_rekey_min).
    virtual bool rekeyable() const { return false; }
};

} // namespace cs
