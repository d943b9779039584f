#include "domain/uscc.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

constexpr char16_t alphabet[] = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int radix = 31;
constexpr std::array<int, 17> weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// The symbol's value 0..30, or -1 when it is not in the alphabet.
int valueOf(QChar c)
{
    for (int i = 0; i < radix; ++i) {
        if (alphabet[i] == c.unicode())
            return i;
    }
    return -1;
}

} // namespace

Result<QString> normaliseUscc(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() != 18)
        return fail(Error::invalid(u"id.length"_s, u"id_number"_s,
                                   QCoreApplication::translate("cs::Uscc", "A unified social credit code has 18 "
                                                                           "characters; this one has %1.")
                                       .arg(trimmed.size())));
    QString code;
    code.reserve(18);
    for (QChar c : trimmed) {
        // Only ASCII letters are upper-cased, so that no other character maps into the alphabet.
        const QChar upper = (c >= u'a' && c <= u'z') ? QChar(c.unicode() - u'a' + u'A') : c;
        if (valueOf(upper) < 0)
            return fail(Error::invalid(u"id.characters"_s, u"id_number"_s,
                                       QCoreApplication::translate("cs::Uscc", "A unified social credit code uses "
                                                                               "only digits and the letters A-Y "
                                                                               "without I, O, Z, S and V.")));
        code.append(upper);
    }
    return code;
}

bool usccCheckDigitValid(const QString& code)
{
    if (code.size() != 18)
        return false;
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const int value = valueOf(code.at(i));
        if (value < 0)
            return false;
        sum += value * weights[static_cast<size_t>(i)];
    }
    const int check = (radix - sum % radix) % radix;
    return valueOf(code.at(17)) == check;
}

UsccCheck checkUscc(const QString& text)
{
    const auto code = normaliseUscc(text);
    if (!code)
        return {};
    return {true, usccCheckDigitValid(*code)};
}

} // namespace cs
