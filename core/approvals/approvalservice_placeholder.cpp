// TEMPORARY (wip-transfers only): the least of ApprovalService and the core actions that the transfers
// branch needs to link and test, until the approvals branch (same contract, approvalservice.h) is
// merged. The lead deletes this file at the merge.
#include "approvals/approvalregistry.h"
#include "approvals/approvalservice.h"
#include "storage/settingsrepository.h"
#include "storage/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cs {

void registerCoreActions(ApprovalRegistry&) {}

Result<PendingApproval> ApprovalService::submit(UnitOfWork& uow, const Session& maker, const NewApproval& request)
{
    const ApprovalAction* action = ApprovalRegistry::standard().find(request.action);
    if (!action)
        return fail(Error::refused(u"approval.unknown_action"_s, u"action"_s, u"Unknown approval action"_s));
    ApprovalRecord record;
    record.branchId = maker.branchId;
    record.businessDate = maker.businessDate;
    record.action = request.action;
    record.entityType = request.entityType;
    record.entityId = request.entityId;
    record.payload = request.payload;
    record.amount = request.amount;
    record.requestId = request.requestId;
    record.makerId = maker.staffId;
    record.state = u"pending"_s;
    if (auto ok = action->validate(uow, record); !ok)
        return fail(ok.error());
    const QVariant nullInt{QMetaType(QMetaType::LongLong)};
    const QVariant nullText{QMetaType(QMetaType::QString)};
    auto id = uow.scalar(
        u"INSERT INTO approvals (branch_id, business_date, action, entity_type, entity_id, payload, amount_minor, currency, "
        "request_id, maker_id, maker_terminal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {maker.branchId, sql::date(maker.businessDate), request.action, request.entityType, request.entityId,
         QString::fromUtf8(QJsonDocument(request.payload).toJson(QJsonDocument::Compact)),
         request.amount ? QVariant(request.amount->minor()) : nullInt,
         request.amount ? QVariant(request.amount->currency().code()) : nullText, request.requestId, maker.staffId,
         maker.terminal, sql::nowUtc()});
    if (!id)
        return fail(id.error());
    return PendingApproval{id->toLongLong(), request.action, u"pending"_s};
}

Result<bool> ApprovalService::required(UnitOfWork& uow, const QString& action, const std::optional<Money>& amount)
{
    if (action == u"transfer.interbank"_s)
        return true;
    auto limits = SettingsRepository(uow).integers({u"limits.teller_single_max"_s});
    if (!limits)
        return fail(limits.error());
    return amount && amount->minor() > limits->value(u"limits.teller_single_max"_s);
}

} // namespace cs
