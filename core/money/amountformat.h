#pragma once

#include "common/result.h"
#include "money/money.h"

#include <QString>

namespace cs {

struct AmountFormat {
    bool grouping = true;  // "1,234,567.89" rather than "1234567.89"
    bool withCode = false; // "CNY 1,234.50"
};

// Always exactly minorDigits decimals ("0.00", "-0.05", JPY "1,234", KWD "1.234"), ASCII only and
// independent of the locale, so what is printed is what parseAmount accepts back.
QString formatAmount(const Money &money, const AmountFormat &format = {});

// The amount in Chinese capital numerals (大写金额) as written on cheques and vouchers, e.g.
// 壹万贰仟叁佰肆拾伍元陆角柒分; the rules are documented in amountformat.cpp. CNY only
// (capitals.currency); up to 9999万亿 yuan, beyond that capitals.too_large.
Result<QString> chineseCapitals(const Money &money);

} // namespace cs
