#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "security/auditlog.h"
#include "storage/database.h"

#include <QJsonObject>

#include <functional>

namespace cs {

// The shape of every state change (DESIGN rules 2, 3, 8): one transaction that checks the permission,
// does the work, appends the audit record and stores the response under the request id. The same
// request id again returns the stored response and changes nothing. When a rule or permission refuses
// it, nothing is changed and the refusal is audited in a transaction of its own.
struct ServiceRequest {
    QString action;     // permission and audit action
    QString entityType;
    QString entityId;   // may be filled in by the work (a new row's id)
    QString requestId;  // empty: not idempotent (reads, and changes that are naturally idempotent)
};

using ServiceWork = std::function<Result<QJsonObject>(UnitOfWork&, AuditEntry&)>;

Result<QJsonObject> performAudited(const Database& db, const Session& session, const ServiceRequest& request,
                                   const ServiceWork& work);

} // namespace cs
