#include "storage/requestlogrepository.h"

#include "storage/sqlvalues.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cs {

Result<std::optional<StoredResponse>> RequestLogRepository::find(const QString& requestId)
{
    auto query = m_uow.exec(u"SELECT action, response FROM request_log WHERE request_id = ?"_s, {requestId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<StoredResponse>();
    StoredResponse stored{query->value(0).toString(),
                          QJsonDocument::fromJson(query->value(1).toString().toUtf8()).object()};
    query->finish();
    return std::optional<StoredResponse>(std::move(stored));
}

Status RequestLogRepository::insert(const QString& requestId, const QString& action, qint64 staffId,
                                    const QJsonObject& response)
{
    auto query = m_uow.exec(u"INSERT INTO request_log (request_id, action, staff_id, response, created_at) "
                            "VALUES (?, ?, ?, ?, ?)"_s,
                            {requestId, action, staffId > 0 ? QVariant(staffId) : QVariant(QMetaType(QMetaType::LongLong)),
                             QString::fromUtf8(QJsonDocument(response).toJson(QJsonDocument::Compact)), sql::nowUtc()});
    if (!query)
        return fail(query.error());
    return {};
}

} // namespace cs
