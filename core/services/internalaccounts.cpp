#include "services/internalaccounts.h"

#include "storage/accountrepository.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString sequenceKind = u"internal"_s;

constexpr InternalRole branchRoles[] = {InternalRole::Vault,           InternalRole::FeeIncome,
                                        InternalRole::InterestExpense, InternalRole::SuspensePayable,
                                        InternalRole::SuspenseReceivable, InternalRole::Clearing,
                                        InternalRole::MerchantSettlement};

qint64* slot(BranchLedger& ledger, InternalRole role)
{
    switch (role) {
    case InternalRole::Vault: return &ledger.vault;
    case InternalRole::FeeIncome: return &ledger.feeIncome;
    case InternalRole::InterestExpense: return &ledger.interestExpense;
    case InternalRole::SuspensePayable: return &ledger.suspensePayable;
    case InternalRole::SuspenseReceivable: return &ledger.suspenseReceivable;
    case InternalRole::Clearing: return &ledger.clearing;
    case InternalRole::MerchantSettlement: return &ledger.merchantSettlement;
    case InternalRole::CashBox: break;
    }
    return nullptr;
}

Result<BranchLedger> readLedger(AccountRepository& accounts, qint64 branchId, const Currency& currency, bool* complete)
{
    auto existing = accounts.openInternal(branchId, currency.code());
    if (!existing)
        return fail(existing.error());
    BranchLedger ledger;
    for (const auto& [key, id] : std::as_const(*existing)) {
        const auto role = internalRoleFromKey(key);
        if (!role)
            continue;
        qint64* target = slot(ledger, *role);
        if (target && *target == 0)
            *target = id;
    }
    *complete = true;
    for (InternalRole role : branchRoles)
        *complete = *complete && *slot(ledger, role) != 0;
    return ledger;
}

Result<qint64> create(AccountRepository& accounts, const BranchDay& branch, InternalRole role, const Currency& currency,
                      qint64 ownerStaffId)
{
    auto sequence = accounts.nextSequence(branch.id, sequenceKind);
    if (!sequence)
        return fail(sequence.error());
    auto number = AccountNumber::internal(branch.code, role, *sequence);
    if (!number)
        return fail(number.error());
    NewAccount account;
    account.number = *number;
    // A label for lists; what the account is comes from internal_role.
    account.title = internalRoleKey(role) + u' ' + branch.code;
    account.branchId = branch.id;
    account.productCode = u"internal"_s;
    account.kind = u"internal"_s;
    account.internalRole = internalRoleKey(role);
    account.ownerStaffId = ownerStaffId;
    account.currency = currency.code();
    account.normalSide = InternalAccounts::normalSide(role);
    account.balanceMode = InternalAccounts::balanceMode(role);
    account.openedOn = branch.businessDate;
    return accounts.insert(account);
}

} // namespace

QString InternalAccounts::normalSide(InternalRole role)
{
    switch (role) {
    case InternalRole::CashBox:
    case InternalRole::Vault:
    case InternalRole::InterestExpense:
    case InternalRole::SuspenseReceivable: return u"D"_s;
    case InternalRole::FeeIncome:
    case InternalRole::SuspensePayable:
    case InternalRole::Clearing:
    case InternalRole::MerchantSettlement: return u"C"_s;
    }
    return u"D"_s;
}

QString InternalAccounts::balanceMode(InternalRole role)
{
    // Accounts that every terminal of the branch posts to all day keep no balance in their row.
    switch (role) {
    case InternalRole::FeeIncome:
    case InternalRole::InterestExpense:
    case InternalRole::Clearing:
    case InternalRole::MerchantSettlement: return u"journal"_s;
    case InternalRole::CashBox:
    case InternalRole::Vault:
    case InternalRole::SuspensePayable:
    case InternalRole::SuspenseReceivable: return u"row"_s;
    }
    return u"row"_s;
}

Result<BranchLedger> InternalAccounts::ensure(UnitOfWork& uow, qint64 branchId, Currency currency)
{
    AccountRepository accounts(uow);
    bool complete = false;
    auto ledger = readLedger(accounts, branchId, currency, &complete);
    if (!ledger || complete)
        return ledger;
    auto branch = InternalAccounts::branch(accounts, branchId);
    if (!branch)
        return fail(branch.error());
    if (auto locked = accounts.lockSequence(branchId, sequenceKind); !locked)
        return fail(locked.error());
    ledger = readLedger(accounts, branchId, currency, &complete); // again, under the lock
    if (!ledger || complete)
        return ledger;
    for (InternalRole role : branchRoles) {
        qint64* target = slot(*ledger, role);
        if (*target != 0)
            continue;
        auto id = create(accounts, *branch, role, currency, 0);
        if (!id)
            return fail(id.error());
        *target = *id;
    }
    return ledger;
}

Result<qint64> InternalAccounts::ensureCashBox(UnitOfWork& uow, qint64 branchId, qint64 staffId, Currency currency)
{
    AccountRepository accounts(uow);
    auto existing = accounts.openCashBox(staffId, currency.code());
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return **existing;
    auto branch = InternalAccounts::branch(accounts, branchId);
    if (!branch)
        return fail(branch.error());
    if (auto locked = accounts.lockSequence(branchId, sequenceKind); !locked)
        return fail(locked.error());
    existing = accounts.openCashBox(staffId, currency.code());
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return **existing;
    return create(accounts, *branch, InternalRole::CashBox, currency, staffId);
}

Result<BranchDay> InternalAccounts::branch(AccountRepository& accounts, qint64 branchId)
{
    auto branch = accounts.branch(branchId);
    if (!branch)
        return fail(branch.error());
    if (!branch->has_value())
        return fail(Error::notFound(u"branch.not_found"_s, u"branch"_s,
                                    QCoreApplication::translate("cs::InternalAccounts", "There is no such branch.")));
    return **branch;
}

} // namespace cs
