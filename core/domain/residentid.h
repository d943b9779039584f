#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>

namespace cs {

// A mainland resident ID number (居民身份证号, GB 11643): 6-digit region, birth date YYYYMMDD, 3-digit
// sequence (odd: male) and a check character (ISO 7064 MOD 11-2, "X" for 10).
struct ResidentId {
    QString number; // 18 characters, a lower-case "x" normalised to "X"
    QString region; // the first 6 digits
    QDate birthDate;
    bool male = false;

    // Whole years on `day`. Someone born on 29 February turns a year older on 1 March in other years.
    int ageOn(const QDate& day) const;

    // Invalid with field "id_number" and a translated message, one code per fault:
    // `id.length` (not 18 characters), `id.characters` (not 17 digits and a digit or X),
    // `id.birth_date` (no real date, or before 1900-01-01), `id.future` (after `today`),
    // `id.check_digit` (the check character does not match). Surrounding spaces are ignored.
    static Result<ResidentId> parse(const QString& text, const QDate& today);
};

// Whole years from `birth` to `day` (0 when `day` is before the first birthday); the birthday rule of
// ResidentId::ageOn. -1 when either date is invalid or `day` is before `birth`.
int ageInYears(const QDate& birth, const QDate& day);

} // namespace cs
