#pragma once

#include <QStringView>

#include <optional>

namespace cs {

// The 12-digit bank code of the PBOC payment system (支付系统行号, CNAPS): 3 digits bank, 4 city,
// 4 branch, 1 check digit. The check digit is ISO 7064 MOD 11,10 (GB/T 17710) over the first 11 digits
// ("模10、11双模算法" in the PBOC business standard). Checked against public head-office codes:
// 102100099996 (ICBC), 103100000026 (ABC), 104100000004 (BOC), 105100000017 (CCB), 301290000007 (BoCom),
// 403100000004 (PSBC).
std::optional<int> bankCodeCheckDigit(QStringView elevenDigits);
bool bankCodeValid(QStringView code);

} // namespace cs
