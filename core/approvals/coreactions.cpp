// The approvable commands of the core services: cash.withdraw, reversal, account.freeze,
// account.unfreeze, account.close. Each validates by doing its command in a savepoint that is rolled back
// (UnitOfWork::dryRun) and executes through the same service function the direct path uses, so the
// rules live in one place: CashService::postIn, ReversalService::reverseIn, AccountService::applyCommand.
#include "approvals/approvalregistry.h"

#include <QHash>

#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/cashservice.h"
#include "services/reversalservice.h"
#include "storage/accountrepository.h"
#include "storage/holdrepository.h"
#include "storage/journalrepository.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QString plain(const Money& m) { return formatAmount(m); }
Money cny(qint64 minor) { return Money(minor, Currency::cny()); }

// The maker as they acted: their staff record and branch day, at the terminal they entered it on. The
// maker's command runs in the maker's name (the maker's cash box pays out an approved withdrawal).
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

Status dryRun(UnitOfWork& uow, const std::function<Result<QJsonObject>()>& work)
{
    return uow.dryRun([&]() -> Status {
        auto done = work();
        if (!done)
            return fail(done.error());
        return {};
    });
}

// The executed command's own audit record (its before and after, as when it is done directly), by the
// checker, beside the approval's record with maker and checker.
Result<QJsonObject> executeAudited(UnitOfWork& uow, const Session& checker, const QString& action,
                                   const QString& entityType, const QString& entityId,
                                   const std::function<Result<QJsonObject>(AuditEntry&)>& work)
{
    AuditEntry entry{action, entityType, entityId, true, {}, {}, {}};
    auto done = work(entry);
    if (!done)
        return done;
    if (auto audited = AuditLog::append(uow, AuditActor::of(checker), entry); !audited)
        return fail(audited.error());
    return done;
}

// The account a command is about, for the detail view.
Result<std::optional<AccountRecord>> accountOf(UnitOfWork& uow, const QString& number)
{
    return AccountRepository(uow).findByNumber(number);
}

// An account's state and freeze mode as the checker reads them (translated).
QString stateText(const QString& state, const QString& freezeMode)
{
    static const QHash<QString, const char*> states = {
        {u"normal"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "normal")},
        {u"frozen"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "frozen")},
        {u"dormant"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "dormant")},
        {u"closed"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "closed")}};
    static const QHash<QString, const char*> modes = {
        {u"full"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "in full")},
        {u"debit"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "no debits")},
        {u"credit"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "no credits")}};
    const auto name = [](const QHash<QString, const char*>& table, const QString& key) {
        const auto it = table.constFind(key);
        return it == table.cend() ? key : QCoreApplication::translate("cs::ApprovalActions", it.value());
    };
    return freezeMode.isEmpty() ? name(states, state) : name(states, state) + u" ("_s + name(modes, freezeMode) + u')';
}

QString freezeText(const AccountRecord& a) { return stateText(a.state, a.freezeMode); }

class CashWithdrawAction : public ApprovalAction {
public:
    QString action() const override { return u"cash.withdraw"_s; }
    bool rekeyable() const override { return true; }

    Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        AuditEntry unused;
        return dryRun(uow, [&] { return run(uow, approval, unused); });
    }
    Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const override
    {
        return executeAudited(uow, checker, action(), approval.entityType, approval.entityId,
                              [&](AuditEntry& audit) { return run(uow, approval, audit); });
    }
    Status release(UnitOfWork& uow, const Session& actor, const ApprovalRecord& approval) const override
    {
        auto holds = HoldRepository(uow).activeForApproval(approval.id);
        if (!holds)
            return fail(holds.error());
        for (const HoldRecord& h : std::as_const(*holds)) {
            if (auto released = PostingEngine::releaseHold(uow, h.id, actor.staffId); !released)
                return released;
        }
        return {};
    }
    Result<QList<ApprovalField>> describe(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        const CashRequest r = cashRequestFromPayload(approval.payload);
        QList<ApprovalField> fields{{u"account"_s, QCoreApplication::translate("cs::ApprovalActions", "Account"), {}, r.accountNumber}};
        auto account = accountOf(uow, r.accountNumber);
        if (!account)
            return fail(account.error());
        if (account->has_value()) {
            const AccountRecord& a = **account;
            const Currency currency = r.amount.currency();
            fields.append({u"title"_s, QCoreApplication::translate("cs::ApprovalActions", "Account name"), {}, a.title});
            fields.append({u"balance"_s, QCoreApplication::translate("cs::ApprovalActions", "Balance"), plain(Money(a.balance, currency)),
                           plain(Money(a.balance - r.amount.minor(), currency))});
        }
        fields.append({u"amount"_s, QCoreApplication::translate("cs::ApprovalActions", "Amount"), {}, plain(r.amount)});
        const DueDiligence& dd = r.dueDiligence;
        const std::initializer_list<std::tuple<QString, const char*, QString>> extra = {
            {u"purpose"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "Purpose"), dd.purpose},
            {u"id_copy_ref"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "ID copy"), dd.idCopyRef},
            {u"agent_name"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "Agent"), dd.agentName},
            {u"agent_id_number"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "Agent's ID number"), dd.agentIdNumber},
            {u"memo"_s, QT_TRANSLATE_NOOP("cs::ApprovalActions", "Memo"), r.memo}};
        for (const auto& [key, text, value] : extra) {
            if (!value.trimmed().isEmpty())
                fields.append({key, QCoreApplication::translate("cs::ApprovalActions", text), {}, value});
        }
        return fields;
    }

private:
    // The withdrawal through the maker's cash box, under the approval, consuming its holds.
    static Result<QJsonObject> run(UnitOfWork& uow, const ApprovalRecord& approval, AuditEntry& audit)
    {
        auto maker = makerSession(uow, approval);
        if (!maker)
            return fail(maker.error());
        ApprovedCash approved{approval.id, {}};
        if (approval.id > 0) {
            auto holds = HoldRepository(uow).activeForApproval(approval.id);
            if (!holds)
                return fail(holds.error());
            for (const HoldRecord& h : std::as_const(*holds))
                approved.holds.append(h.id);
        }
        return CashService::postIn(uow, *maker, CashDirection::Withdrawal, cashRequestFromPayload(approval.payload), audit,
                                   &approved);
    }
};

class ReversalAction : public ApprovalAction {
public:
    QString action() const override { return u"reversal"_s; }

    Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        auto maker = makerSession(uow, approval);
        if (!maker)
            return fail(maker.error());
        AuditEntry unused;
        return dryRun(uow, [&] { return run(uow, *maker, approval, unused); });
    }
    Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const override
    {
        // Audited as a checker's direct reversal is (ReversalService), so the trail reads the same.
        return executeAudited(uow, checker, u"approval.decide"_s, u"journal_txn"_s, approval.entityId,
                              [&](AuditEntry& audit) { return run(uow, checker, approval, audit); });
    }
    Status release(UnitOfWork&, const Session&, const ApprovalRecord&) const override { return {}; }
    Result<QList<ApprovalField>> describe(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        const qint64 txnId = approval.payload.value(u"txn_id"_s).toInteger();
        QList<ApprovalField> fields{{u"txn_id"_s, QCoreApplication::translate("cs::ApprovalActions", "Transaction"), {}, QString::number(txnId)}};
        auto header = JournalRepository(uow).header(txnId);
        if (!header)
            return fail(header.error());
        if (header->has_value()) {
            fields.append({u"kind"_s, QCoreApplication::translate("cs::ApprovalActions", "Kind"), {}, (*header)->kind});
            fields.append({u"business_date"_s, QCoreApplication::translate("cs::ApprovalActions", "Business date"), {}, (*header)->businessDate.toString(Qt::ISODate)});
            fields.append({u"memo"_s, QCoreApplication::translate("cs::ApprovalActions", "Memo"), {}, (*header)->memo});
        }
        fields.append({u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"), QCoreApplication::translate("cs::ApprovalActions", "posted"), QCoreApplication::translate("cs::ApprovalActions", "reversed")});
        fields.append({u"reason"_s, QCoreApplication::translate("cs::ApprovalActions", "Reason"), {}, approval.payload.value(u"reason"_s).toString()});
        return fields;
    }

private:
    static Result<QJsonObject> run(UnitOfWork& uow, const Session& executor, const ApprovalRecord& approval,
                                   AuditEntry& audit)
    {
        return ReversalService::reverseIn(uow, executor, approval.payload.value(u"txn_id"_s).toInteger(),
                                          approval.payload.value(u"reason"_s).toString(), approval.requestId, audit,
                                          approval.id);
    }
};

class AccountCommandAction : public ApprovalAction {
public:
    explicit AccountCommandAction(AccountCommand command) : m_command(command) {}
    QString action() const override { return accountCommandAction(m_command); }

    Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        auto maker = makerSession(uow, approval);
        if (!maker)
            return fail(maker.error());
        AuditEntry unused;
        return dryRun(uow, [&] { return run(uow, *maker, approval, unused); });
    }
    Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const override
    {
        return executeAudited(uow, checker, action(), approval.entityType, approval.entityId,
                              [&](AuditEntry& audit) { return run(uow, checker, approval, audit); });
    }
    Status release(UnitOfWork&, const Session&, const ApprovalRecord&) const override { return {}; }
    Result<QList<ApprovalField>> describe(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        const AccountCommandRequest r = accountCommandFromPayload(m_command, approval.payload);
        QList<ApprovalField> fields{{u"account"_s, QCoreApplication::translate("cs::ApprovalActions", "Account"), {}, r.number}};
        auto account = accountOf(uow, r.number);
        if (!account)
            return fail(account.error());
        const QString now = account->has_value() ? freezeText(**account) : QString();
        if (account->has_value())
            fields.append({u"title"_s, QCoreApplication::translate("cs::ApprovalActions", "Account name"), {}, (*account)->title});
        switch (m_command) {
        case AccountCommand::Freeze:
            fields.append({u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"), now, stateText(u"frozen"_s, freezeModeKey(r.mode))});
            fields.append({u"reason_code"_s, QCoreApplication::translate("cs::ApprovalActions", "Reason code"), {}, r.reasonCode});
            break;
        case AccountCommand::Unfreeze:
            fields.append({u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"), now, stateText(u"normal"_s, {})});
            break;
        case AccountCommand::Close:
            fields.append({u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"), now, stateText(u"closed"_s, {})});
            break;
        }
        fields.append({u"reason"_s, QCoreApplication::translate("cs::ApprovalActions", "Reason"), {}, r.reason});
        return fields;
    }

private:
    Result<QJsonObject> run(UnitOfWork& uow, const Session& executor, const ApprovalRecord& approval,
                            AuditEntry& audit) const
    {
        return AccountService::applyCommand(uow, executor, accountCommandFromPayload(m_command, approval.payload), audit);
    }
    AccountCommand m_command;
};

} // namespace

// A close whose count differs from the expected cash: approval books the over or the short and closes
// the box, if no cash has moved in it since the count.
class CashBoxOverShortAction : public ApprovalAction {
public:
    QString action() const override { return u"cashbox.overshort"_s; }

    Status validate(UnitOfWork& uow, const ApprovalRecord& approval) const override
    {
        auto maker = makerSession(uow, approval);
        if (!maker)
            return fail(maker.error());
        AuditEntry unused;
        return dryRun(uow, [&] { return run(uow, *maker, approval, unused); });
    }
    Result<QJsonObject> execute(UnitOfWork& uow, const Session& checker, const ApprovalRecord& approval) const override
    {
        auto maker = makerSession(uow, approval);
        if (!maker)
            return fail(maker.error());
        return executeAudited(uow, checker, u"cashbox.close"_s, u"cashbox"_s, approval.entityId,
                              [&](AuditEntry& audit) { return run(uow, *maker, approval, audit); });
    }
    Status release(UnitOfWork&, const Session&, const ApprovalRecord&) const override { return {}; }
    Result<QList<ApprovalField>> describe(UnitOfWork&, const ApprovalRecord& approval) const override
    {
        const auto money = [&](const QString& key) { return plain(cny(approval.payload.value(key).toInteger())); };
        const qint64 difference = approval.payload.value(u"difference_minor"_s).toInteger();
        return QList<ApprovalField>{
            {u"session_id"_s, QCoreApplication::translate("cs::ApprovalActions", "Cash box session"), {},
             QString::number(approval.payload.value(u"session_id"_s).toInteger())},
            {u"expected"_s, QCoreApplication::translate("cs::ApprovalActions", "Expected cash"), {}, money(u"expected_minor"_s)},
            {u"counted"_s, QCoreApplication::translate("cs::ApprovalActions", "Counted cash"), {}, money(u"counted_minor"_s)},
            difference > 0
                ? ApprovalField{u"over"_s, QCoreApplication::translate("cs::ApprovalActions", "Over, to suspense payable"), {},
                                plain(cny(difference))}
                : ApprovalField{u"short"_s, QCoreApplication::translate("cs::ApprovalActions", "Short, to suspense receivable"),
                                {}, plain(cny(-difference))},
            {u"state"_s, QCoreApplication::translate("cs::ApprovalActions", "State"),
             QCoreApplication::translate("cs::ApprovalActions", "in use"),
             QCoreApplication::translate("cs::ApprovalActions", "returned to the vault")}};
    }

private:
    static Result<QJsonObject> run(UnitOfWork& uow, const Session& teller, const ApprovalRecord& approval, AuditEntry& audit)
    {
        return CashBoxService::closeIn(uow, teller, cny(approval.payload.value(u"counted_minor"_s).toInteger()),
                                       approval.requestId, audit, CashBoxService::CloseMode::Execute,
                                       approval.payload.value(u"expected_minor"_s).toInteger(), approval.id);
    }
};

void registerCoreActions(ApprovalRegistry& registry)
{
    registry.add(std::make_unique<CashBoxOverShortAction>());
    registry.add(std::make_unique<CashWithdrawAction>());
    registry.add(std::make_unique<ReversalAction>());
    registry.add(std::make_unique<AccountCommandAction>(AccountCommand::Freeze));
    registry.add(std::make_unique<AccountCommandAction>(AccountCommand::Unfreeze));
    registry.add(std::make_unique<AccountCommandAction>(AccountCommand::Close));
}

} // namespace cs
