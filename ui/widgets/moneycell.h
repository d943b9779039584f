#pragma once

#include "money/amountformat.h"
#include "money/money.h"

#include <QVariant>

namespace cs::ui {

// How the tables show money: grouped figures with the currency's decimals ("12,345.60"), right-aligned
// so the decimal points line up.
inline QString moneyText(const Money& amount)
{
    return formatAmount(amount);
}

inline QVariant moneyAlignment()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace cs::ui
