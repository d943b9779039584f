#pragma once

#include "common/result.h"

#include <QString>

namespace cs {

// The unified social credit code (统一社会信用代码, GB 32100) of a company: 18 characters from the 31
// symbols 0-9 A-H J-N P Q R T U W X Y (no I O Z S V), the last a check character over the first 17
// (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check value (31 - sum mod 31) mod 31).
// Some codes issued in practice fail the check: a failing check is a warning a supervisor may
// confirm, not a format error.
struct UsccCheck {
    bool formatOk = false;     // 18 characters from the alphabet (after upper-casing)
    bool checkDigitOk = false; // and the check character matches
};

// The code trimmed and upper-cased; Invalid with field "id_number": `id.length` (not 18 characters)
// or `id.characters` (a symbol outside the alphabet).
Result<QString> normaliseUscc(const QString& text);

// True when `code` (normalised: 18 upper-case symbols of the alphabet) carries the right check
// character; false for anything else.
bool usccCheckDigitValid(const QString& code);

// Both answers for any text (normalised first).
UsccCheck checkUscc(const QString& text);

} // namespace cs
