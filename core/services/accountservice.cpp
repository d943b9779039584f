#include "services/accountservice.h"

#include "approvals/approvalservice.h"
#include "domain/accountnumber.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "security/permissions.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/cardrepository.h"
#include "storage/holdrepository.h"
#include "storage/journalrepository.h"

#include <QCoreApplication>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Action names of the permissions table (0002); holds ride on freeze and unfreeze.
const QString actionRead = u"account.read"_s;
const QString actionOpen = u"account.open"_s;
const QString actionFreeze = u"account.freeze"_s;
const QString actionUnfreeze = u"account.unfreeze"_s;
const QString actionClose = u"account.close"_s;

constexpr int maxPageSize = 1000;

Currency currencyOf(const QString& code) { return Currency::fromCode(code).value_or(Currency::cny()); }

Error accountNotFound(const QString& number)
{
    return Error::notFound(u"account.not_found"_s, u"account"_s,
                           QCoreApplication::translate("cs::AccountService", "There is no account %1.").arg(number));
}

Result<AccountRecord> load(AccountRepository& accounts, const QString& number, bool lock)
{
    auto found = lock ? accounts.lockByNumber(number) : accounts.findByNumber(number);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(accountNotFound(number));
    return std::move(**found);
}

// The audited picture of an account: what freeze, unfreeze and close change.
QJsonObject picture(const AccountRecord& a)
{
    QJsonObject p{{u"number"_s, a.number}, {u"state"_s, a.state}};
    if (!a.freezeMode.isEmpty())
        p.insert(u"freeze_mode"_s, a.freezeMode);
    if (!a.freezeReason.isEmpty())
        p.insert(u"freeze_reason"_s, a.freezeReason);
    if (a.closedOn.isValid())
        p.insert(u"closed_on"_s, a.closedOn.toString(Qt::ISODate));
    return p;
}

Status requireReason(const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::invalid(u"account.reason_empty"_s, u"reason"_s,
                                   QCoreApplication::translate("cs::AccountService", "Give the reason.")));
    return {};
}

Status requireReasonCode(const QString& code)
{
    if (!accountReasonCodes().contains(code))
        return fail(Error::invalid(u"account.reason_code"_s, u"reason_code"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "The reason code must be one of: %1.")
                                       .arg(accountReasonCodes().join(u", "_s))));
    return {};
}

Status refuseInternal(const AccountRecord& a)
{
    if (!a.isCustomer())
        return fail(Error::refused(u"account.internal"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "Account %1 is an internal account of the branch.")
                                       .arg(a.number)));
    return {};
}

Result<AccountView> view(UnitOfWork& uow, const AccountRecord& a, const QDate& businessDate)
{
    AccountRepository accounts(uow);
    const Currency currency = currencyOf(a.currency);
    AccountView v;
    v.id = a.id;
    v.number = a.number;
    v.title = a.title;
    v.kind = a.kind;
    v.internalRole = a.internalRole;
    v.customerId = a.customerId;
    v.productCode = a.productCode;
    v.accountClass = a.accountClass;
    v.currency = currency;
    v.state = a.state;
    v.freezeMode = a.freezeMode;
    v.freezeReason = a.freezeReason;
    v.balanceMode = a.balanceMode;
    v.openedOn = a.openedOn;
    v.maturityOn = a.maturityOn;
    v.closedOn = a.closedOn;
    qint64 balance = a.balance;
    if (a.isJournalMode()) {
        auto sum = JournalRepository(uow).signedSum(a.id, a.normalSide);
        if (!sum)
            return fail(sum.error());
        balance = *sum;
    }
    v.balance = Money(balance, currency);
    v.held = Money(a.held, currency);
    v.overdraftLimit = Money(a.overdraftLimit, currency);
    v.available = Money(balance - a.held + a.overdraftLimit, currency);
    if (a.customerId > 0) {
        auto owner = accounts.owner(a.customerId);
        if (!owner)
            return fail(owner.error());
        if (owner->has_value())
            v.customerName = (*owner)->fullName;
    }
    auto product = accounts.product(a.productCode);
    if (!product)
        return fail(product.error());
    if (product->has_value())
        v.productName = (*product)->name;
    if (a.boundAccountId > 0) {
        auto bound = accounts.findById(a.boundAccountId);
        if (!bound)
            return fail(bound.error());
        if (bound->has_value())
            v.boundAccount = (*bound)->number;
    }
    auto usage = accounts.limitUsage(a.id, businessDate, QDate(businessDate.year(), 1, 1));
    if (!usage)
        return fail(usage.error());
    v.usedTodayIn = Money(usage->dayIn, currency);
    v.usedTodayOut = Money(usage->dayOut, currency);
    v.usedYearIn = Money(usage->yearIn, currency);
    v.usedYearOut = Money(usage->yearOut, currency);
    auto holds = HoldRepository(uow).activeOn(a.id);
    if (!holds)
        return fail(holds.error());
    for (const HoldRecord& h : std::as_const(*holds))
        v.holds.append({h.id, Money(h.amount, currency), h.reasonCode, h.reason, h.createdAt});
    return v;
}

// A read of the account named by `typed` in a read-only transaction, with the read permission.
Status readAccount(const Database& db, const Session& session, const QString& typed,
                   const std::function<Status(UnitOfWork&, const AccountRecord&, const BranchDay&)>& work)
{
    auto number = AccountNumber::normalize(typed);
    if (!number)
        return fail(number.error());
    return db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            AccountRepository accounts(uow);
            auto account = load(accounts, *number, false);
            if (!account)
                return fail(account.error());
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            return work(uow, *account, *branch);
        },
        UnitOfWork::Isolation::ReadOnly);
}

} // namespace

QString freezeModeKey(FreezeMode mode)
{
    switch (mode) {
    case FreezeMode::Full: return u"full"_s;
    case FreezeMode::Debit: return u"debit"_s;
    case FreezeMode::Credit: return u"credit"_s;
    }
    return u"full"_s;
}

std::optional<FreezeMode> freezeModeFromKey(QStringView key)
{
    for (FreezeMode mode : {FreezeMode::Full, FreezeMode::Debit, FreezeMode::Credit}) {
        if (freezeModeKey(mode) == key)
            return mode;
    }
    return std::nullopt;
}

const QStringList& accountReasonCodes()
{
    static const QStringList codes = {u"judicial"_s, u"customer"_s, u"aml"_s, u"bank"_s, u"transfer"_s, u"other"_s};
    return codes;
}

AccountService::AccountService(Database db) : m_db(std::move(db)) {}

Result<AccountOpened> AccountService::open(const Session& session, const OpenAccountRequest& request) const
{
    const QString productCode = request.productCode.trimmed().toLower();
    const QString accountClass = request.accountClass.trimmed().toUpper();
    if (productCode.isEmpty())
        return fail(Error::invalid(u"account.product_unknown"_s, u"product"_s,
                                   QCoreApplication::translate("cs::AccountService", "Choose the product.")));
    if (!accountClass.isEmpty() && accountClass != u"I"_s && accountClass != u"II"_s && accountClass != u"III"_s)
        return fail(Error::invalid(u"account.class_unknown"_s, u"class"_s,
                                   QCoreApplication::translate("cs::AccountService", "The class is I, II or III.")));
    QString bindNumber;
    if (!request.bindAccount.trimmed().isEmpty()) {
        auto normalized = AccountNumber::normalize(request.bindAccount);
        if (!normalized) {
            Error e = normalized.error();
            e.field = u"bind"_s;
            return fail(e);
        }
        bindNumber = *normalized;
    }

    auto result = performAudited(
        m_db, session, {actionOpen, u"account"_s, {}, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            AccountRepository accounts(uow);
            // The customer's row lock makes "one Class I per person" hold between two terminals.
            auto owner = accounts.lockOwner(request.customerId);
            if (!owner)
                return fail(owner.error());
            if (!owner->has_value())
                return fail(Error::notFound(u"customer.not_found"_s, u"customer"_s,
                                            QCoreApplication::translate("cs::AccountService", "There is no such customer.")));
            auto product = accounts.product(productCode);
            if (!product)
                return fail(product.error());
            if (!product->has_value())
                return fail(Error::invalid(u"account.product_unknown"_s, u"product"_s,
                                           QCoreApplication::translate("cs::AccountService", "There is no product %1.")
                                               .arg(productCode)));
            const ProductRecord& p = **product;
            if (!p.active || p.kind == u"internal"_s || p.kind == u"card"_s)
                return fail(Error::refused(u"account.product_not_offered"_s, u"product"_s,
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "Product %1 is not opened as an account at the "
                                                                       "counter.")
                                               .arg(productCode)));
            const bool company = (*owner)->kind == u"company"_s;
            if (company != (p.kind == u"corporate"_s))
                return fail(Error::refused(u"account.product_customer"_s, u"product"_s,
                                           company ? QCoreApplication::translate("cs::AccountService",
                                                                                 "A company opens a corporate account.")
                                                   : QCoreApplication::translate("cs::AccountService",
                                                                                 "A corporate account is for companies only.")));
            const bool needsClass = !company && p.kind == u"demand"_s;
            if (needsClass && accountClass.isEmpty())
                return fail(Error::invalid(u"account.class_required"_s, u"class"_s,
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "Choose the class of a personal demand account: "
                                                                       "I, II or III.")));
            if (!needsClass && !accountClass.isEmpty())
                return fail(Error::invalid(u"account.class_not_applicable"_s, u"class"_s,
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "Only a personal demand account has a class.")));
            const bool needsBinding = accountClass == u"II"_s || accountClass == u"III"_s;
            if (needsBinding && bindNumber.isEmpty())
                return fail(Error::invalid(u"account.bind_required"_s, u"bind"_s,
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "A Class II or III account is bound to the "
                                                                       "customer's Class I account: enter its number.")));
            if (!needsBinding && !bindNumber.isEmpty())
                return fail(Error::invalid(u"account.bind_not_applicable"_s, u"bind"_s,
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "Only a Class II or III account is bound to "
                                                                       "another account.")));
            if (accountClass == u"I"_s) {
                auto classI = accounts.openClassICount(request.customerId);
                if (!classI)
                    return fail(classI.error());
                if (*classI > 0)
                    return fail(Error::refused(u"account.class1_exists"_s, u"class"_s,
                                               QCoreApplication::translate("cs::AccountService",
                                                                           "The customer already has a Class I account "
                                                                           "at this bank; open a Class II or III.")));
            }
            qint64 boundId = 0;
            if (needsBinding) {
                auto bound = accounts.findByNumber(bindNumber);
                if (!bound)
                    return fail(bound.error());
                if (!bound->has_value() || (*bound)->customerId != request.customerId
                    || (*bound)->accountClass != u"I"_s || (*bound)->state == u"closed"_s)
                    return fail(Error::refused(u"account.bind_invalid"_s, u"bind"_s,
                                               QCoreApplication::translate("cs::AccountService",
                                                                           "Account %1 is not an open Class I account "
                                                                           "of this customer.")
                                                   .arg(bindNumber)));
                boundId = (*bound)->id;
            }
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            auto sequence = accounts.nextSequence(branch->id, u"customer"_s);
            if (!sequence)
                return fail(sequence.error());
            if (*sequence > AccountNumber::maxCustomerSequence)
                return fail(Error::refused(u"account.sequence_exhausted"_s, {},
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "The branch has used up its account numbers.")));
            const AccountFamily family = p.kind == u"time"_s        ? AccountFamily::Time
                                         : p.kind == u"corporate"_s ? AccountFamily::Corporate
                                                                    : AccountFamily::Demand;
            auto number = AccountNumber::customer(branch->code, family, *sequence);
            if (!number)
                return fail(number.error());
            NewAccount account;
            account.number = *number;
            account.title = (*owner)->fullName;
            account.branchId = branch->id;
            account.customerId = request.customerId;
            account.productCode = p.code;
            account.kind = u"customer"_s;
            account.accountClass = accountClass;
            account.boundAccountId = boundId;
            account.currency = p.currency;
            account.normalSide = u"C"_s;
            account.openedOn = branch->businessDate;
            if (p.kind == u"time"_s && p.termMonths > 0)
                account.maturityOn = branch->businessDate.addMonths(p.termMonths);
            auto id = accounts.insert(account);
            if (!id)
                return fail(id.error());
            audit.entityId = *number;
            audit.after = {{u"number"_s, *number},
                           {u"customer_id"_s, request.customerId},
                           {u"product"_s, p.code},
                           {u"currency"_s, p.currency}};
            if (!accountClass.isEmpty())
                audit.after.insert(u"class"_s, accountClass);
            if (!bindNumber.isEmpty())
                audit.after.insert(u"bound_account"_s, bindNumber);
            return QJsonObject{{u"account"_s, *number}, {u"account_id"_s, *id}};
        });
    if (!result)
        return fail(result.error());
    return AccountOpened{result->value(u"account_id"_s).toInteger(), result->value(u"account"_s).toString()};
}

Result<AccountView> AccountService::show(const Session& session, const QString& number) const
{
    std::optional<AccountView> shown;
    const Status read = readAccount(m_db, session, number,
                                    [&](UnitOfWork& uow, const AccountRecord& a, const BranchDay& branch) -> Status {
                                        auto v = view(uow, a, branch.businessDate);
                                        if (!v)
                                            return fail(v.error());
                                        shown = std::move(*v);
                                        return {};
                                    });
    if (!read)
        return fail(read.error());
    return std::move(*shown);
}

Result<QList<AccountView>> AccountService::listForCustomer(const Session& session, qint64 customerId) const
{
    QList<AccountView> all;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            all.clear();
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            AccountRepository accounts(uow);
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            auto records = accounts.listByCustomer(customerId);
            if (!records)
                return fail(records.error());
            for (const AccountRecord& a : std::as_const(*records)) {
                auto v = view(uow, a, branch->businessDate);
                if (!v)
                    return fail(v.error());
                all.append(std::move(*v));
            }
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return all;
}

QString accountCommandAction(AccountCommand command)
{
    switch (command) {
    case AccountCommand::Freeze: return actionFreeze;
    case AccountCommand::Unfreeze: return actionUnfreeze;
    case AccountCommand::Close: return actionClose;
    }
    return actionFreeze;
}

QJsonObject accountCommandPayload(const AccountCommandRequest& r)
{
    QJsonObject o{{u"account"_s, r.number}, {u"reason"_s, r.reason.trimmed()}};
    if (r.command == AccountCommand::Freeze) {
        o.insert(u"mode"_s, freezeModeKey(r.mode));
        o.insert(u"reason_code"_s, r.reasonCode);
    }
    return o;
}

AccountCommandRequest accountCommandFromPayload(AccountCommand command, const QJsonObject& o)
{
    AccountCommandRequest r;
    r.command = command;
    r.number = o.value(u"account"_s).toString();
    r.mode = freezeModeFromKey(o.value(u"mode"_s).toString()).value_or(FreezeMode::Full);
    r.reasonCode = o.value(u"reason_code"_s).toString();
    r.reason = o.value(u"reason"_s).toString();
    return r;
}

namespace {

// The rules of each command against the account as it stands (locked), then its write.
Status applyRules(AccountRepository& accounts, const AccountCommandRequest& r, const AccountRecord& a,
                  const BranchDay& branch)
{
    if (r.command == AccountCommand::Freeze) {
        if (auto ok = refuseInternal(a); !ok)
            return ok;
        if (a.state == u"frozen"_s)
            return fail(Error::refused(u"account.already_frozen"_s, u"account"_s,
                                       QCoreApplication::translate("cs::AccountService", "Account %1 is already frozen.")
                                           .arg(a.number)));
        if (a.state != u"normal"_s)
            return fail(Error::refused(u"account.state"_s, u"account"_s,
                                       QCoreApplication::translate("cs::AccountService", "Account %1 is closed or dormant.")
                                           .arg(a.number)));
        return accounts.setFrozen(a.id, freezeModeKey(r.mode), r.reasonCode + u": "_s + r.reason.trimmed());
    }
    if (r.command == AccountCommand::Unfreeze) {
        if (a.state != u"frozen"_s)
            return fail(Error::refused(u"account.not_frozen"_s, u"account"_s,
                                       QCoreApplication::translate("cs::AccountService", "Account %1 is not frozen.")
                                           .arg(a.number)));
        return accounts.setUnfrozen(a.id);
    }
    if (auto ok = refuseInternal(a); !ok)
        return ok;
    if (a.state == u"closed"_s)
        return fail(Error::refused(u"account.already_closed"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService", "Account %1 is already closed.")
                                       .arg(a.number)));
    if (a.state == u"frozen"_s)
        return fail(Error::refused(u"account.close_frozen"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "Account %1 is frozen: unfreeze it before closing.")
                                       .arg(a.number)));
    auto holds = HoldRepository(accounts.uow()).activeOn(a.id);
    if (!holds)
        return fail(holds.error());
    if (!holds->isEmpty() || a.held != 0)
        return fail(Error::refused(u"account.close_holds"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "Account %1 has active holds: release them before closing.")
                                       .arg(a.number)));
    if (a.balance != 0)
        return fail(Error::refused(u"account.close_nonzero"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "Account %1 still holds %2: pay it out before closing.")
                                       .arg(a.number, formatAmount(Money(a.balance, currencyOf(a.currency))))));
    auto bound = accounts.openBoundCount(a.id);
    if (!bound)
        return fail(bound.error());
    if (*bound > 0)
        return fail(Error::refused(u"account.close_bound"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "Class II or III accounts are bound to account %1: close "
                                                               "them first.")
                                       .arg(a.number)));
    auto cards = CardRepository(accounts.uow()).liveCardsOn(a.id);
    if (!cards)
        return fail(cards.error());
    if (*cards > 0)
        return fail(Error::refused(u"account.close_cards"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "Cards are issued on account %1: cancel them first.")
                                       .arg(a.number)));
    return accounts.setClosed(a.id, branch.businessDate);
}

// One audited command on the account: done at once, or stored as a pending approval when its
// setting asks for a checker.
Result<AccountChange> perform(const Database& db, const Session& session, AccountCommandRequest request,
                              const QString& requestId)
{
    auto number = AccountNumber::normalize(request.number);
    if (!number)
        return fail(number.error());
    request.number = *number;
    const QString action = accountCommandAction(request.command);
    bool ran = false;
    auto result = performAudited(
        db, session, {action, u"account"_s, *number, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto required = ApprovalService::required(uow, action, std::nullopt);
            if (!required)
                return fail(required.error());
            if (!*required)
                return AccountService::applyCommand(uow, session, request, audit);
            auto current = AccountRepository(uow).findByNumber(*number);
            if (!current)
                return fail(current.error());
            if (!current->has_value())
                return fail(accountNotFound(*number));
            const QString approvalRequest =
                requestId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : requestId;
            auto pending = ApprovalService::submit(
                uow, session, {action, u"account"_s, *number, accountCommandPayload(request), std::nullopt, approvalRequest});
            if (!pending)
                return fail(pending.error());
            audit.before = picture(**current);
            audit.after = {{u"approval_id"_s, pending->approvalId}, {u"state"_s, pending->state}};
            QJsonObject response{{u"account"_s, *number},
                                 {u"state"_s, (*current)->state},
                                 {u"approval_id"_s, pending->approvalId}};
            if (!(*current)->freezeMode.isEmpty())
                response.insert(u"freeze_mode"_s, (*current)->freezeMode);
            return response;
        });
    if (!result)
        return fail(result.error());
    return AccountChange{result->value(u"account"_s).toString(), result->value(u"state"_s).toString(),
                         result->value(u"freeze_mode"_s).toString(), result->value(u"approval_id"_s).toInteger(), !ran};
}

} // namespace

Result<QJsonObject> AccountService::applyCommand(UnitOfWork& uow, const Session& session,
                                                 const AccountCommandRequest& request, AuditEntry& audit)
{
    AccountRepository accounts(uow);
    auto before = load(accounts, request.number, true);
    if (!before)
        return fail(before.error());
    auto branch = InternalAccounts::branch(accounts, session.branchId);
    if (!branch)
        return fail(branch.error());
    if (auto applied = applyRules(accounts, request, *before, *branch); !applied)
        return fail(applied.error());
    auto after = load(accounts, request.number, false);
    if (!after)
        return fail(after.error());
    audit.before = picture(*before);
    audit.after = picture(*after);
    QJsonObject response{{u"account"_s, after->number}, {u"state"_s, after->state}};
    if (!after->freezeMode.isEmpty())
        response.insert(u"freeze_mode"_s, after->freezeMode);
    return response;
}

Result<AccountChange> AccountService::freeze(const Session& session, const QString& number, FreezeMode mode,
                                             const QString& reasonCode, const QString& reason,
                                             const QString& requestId) const
{
    if (auto ok = requireReasonCode(reasonCode); !ok)
        return fail(ok.error());
    if (auto ok = requireReason(reason); !ok)
        return fail(ok.error());
    return perform(m_db, session, {AccountCommand::Freeze, number, mode, reasonCode, reason}, requestId);
}

Result<AccountChange> AccountService::unfreeze(const Session& session, const QString& number, const QString& reason,
                                               const QString& requestId) const
{
    if (auto ok = requireReason(reason); !ok)
        return fail(ok.error());
    return perform(m_db, session, {AccountCommand::Unfreeze, number, FreezeMode::Full, {}, reason}, requestId);
}

Result<AccountChange> AccountService::close(const Session& session, const QString& number, const QString& reason,
                                            const QString& requestId) const
{
    if (auto ok = requireReason(reason); !ok)
        return fail(ok.error());
    return perform(m_db, session, {AccountCommand::Close, number, FreezeMode::Full, {}, reason}, requestId);
}

Result<qint64> AccountService::placeHold(const Session& session, const QString& typed, const Money& amount,
                                         const QString& reasonCode, const QString& reason, const QString& requestId) const
{
    if (auto ok = requireReasonCode(reasonCode); !ok)
        return fail(ok.error());
    if (auto ok = requireReason(reason); !ok)
        return fail(ok.error());
    auto number = AccountNumber::normalize(typed);
    if (!number)
        return fail(number.error());
    auto result = performAudited(
        m_db, session, {actionFreeze, u"hold"_s, {}, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            AccountRepository accounts(uow);
            auto account = load(accounts, *number, false);
            if (!account)
                return fail(account.error());
            audit.entityId = *number;
            auto id = PostingEngine::placeHold(uow, {account->id, amount, reasonCode, reason.trimmed(), requestId,
                                                     session.staffId, 0});
            if (!id)
                return fail(id.error());
            audit.entityId = QString::number(*id);
            audit.after = {{u"account"_s, *number},
                           {u"amount"_s, formatAmount(amount, {.grouping = false, .withCode = false})},
                           {u"currency"_s, amount.currency().code()},
                           {u"reason_code"_s, reasonCode},
                           {u"reason"_s, reason.trimmed()},
                           {u"state"_s, u"active"_s}};
            return QJsonObject{{u"hold_id"_s, *id}, {u"account"_s, *number}};
        });
    if (!result)
        return fail(result.error());
    return result->value(u"hold_id"_s).toInteger();
}

Status AccountService::releaseHold(const Session& session, qint64 holdId, const QString& requestId) const
{
    auto result = performAudited(
        m_db, session, {actionUnfreeze, u"hold"_s, QString::number(holdId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto hold = HoldRepository(uow).find(holdId);
            if (!hold)
                return fail(hold.error());
            if (auto released = PostingEngine::releaseHold(uow, holdId, session.staffId); !released)
                return fail(released.error());
            audit.before = {{u"state"_s, u"active"_s}};
            audit.after = {{u"state"_s, u"released"_s}};
            return QJsonObject{{u"hold_id"_s, holdId}, {u"state"_s, u"released"_s}};
        });
    if (!result)
        return fail(result.error());
    return {};
}

Result<StatementPage> AccountService::statement(const Session& session, const QString& number, const QDate& from,
                                                const QDate& to, qint64 afterLineId, int pageSize,
                                                std::optional<Money> balanceBefore) const
{
    if (from.isValid() && to.isValid() && from > to)
        return fail(Error::invalid(u"statement.range"_s, u"to"_s,
                                   QCoreApplication::translate("cs::AccountService",
                                                               "The end of the period is before its start.")));
    const int limit = std::clamp(pageSize, 1, maxPageSize);
    StatementPage page;
    const Status read = readAccount(
        m_db, session, number, [&](UnitOfWork& uow, const AccountRecord& a, const BranchDay&) -> Status {
            page = {};
            JournalRepository journal(uow);
            auto rows = journal.statementPage(a.id, from, to, afterLineId, limit);
            if (!rows)
                return fail(rows.error());
            page.atEnd = rows->size() < limit;
            if (rows->isEmpty()) {
                page.lastLineId = afterLineId;
                return {};
            }
            const Currency currency = currencyOf(a.currency);
            if (balanceBefore && !(balanceBefore->currency() == currency))
                return fail(Error::invalid(u"statement.currency"_s, u"balance"_s,
                                           QCoreApplication::translate("cs::AccountService",
                                                                       "Account %1 is kept in %2.").arg(a.number, a.currency)));
            qint64 running = 0;
            if (balanceBefore) {
                running = balanceBefore->minor();
            } else {
                auto before = journal.signedSumBefore(a.id, a.normalSide, rows->constFirst().txnId,
                                                      rows->constFirst().lineId);
                if (!before)
                    return fail(before.error());
                running = *before;
            }
            for (const StatementRow& row : std::as_const(*rows)) {
                const bool normal = row.side == a.normalSide;
                if (qAddOverflow(running, normal ? row.amount : -row.amount, &running))
                    return fail(Error::internal(u"money.overflow"_s, u"Running balance overflows"_s));
                StatementLine line;
                line.lineId = row.lineId;
                line.txnId = row.txnId;
                line.businessDate = row.businessDate;
                line.postedAt = row.postedAt;
                line.kind = row.kind;
                line.side = row.side == u"D"_s ? 'D' : 'C';
                line.amount = Money(row.amount, currency);
                line.balanceAfter = Money(running, currency);
                line.memo = row.memo;
                line.reversesTxnId = row.reversesTxnId;
                line.terminal = row.terminal;
                page.lines.append(line);
            }
            page.lastLineId = rows->constLast().lineId;
            return {};
        });
    if (!read)
        return fail(read.error());
    return page;
}

Result<qint64> AccountService::statementLineCount(const Session& session, const QString& number, const QDate& from,
                                                  const QDate& to) const
{
    qint64 count = 0;
    const Status read = readAccount(m_db, session, number,
                                    [&](UnitOfWork& uow, const AccountRecord& a, const BranchDay&) -> Status {
                                        auto n = JournalRepository(uow).statementCount(a.id, from, to);
                                        if (!n)
                                            return fail(n.error());
                                        count = *n;
                                        return {};
                                    });
    if (!read)
        return fail(read.error());
    return count;
}

} // namespace cs
