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

// A refusal that must outlive the call (a wrong PIN counted towards the lock): the work sets
// `entry.success = false` with the error code in `entry.detail` and answers normally. Its writes and the
// refused audit record commit, and the response is not stored under the request id, so a new try with the
// same id is a new try. The caller turns the answer into the error.
Result<QJsonObject> performAudited(const Database& db, const Session& session, const ServiceRequest& request,
                                   const ServiceWork& work);
// The same under a permission other than the audited action (the card commands card.activate,
// card.report_loss, ... all need card.service).
Result<QJsonObject> performAudited(const Database& db, const Session& session, const QString& permission,
                                   const ServiceRequest& request, const ServiceWork& work);

} // namespace cs
