#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace cs::pan {

// Card numbers (DOMAIN "Cards"). Ours: BIN + zero-padded sequence + Luhn check digit, 16 to 19 digits.

// The PAN of sequence number `sequence` under `bin` (6 to 8 digits) with `length` digits in all (16..19):
// nullopt when the BIN is malformed, the length is out of range or the sequence does not fit.
std::optional<QString> compose(QStringView bin, qint64 sequence, int length);

// Strict, for cards we issue: 16 to 19 ASCII digits, starts with `bin`, Luhn check digit right.
bool validOwn(QStringView pan, QStringView bin);

// Lenient, for other banks' cards: 13 to 19 digits after dropping spaces and hyphens (no Luhn demand).
bool plausibleForeign(QStringView typed);

// Spaces and hyphens dropped, nothing else changed.
QString normalised(QStringView typed);

// At most the first 6 and last 4 digits, the rest '*': 6217000000000000004 -> 621700*********0004.
// Anything shorter than 11 characters is masked entirely.
QString masked(QStringView pan);

} // namespace cs::pan
