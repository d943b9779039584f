#include "money/money.h"

#include <QCoreApplication>

#include <limits>

namespace cs {
namespace {

__extension__ using UInt128 = unsigned __int128;

Error overflow()
{
    return Error::invalid(QStringLiteral("money.overflow"), QString(),
                          QCoreApplication::translate("cs::Money", "The amount is too large to be represented."));
}

Error currencyMismatch(const Money &a, const Money &b)
{
    return Error::invalid(QStringLiteral("money.currency_mismatch"), QString(),
                          QCoreApplication::translate("cs::Money", "Amounts in %1 and %2 cannot be combined.")
                              .arg(a.currency().code(), b.currency().code()));
}

} // namespace

std::optional<qint64> divideRounded(Int128 n, Int128 d, Rounding mode) noexcept
{
    if (d == 0)
        return std::nullopt;
    // Work on magnitudes in unsigned 128 bits: negating the most negative Int128 would overflow, and
    // comparing r with d - r avoids the overflow that 2 * r could cause.
    const bool negative = (n < 0) != (d < 0);
    const UInt128 un = n < 0 ? UInt128(0) - UInt128(n) : UInt128(n);
    const UInt128 ud = d < 0 ? UInt128(0) - UInt128(d) : UInt128(d);
    UInt128 q = un / ud;
    const UInt128 r = un % ud;
    if (r != 0) {
        bool awayFromZero = false;
        switch (mode) {
        case Rounding::HalfUp:
            awayFromZero = r >= ud - r;
            break;
        case Rounding::HalfEven:
            awayFromZero = r > ud - r || (r == ud - r && (q & 1) != 0);
            break;
        case Rounding::Down:
            awayFromZero = false;
            break;
        case Rounding::Up:
            awayFromZero = true;
            break;
        case Rounding::Floor:
            awayFromZero = negative;
            break;
        case Rounding::Ceiling:
            awayFromZero = !negative;
            break;
        }
        if (awayFromZero)
            ++q; // r != 0 means ud >= 2, so q <= 2^127 and cannot wrap
    }
    const UInt128 limit = UInt128(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (q > limit)
        return std::nullopt;
    if (!negative)
        return static_cast<qint64>(q);
    return static_cast<qint64>(-static_cast<Int128>(q));
}

Result<Money> Money::plus(const Money &other) const
{
    if (!(m_currency == other.m_currency))
        return fail(currencyMismatch(*this, other));
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return fail(overflow());
    return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money &other) const
{
    if (!(m_currency == other.m_currency))
        return fail(currencyMismatch(*this, other));
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        return fail(overflow());
    return Money(difference, m_currency);
}

Result<Money> Money::negated() const
{
    qint64 negative = 0;
    if (__builtin_sub_overflow(qint64(0), m_minor, &negative))
        return fail(overflow());
    return Money(negative, m_currency);
}

Result<Money> Money::times(qint64 factor) const
{
    qint64 product = 0;
    if (__builtin_mul_overflow(m_minor, factor, &product))
        return fail(overflow());
    return Money(product, m_currency);
}

Result<Money> Money::multiplyRatio(qint64 numerator, qint64 denominator, Rounding rounding) const
{
    if (denominator == 0) {
        return fail(Error::internal(QStringLiteral("money.zero_denominator"),
                                    QCoreApplication::translate("cs::Money", "An amount cannot be divided by zero.")));
    }
    const auto quotient = divideRounded(Int128(m_minor) * numerator, denominator, rounding);
    if (!quotient)
        return fail(overflow());
    return Money(*quotient, m_currency);
}

Result<int> Money::compare(const Money &other) const
{
    if (!(m_currency == other.m_currency))
        return fail(currencyMismatch(*this, other));
    return m_minor < other.m_minor ? -1 : (m_minor > other.m_minor ? 1 : 0);
}

} // namespace cs
