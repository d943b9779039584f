#include "services/servicecall.h"

#include "security/permissions.h"
#include "storage/requestlogrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {

Result<QJsonObject> performAudited(const Database& db, const Session& session, const ServiceRequest& request,
                                   const ServiceWork& work)
{
    return performAudited(db, session, request.action, request, work);
}

Result<QJsonObject> performAudited(const Database& db, const Session& session, const QString& permission,
                                   const ServiceRequest& request, const ServiceWork& work)
{
    const AuditActor actor = AuditActor::of(session);
    AuditEntry entry;
    QJsonObject response;
    const Status done = db.transact([&](UnitOfWork& uow) -> Status {
        entry = {request.action, request.entityType, request.entityId, true, {}, {}, {}};
        response = {};
        RequestLogRepository requests(uow);
        if (!request.requestId.isEmpty()) {
            auto stored = requests.find(request.requestId);
            if (!stored)
                return fail(stored.error());
            if (stored->has_value()) {
                if ((*stored)->action != request.action)
                    return fail(Error::refused(u"request.reused"_s, u"request_id"_s,
                                               QCoreApplication::translate("cs::ServiceCall",
                                                                           "This request id was already used for "
                                                                           "another action.")));
                response = (*stored)->response;
                return {}; // the first result again; nothing changes and nothing more is audited
            }
        }
        if (auto allowed = Permissions::require(uow, session.role, permission); !allowed)
            return allowed;
        auto result = work(uow, entry);
        if (!result)
            return fail(result.error());
        response = std::move(*result);
        if (auto audited = AuditLog::append(uow, actor, entry); !audited)
            return audited;
        if (!request.requestId.isEmpty() && entry.success)
            return requests.insert(request.requestId, request.action, session.staffId, response);
        return {};
    });
    if (done)
        return response;
    if (done.error().kind == ErrorKind::Refused) {
        // The attempt's own transaction rolled back; its refusal is still on record.
        const AuditEntry refused{request.action, entry.entityType, entry.entityId, false, done.error().code, {}, {}};
        if (auto audited = AuditLog::appendAlone(db, actor, refused); !audited)
            return fail(audited.error());
    }
    return fail(done.error());
}

} // namespace cs
