#include "domain/luhn.h"

namespace cs {

std::optional<int> luhnCheckDigit(QStringView digits)
{
    if (digits.isEmpty())
        return std::nullopt;
    // From the right, the digit next to the check digit is doubled, then every second one.
    int sum = 0;
    bool doubled = true;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const char16_t c = digits[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        int d = c - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
}

bool luhnValid(QStringView number)
{
    if (number.size() < 2)
        return false;
    const char16_t last = number.back().unicode();
    if (last < u'0' || last > u'9')
        return false;
    const auto check = luhnCheckDigit(number.first(number.size() - 1));
    return check && *check == last - u'0';
}

} // namespace cs
