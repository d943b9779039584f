#pragma once

#include "common/result.h"
#include "domain/accountnumber.h"
#include "money/currency.h"
#include "storage/accountrepository.h"
#include "storage/unitofwork.h"

namespace cs {

// The internal accounts of one branch's ledger in one currency (account ids).
struct BranchLedger {
    qint64 vault = 0;              // D, row: cash in the vault, never negative
    qint64 feeIncome = 0;          // C, journal: hot, its balance is the sum of its lines
    qint64 interestExpense = 0;    // D, journal
    qint64 suspensePayable = 0;    // C, row: unexplained cash overs
    qint64 suspenseReceivable = 0; // D, row: unexplained cash shorts
    qint64 clearing = 0;           // C, journal: interbank in and out
    qint64 merchantSettlement = 0; // C, journal: owed to merchants until settled
};

// Creates what is missing, in the caller's transaction. The common case (everything there) is one
// read; creation takes the branch's 'internal' number sequence lock and looks again, so two
// terminals never create the same account twice.
class InternalAccounts {
public:
    static Result<BranchLedger> ensure(UnitOfWork& uow, qint64 branchId, Currency currency = Currency::cny());
    // The teller's cash box (D, row, never negative) in the branch, created on first use.
    static Result<qint64> ensureCashBox(UnitOfWork& uow, qint64 branchId, qint64 staffId,
                                        Currency currency = Currency::cny());
    // Normal side and balance mode of each internal role.
    // The branch and its business date; NotFound `branch.not_found` (field "branch") when absent.
    static Result<BranchDay> branch(AccountRepository& accounts, qint64 branchId);
    static QString normalSide(InternalRole role);
    static QString balanceMode(InternalRole role);
};

} // namespace cs
