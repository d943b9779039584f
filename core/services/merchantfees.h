#pragma once

#include "common/result.h"
#include "money/money.h"
#include "services/merchantservice.h"

#include <QDate>

namespace cs {

// The rules of a merchant contract (DOMAIN "Merchant acquiring"), pure: what MerchantService checks
// before the database's CHECKs of 0011 see the row.

// The default rates of new contracts (settings merchant.fee.*).
struct MerchantFeeDefaults {
    qint64 b2bRateBp = 10;                          // merchant.fee.b2b_rate_bp: 0.1%
    Money b2bFixed = Money(500, Currency::cny());   // merchant.fee.b2b_fixed: ¥5.00
    qint64 b2cRateBp = 25;                          // merchant.fee.b2c_rate_bp: 0.25%
};

// B2C rates allowed by the published range 0.2%-0.3% (also the CHECK of 0011 and the setting's range).
inline constexpr qint64 b2cMinRateBp = 20;
inline constexpr qint64 b2cMaxRateBp = 30;
// A B2B percent contract: 0.01% to 1%.
inline constexpr qint64 b2bMaxRateBp = 100;
// T+N: N from 1 to 30 calendar days.
inline constexpr int maxSettlementDays = 30;

// The contract with its defaults filled in where the request left the rate or the fixed fee at zero.
MerchantContract withDefaults(const MerchantContract& contract, const MerchantFeeDefaults& defaults);
// Invalid merchant.fee_plan, merchant.fee_rate (rate_bp), merchant.fixed_fee (fixed), merchant.cycle,
// merchant.settlement_days (days).
Status checkContract(const MerchantContract& contract);
// The fee of one payment of `amount` (captured): rate_bp / 10000 of it rounded half up to the fen, or
// the fixed fee; never more than the amount itself.
Result<Money> merchantFee(const MerchantContract& contract, const Money& amount);
// The business date whose end of day settles a payment captured on `capturedOn`: that day for the T+0
// cycles, N calendar days later for T+N (the branch's business dates are consecutive days).
QDate settleOnFor(const MerchantContract& contract, const QDate& capturedOn);

} // namespace cs
