#include "domain/bankcode.h"

namespace cs {

std::optional<int> bankCodeCheckDigit(QStringView digits)
{
    if (digits.size() != 11)
        return std::nullopt;
    // ISO 7064 MOD 11,10: P starts at 10; for each digit S = (P + d) mod 10 (0 counts as 10), P = 2S mod 11.
    int p = 10;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        int s = (p + (c.unicode() - u'0')) % 10;
        if (s == 0)
            s = 10;
        p = (s * 2) % 11;
    }
    return (11 - p) % 10;
}

bool bankCodeValid(QStringView code)
{
    if (code.size() != 12)
        return false;
    const QChar last = code.at(11);
    if (last < u'0' || last > u'9')
        return false;
    const auto check = bankCodeCheckDigit(code.first(11));
    return check && *check == last.unicode() - u'0';
}

} // namespace cs
