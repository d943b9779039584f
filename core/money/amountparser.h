#pragma once

#include "common/result.h"
#include "money/money.h"

#include <QString>
#include <QStringView>

namespace cs {

struct AmountParseOptions {
    QString field = QStringLiteral("amount"); // machine name put in Error::field
    QString label;                            // translated name shown in the message; empty: "Amount"
    bool allowNegative = false;               // a single leading '-' (reversals, adjustments)
    bool allowZero = true;
};

// Parses what a teller typed into an amount of `currency`, strictly: what is accepted has exactly one
// reading, so "1.234" (a thousand in Europe, 1.234 yuan nowhere) is refused rather than guessed.
// Accepted: surrounding whitespace; ASCII digits without a superfluous leading zero; commas only as
// correct thousands grouping ("1,234,567"); a '.' followed by 1..minorDigits digits ("12.5" is 12.50;
// none at all for JPY and KRW). Refused, each with its own Error::code and options.field:
//   amount.empty             nothing but whitespace
//   amount.malformed         any other character, sign '+', a bare or doubled '.', "1.", ".5"
//   amount.grouping          a comma not between groups of exactly three digits
//   amount.leading_zero      "007", "00.5"
//   amount.too_many_decimals more fraction digits than the currency has
//   amount.negative          a '-' when !allowNegative
//   amount.too_large         beyond the qint64 range of minor units
//   amount.zero              zero when !allowZero
Result<Money> parseAmount(QStringView text, Currency currency, const AmountParseOptions &options = {});

} // namespace cs
