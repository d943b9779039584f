#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QJsonObject>

#include <optional>

namespace cs {

struct StoredResponse {
    QString action;
    QJsonObject response;
};

// The idempotency record (rule 3): the first response given to a request id.
class RequestLogRepository {
public:
    explicit RequestLogRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<StoredResponse>> find(const QString& requestId);
    Status insert(const QString& requestId, const QString& action, qint64 staffId, const QJsonObject& response);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
