#include "money/amountparser.h"

#include "money/amountformat.h"

#include <QCoreApplication>

#include <limits>

namespace cs {
namespace {

__extension__ using UInt128 = unsigned __int128;

// More integer digits than this cannot fit a qint64 in any currency; checked before accumulating so
// the accumulator itself cannot overflow.
constexpr qsizetype kMaxIntegerDigits = 19;

bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }

QString labelOf(const AmountParseOptions &options)
{
    return options.label.isEmpty() ? QCoreApplication::translate("cs::AmountParser", "Amount") : options.label;
}

// A sample in the currency's own shape, so the message shows JPY users "1,234" and KWD users "1,234.567".
QString exampleFor(Currency currency)
{
    static constexpr qint64 kSampleFraction[] = {0, 5, 56, 567};
    const int digits = currency.minorDigits();
    const qint64 fraction = digits < 4 ? kSampleFraction[digits] : 0;
    return formatAmount(Money(1234 * currency.minorPerMajor() + fraction, currency));
}

Result<Money> refuse(const AmountParseOptions &options, const char *code, const QString &message)
{
    return fail(Error::invalid(QLatin1String(code), options.field, message));
}

// Commas must split the integer part into a head of 1..3 digits and tails of exactly 3.
bool groupingIsCorrect(QStringView integerPart)
{
    qsizetype groupStart = 0;
    bool first = true;
    for (qsizetype i = 0; i <= integerPart.size(); ++i) {
        if (i < integerPart.size() && integerPart[i] != u',')
            continue;
        const qsizetype length = i - groupStart;
        if (first ? (length < 1 || length > 3) : length != 3)
            return false;
        first = false;
        groupStart = i + 1;
    }
    return true;
}

} // namespace

Result<Money> parseAmount(QStringView text, Currency currency, const AmountParseOptions &options)
{
    QStringView s = text.trimmed();
    if (s.isEmpty()) {
        return refuse(options, "amount.empty",
                      QCoreApplication::translate("cs::AmountParser", "%1 is empty: enter an amount.")
                          .arg(labelOf(options)));
    }

    const auto malformed = [&] {
        return refuse(options, "amount.malformed",
                      QCoreApplication::translate("cs::AmountParser",
                                                  "%1 must be written in digits with an optional decimal point, "
                                                  "such as %2.")
                          .arg(labelOf(options), exampleFor(currency)));
    };

    const bool negative = s.front() == u'-';
    if (negative)
        s = s.sliced(1);
    if (s.isEmpty())
        return malformed();
    for (const QChar c : s) {
        if (!isAsciiDigit(c) && c != u',' && c != u'.')
            return malformed();
    }

    const qsizetype dot = s.indexOf(u'.');
    const QStringView integerPart = dot < 0 ? s : s.first(dot);
    const QStringView fractionPart = dot < 0 ? QStringView() : s.sliced(dot + 1);
    if (integerPart.isEmpty())
        return malformed();
    if (dot >= 0 && (fractionPart.isEmpty() || fractionPart.contains(u'.') || fractionPart.contains(u',')))
        return malformed();

    if (integerPart.contains(u',') && !groupingIsCorrect(integerPart)) {
        return refuse(options, "amount.grouping",
                      QCoreApplication::translate("cs::AmountParser",
                                                  "%1: put a comma after every three digits, such as %2, "
                                                  "or leave the commas out.")
                          .arg(labelOf(options), exampleFor(currency)));
    }

    QChar digits[kMaxIntegerDigits];
    qsizetype digitCount = 0;
    for (const QChar c : integerPart) {
        if (c == u',')
            continue;
        if (digitCount < kMaxIntegerDigits)
            digits[digitCount] = c;
        ++digitCount;
    }
    if (digitCount > 1 && digits[0] == u'0') {
        return refuse(options, "amount.leading_zero",
                      QCoreApplication::translate("cs::AmountParser", "%1 must not start with a zero.")
                          .arg(labelOf(options)));
    }

    const int minorDigits = currency.minorDigits();
    if (fractionPart.size() > minorDigits) {
        const QString message = minorDigits == 0
            ? QCoreApplication::translate("cs::AmountParser", "%1: %2 amounts have no decimals.")
                  .arg(labelOf(options), currency.code())
            : QCoreApplication::translate("cs::AmountParser", "%1: %2 amounts have at most %n decimal(s).", nullptr,
                                          minorDigits)
                  .arg(labelOf(options), currency.code());
        return refuse(options, "amount.too_many_decimals", message);
    }

    if (negative && !options.allowNegative) {
        return refuse(options, "amount.negative",
                      QCoreApplication::translate("cs::AmountParser", "%1 must not be negative.")
                          .arg(labelOf(options)));
    }

    const auto tooLarge = [&] {
        return refuse(options, "amount.too_large",
                      QCoreApplication::translate("cs::AmountParser", "%1 is too large.").arg(labelOf(options)));
    };
    if (digitCount > kMaxIntegerDigits)
        return tooLarge();

    UInt128 minor = 0;
    for (qsizetype i = 0; i < digitCount; ++i)
        minor = minor * 10 + static_cast<unsigned>(digits[i].unicode() - u'0');
    for (int i = 0; i < minorDigits; ++i) {
        const unsigned digit = i < fractionPart.size() ? static_cast<unsigned>(fractionPart[i].unicode() - u'0') : 0;
        minor = minor * 10 + digit;
    }
    const UInt128 limit = UInt128(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (minor > limit)
        return tooLarge();

    if (minor == 0 && !options.allowZero) {
        return refuse(options, "amount.zero",
                      QCoreApplication::translate("cs::AmountParser", "%1 must not be zero.").arg(labelOf(options)));
    }

    const qint64 value = negative ? static_cast<qint64>(-static_cast<Int128>(minor)) : static_cast<qint64>(minor);
    return Money(value, currency);
}

} // namespace cs
