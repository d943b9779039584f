#pragma once

#include "common/result.h"
#include "money/money.h"
#include "storage/unitofwork.h"

#include <QStringList>

namespace cs {

// The counter's transfer fees (settings fees.transfer.*), computed here and nowhere else.
//   intra-bank: fees.transfer.intra, a flat fee (0 in the reference tariff);
//   interbank (every network): tiered like a Chinese bank counter, each tier up to and including its
//   maximum: up to ¥10,000 ¥5; up to ¥100,000 ¥10; up to ¥500,000 ¥15; up to ¥1,000,000 ¥20; above it
//   interbank_rate_ppm parts per million of the amount (20 = 0.002%), rounded half up to the fen
//   (Rounding::HalfUp, the PBOC convention for fees), at most interbank_cap (¥200).
struct TransferFeeSchedule {
    qint64 intra = 0;
    qint64 tierMax[4] = {0, 0, 0, 0};
    qint64 tierFee[4] = {0, 0, 0, 0};
    qint64 ratePpm = 0;
    qint64 cap = 0;

    static QStringList settingKeys();
    static Result<TransferFeeSchedule> load(UnitOfWork& uow);
};

Result<Money> transferFee(const TransferFeeSchedule& schedule, bool interbank, const Money& amount);

} // namespace cs
