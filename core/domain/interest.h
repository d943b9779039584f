#pragma once

#include "common/result.h"
#include "money/money.h"

#include <QDate>

namespace cs {

// Interest on deposits (DOMAIN "Deposits and interest"). Rates are annual, in basis points (0.36% = 36),
// settings, never literals. Days count from the deposit day up to, not including, the withdrawal day.
// Every result is rounded once, to the fen, half up (Rounding::HalfUp): the PBOC convention.

// Interest on a constant `principal` for `days` days at `rateBp` a year, on a 360-day year:
// ¥10,000 at 36 bp for 90 days = ¥9.00; ¥10,000 at 10 bp for 100 days = ¥2.78 (2.777…).
Result<Money> simpleInterest(const Money& principal, qint64 rateBp, qint64 days);

// Daily accrual by the product method (积数计息): each day end adds that day's closing balance to the
// account's balance product (a sum of fen-days); settlement pays product × rate / 360, rounded once.
// A product of 90 days of ¥10,000 (90 × 1,000,000 fen) at 36 bp = ¥9.00.
Result<Money> interestOnProduct(qint64 balanceProductFenDays, qint64 rateBp);

// Quarterly settlement of demand interest: the 20th of March, June, September and December is the
// settlement day (its balance still counts); the interest is credited on the next day, the 21st.
bool isDemandSettlementDay(const QDate& businessDate);

// Days between two dates as the bank counts them (from `from` up to, not including, `to`); 0 when
// `to` is not after `from`.
qint64 interestDays(const QDate& from, const QDate& to);

} // namespace cs
