// The approval actions of cards (DESIGN rule 6): card.replace (setting approvals.required.card_replace)
// and card.pin_reset (approvals.required.card_pin_reset). The card is the entity (entity_type "card",
// entity_id its id). Each validates by doing its command in a savepoint that is rolled back and executes
// through the same function the direct path uses (cardcore.h), so the rules live in one place. The
// payload of a replacement carries the new number sealed, its hash and its masked copy: the detail shows
// masked numbers only, and the checker's terminal needs no card key.
#include "approvals/approvalregistry.h"
#include "services/cardcore.h"
#include "storage/accountrepository.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

Result<Session> makerSession(UnitOfWork& uow, const ApprovalRecord& approval)
{
    auto staff = StaffRepository(uow).findById(approval.makerId);
    if (!staff)
        return fail(staff.error());
    if (!staff->has_value())
        return fail(Error::internal(u"approval.maker_missing"_s, u"The maker of approval %1 is gone"_s.arg(approval.id)));
    Session s = (*staff)->session;
    s.terminal = approval.makerTerminal;
    return s;
}

QString stateText(const QString& key)
{
    const auto state = cardStateFromKey(key);
    return state ? cardStateLabel(*state) : key;
}

class CardAction : public ApprovalAction {
public:
    using Run = Result<QJsonObject> (*)(UnitOfWork&, const Session&, const QJsonObject&, AuditEntry&);
    CardAction(QString name, Run run) : m_name(std::move(name)), m_run(run) {}

    QString action() const override { return m_name; }

    Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        auto maker = makerSession(uow, approval);
        if (!maker)
            return fail(maker.error());
        return uow.dryRun([&]() -> Status {
            AuditEntry unused;
            auto done = m_run(uow, *maker, approval.payload, unused);
            if (!done)
                return fail(done.error());
            return {};
        });
    }

    Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const override
    {
        // The command's own audit record (as when done directly), by the checker, beside the approval's.
        AuditEntry entry{m_name, u"card"_s, approval.entityId, true, {}, {}, {}};
        auto done = m_run(uow, checker, approval.payload, entry);
        if (!done)
            return done;
        if (auto audited = AuditLog::append(uow, AuditActor::of(checker), entry); !audited)
            return fail(audited.error());
        return done;
    }

    Status release(UnitOfWork&, const Session&, const ApprovalRecord&) const override { return {}; }

    Result<QList<ApprovalField>> describe(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        const qint64 cardId = approval.payload.value(u"card_id"_s).toInteger();
        auto found = CardRepository(uow).find(cardId);
        if (!found)
            return fail(found.error());
        QList<ApprovalField> fields;
        if (!found->has_value()) {
            fields.append({u"card"_s, QCoreApplication::translate("cs::ApprovalActions", "Card"), {}, QString::number(cardId)});
        } else {
            const CardRecord& card = **found;
            fields.append({u"card"_s, QCoreApplication::translate("cs::ApprovalActions", "Card"), {}, card.panMasked});
            const auto product = cardProductFromKey(card.productCode);
            fields.append({u"product"_s, QCoreApplication::translate("cs::ApprovalActions", "Product"), {}, product ? cardProductLabel(*product) : card.productCode});
            auto owner = AccountRepository(uow).owner(card.customerId);
            if (!owner)
                return fail(owner.error());
            if (owner->has_value())
                fields.append({u"customer"_s, QCoreApplication::translate("cs::ApprovalActions", "Customer"), {}, (*owner)->fullName});
            auto account = AccountRepository(uow).findById(card.settlementAccountId);
            if (!account)
                return fail(account.error());
            if (account->has_value())
                fields.append({u"account"_s, QCoreApplication::translate("cs::ApprovalActions", "Account"), {}, (*account)->number});
            describeChange(card, approval.payload, fields);
        }
        fields.append({u"reason"_s, QCoreApplication::translate("cs::ApprovalActions", "Reason"), {}, approval.payload.value(u"reason"_s).toString()});
        return fields;
    }

protected:
    virtual void describeChange(const CardRecord& card, const QJsonObject& payload, QList<ApprovalField>& fields) const = 0;

private:
    QString m_name;
    Run m_run;
};

class CardReplaceAction final : public CardAction {
public:
    CardReplaceAction() : CardAction(u"card.replace"_s, &cards::replaceIn) {}

protected:
    void describeChange(const CardRecord& card, const QJsonObject& payload, QList<ApprovalField>& fields) const override
    {
        fields.append({u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"), stateText(card.state), stateText(u"replaced"_s)});
        fields.append({u"new_card"_s, QCoreApplication::translate("cs::ApprovalActions", "New card"), {}, payload.value(u"new_pan_masked"_s).toString()});
    }
};

class CardPinResetAction final : public CardAction {
public:
    CardPinResetAction() : CardAction(u"card.pin_reset"_s, &cards::resetPinIn) {}

protected:
    void describeChange(const CardRecord& card, const QJsonObject&, QList<ApprovalField>& fields) const override
    {
        fields.append({u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"), {}, stateText(card.state)});
        fields.append({u"pin"_s, QCoreApplication::translate("cs::ApprovalActions", "PIN"), card.pinVv.isEmpty() ? QCoreApplication::translate("cs::ApprovalActions", "not set") : QCoreApplication::translate("cs::ApprovalActions", "set"),
                       QCoreApplication::translate("cs::ApprovalActions", "cleared; the customer sets a new one")});
    }
};

} // namespace

void registerCardActions(ApprovalRegistry& registry)
{
    registry.add(std::make_unique<CardReplaceAction>());
    registry.add(std::make_unique<CardPinResetAction>());
}

} // namespace cs
