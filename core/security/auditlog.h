#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"
#include "storage/unitofwork.h"

#include <QJsonObject>
#include <QString>

namespace cs {

// One audited event. before/after hold the changed fields only, never a password, hash, PIN or PAN.
struct AuditEntry {
    QString action;      // "staff.add", "auth.sign_on", ... (the permission's action name)
    QString entityType;  // "staff", "setting", ...
    QString entityId;
    bool success = true; // false: refused (permission, rule, wrong password)
    QString detail;      // the refusal's error code, or a short note
    QJsonObject before;  // empty: no value
    QJsonObject after;
};

// Who acted, where: a signed-on session, or only a typed login at a terminal (a failed sign-on).
struct AuditActor {
    qint64 staffId = 0;  // 0: unknown
    QString login;
    QString terminal;
    qint64 branchId = 0; // 0: unknown

    static AuditActor of(const Session& session)
    {
        return {session.staffId, session.login, session.terminal, session.branchId};
    }
};

// The hash-chained audit trail (DESIGN rule 8). One chain per terminal, "terminal:<id>", so terminals
// never wait on each other: appending locks only the terminal's own chain head.
class AuditLog {
public:
    // Appends in the caller's transaction: the record commits or rolls back with the change it describes.
    static Status append(UnitOfWork& uow, const AuditActor& actor, const AuditEntry& entry);
    // Appends in a transaction of its own, for refusals whose own transaction rolled back.
    static Status appendAlone(const Database& db, const AuditActor& actor, const AuditEntry& entry);
};

struct AuditVerification {
    qint64 records = 0;
    int chains = 0;
    bool ok = true;
    qint64 firstBadId = 0;   // audit_log.id of the first bad record (0 when ok or when the bad one is gone)
    QString firstBad;        // "terminal:T01#17": chain and sequence number of the first bad record
    QString problem;         // translated: what is wrong there (edited, missing, out of order, head mismatch)
};

// Recomputes every chain: an edited record fails its hash, a deleted one leaves a gap or a head that
// points past the last record, a reordered one breaks the link to its predecessor.
Result<AuditVerification> verifyAudit(const Database& db);

} // namespace cs
