#include "domain/residentid.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

constexpr std::array<int, 17> weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char16_t checkCharacters[] = u"10X98765432";
const QDate earliestBirthDate(1900, 1, 1);

Error invalidId(const QString& code, const QString& message)
{
    return Error::invalid(code, u"id_number"_s, message);
}

} // namespace

int ageInYears(const QDate& birth, const QDate& day)
{
    if (!birth.isValid() || !day.isValid() || day < birth)
        return -1;
    int age = day.year() - birth.year();
    // Month and day compared as a pair: a 29 February birthday is reached on 1 March in common years.
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
        --age;
    return age;
}

int ResidentId::ageOn(const QDate& day) const { return ageInYears(birthDate, day); }

Result<ResidentId> ResidentId::parse(const QString& text, const QDate& today)
{
    QString number = text.trimmed();
    if (number.size() != 18)
        return fail(invalidId(u"id.length"_s,
                              QCoreApplication::translate("cs::ResidentId", "A resident ID number has 18 characters; "
                                                                            "this one has %1.").arg(number.size())));
    if (number.at(17) == u'x')
        number[17] = u'X';
    const auto isAsciiDigit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    if (!std::all_of(number.cbegin(), number.cbegin() + 17, isAsciiDigit)
        || !(isAsciiDigit(number.at(17)) || number.at(17) == u'X'))
        return fail(invalidId(u"id.characters"_s,
                              QCoreApplication::translate("cs::ResidentId", "A resident ID number has 17 digits "
                                                                            "followed by a digit or X.")));
    const QChar last = number.at(17);

    const QDate birth(number.mid(6, 4).toInt(), number.mid(10, 2).toInt(), number.mid(12, 2).toInt());
    if (!birth.isValid() || birth < earliestBirthDate)
        return fail(invalidId(u"id.birth_date"_s,
                              QCoreApplication::translate("cs::ResidentId", "The birth date in the resident ID "
                                                                            "number (%1) is not a possible date.")
                                  .arg(number.mid(6, 8))));
    if (today.isValid() && birth > today)
        return fail(invalidId(u"id.future"_s,
                              QCoreApplication::translate("cs::ResidentId", "The birth date in the resident ID "
                                                                            "number (%1) is in the future.")
                                  .arg(birth.toString(Qt::ISODate))));

    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i)
        sum += (number.at(i).unicode() - u'0') * weights[static_cast<size_t>(i)];
    const QChar expected(checkCharacters[sum % 11]);
    if (last != expected)
        return fail(invalidId(u"id.check_digit"_s,
                              QCoreApplication::translate("cs::ResidentId", "The check character of the resident ID "
                                                                            "number does not match; check the number "
                                                                            "for a typing error.")));

    ResidentId id;
    id.number = number;
    id.region = number.left(6);
    id.birthDate = birth;
    id.male = (number.at(16).unicode() - u'0') % 2 == 1;
    return id;
}

} // namespace cs
