#include "services/transferfees.h"

#include "storage/settingsrepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QString tierKey(int tier, const char* what) { return u"fees.transfer.interbank_t%1_%2"_s.arg(tier).arg(QLatin1String(what)); }

} // namespace

QStringList TransferFeeSchedule::settingKeys()
{
    QStringList keys{u"fees.transfer.intra"_s, u"fees.transfer.interbank_rate_ppm"_s, u"fees.transfer.interbank_cap"_s};
    for (int tier = 1; tier <= 4; ++tier)
        keys << tierKey(tier, "max") << tierKey(tier, "fee");
    return keys;
}

Result<TransferFeeSchedule> TransferFeeSchedule::load(UnitOfWork& uow)
{
    auto values = SettingsRepository(uow).integers(settingKeys());
    if (!values)
        return fail(values.error());
    TransferFeeSchedule s;
    s.intra = values->value(u"fees.transfer.intra"_s);
    s.ratePpm = values->value(u"fees.transfer.interbank_rate_ppm"_s);
    s.cap = values->value(u"fees.transfer.interbank_cap"_s);
    for (int tier = 1; tier <= 4; ++tier) {
        s.tierMax[tier - 1] = values->value(tierKey(tier, "max"));
        s.tierFee[tier - 1] = values->value(tierKey(tier, "fee"));
    }
    return s;
}

Result<Money> transferFee(const TransferFeeSchedule& s, bool interbank, const Money& amount)
{
    const Currency currency = amount.currency();
    if (!interbank)
        return Money(s.intra, currency);
    for (int tier = 0; tier < 4; ++tier) {
        if (amount.minor() <= s.tierMax[tier])
            return Money(s.tierFee[tier], currency);
    }
    auto proportional = amount.multiplyRatio(s.ratePpm, 1'000'000, Rounding::HalfUp);
    if (!proportional)
        return fail(proportional.error());
    return Money(std::min(proportional->minor(), s.cap), currency);
}

} // namespace cs
