#include "domain/interest.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {

namespace {

constexpr qint64 daysInYear = 360;
constexpr qint64 basisPointsInWhole = 10'000;

Error badRate()
{
    return Error::invalid(u"interest.rate"_s, u"rate"_s,
                          QCoreApplication::translate("cs::Interest", "An interest rate is zero or more basis points."));
}

} // namespace

Result<Money> simpleInterest(const Money& principal, qint64 rateBp, qint64 days)
{
    if (rateBp < 0)
        return fail(badRate());
    if (days <= 0)
        return Money::zero(principal.currency());
    // principal × rate × days / (360 × 10,000), in 128 bits, rounded once.
    auto scaled = principal.times(days);
    if (!scaled)
        return fail(scaled.error());
    return scaled->multiplyRatio(rateBp, daysInYear * basisPointsInWhole, Rounding::HalfUp);
}

Result<Money> interestOnProduct(qint64 balanceProductFenDays, qint64 rateBp)
{
    if (rateBp < 0)
        return fail(badRate());
    return Money(balanceProductFenDays, Currency::cny()).multiplyRatio(rateBp, daysInYear * basisPointsInWhole,
                                                                       Rounding::HalfUp);
}

bool isDemandSettlementDay(const QDate& businessDate)
{
    return businessDate.isValid() && businessDate.day() == 20 && businessDate.month() % 3 == 0;
}

qint64 interestDays(const QDate& from, const QDate& to)
{
    if (!from.isValid() || !to.isValid())
        return 0;
    return qMax<qint64>(0, from.daysTo(to));
}

} // namespace cs
