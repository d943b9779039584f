#include "approvals/approvalservice.h"

#include "approvals/approvalregistry.h"
#include "money/amountformat.h"
#include "security/permissions.h"
#include "services/servicecall.h"
#include "storage/approvalrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// The approval as release() must see it: with the state it is ending in (an action may record that
// state on its own entity, e.g. a transfer refused, cancelled or expired).
ApprovalRecord ending(const ApprovalRecord& approval, const QString& state)
{
    ApprovalRecord ended = approval;
    ended.state = state;
    return ended;
}

const QString actionRead = u"approval.read"_s;
const QString actionDecide = u"approval.decide"_s;
const QString actionCancel = u"approval.cancel"_s;
const QString actionExpire = u"approval.expire"_s;

const QString settingTellerMax = u"limits.teller_single_max"_s;
const QString settingSupervisorMax = u"limits.supervisor_approve_max"_s;
const QString settingRekeyMin = u"approvals.blind_rekey_min"_s;

// Actions that wait only above the teller's single limit; every other action waits when its
// approvals.required.<action> setting is 1.
const QStringList amountActions = {u"cash.withdraw"_s, u"transfer.intra"_s};

QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }
QString isoTime(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }

Error notFound(qint64 id)
{
    return Error::notFound(u"approval.not_found"_s, u"id"_s, QCoreApplication::translate("cs::ApprovalService", "There is no approval %1.").arg(id));
}

Error unknownAction(const QString& action)
{
    return Error::refused(u"approval.unknown_action"_s, u"action"_s,
                          QCoreApplication::translate("cs::ApprovalService", "%1 is not a command that can wait for approval.").arg(action));
}

// The approval, locked, of the session's branch: NotFound for another branch's, as for none at all.
Result<ApprovalRecord> loadPending(ApprovalRepository& approvals, const Session& session, qint64 id)
{
    auto found = approvals.find(id, true);
    if (!found)
        return fail(found.error());
    if (!found->has_value() || (*found)->branchId != session.branchId)
        return fail(notFound(id));
    if ((*found)->state != u"pending"_s)
        return fail(Error::refused(u"approval.not_pending"_s, u"id"_s,
                                   QCoreApplication::translate("cs::ApprovalService", "Approval %1 has already been decided, cancelled or expired.").arg(id)));
    return std::move(**found);
}

// A pending approval the checker may decide: not their own, whatever role they hold now (the database
// refuses it too), and of an action this program knows.
Result<ApprovalRecord> loadForDecision(ApprovalRepository& approvals, const Session& checker, qint64 id)
{
    auto approval = loadPending(approvals, checker, id);
    if (!approval)
        return fail(approval.error());
    if (approval->makerId == checker.staffId)
        return fail(Error::refused(u"approval.own"_s, {},
                                   QCoreApplication::translate("cs::ApprovalService",
                                                               "You entered approval %1: another person must decide it.")
                                       .arg(id)));
    if (!ApprovalRegistry::standard().find(approval->action))
        return fail(unknownAction(approval->action));
    return approval;
}

// Maker and checker with both times: the audit record of every step (DOMAIN: maker-checker and audit).
QJsonObject people(const ApprovalRecord& a)
{
    QJsonObject o{{u"approval_id"_s, a.id},
                  {u"action"_s, a.action},
                  {u"entity"_s, QString(a.entityType + u":"_s + a.entityId)},
                  {u"state"_s, a.state},
                  {u"maker"_s, a.makerLogin},
                  {u"maker_terminal"_s, a.makerTerminal},
                  {u"made_at"_s, isoTime(a.createdAt)}};
    if (a.amount)
        o.insert(u"amount"_s, plain(*a.amount));
    if (a.checkerId > 0) {
        o.insert(u"checker"_s, a.checkerLogin);
        o.insert(u"checker_terminal"_s, a.checkerTerminal);
    }
    if (a.decidedAt.isValid())
        o.insert(u"decided_at"_s, isoTime(a.decidedAt));
    if (!a.reason.isEmpty())
        o.insert(u"reason"_s, a.reason);
    return o;
}

Result<QHash<QString, qint64>> limits(UnitOfWork& uow)
{
    return SettingsRepository(uow).integers({settingSupervisorMax, settingRekeyMin});
}

bool needsRekey(const ApprovalAction& action, const ApprovalRecord& a, qint64 rekeyMin)
{
    return action.rekeyable() && a.amount && a.amount->minor() >= rekeyMin;
}

// The answer of approve, reject and cancel: id, state, the executed command's result (also merged at
// the top where its keys do not clash, so `txn_id` and `balance` read as for the command itself).
QJsonObject decisionJson(const ApprovalRecord& a)
{
    QJsonObject o{{u"id"_s, a.id}, {u"state"_s, a.state}, {u"action"_s, a.action}, {u"result"_s, a.result},
                  {u"approval"_s, approvalJson(a)}};
    for (auto it = a.result.begin(); it != a.result.end(); ++it) {
        if (!o.contains(it.key()))
            o.insert(it.key(), it.value());
    }
    return o;
}

ApprovalDecision fromResponse(const QJsonObject& o, bool replayed)
{
    return {o.value(u"id"_s).toInteger(), o.value(u"state"_s).toString(), o.value(u"result"_s).toObject(), replayed};
}

} // namespace

QJsonObject approvalJson(const ApprovalRecord& a)
{
    const auto orNull = [](const QString& s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    // A sealed secret or a keyed hash in a payload (a replacement card's new number) is for the executing
    // code; people and the audit see the masked copy beside it.
    QJsonObject shown = a.payload;
    for (const QString& key : a.payload.keys())
        if (key.endsWith(u"_sealed"_s) || key.endsWith(u"_hash"_s))
            shown.remove(key);
    return {{u"id"_s, a.id},
            {u"branch_id"_s, a.branchId},
            {u"business_date"_s, a.businessDate.toString(Qt::ISODate)},
            {u"action"_s, a.action},
            {u"entity_type"_s, a.entityType},
            {u"entity_id"_s, a.entityId},
            {u"payload"_s, shown},
            {u"amount"_s, a.amount ? QJsonValue(plain(*a.amount)) : QJsonValue()},
            {u"currency"_s, a.amount ? QJsonValue(a.amount->currency().code()) : QJsonValue()},
            {u"request_id"_s, a.requestId},
            {u"maker"_s, a.makerLogin},
            {u"maker_name"_s, a.makerName},
            {u"maker_terminal"_s, a.makerTerminal},
            {u"created_at"_s, isoTime(a.createdAt)},
            {u"checker"_s, orNull(a.checkerLogin)},
            {u"checker_terminal"_s, orNull(a.checkerTerminal)},
            {u"decided_at"_s, orNull(isoTime(a.decidedAt))},
            {u"state"_s, a.state},
            {u"reason"_s, orNull(a.reason)},
            {u"result"_s, a.result.isEmpty() ? QJsonValue() : QJsonValue(a.result)}};
}

ApprovalService::ApprovalService(Database db) : m_db(std::move(db)) {}

Result<PendingApproval> ApprovalService::submit(UnitOfWork& uow, const Session& maker, const NewApproval& request)
{
    const ApprovalAction* action = ApprovalRegistry::standard().find(request.action);
    if (!action)
        return fail(unknownAction(request.action));
    // DOMAIN: a checker-only user cannot start an action.
    if (maker.role == Role::Supervisor || maker.role == Role::Auditor)
        return fail(Error::refused(u"approval.maker_role"_s, {}, QCoreApplication::translate("cs::ApprovalService", "A checker-only user cannot start an action.")));
    if (request.requestId.trimmed().isEmpty() || request.requestId.size() > 64)
        return fail(Error::invalid(u"approval.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::ApprovalService", "A command that waits for approval needs a request id of 1 to 64 characters.")));
    ApprovalRepository approvals(uow);
    auto pending = approvals.pendingFor(request.entityType, request.entityId, request.action);
    if (!pending)
        return fail(pending.error());
    if (pending->has_value())
        return fail(Error::refused(u"approval.duplicate"_s, {},
                                   QCoreApplication::translate("cs::ApprovalService", "The same command is already waiting for approval (number %1).")
                                       .arg(**pending)));
    ApprovalRecord draft;
    draft.branchId = maker.branchId;
    draft.businessDate = maker.businessDate;
    draft.action = request.action;
    draft.entityType = request.entityType;
    draft.entityId = request.entityId;
    draft.payload = request.payload;
    draft.amount = request.amount;
    draft.requestId = request.requestId;
    draft.makerId = maker.staffId;
    draft.makerLogin = maker.login;
    draft.makerName = maker.fullName;
    draft.makerTerminal = maker.terminal;
    draft.state = u"pending"_s;
    if (auto valid = action->validate(uow, draft); !valid)
        return fail(valid.error());
    auto id = approvals.insert({maker.branchId, maker.businessDate, request.action, request.entityType, request.entityId,
                                request.payload, request.amount, request.requestId, maker.staffId, maker.terminal});
    if (!id)
        return fail(id.error());
    if (auto notified = approvals.notify(maker.branchId); !notified)
        return fail(notified.error());
    return PendingApproval{*id, request.action, u"pending"_s};
}

Result<bool> ApprovalService::required(UnitOfWork& uow, const QString& action, const std::optional<Money>& amount)
{
    SettingsRepository settings(uow);
    if (amountActions.contains(action)) {
        auto max = settings.integers({settingTellerMax});
        if (!max)
            return fail(max.error());
        return amount && amount->minor() > max->value(settingTellerMax);
    }
    auto flag = settings.find(u"approvals.required."_s + QString(action).replace(u'.', u'_'));
    if (!flag)
        return fail(flag.error());
    return flag->has_value() && (*flag)->value.trimmed() == u"1"_s;
}

Result<QList<ApprovalRecord>> ApprovalService::list(const Session& session, const ApprovalFilter& filter) const
{
    if (filter.limit < 1 || filter.limit > 500)
        return fail(Error::invalid(u"approval.limit"_s, u"limit"_s, QCoreApplication::translate("cs::ApprovalService", "Ask for 1 to 500 approvals at a time.")));
    QList<ApprovalRecord> all;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto found = ApprovalRepository(uow).list({session.branchId, filter.state, filter.action, filter.makerId,
                                                       filter.from, filter.to, filter.afterId, filter.limit});
            if (!found)
                return fail(found.error());
            all = std::move(*found);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return all;
}

Result<qint64> ApprovalService::count(const Session& session, const ApprovalFilter& filter) const
{
    qint64 n = 0;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto found = ApprovalRepository(uow).count(
                {session.branchId, filter.state, filter.action, filter.makerId, filter.from, filter.to, 0, 0});
            if (!found)
                return fail(found.error());
            n = *found;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return n;
}

Result<ApprovalDetail> ApprovalService::show(const Session& session, qint64 approvalId) const
{
    ApprovalDetail detail;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            detail = {};
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto found = ApprovalRepository(uow).find(approvalId);
            if (!found)
                return fail(found.error());
            if (!found->has_value() || (*found)->branchId != session.branchId)
                return fail(notFound(approvalId));
            detail.approval = std::move(**found);
            const ApprovalRecord& a = detail.approval;
            const ApprovalAction* action = ApprovalRegistry::standard().find(a.action);
            if (!action)
                return fail(unknownAction(a.action));
            auto fields = action->describe(uow, a);
            if (!fields)
                return fail(fields.error());
            detail.fields = std::move(*fields);
            auto settings = limits(uow);
            if (!settings)
                return fail(settings.error());
            auto decides = Permissions::allows(uow, session.role, actionDecide);
            if (!decides)
                return fail(decides.error());
            auto cancels = Permissions::allows(uow, session.role, actionCancel);
            if (!cancels)
                return fail(cancels.error());
            const bool pending = a.state == u"pending"_s;
            const bool withinAuthority = !a.amount || a.amount->minor() <= settings->value(settingSupervisorMax);
            detail.rekeyRequired = needsRekey(*action, a, settings->value(settingRekeyMin));
            detail.canDecide = pending && *decides && session.staffId != a.makerId && withinAuthority;
            detail.canCancel = pending && *cancels && session.staffId == a.makerId;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return detail;
}

Result<ApprovalDecision> ApprovalService::approve(const Session& checker, qint64 approvalId,
                                                  const std::optional<Money>& rekeyed, const QString& requestId) const
{
    const QString request = requestId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : requestId;
    bool ran = false;
    auto response = performAudited(
        m_db, checker, {actionDecide, u"approval"_s, QString::number(approvalId), request},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            ApprovalRepository approvals(uow);
            auto approval = loadForDecision(approvals, checker, approvalId);
            if (!approval)
                return fail(approval.error());
            audit.before = people(*approval);
            const ApprovalAction* action = ApprovalRegistry::standard().find(approval->action);
            auto settings = limits(uow);
            if (!settings)
                return fail(settings.error());
            const qint64 authority = settings->value(settingSupervisorMax);
            if (approval->amount && approval->amount->minor() > authority)
                return fail(Error::refused(u"approval.authority"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::ApprovalService", "%1 is above your approval authority of %2.")
                                               .arg(formatAmount(*approval->amount),
                                                    formatAmount(Money(authority, approval->amount->currency())))));
            if (needsRekey(*action, *approval, settings->value(settingRekeyMin))) {
                if (!rekeyed)
                    return fail(Error::refused(u"approval.rekey_required"_s, u"amount"_s,
                                               QCoreApplication::translate("cs::ApprovalService", "Type the amount of approval %1 again to approve it.").arg(approvalId)));
                if (rekeyed->minor() != approval->amount->minor()
                    || rekeyed->currency().code() != approval->amount->currency().code())
                    return fail(Error::refused(u"approval.rekey_mismatch"_s, u"amount"_s,
                                               QCoreApplication::translate("cs::ApprovalService", "The amount typed does not match the amount entered: approval %1 "
                                                  "stays pending.")
                                                   .arg(approvalId)));
            }
            // The rules again, against the database as it is now, then the command itself.
            if (auto valid = action->validate(uow, *approval); !valid)
                return fail(valid.error());
            auto executed = action->execute(uow, checker, *approval);
            if (!executed)
                return fail(executed.error());
            if (auto decided = approvals.decide(approvalId, u"approved"_s, checker.staffId, checker.terminal, {}, *executed);
                !decided)
                return fail(decided.error());
            if (auto notified = approvals.notify(approval->branchId); !notified)
                return fail(notified.error());
            auto after = approvals.find(approvalId);
            if (!after)
                return fail(after.error());
            audit.after = people(**after);
            return decisionJson(**after);
        });
    if (!response)
        return fail(response.error());
    return fromResponse(*response, !ran);
}

Result<ApprovalDecision> ApprovalService::reject(const Session& checker, qint64 approvalId, const QString& reason,
                                                 const QString& requestId) const
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalid(u"approval.reason_required"_s, u"reason"_s, QCoreApplication::translate("cs::ApprovalService", "Give the reason for the rejection.")));
    bool ran = false;
    auto response = performAudited(
        m_db, checker, {actionDecide, u"approval"_s, QString::number(approvalId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            ApprovalRepository approvals(uow);
            auto approval = loadForDecision(approvals, checker, approvalId);
            if (!approval)
                return fail(approval.error());
            audit.before = people(*approval);
            const ApprovalAction* action = ApprovalRegistry::standard().find(approval->action);
            if (auto released = action->release(uow, checker, ending(*approval, u"rejected"_s)); !released)
                return fail(released.error());
            if (auto decided = approvals.decide(approvalId, u"rejected"_s, checker.staffId, checker.terminal, why, {});
                !decided)
                return fail(decided.error());
            if (auto notified = approvals.notify(approval->branchId); !notified)
                return fail(notified.error());
            auto after = approvals.find(approvalId);
            if (!after)
                return fail(after.error());
            audit.after = people(**after);
            return decisionJson(**after);
        });
    if (!response)
        return fail(response.error());
    return fromResponse(*response, !ran);
}

Result<ApprovalDecision> ApprovalService::cancel(const Session& maker, qint64 approvalId, const QString& requestId) const
{
    bool ran = false;
    auto response = performAudited(
        m_db, maker, {actionCancel, u"approval"_s, QString::number(approvalId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            ApprovalRepository approvals(uow);
            auto approval = loadPending(approvals, maker, approvalId);
            if (!approval)
                return fail(approval.error());
            audit.before = people(*approval);
            if (approval->makerId != maker.staffId)
                return fail(Error::refused(u"approval.not_maker"_s, {},
                                           QCoreApplication::translate("cs::ApprovalService", "Only the person who entered approval %1 may cancel it.").arg(approvalId)));
            const ApprovalAction* action = ApprovalRegistry::standard().find(approval->action);
            if (!action)
                return fail(unknownAction(approval->action));
            if (auto released = action->release(uow, maker, ending(*approval, u"cancelled"_s)); !released)
                return fail(released.error());
            if (auto ended = approvals.end(approvalId, u"cancelled"_s, QCoreApplication::translate("cs::ApprovalService", "Cancelled by the maker.")); !ended)
                return fail(ended.error());
            if (auto notified = approvals.notify(approval->branchId); !notified)
                return fail(notified.error());
            auto after = approvals.find(approvalId);
            if (!after)
                return fail(after.error());
            audit.after = people(**after);
            return decisionJson(**after);
        });
    if (!response)
        return fail(response.error());
    return fromResponse(*response, !ran);
}

Result<int> ApprovalService::expire(const Session& actor, qint64 branchId, const QDate& through) const
{
    auto response = performAudited(
        m_db, actor, {actionExpire, u"branch"_s, QString::number(branchId), {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            if (branchId != actor.branchId)
                return fail(Error::refused(u"approval.other_branch"_s, u"branch"_s,
                                           QCoreApplication::translate("cs::ApprovalService", "Only the branch's own staff may expire its approvals.")));
            ApprovalRepository approvals(uow);
            auto ids = approvals.pendingThrough(branchId, through);
            if (!ids)
                return fail(ids.error());
            const QString reason = QCoreApplication::translate("cs::ApprovalService", "Expired at the end of business day %1.").arg(through.toString(Qt::ISODate));
            QJsonArray expired;
            for (qint64 id : std::as_const(*ids)) {
                auto approval = approvals.find(id, true);
                if (!approval)
                    return fail(approval.error());
                if (!approval->has_value() || (*approval)->state != u"pending"_s)
                    continue;
                if (const ApprovalAction* action = ApprovalRegistry::standard().find((*approval)->action)) {
                    if (auto released = action->release(uow, actor, ending(**approval, u"expired"_s)); !released)
                        return fail(released.error());
                }
                if (auto ended = approvals.end(id, u"expired"_s, reason); !ended)
                    return fail(ended.error());
                auto after = approvals.find(id);
                if (!after)
                    return fail(after.error());
                // One record per approval, with its maker and both times, beside the call's own record.
                const AuditEntry each{actionExpire, u"approval"_s, QString::number(id), true, {}, people(**approval),
                                      people(**after)};
                if (auto audited = AuditLog::append(uow, AuditActor::of(actor), each); !audited)
                    return fail(audited.error());
                expired.append(id);
            }
            if (!expired.isEmpty()) {
                if (auto notified = approvals.notify(branchId); !notified)
                    return fail(notified.error());
            }
            audit.after = {{u"through"_s, through.toString(Qt::ISODate)}, {u"expired"_s, expired}};
            return QJsonObject{{u"expired"_s, expired.size()}};
        });
    if (!response)
        return fail(response.error());
    return response->value(u"expired"_s).toInt();
}

Result<qint64> ApprovalService::pendingCount(const Session& session, qint64 branchId) const
{
    qint64 n = 0;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto found = ApprovalRepository(uow).pendingCount(branchId);
            if (!found)
                return fail(found.error());
            n = *found;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return n;
}

} // namespace cs
