#include "money/amountformat.h"

#include <QCoreApplication>

namespace cs {
namespace {

quint64 magnitudeOf(qint64 minor)
{
    // Unsigned negation is defined for the most negative qint64, plain negation is not.
    return minor < 0 ? quint64(0) - static_cast<quint64>(minor) : static_cast<quint64>(minor);
}

char16_t digitChar(quint64 digit) { return static_cast<char16_t>(u'0' + digit); }

} // namespace

QString formatAmount(const Money &money, const AmountFormat &format)
{
    // Built right to left in a stack buffer: 19 digits, 6 commas, sign, point and 3 decimals fit in 32.
    constexpr int kCapacity = 32;
    char16_t buffer[kCapacity];
    int pos = kCapacity;

    const quint64 magnitude = magnitudeOf(money.minor());
    const quint64 perMajor = static_cast<quint64>(money.currency().minorPerMajor());
    quint64 major = magnitude / perMajor;
    quint64 fraction = magnitude % perMajor;
    const int minorDigits = money.currency().minorDigits();
    for (int i = 0; i < minorDigits; ++i) {
        buffer[--pos] = digitChar(fraction % 10);
        fraction /= 10;
    }
    if (minorDigits > 0)
        buffer[--pos] = u'.';
    int written = 0;
    do {
        if (format.grouping && written > 0 && written % 3 == 0)
            buffer[--pos] = u',';
        buffer[--pos] = digitChar(major % 10);
        major /= 10;
        ++written;
    } while (major != 0);
    if (money.isNegative())
        buffer[--pos] = u'-';

    const QStringView number(buffer + pos, kCapacity - pos);
    if (format.withCode)
        return money.currency().code() + u' ' + number;
    return number.toString();
}

// Rules for 大写金额, after the PBOC 《支付结算办法》 annex 《正确填写票据和结算凭证的基本规定》.
// Where the rules allow a choice we take the first form its own examples show, and apply it everywhere:
//  1. Digits 零壹贰叁肆伍陆柒捌玖, places 拾佰仟, sections 万 亿 万亿, then 元角分. 壹拾 keeps its 壹
//     (10 = 壹拾元整), as on cheques, so nothing can be written in front of it.
//  2. A run of zeros inside the integer part is written as one 零 (¥6007.14 = 陆仟零柒元壹角肆分,
//     ¥1409.50 = 壹仟肆佰零玖元伍角整); zeros at the end of the integer part are not written
//     (¥1680 = 壹仟陆佰捌拾元整).
//  3. A section that is all zero writes no unit (¥100000000 = 壹亿元整); a run of zeros that spans it
//     still gets its one 零, because the missing unit is what the 零 stands for (¥100010000 =
//     壹亿零壹万元整, ¥100000001 = 壹亿零壹元整).
//  4. PBOC rule (三): when the 万 (or 亿, 万亿) digit is 0 but the next 仟 digit is not, the 零 may be
//     left out. We leave it out: the written unit already marks the place (¥107000.53 =
//     壹拾万柒仟元零伍角叁分, PBOC's first form).
//  5. Also rule (三): when the 元 digit is 0, the integer part is not zero and 角 is not zero, 零 may
//     be written after 元. We write it (¥1680.32 = 壹仟陆佰捌拾元零叁角贰分, PBOC's first form).
//  6. Rule (四): when 角 is 0 and 分 is not, 零 must follow 元 (¥16409.02 = 壹万陆仟肆佰零玖元零贰分);
//     without yuan there is nothing to separate (¥0.05 = 伍分).
//  7. 整 follows 元 or 角 when there is no 分 (¥1.00 = 壹元整, ¥0.50 = 伍角整); PBOC makes it optional
//     after 角, we always write it so nothing can be appended. Never after 分. Zero is 零元整.
//  8. A negative amount (a reversal) starts with 负.
Result<QString> chineseCapitals(const Money &money)
{
    if (!(money.currency() == Currency::cny())) {
        return fail(Error::invalid(QStringLiteral("capitals.currency"), QString(),
                                   QCoreApplication::translate("cs::AmountFormat",
                                                               "Chinese capital numerals are written for CNY only, "
                                                               "not for %1.")
                                       .arg(money.currency().code())));
    }
    // 9999万亿 yuan and 99 fen: the largest amount the 万亿 section can name.
    constexpr quint64 kMaxFen = 999'999'999'999'999'999ULL;
    const quint64 fen = magnitudeOf(money.minor());
    if (fen > kMaxFen) {
        return fail(Error::invalid(QStringLiteral("capitals.too_large"), QString(),
                                   QCoreApplication::translate("cs::AmountFormat",
                                                               "The amount is too large to write in Chinese "
                                                               "capital numerals.")));
    }

    static constexpr char16_t kDigit[] = u"零壹贰叁肆伍陆柒捌玖";
    static constexpr char16_t kPlace[] = {0, u'拾', u'佰', u'仟'};

    const quint64 yuan = fen / 100;
    const quint64 jiao = fen / 10 % 10;
    const quint64 cent = fen % 10;

    QString out;
    out.reserve(48);
    if (money.isNegative())
        out += u'负';

    if (yuan != 0) {
        int digits[16];
        int count = 0;
        for (quint64 rest = yuan; rest != 0; rest /= 10)
            digits[count++] = static_cast<int>(rest % 10);

        // Whether the section unit at position 4, 8 or 12 is written: 万 and 万亿 when their own four
        // digits are not all zero, 亿 when anything at or above it is not zero.
        const auto unitWritten = [yuan](int position) {
            switch (position) {
            case 4:
                return yuan / 10'000 % 10'000 != 0;
            case 8:
                return yuan / 100'000'000 != 0;
            case 12:
                return yuan / 1'000'000'000'000ULL != 0;
            default:
                return false;
            }
        };

        bool zeroPending = false;
        for (int position = count - 1; position >= 0; --position) {
            const int digit = digits[position];
            if (digit == 0) {
                zeroPending = true;
            } else {
                const bool unitMarksTheGap = position % 4 == 3 && unitWritten(position + 1); // rule 4
                if (zeroPending && !unitMarksTheGap)
                    out += kDigit[0];
                zeroPending = false;
                out += kDigit[digit];
                if (position % 4 != 0)
                    out += kPlace[position % 4];
            }
            if (position > 0 && position % 4 == 0 && unitWritten(position))
                out += position == 8 ? u'亿' : u'万';
        }
        out += u'元';
    }

    if (jiao == 0 && cent == 0) {
        out += yuan == 0 ? QStringView(u"零元整") : QStringView(u"整");
        return out;
    }
    if (jiao != 0) {
        if (yuan != 0 && yuan % 10 == 0) // rule 5
            out += kDigit[0];
        out += kDigit[jiao];
        out += u'角';
        if (cent == 0) {
            out += u'整';
            return out;
        }
    } else if (yuan != 0) { // rule 6
        out += kDigit[0];
    }
    out += kDigit[cent];
    out += u'分';
    return out;
}

} // namespace cs
