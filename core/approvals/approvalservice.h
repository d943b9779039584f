#pragma once

#include "approvals/approvalaction.h"
#include "storage/database.h"

#include <QDate>

namespace cs {

// What a command asks to be approved (built by the service whose command it is).
struct NewApproval {
    QString action;
    QString entityType;
    QString entityId;
    QJsonObject payload;
    std::optional<Money> amount;
    QString requestId;
};

struct ApprovalFilter {
    QString state = QStringLiteral("pending"); // empty: every state
    QString action;                            // empty: every action
    qint64 makerId = 0;                        // 0: every maker
    QDate from;                                // business dates, inclusive; invalid: open end
    QDate to;
    qint64 afterId = 0;                        // keyset paging: ids above this one
    int limit = 100;                           // 1..500
};

struct ApprovalDetail {
    ApprovalRecord approval;
    QList<ApprovalField> fields;
    bool rekeyRequired = false; // the checker must re-key the amount blind
    bool canDecide = false;     // the session may approve or reject it now
    bool canCancel = false;     // the session is its maker and it is pending
};

// The outcome of approve, reject or cancel.
struct ApprovalDecision {
    qint64 approvalId = 0;
    QString state;       // approved, rejected, cancelled
    QJsonObject result;  // the executed command's answer (approved)
    bool replayed = false;
};

// Maker-checker (DESIGN rule 6). A service whose command needs a second person calls submit() inside
// its own transaction; a different staff member with approval.decide and the authority for the amount
// (limits.supervisor_approve_max) approves, which re-validates and executes the command in the same
// transaction, or rejects with a reason; the maker may cancel. The database refuses a decision by the
// maker (approvals_checker_not_maker) and a second pending approval for one entity and action
// (approvals_one_pending_per_entity). Every step is audited; on PostgreSQL every change notifies the
// channel `countersign_approvals` (payload: the branch id) when its transaction commits.
// Codes: approval.not_found (NotFound), approval.not_pending, approval.own (maker deciding),
// approval.authority (amount above the checker's limit), approval.rekey_required,
// approval.rekey_mismatch, approval.reason_required (Invalid), approval.duplicate (a pending one exists
// for the entity and action), approval.not_maker (cancel by someone else), approval.unknown_action,
// permission.denied; also approval.maker_role (Refused: a supervisor or auditor submitting),
// approval.request_id (Invalid), approval.limit (Invalid: list asks for 1..500). approval.rekey_required
// is Refused (exit 3), like the mismatch; approval.reason_required is Invalid.
// End of day expires under the permission approval.expire (0009, supervisor), in the actor's own branch
// only (approval.other_branch).
class ApprovalService {
public:
    explicit ApprovalService(Database db);

    // Inside the maker's transaction: validates the command (its action's validate()), stores it
    // pending and notifies. The caller audits its own call.
    static Result<PendingApproval> submit(UnitOfWork& uow, const Session& maker, const NewApproval& request);

    // Which actions need approval and from which amount (settings approvals.*, limits.teller_single_max).
    static Result<bool> required(UnitOfWork& uow, const QString& action, const std::optional<Money>& amount);

    Result<QList<ApprovalRecord>> list(const Session& session, const ApprovalFilter& filter) const;
    Result<qint64> count(const Session& session, const ApprovalFilter& filter) const;
    Result<ApprovalDetail> show(const Session& session, qint64 approvalId) const;

    // rekeyed: the amount the checker typed without seeing it, where rekeyRequired.
    Result<ApprovalDecision> approve(const Session& checker, qint64 approvalId, const std::optional<Money>& rekeyed,
                                     const QString& requestId) const;
    Result<ApprovalDecision> reject(const Session& checker, qint64 approvalId, const QString& reason,
                                    const QString& requestId) const;
    Result<ApprovalDecision> cancel(const Session& maker, qint64 approvalId, const QString& requestId) const;

    // End of day: every approval of the branch still pending from business dates up to `through` expires,
    // releasing what it held. Answers how many expired.
    Result<int> expire(const Session& actor, qint64 branchId, const QDate& through) const;
    // Pending approvals of a branch (end of day refuses to close while any remain).
    Result<qint64> pendingCount(const Session& session, qint64 branchId) const;

    // The PostgreSQL notification channel the Approvals workspace subscribes to.
    static QString notificationChannel() { return QStringLiteral("countersign_approvals"); }

private:
    Database m_db;
};

QJsonObject approvalJson(const ApprovalRecord& approval);

} // namespace cs
