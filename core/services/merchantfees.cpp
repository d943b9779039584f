#include "services/merchantfees.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {


} // namespace

MerchantContract withDefaults(const MerchantContract& contract, const MerchantFeeDefaults& defaults)
{
    MerchantContract c = contract;
    if (c.feePlan == u"b2b_percent"_s && c.feeRateBp == 0)
        c.feeRateBp = defaults.b2bRateBp;
    else if (c.feePlan == u"b2c"_s && c.feeRateBp == 0)
        c.feeRateBp = defaults.b2cRateBp;
    else if (c.feePlan == u"b2b_fixed"_s && c.fixedFee.isZero())
        c.fixedFee = defaults.b2bFixed;
    return c;
}

Status checkContract(const MerchantContract& c)
{
    const bool percent = c.feePlan == u"b2b_percent"_s;
    const bool fixed = c.feePlan == u"b2b_fixed"_s;
    const bool b2c = c.feePlan == u"b2c"_s;
    if (!percent && !fixed && !b2c)
        return fail(Error::invalid(u"merchant.fee_plan"_s, u"plan"_s,
                                   QCoreApplication::translate("cs::Merchants", "The fee plan is b2b_percent, b2b_fixed or b2c.")));
    if (percent && (c.feeRateBp < 1 || c.feeRateBp > b2bMaxRateBp || !c.fixedFee.isZero()))
        return fail(Error::invalid(u"merchant.fee_rate"_s, u"rate_bp"_s,
                                   QCoreApplication::translate("cs::Merchants", "A B2B percent fee is 1 to 100 basis points (0.01% to 1%), without a fixed fee.")));
    if (b2c && (c.feeRateBp < b2cMinRateBp || c.feeRateBp > b2cMaxRateBp || !c.fixedFee.isZero()))
        return fail(Error::invalid(u"merchant.fee_rate"_s, u"rate_bp"_s,
                                   QCoreApplication::translate("cs::Merchants", "A B2C fee is 20 to 30 basis points (0.2% to 0.3%), without a fixed fee.")));
    if (fixed && c.feeRateBp != 0)
        return fail(Error::invalid(u"merchant.fee_rate"_s, u"rate_bp"_s, QCoreApplication::translate("cs::Merchants", "A fixed fee plan has no rate.")));
    if (fixed && (!c.fixedFee.isPositive() || c.fixedFee.currency().code() != u"CNY"_s))
        return fail(Error::invalid(u"merchant.fixed_fee"_s, u"fixed"_s,
                                   QCoreApplication::translate("cs::Merchants", "A fixed fee plan needs a fee in CNY greater than zero.")));
    if (c.cycle != u"t0_realtime"_s && c.cycle != u"t0_eod"_s && c.cycle != u"tn"_s)
        return fail(Error::invalid(u"merchant.cycle"_s, u"cycle"_s, QCoreApplication::translate("cs::Merchants", "The settlement cycle is t0_realtime, t0_eod or tn.")));
    if (c.cycle == u"tn"_s && (c.settlementDays < 1 || c.settlementDays > maxSettlementDays))
        return fail(Error::invalid(u"merchant.settlement_days"_s, u"days"_s,
                                   QCoreApplication::translate("cs::Merchants", "T+N settlement needs N from 1 to 30 days.")));
    if (c.cycle != u"tn"_s && c.settlementDays != 0)
        return fail(Error::invalid(u"merchant.settlement_days"_s, u"days"_s,
                                   QCoreApplication::translate("cs::Merchants", "Only a T+N cycle takes a number of days.")));
    return {};
}

Result<Money> merchantFee(const MerchantContract& c, const Money& amount)
{
    if (c.feePlan == u"b2b_fixed"_s)
        return c.fixedFee.minor() < amount.minor() ? Money(c.fixedFee.minor(), amount.currency()) : amount;
    return amount.multiplyRatio(c.feeRateBp, 10'000, Rounding::HalfUp);
}

QDate settleOnFor(const MerchantContract& c, const QDate& capturedOn)
{
    return c.cycle == u"tn"_s ? capturedOn.addDays(c.settlementDays) : capturedOn;
}

} // namespace cs
