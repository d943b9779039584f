#pragma once

#include "common/result.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace cs {

// What the product digit of a customer account number says (the position after the branch code).
// Card: the own account of a quasi-credit or credit card (a debit card draws on its settlement account).
enum class AccountFamily { Demand = 1, Time = 2, Corporate = 3, Card = 4 };

// The internal accounts of a branch's ledger, as stored in accounts.internal_role.
enum class InternalRole {
    CashBox,
    Vault,
    FeeIncome,
    InterestExpense,
    SuspensePayable,
    SuspenseReceivable,
    Clearing,
    MerchantSettlement,
};

QString internalRoleKey(InternalRole role); // "cash_box", as stored
std::optional<InternalRole> internalRoleFromKey(QStringView key);
int internalRoleCode(InternalRole role);    // the two digits in the account number: cash box 01 .. merchant 08

// Account numbers of this bank, 16 digits ending with a Luhn check digit:
//   customer  6 + branch code (4) + family (1: demand, 2: time, 3: corporate, 4: card) + sequence (9) + check
//   internal  9 + branch code (4) + role code (2)                             + sequence (8) + check
// The sequence counts per branch and kind (account_sequences), so numbers never repeat.
namespace AccountNumber {

inline constexpr int length = 16;
inline constexpr qint64 maxCustomerSequence = 999'999'999;
inline constexpr qint64 maxInternalSequence = 99'999'999;

// Internal `account.sequence` when the branch code is not 4 digits or the sequence is out of range.
Result<QString> customer(QStringView branchCode, AccountFamily family, qint64 sequence);
Result<QString> internal(QStringView branchCode, InternalRole role, qint64 sequence);

// One of our numbers: 16 digits, starting with 6 (customer) or 9 (internal), a known family or role
// code, and a right check digit. Invalid with field "account": `account.format` for the shape,
// `account.check_digit` for a wrong last digit (most typing errors: one wrong digit, two swapped).
Status validate(QStringView number);

// What a teller typed ("6000 1100 0000 0018"): spaces and hyphens dropped, then validated.
Result<QString> normalize(QStringView typed);

bool isInternal(QStringView number); // starts with 9 (only meaningful for a valid number)

} // namespace AccountNumber
} // namespace cs
