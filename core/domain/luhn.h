#pragma once

#include <QStringView>

#include <optional>

namespace cs {

// The Luhn (mod 10) check digit of ISO/IEC 7812, used by card numbers (PAN) and our account numbers.
// `digits` is the number without its check digit, ASCII digits only; nullopt when it is empty or holds
// anything else, so a typo never yields a check digit.
std::optional<int> luhnCheckDigit(QStringView digits);

// True when the last digit of `number` is the Luhn check digit of the digits before it. False for
// fewer than two characters or any character that is not an ASCII digit.
bool luhnValid(QStringView number);

} // namespace cs
