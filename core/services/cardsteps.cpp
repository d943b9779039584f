#include "services/cardsteps.h"

#include "approvals/approvalservice.h"
#include "services/servicecall.h"

using namespace Qt::StringLiterals;

namespace cs::cards {

Result<CardRecord> find(UnitOfWork& uow, qint64 cardId)
{
    auto found = CardRepository(uow).find(cardId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(cards::notFound(cardId));
    return std::move(**found);
}

CardChange changeFrom(const QJsonObject& r, bool replayed)
{
    CardChange c;
    c.cardId = r.value(u"card_id"_s).toInteger();
    c.state = r.value(u"state"_s).toString();
    c.approvalId = r.value(u"approval_id"_s).toInteger();
    c.newCardId = r.value(u"new_card_id"_s).toInteger();
    c.newPanMasked = r.value(u"new_pan_masked"_s).toString();
    c.replayed = replayed;
    return c;
}

Result<CardChange> step(const Database& db, const Session& session, CardCommand command, qint64 cardId,
                        const QString& reason, const QString& requestId, const StepChange& change)
{
    bool ran = false;
    auto result = performAudited(
        db, session, permissionService, {cardCommandAction(command), u"card"_s, QString::number(cardId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto day = today(uow, session);
            if (!day)
                return fail(day.error());
            auto card = lockForCommand(uow, session, cardId, *day);
            if (!card)
                return fail(card.error());
            if (auto allowed = checkCardCommand(command, factsOf(*card, *day)); !allowed)
                return fail(allowed.error());
            const QJsonObject before = picture(*card);
            if (auto changed = change(uow, *card, *day); !changed)
                return fail(changed.error());
            CardRepository cards(uow);
            if (auto saved = save(cards, *card); !saved)
                return fail(saved.error());
            audit.before = before;
            audit.after = picture(*card);
            if (!reason.trimmed().isEmpty())
                audit.after.insert(u"reason"_s, reason.trimmed());
            return QJsonObject{{u"card_id"_s, card->id}, {u"state"_s, card->state}};
        });
    if (!result)
        return fail(result.error());
    return changeFrom(*result, !ran);
}

Result<CardChange> approvable(const Database& db, const Session& session, const QString& action, qint64 cardId,
                              const QString& requestId, const PayloadMaker& makePayload, const ApprovedRun& run)
{
    bool ran = false;
    auto result = performAudited(
        db, session, permissionService, {action, u"card"_s, QString::number(cardId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto card = find(uow, cardId);
            if (!card)
                return fail(card.error());
            auto payload = makePayload(uow, *card);
            if (!payload)
                return fail(payload.error());
            auto required = ApprovalService::required(uow, action, std::nullopt);
            if (!required)
                return fail(required.error());
            if (!*required)
                return run(uow, session, *payload, audit);
            auto day = today(uow, session);
            if (!day)
                return fail(day.error());
            auto pending = ApprovalService::submit(
                uow, session,
                {action, u"card"_s, QString::number(cardId), *payload, std::nullopt,
                 requestId.isEmpty() ? newRequestId() : requestId});
            if (!pending)
                return fail(pending.error());
            audit.before = picture(*card);
            audit.after = {{u"approval_id"_s, pending->approvalId}, {u"state"_s, pending->state}};
            return QJsonObject{{u"card_id"_s, cardId},
                               {u"state"_s, cardStateKey(effectiveCardState(factsOf(*card, *day)))},
                               {u"approval_id"_s, pending->approvalId}};
        });
    if (!result)
        return fail(result.error());
    return changeFrom(*result, !ran);
}

} // namespace cs::cards
