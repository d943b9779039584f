// The approval actions of transfers (DESIGN rules 5 and 6): transfer.intra (above the teller's limit or
// with a fee waiver) and transfer.interbank (every one). Each runs inside the approval service's
// transaction. The transfer row is the entity (entity_type "transfer", entity_id its id); its hold,
// placed at entry, is counted by validate(), consumed by execute() and released by release().
#include "approvals/approvalregistry.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "services/transfercore.h"
#include "services/transferfees.h"
#include "services/transferrouting.h"
#include "storage/holdrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using namespace transfers;

Currency currencyOf(const QString& code) { return Currency::fromCode(code).value_or(Currency::cny()); }

Result<TransferRow> transferOf(UnitOfWork& uow, const ApprovalRecord& approval, bool lock)
{
    bool ok = false;
    const qint64 id = approval.entityId.toLongLong(&ok);
    if (!ok || approval.entityType != u"transfer"_s)
        return fail(notFound(id));
    TransferRepository transfers(uow);
    auto row = lock ? transfers.lock(id) : transfers.find(id);
    if (!row)
        return fail(row.error());
    if (!row->has_value())
        return fail(notFound(id));
    return std::move(**row);
}

// The transfer's own active hold: what it set aside for itself counts as available to it.
Result<qint64> ownHold(UnitOfWork& uow, const TransferRow& row)
{
    if (row.holdId <= 0)
        return 0;
    auto hold = HoldRepository(uow).find(row.holdId);
    if (!hold)
        return fail(hold.error());
    return hold->has_value() && (*hold)->state == u"active"_s ? (*hold)->amount : 0;
}

class TransferAction : public ApprovalAction {
public:
    explicit TransferAction(QString name, bool interbank) : m_name(std::move(name)), m_interbank(interbank) {}

    QString action() const override { return m_name; }
    bool rekeyable() const override { return true; }

    Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        auto row = transferOf(uow, approval, false);
        if (!row)
            return fail(row.error());
        if ((row->kind == u"interbank"_s) != m_interbank)
            return fail(notFound(row->id));
        if (row->state != u"pending"_s)
            return fail(notPending(row->id));
        AccountRepository accounts(uow);
        auto payer = accounts.findById(row->fromAccountId);
        if (!payer)
            return fail(payer.error());
        if (!payer->has_value())
            return fail(Error::notFound(u"account.not_found"_s, u"from_account"_s,
                                        QCoreApplication::translate("cs::TransferService", "There is no account %1.").arg(row->fromNumber)));
        if (auto ok = checkDebit(**payer); !ok)
            return ok;
        if (!m_interbank) {
            auto payee = accounts.findById(row->toAccountId);
            if (!payee)
                return fail(payee.error());
            if (!payee->has_value())
                return fail(Error::notFound(u"account.not_found"_s, u"to_account"_s,
                                            QCoreApplication::translate("cs::TransferService", "There is no account %1.").arg(row->toAccountNo)));
            if (auto ok = checkCredit(**payee); !ok)
                return ok;
        }
        auto held = ownHold(uow, *row);
        if (!held)
            return fail(held.error());
        return checkFunds(**payer, row->amount + row->fee, *held);
    }

    Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const override
    {
        auto row = transferOf(uow, approval, true);
        if (!row)
            return fail(row.error());
        if (row->state != u"pending"_s)
            return fail(notPending(row->id));
        auto done = transfers::execute(uow, checker, *row, approval.id, false);
        if (!done)
            return fail(done.error());
        auto record = load(uow, row->id, true);
        if (!record)
            return fail(record.error());
        return transferJson(*record);
    }

    Status release(UnitOfWork& uow, const Session& actor, const ApprovalRecord& approval) const override
    {
        auto row = transferOf(uow, approval, true);
        if (!row)
            return fail(row.error());
        if (row->state != u"pending"_s)
            return {}; // nothing is held any more
        if (row->holdId > 0) {
            auto held = ownHold(uow, *row);
            if (!held)
                return fail(held.error());
            if (*held > 0) {
                if (auto released = PostingEngine::releaseHold(uow, row->holdId, actor.staffId); !released)
                    return released;
            }
        }
        // The approval's new state names the transfer's end: the checker refused it, the maker
        // cancelled it, or end of day let it expire.
        const QString state = approval.state == u"rejected"_s  ? u"refused"_s
                              : approval.state == u"expired"_s ? u"expired"_s
                                                               : u"cancelled"_s;
        return TransferRepository(uow).setEnded(row->id, state, approval.id);
    }

    Result<QList<ApprovalField>> describe(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        auto row = transferOf(uow, approval, false);
        if (!row)
            return fail(row.error());
        const Currency currency = currencyOf(row->currency);
        QList<ApprovalField> fields;
        const auto add = [&](const QString& key, const char* label, const QString& value) {
            fields.append({key, QCoreApplication::translate("cs::TransferService", label), {}, value});
        };
        add(u"transfer_id"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Transfer"), QString::number(row->id));
        add(u"from_account"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Payer's account"), row->fromNumber);
        add(u"from_name"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Payer"), row->fromName);
        if (m_interbank)
            add(u"to_bank_code"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Payee's bank code"), row->toBankCode);
        add(u"to_account"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Payee's account"), row->toAccountNo);
        add(u"to_name"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Payee"), row->toName);
        add(u"amount"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Amount"), formatAmount(Money(row->amount, currency)));
        add(u"amount_in_capitals"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Amount in words"),
            chineseCapitals(Money(row->amount, currency)).value_or(QString()));
        add(u"fee"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Fee"), formatAmount(Money(row->fee, currency)));
        if (row->feeWaived) {
            // What the waiver gives up, by today's tariff (the row keeps the fee charged: none).
            auto schedule = TransferFeeSchedule::load(uow);
            if (!schedule)
                return fail(schedule.error());
            auto tariff = transferFee(*schedule, m_interbank, Money(row->amount, currency));
            if (!tariff)
                return fail(tariff.error());
            add(u"fee_waived"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Fee waived"), formatAmount(*tariff));
        }
        if (m_interbank)
            add(u"route"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Network (at entry)"), routeDisplayName(routeFromKey(row->route)));
        add(u"remarks"_s, QT_TRANSLATE_NOOP("cs::TransferService", "Remarks"), row->remarks);
        return fields;
    }

private:
    QString m_name;
    bool m_interbank;
};

} // namespace

void registerTransferActions(ApprovalRegistry& registry)
{
    registry.add(std::make_unique<TransferAction>(transfers::actionIntra, false));
    registry.add(std::make_unique<TransferAction>(transfers::actionInterbank, true));
}

} // namespace cs
