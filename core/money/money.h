#pragma once

#include "common/result.h"
#include "money/currency.h"

#include <QTypeInfo>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace cs {

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet. Products of two qint64 always fit.
__extension__ using Int128 = __int128;

// How a ratio that falls between two minor units is settled. Each mode exists for a reason, so callers
// name the one their rule asks for instead of inheriting a default.
enum class Rounding {
    HalfUp,   // 四舍五入, ties away from zero: the PBOC convention for fees and interest to the fen
    HalfEven, // banker's rounding, ties to even: no upward drift when many small results are summed
    Down,     // toward zero (truncate): a payout never exceeds what was exactly earned
    Up,       // away from zero: a charge never under-collects by a fraction of a unit
    Floor,    // toward minus infinity: a limit or an available balance never rounds in the customer's favour
    Ceiling,  // toward plus infinity: a minimum (deposit, repayment) never rounds below the exact figure
};

// n / d rounded by mode, or nullopt when d is 0 or the rounded quotient does not fit in qint64.
std::optional<qint64> divideRounded(Int128 n, Int128 d, Rounding mode) noexcept;

// An amount as a whole number of minor units (fen for CNY) of one currency. Never a double.
// Arithmetic is checked: overflow or mixing currencies yields an error instead of a wrong amount.
class Money {
public:
    constexpr Money(qint64 minor, Currency currency) noexcept : m_minor(minor), m_currency(currency) {}
    static Money zero(Currency currency) noexcept { return Money(0, currency); }

    qint64 minor() const noexcept { return m_minor; }
    Currency currency() const noexcept { return m_currency; }

    bool isZero() const noexcept { return m_minor == 0; }
    bool isNegative() const noexcept { return m_minor < 0; }
    bool isPositive() const noexcept { return m_minor > 0; }

    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;
    Result<Money> negated() const; // fails for the minimum qint64, whose negation does not exist
    Result<Money> times(qint64 factor) const;
    // this * numerator / denominator, exact in 128 bits and rounded once at the end, so a fee of
    // 0.01% is multiplyRatio(1, 10000, HalfUp) and interest is multiplyRatio(rateBp * days, 360 * 10000, ...).
    Result<Money> multiplyRatio(qint64 numerator, qint64 denominator, Rounding rounding) const;

    // -1, 0 or 1; fails with money.currency_mismatch when the currencies differ. Prefer this where the
    // currencies are not known to be equal.
    Result<int> compare(const Money &other) const;

    // Equal only when both the amount and the currency are equal.
    friend bool operator==(const Money &, const Money &) noexcept = default;
    // Orders by amount within one currency; amounts of different currencies are unordered (every
    // relational operator yields false), so do not sort a mixed-currency list with it.
    friend std::partial_ordering operator<=>(const Money &a, const Money &b) noexcept
    {
        if (!(a.m_currency == b.m_currency))
            return std::partial_ordering::unordered;
        return a.m_minor <=> b.m_minor;
    }

private:
    qint64 m_minor;
    Currency m_currency;
};

} // namespace cs

Q_DECLARE_TYPEINFO(cs::Money, Q_PRIMITIVE_TYPE);
