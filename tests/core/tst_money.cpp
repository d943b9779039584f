#include "money/amountformat.h"
#include "money/amountparser.h"
#include "money/currency.h"
#include "money/money.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using cs::Currency;
using cs::Money;
using cs::Rounding;

Q_DECLARE_METATYPE(cs::Rounding)

namespace cs {
// Found by QCOMPARE through argument-dependent lookup, so failures print readable values.
char *toString(const Currency &currency) { return QTest::toString(currency.code()); }
char *toString(const Money &money) { return QTest::toString(formatAmount(money, {.grouping = false, .withCode = true})); }
} // namespace cs

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

Currency currency(const QString &code)
{
    const auto found = Currency::fromCode(code);
    if (!found)
        qFatal("test data names an unknown currency");
    return *found;
}

// Text for QVERIFY2 when a result is not what the row expects.
QByteArray describe(const cs::Result<Money> &result)
{
    if (result)
        return "value " + QByteArray::number(result->minor()) + ' ' + result->currency().code().toLatin1();
    return "error " + result.error().code.toLatin1() + " (" + result.error().message.toUtf8() + ')';
}

} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void currencyTable_data();
    void currencyTable();
    void currencyFromCodeRefuses_data();
    void currencyFromCodeRefuses();
    void currencyIdentity();

    void predicatesAndOrdering();
    void compareRefusesMixedCurrencies();

    void plus_data();
    void plus();
    void minus_data();
    void minus();
    void mixedCurrencyArithmeticRefused();
    void negated_data();
    void negated();
    void times_data();
    void times();
    void multiplyRatio_data();
    void multiplyRatio();
    void multiplyRatioRefusesZeroDenominator();
    void divideRoundedEdges();
    void demandInterest();
    void remoteFee_data();
    void remoteFee();

    void parse_data();
    void parse();
    void parseErrorNamesTheField();

    void format_data();
    void format();
    void roundTrip();

    void capitals_data();
    void capitals();
    void capitalsRefused_data();
    void capitalsRefused();
};

void TestMoney::currencyTable_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("numeric");
    QTest::addColumn<int>("digits");
    QTest::addColumn<qint64>("perMajor");
    QTest::newRow("CNY") << u"CNY"_s << 156 << 2 << qint64(100);
    QTest::newRow("USD") << u"USD"_s << 840 << 2 << qint64(100);
    QTest::newRow("EUR") << u"EUR"_s << 978 << 2 << qint64(100);
    QTest::newRow("HKD") << u"HKD"_s << 344 << 2 << qint64(100);
    QTest::newRow("GBP") << u"GBP"_s << 826 << 2 << qint64(100);
    QTest::newRow("JPY") << u"JPY"_s << 392 << 0 << qint64(1);
    QTest::newRow("KRW") << u"KRW"_s << 410 << 0 << qint64(1);
    QTest::newRow("KWD") << u"KWD"_s << 414 << 3 << qint64(1000);
    QTest::newRow("BHD") << u"BHD"_s << 48 << 3 << qint64(1000);
}

void TestMoney::currencyTable()
{
    QFETCH(QString, code);
    QFETCH(int, numeric);
    QFETCH(int, digits);
    QFETCH(qint64, perMajor);
    const auto found = Currency::fromCode(code);
    QVERIFY(found.has_value());
    QCOMPARE(found->code(), code);
    QCOMPARE(found->numericCode(), numeric);
    QCOMPARE(found->minorDigits(), digits);
    QCOMPARE(found->minorPerMajor(), perMajor);
    const auto byNumber = Currency::fromNumericCode(numeric);
    QVERIFY(byNumber.has_value());
    QCOMPARE(*byNumber, *found);
}

void TestMoney::currencyFromCodeRefuses_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("lower case") << u"cny"_s;
    QTest::newRow("mixed case") << u"Cny"_s;
    QTest::newRow("two letters") << u"CN"_s;
    QTest::newRow("four letters") << u"CNYY"_s;
    QTest::newRow("leading space") << u" CNY"_s;
    QTest::newRow("trailing space") << u"CNY "_s;
    QTest::newRow("unknown") << u"XXX"_s;
    QTest::newRow("full width") << u"ＣＮＹ"_s;
    QTest::newRow("numeric code") << u"156"_s;
}

void TestMoney::currencyFromCodeRefuses()
{
    QFETCH(QString, code);
    QCOMPARE(Currency::fromCode(code).has_value(), false);
}

void TestMoney::currencyIdentity()
{
    QCOMPARE(Currency::cny().code(), u"CNY"_s);
    QCOMPARE(Currency::cny(), currency(u"CNY"_s));
    QVERIFY(!(Currency::cny() == currency(u"USD"_s)));
    QCOMPARE(Currency::fromNumericCode(999).has_value(), false);
    QCOMPARE(Currency::all().size(), 9);
    QCOMPARE(Currency::all().constFirst(), Currency::cny());
}

void TestMoney::predicatesAndOrdering()
{
    const Currency cny = Currency::cny();
    const Money zero = Money::zero(cny);
    QCOMPARE(zero.minor(), qint64(0));
    QCOMPARE(zero.currency(), cny);
    QCOMPARE(zero.isZero(), true);
    QCOMPARE(zero.isNegative(), false);
    QCOMPARE(zero.isPositive(), false);
    QCOMPARE(Money(-1, cny).isNegative(), true);
    QCOMPARE(Money(-1, cny).isZero(), false);
    QCOMPARE(Money(1, cny).isPositive(), true);

    QCOMPARE(Money(5, cny), Money(5, cny));
    QVERIFY(Money(5, cny) != Money(5, currency(u"USD"_s)));
    QVERIFY(Money(4, cny) < Money(5, cny));
    QVERIFY(Money(kMin, cny) < Money(kMax, cny));
    QVERIFY((Money(5, cny) <=> Money(5, cny)) == std::partial_ordering::equivalent);
    QVERIFY((Money(5, cny) <=> Money(5, currency(u"USD"_s))) == std::partial_ordering::unordered);
    QVERIFY(!(Money(4, cny) < Money(5, currency(u"USD"_s))));
    QVERIFY(!(Money(4, cny) > Money(5, currency(u"USD"_s))));
}

void TestMoney::compareRefusesMixedCurrencies()
{
    const Currency cny = Currency::cny();
    QCOMPARE(Money(4, cny).compare(Money(5, cny)).value(), -1);
    QCOMPARE(Money(5, cny).compare(Money(5, cny)).value(), 0);
    QCOMPARE(Money(kMax, cny).compare(Money(kMin, cny)).value(), 1);
    const auto mixed = Money(5, cny).compare(Money(5, currency(u"USD"_s)));
    QVERIFY(!mixed.has_value());
    QCOMPARE(mixed.error().code, u"money.currency_mismatch"_s);
    QCOMPARE(mixed.error().kind, cs::ErrorKind::Invalid);
}

void TestMoney::plus_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("small") << qint64(150) << qint64(275) << qint64(425) << QString();
    QTest::newRow("to zero") << qint64(-5) << qint64(5) << qint64(0) << QString();
    QTest::newRow("max + 0") << kMax << qint64(0) << kMax << QString();
    QTest::newRow("max - 1 + 1") << kMax - 1 << qint64(1) << kMax << QString();
    QTest::newRow("max + 1") << kMax << qint64(1) << qint64(0) << u"money.overflow"_s;
    QTest::newRow("max + max") << kMax << kMax << qint64(0) << u"money.overflow"_s;
    QTest::newRow("min + 0") << kMin << qint64(0) << kMin << QString();
    QTest::newRow("min + 1 - 1") << kMin + 1 << qint64(-1) << kMin << QString();
    QTest::newRow("min - 1") << kMin << qint64(-1) << qint64(0) << u"money.overflow"_s;
    QTest::newRow("min + min") << kMin << kMin << qint64(0) << u"money.overflow"_s;
    QTest::newRow("min + max") << kMin << kMax << qint64(-1) << QString();
}

void TestMoney::plus()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, expected);
    QFETCH(QString, error);
    const auto sum = Money(a, Currency::cny()).plus(Money(b, Currency::cny()));
    if (error.isEmpty()) {
        QVERIFY2(sum.has_value(), describe(sum).constData());
        QCOMPARE(*sum, Money(expected, Currency::cny()));
    } else {
        QVERIFY2(!sum.has_value(), describe(sum).constData());
        QCOMPARE(sum.error().code, error);
    }
}

void TestMoney::minus_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("small") << qint64(150) << qint64(275) << qint64(-125) << QString();
    QTest::newRow("max - 0") << kMax << qint64(0) << kMax << QString();
    QTest::newRow("max - -1") << kMax << qint64(-1) << qint64(0) << u"money.overflow"_s;
    QTest::newRow("min - 0") << kMin << qint64(0) << kMin << QString();
    QTest::newRow("min - 1") << kMin << qint64(1) << qint64(0) << u"money.overflow"_s;
    QTest::newRow("-1 - max") << qint64(-1) << kMax << kMin << QString();
    QTest::newRow("-2 - max") << qint64(-2) << kMax << qint64(0) << u"money.overflow"_s;
    QTest::newRow("0 - min") << qint64(0) << kMin << qint64(0) << u"money.overflow"_s;
    QTest::newRow("-1 - min") << qint64(-1) << kMin << kMax << QString();
    QTest::newRow("max - max") << kMax << kMax << qint64(0) << QString();
}

void TestMoney::minus()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, expected);
    QFETCH(QString, error);
    const auto difference = Money(a, Currency::cny()).minus(Money(b, Currency::cny()));
    if (error.isEmpty()) {
        QVERIFY2(difference.has_value(), describe(difference).constData());
        QCOMPARE(*difference, Money(expected, Currency::cny()));
    } else {
        QVERIFY2(!difference.has_value(), describe(difference).constData());
        QCOMPARE(difference.error().code, error);
    }
}

void TestMoney::mixedCurrencyArithmeticRefused()
{
    const Money yuan(100, Currency::cny());
    const Money dollars(100, currency(u"USD"_s));
    const auto sum = yuan.plus(dollars);
    QVERIFY(!sum.has_value());
    QCOMPARE(sum.error().code, u"money.currency_mismatch"_s);
    QVERIFY(sum.error().message.contains(u"USD"_s));
    const auto difference = yuan.minus(dollars);
    QVERIFY(!difference.has_value());
    QCOMPARE(difference.error().code, u"money.currency_mismatch"_s);
}

void TestMoney::negated_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<bool>("overflows");
    QTest::newRow("zero") << qint64(0) << qint64(0) << false;
    QTest::newRow("positive") << qint64(5) << qint64(-5) << false;
    QTest::newRow("negative") << qint64(-5) << qint64(5) << false;
    QTest::newRow("max") << kMax << -kMax << false;
    QTest::newRow("min + 1") << kMin + 1 << kMax << false;
    QTest::newRow("min") << kMin << qint64(0) << true;
}

void TestMoney::negated()
{
    QFETCH(qint64, value);
    QFETCH(qint64, expected);
    QFETCH(bool, overflows);
    const auto result = Money(value, currency(u"JPY"_s)).negated();
    if (overflows) {
        QVERIFY2(!result.has_value(), describe(result).constData());
        QCOMPARE(result.error().code, u"money.overflow"_s);
    } else {
        QVERIFY2(result.has_value(), describe(result).constData());
        QCOMPARE(*result, Money(expected, currency(u"JPY"_s)));
    }
}

void TestMoney::times_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<bool>("overflows");
    QTest::newRow("small") << qint64(250) << qint64(3) << qint64(750) << false;
    QTest::newRow("by zero") << kMax << qint64(0) << qint64(0) << false;
    QTest::newRow("negative factor") << qint64(250) << qint64(-4) << qint64(-1000) << false;
    QTest::newRow("max * 1") << kMax << qint64(1) << kMax << false;
    QTest::newRow("max * -1") << kMax << qint64(-1) << -kMax << false;
    QTest::newRow("max * 2") << kMax << qint64(2) << qint64(0) << true;
    QTest::newRow("min * 1") << kMin << qint64(1) << kMin << false;
    QTest::newRow("min * -1") << kMin << qint64(-1) << qint64(0) << true;
    QTest::newRow("-2^62 * 2 = min") << -(qint64(1) << 62) << qint64(2) << kMin << false;
    QTest::newRow("2^62 * 2") << (qint64(1) << 62) << qint64(2) << qint64(0) << true;
    QTest::newRow("3037000499^2 fits") << qint64(3037000499) << qint64(3037000499) << qint64(9223372030926249001)
                                       << false;
    QTest::newRow("3037000500^2") << qint64(3037000500) << qint64(3037000500) << qint64(0) << true;
}

void TestMoney::times()
{
    QFETCH(qint64, value);
    QFETCH(qint64, factor);
    QFETCH(qint64, expected);
    QFETCH(bool, overflows);
    const auto result = Money(value, Currency::cny()).times(factor);
    if (overflows) {
        QVERIFY2(!result.has_value(), describe(result).constData());
        QCOMPARE(result.error().code, u"money.overflow"_s);
    } else {
        QVERIFY2(result.has_value(), describe(result).constData());
        QCOMPARE(*result, Money(expected, Currency::cny()));
    }
}

void TestMoney::multiplyRatio_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<bool>("overflows");

    struct Row {
        const char *name;
        qint64 value;
        qint64 numerator;
        qint64 denominator;
        qint64 results[6]; // HalfUp, HalfEven, Down, Up, Floor, Ceiling
    };
    static const Row rows[] = {
        {"2.5", 25, 1, 10, {3, 2, 2, 3, 2, 3}},
        {"-2.5", -25, 1, 10, {-3, -2, -2, -3, -3, -2}},
        {"3.5", 35, 1, 10, {4, 4, 3, 4, 3, 4}},
        {"-3.5", -35, 1, 10, {-4, -4, -3, -4, -4, -3}},
        {"2.6", 26, 1, 10, {3, 3, 2, 3, 2, 3}},
        {"-2.6", -26, 1, 10, {-3, -3, -2, -3, -3, -2}},
        {"2.4", 24, 1, 10, {2, 2, 2, 3, 2, 3}},
        {"-2.4", -24, 1, 10, {-2, -2, -2, -3, -3, -2}},
        {"exact 3", 30, 1, 10, {3, 3, 3, 3, 3, 3}},
        {"exact -3", -30, 1, 10, {-3, -3, -3, -3, -3, -3}},
        {"0.5", 5, 1, 10, {1, 0, 0, 1, 0, 1}},
        {"-0.5", -5, 1, 10, {-1, 0, 0, -1, -1, 0}},
        {"0.1", 1, 1, 10, {0, 0, 0, 1, 0, 1}},
        {"-0.1", -1, 1, 10, {0, 0, 0, -1, -1, 0}},
        {"negative denominator -2.5", 25, 1, -10, {-3, -2, -2, -3, -3, -2}},
        {"both negative 2.5", -25, -1, 10, {3, 2, 2, 3, 2, 3}},
        {"one third", 100, 1, 3, {33, 33, 33, 34, 33, 34}},
        {"two thirds", 200, 1, 3, {67, 67, 66, 67, 66, 67}},
        {"max * max / max", kMax, kMax, kMax, {kMax, kMax, kMax, kMax, kMax, kMax}},
        {"min * max / max", kMin, kMax, kMax, {kMin, kMin, kMin, kMin, kMin, kMin}},
        {"min * -1 / -1", kMin, -1, -1, {kMin, kMin, kMin, kMin, kMin, kMin}},
        {"max * 2 / 3 past 2^63", kMax, 2, 3, {6148914691236517205, 6148914691236517205, 6148914691236517204,
                                             6148914691236517205, 6148914691236517204, 6148914691236517205}},
    };
    static const std::pair<const char *, Rounding> modes[] = {
        {"HalfUp", Rounding::HalfUp}, {"HalfEven", Rounding::HalfEven}, {"Down", Rounding::Down},
        {"Up", Rounding::Up},         {"Floor", Rounding::Floor},       {"Ceiling", Rounding::Ceiling},
    };
    for (const Row &row : rows) {
        for (int m = 0; m < 6; ++m) {
            QTest::addRow("%s %s", row.name, modes[m].first)
                << row.value << row.numerator << row.denominator << modes[m].second << row.results[m] << false;
        }
    }
    QTest::newRow("max * 2 / 1") << kMax << qint64(2) << qint64(1) << Rounding::HalfUp << qint64(0) << true;
    QTest::newRow("max * 3 / 2") << kMax << qint64(3) << qint64(2) << Rounding::Down << qint64(0) << true;
    QTest::newRow("min * -1 / 1") << kMin << qint64(-1) << qint64(1) << Rounding::HalfUp << qint64(0) << true;
    QTest::newRow("min * 1 / -1") << kMin << qint64(1) << qint64(-1) << Rounding::HalfUp << qint64(0) << true;
    QTest::newRow("max + 0.5 rounds past max") << kMax << qint64(2 * 3 + 1) << qint64(2 * 3) << Rounding::Up
                                               << qint64(0) << true;
}

void TestMoney::multiplyRatio()
{
    QFETCH(qint64, value);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);
    QFETCH(bool, overflows);
    const auto result = Money(value, Currency::cny()).multiplyRatio(numerator, denominator, rounding);
    if (overflows) {
        QVERIFY2(!result.has_value(), describe(result).constData());
        QCOMPARE(result.error().code, u"money.overflow"_s);
    } else {
        QVERIFY2(result.has_value(), describe(result).constData());
        QCOMPARE(*result, Money(expected, Currency::cny()));
    }
}

void TestMoney::multiplyRatioRefusesZeroDenominator()
{
    const auto result = Money(100, Currency::cny()).multiplyRatio(1, 0, Rounding::HalfUp);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, u"money.zero_denominator"_s);
}

void TestMoney::divideRoundedEdges()
{
    const cs::Int128 max = kMax;
    QCOMPARE(cs::divideRounded(max * 4 + 1, 4, Rounding::HalfUp), std::optional<qint64>(kMax));
    QCOMPARE(cs::divideRounded(max * 4 + 2, 4, Rounding::HalfEven), std::optional<qint64>(std::nullopt));
    QCOMPARE(cs::divideRounded(max * 4 + 2, 4, Rounding::Down), std::optional<qint64>(kMax));
    QCOMPARE(cs::divideRounded(-(max + 1) * 4 - 1, 4, Rounding::HalfUp), std::optional<qint64>(kMin));
    QCOMPARE(cs::divideRounded(-(max + 1) * 4 - 1, 4, Rounding::Floor), std::optional<qint64>(std::nullopt));
    QCOMPARE(cs::divideRounded(7, 0, Rounding::HalfUp), std::optional<qint64>(std::nullopt));
    QCOMPARE(cs::divideRounded(0, -7, Rounding::Up), std::optional<qint64>(0));
}

void TestMoney::demandInterest()
{
    // DOMAIN.md: annual rate / 360, to the fen, half up. ¥10,000 at 0.36% for 90 days = ¥9.00.
    const Money balance(1'000'000, Currency::cny());
    const qint64 rateBasisPoints = 36;
    const qint64 days = 90;
    const auto interest = balance.multiplyRatio(rateBasisPoints * days, 360 * 10'000, Rounding::HalfUp);
    QVERIFY2(interest.has_value(), describe(interest).constData());
    QCOMPARE(*interest, Money(900, Currency::cny()));

    // One day at 0.36%: ¥138.89 earns 0.13889 fen -> 0; ¥500 earns exactly half a fen -> 1 (half up);
    // ¥50,000 earns 50 fen.
    QCOMPARE(*Money(13'889, Currency::cny()).multiplyRatio(36, 360 * 10'000, Rounding::HalfUp),
             Money(0, Currency::cny()));
    QCOMPARE(*Money(50'000, Currency::cny()).multiplyRatio(36, 360 * 10'000, Rounding::HalfUp),
             Money(1, Currency::cny()));
    QCOMPARE(*Money(5'000'000, Currency::cny()).multiplyRatio(36, 360 * 10'000, Rounding::HalfUp),
             Money(50, Currency::cny()));
}

void TestMoney::remoteFee_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("fee");
    QTest::newRow("under one fen") << qint64(4'999) << qint64(0);
    QTest::newRow("half a fen rounds up") << qint64(5'000) << qint64(1);
    QTest::newRow("1.2345 fen") << qint64(12'345) << qint64(1);
    QTest::newRow("1.5 fen") << qint64(15'000) << qint64(2);
    QTest::newRow("¥100,000") << qint64(10'000'000) << qint64(1'000);
    QTest::newRow("¥500,000 reaches the cap") << qint64(50'000'000) << qint64(5'000);
    QTest::newRow("¥500,004.99 just over rounds to the cap") << qint64(50'000'499) << qint64(5'000);
    QTest::newRow("¥600,000 capped") << qint64(60'000'000) << qint64(5'000);
    QTest::newRow("max capped") << kMax << qint64(5'000);
}

void TestMoney::remoteFee()
{
    // DOMAIN.md: 0.01% of each remote transaction, at most ¥50.
    QFETCH(qint64, amount);
    QFETCH(qint64, fee);
    const Money cap(5'000, Currency::cny());
    const auto raw = Money(amount, Currency::cny()).multiplyRatio(1, 10'000, Rounding::HalfUp);
    QVERIFY2(raw.has_value(), describe(raw).constData());
    const Money charged = raw->compare(cap).value() > 0 ? cap : *raw;
    QCOMPARE(charged, Money(fee, Currency::cny()));
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("allowNegative");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("error");

    const auto ok = [](const char *name, const QString &text, qint64 minor, const QString &code = u"CNY"_s) {
        QTest::newRow(name) << text << code << false << true << minor << QString();
    };
    const auto bad = [](const char *name, const QString &text, const char *error, const QString &code = u"CNY"_s) {
        QTest::newRow(name) << text << code << false << true << qint64(0) << QString::fromLatin1(error);
    };
    const auto okSigned = [](const char *name, const QString &text, qint64 minor) {
        QTest::newRow(name) << text << u"CNY"_s << true << true << minor << QString();
    };
    const auto badSigned = [](const char *name, const QString &text, const char *error) {
        QTest::newRow(name) << text << u"CNY"_s << true << true << qint64(0) << QString::fromLatin1(error);
    };

    ok("zero", u"0"_s, 0);
    ok("zero with decimals", u"0.00"_s, 0);
    ok("half", u"0.5"_s, 50);
    ok("fifty fen", u"0.50"_s, 50);
    ok("five fen", u"0.05"_s, 5);
    ok("one", u"1"_s, 100);
    ok("one decimal", u"12.5"_s, 1'250);
    ok("ungrouped", u"1234.56"_s, 123'456);
    ok("grouped", u"1,234.56"_s, 123'456);
    ok("grouped integer", u"1,234"_s, 123'400);
    ok("two groups", u"1,234,567"_s, 123'456'700);
    ok("three digit head", u"123,456.7"_s, 12'345'670);
    ok("long ungrouped", u"1234567"_s, 123'456'700);
    ok("surrounding spaces", u"  1,234.56  "_s, 123'456);
    ok("surrounding tab and newline", u"\t12\n"_s, 1'200);
    ok("surrounding ideographic space", u"\u300012\u3000"_s, 1'200);
    ok("int64 max", u"92233720368547758.07"_s, kMax);
    ok("int64 max grouped", u"92,233,720,368,547,758.07"_s, kMax);
    ok("JPY", u"1234"_s, 1'234, u"JPY"_s);
    ok("JPY grouped", u"1,234"_s, 1'234, u"JPY"_s);
    ok("JPY zero", u"0"_s, 0, u"JPY"_s);
    ok("JPY int64 max", u"9,223,372,036,854,775,807"_s, kMax, u"JPY"_s);
    ok("KWD three decimals", u"1.234"_s, 1'234, u"KWD"_s);
    ok("KWD one decimal", u"1.2"_s, 1'200, u"KWD"_s);
    ok("BHD fils", u"0.001"_s, 1, u"BHD"_s);

    bad("empty", QString(), "amount.empty");
    bad("spaces only", u"   "_s, "amount.empty");
    bad("tab only", u"\t"_s, "amount.empty");
    bad("European thousands 1.234", u"1.234"_s, "amount.too_many_decimals");
    bad("three decimals", u"12.345"_s, "amount.too_many_decimals");
    bad("grouped three decimals", u"1,234.567"_s, "amount.too_many_decimals");
    bad("JPY decimals", u"12.5"_s, "amount.too_many_decimals", u"JPY"_s);
    bad("JPY zero decimal", u"12.0"_s, "amount.too_many_decimals", u"JPY"_s);
    bad("JPY trailing point", u"12."_s, "amount.malformed", u"JPY"_s);
    bad("KWD four decimals", u"1.2345"_s, "amount.too_many_decimals", u"KWD"_s);
    bad("minus", u"-5"_s, "amount.negative");
    bad("minus zero", u"-0"_s, "amount.negative");
    bad("plus", u"+5"_s, "amount.malformed");
    bad("unicode minus", u"\u22125"_s, "amount.malformed");
    bad("full width minus", u"\uff0d5"_s, "amount.malformed");
    bad("exponent", u"1e3"_s, "amount.malformed");
    bad("hex", u"0x10"_s, "amount.malformed");
    bad("short group", u"1,23"_s, "amount.grouping");
    bad("long group", u"1,2345"_s, "amount.grouping");
    bad("leading comma", u",123"_s, "amount.grouping");
    bad("trailing comma", u"123,"_s, "amount.grouping");
    bad("double comma", u"1,,234"_s, "amount.grouping");
    bad("four digit head", u"1234,567"_s, "amount.grouping");
    bad("lakh grouping", u"12,34,567"_s, "amount.grouping");
    bad("bad group before decimals", u"1,23.45"_s, "amount.grouping");
    bad("lone comma", u","_s, "amount.grouping");
    bad("trailing point", u"1."_s, "amount.malformed");
    bad("leading point", u".5"_s, "amount.malformed");
    bad("lone point", u"."_s, "amount.malformed");
    bad("double point", u"1..2"_s, "amount.malformed");
    bad("two points", u"1.2.3"_s, "amount.malformed");
    bad("comma in decimals", u"1.2,3"_s, "amount.malformed");
    bad("decimal comma", u"1,5"_s, "amount.grouping");
    bad("full width digits", u"１２３"_s, "amount.malformed");
    bad("Chinese numerals", u"一百"_s, "amount.malformed");
    bad("capital numerals", u"壹佰元"_s, "amount.malformed");
    bad("Arabic-Indic digits", u"\u0661\u0662"_s, "amount.malformed");
    bad("space inside", u"1 234"_s, "amount.malformed");
    bad("tab inside", u"1\t234"_s, "amount.malformed");
    bad("no-break space inside", u"1\u00a0234"_s, "amount.malformed");
    bad("leading zeros", u"007"_s, "amount.leading_zero");
    bad("double zero", u"00"_s, "amount.leading_zero");
    bad("leading zero with decimals", u"00.50"_s, "amount.leading_zero");
    bad("leading zero group", u"0,123"_s, "amount.leading_zero");
    bad("NaN", u"NaN"_s, "amount.malformed");
    bad("inf", u"inf"_s, "amount.malformed");
    bad("yuan sign", u"¥5"_s, "amount.malformed");
    bad("yuan suffix", u"5元"_s, "amount.malformed");
    bad("code prefix", u"CNY 5"_s, "amount.malformed");
    bad("one fen over int64", u"92233720368547758.08"_s, "amount.too_large");
    bad("1e17 yuan", u"100000000000000000"_s, "amount.too_large");
    bad("20 digits", u"12345678901234567890"_s, "amount.too_large");
    bad("30 digits", u"123456789012345678901234567890"_s, "amount.too_large");
    bad("JPY over int64", u"9223372036854775808"_s, "amount.too_large", u"JPY"_s);

    okSigned("signed negative", u"-5"_s, -500);
    okSigned("signed negative fen", u"-0.05"_s, -5);
    okSigned("signed grouped", u"-1,234.56"_s, -123'456);
    okSigned("signed positive", u"5"_s, 500);
    okSigned("signed minus zero", u"-0"_s, 0);
    okSigned("signed int64 min", u"-92,233,720,368,547,758.08"_s, kMin);
    badSigned("signed past int64 min", u"-92233720368547758.09"_s, "amount.too_large");
    badSigned("signed int64 max + 1", u"92233720368547758.08"_s, "amount.too_large");
    badSigned("double minus", u"--5"_s, "amount.malformed");
    badSigned("bare minus", u"-"_s, "amount.malformed");
    badSigned("minus then space", u"- 5"_s, "amount.malformed");
    badSigned("trailing minus", u"5-"_s, "amount.malformed");
    badSigned("plus", u"+5"_s, "amount.malformed");
    badSigned("negative leading zero", u"-05"_s, "amount.leading_zero");

    QTest::newRow("zero refused") << u"0"_s << u"CNY"_s << false << false << qint64(0) << u"amount.zero"_s;
    QTest::newRow("0.00 refused") << u"0.00"_s << u"CNY"_s << false << false << qint64(0) << u"amount.zero"_s;
    QTest::newRow("one fen with zero refused") << u"0.01"_s << u"CNY"_s << false << false << qint64(1) << QString();
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(bool, allowNegative);
    QFETCH(bool, allowZero);
    QFETCH(qint64, minor);
    QFETCH(QString, error);
    cs::AmountParseOptions options;
    options.allowNegative = allowNegative;
    options.allowZero = allowZero;
    const auto result = cs::parseAmount(text, currency(code), options);
    if (error.isEmpty()) {
        QVERIFY2(result.has_value(), describe(result).constData());
        QCOMPARE(*result, Money(minor, currency(code)));
    } else {
        QVERIFY2(!result.has_value(), describe(result).constData());
        QCOMPARE(result.error().code, error);
        QCOMPARE(result.error().field, u"amount"_s);
        QCOMPARE(result.error().kind, cs::ErrorKind::Invalid);
        QVERIFY2(result.error().message.startsWith(u"Amount"_s), qPrintable(result.error().message));
    }
}

void TestMoney::parseErrorNamesTheField()
{
    cs::AmountParseOptions options;
    options.field = u"fee_waiver.amount"_s;
    options.label = u"Waived fee"_s;
    const auto result = cs::parseAmount(u"1,23"_s, Currency::cny(), options);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, u"amount.grouping"_s);
    QCOMPARE(result.error().field, u"fee_waiver.amount"_s);
    QCOMPARE(result.error().message,
             u"Waived fee: put a comma after every three digits, such as 1,234.56, or leave the commas out."_s);

    const auto jpy = cs::parseAmount(u"1.5"_s, currency(u"JPY"_s), options);
    QVERIFY(!jpy.has_value());
    QCOMPARE(jpy.error().message, u"Waived fee: JPY amounts have no decimals."_s);

    const auto kwd = cs::parseAmount(u"x"_s, currency(u"KWD"_s), options);
    QVERIFY(!kwd.has_value());
    QCOMPARE(kwd.error().message,
             u"Waived fee must be written in digits with an optional decimal point, such as 1,234.567."_s);
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("grouping");
    QTest::addColumn<bool>("withCode");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << u"CNY"_s << true << false << u"0.00"_s;
    QTest::newRow("one fen") << qint64(1) << u"CNY"_s << true << false << u"0.01"_s;
    QTest::newRow("minus five fen") << qint64(-5) << u"CNY"_s << true << false << u"-0.05"_s;
    QTest::newRow("one yuan") << qint64(100) << u"CNY"_s << true << false << u"1.00"_s;
    QTest::newRow("999.99") << qint64(99'999) << u"CNY"_s << true << false << u"999.99"_s;
    QTest::newRow("first comma") << qint64(100'000) << u"CNY"_s << true << false << u"1,000.00"_s;
    QTest::newRow("1,234.50") << qint64(123'450) << u"CNY"_s << true << false << u"1,234.50"_s;
    QTest::newRow("negative grouped") << qint64(-123'450) << u"CNY"_s << true << false << u"-1,234.50"_s;
    QTest::newRow("millions") << qint64(123'456'789) << u"CNY"_s << true << false << u"1,234,567.89"_s;
    QTest::newRow("ungrouped") << qint64(123'456'789) << u"CNY"_s << false << false << u"1234567.89"_s;
    QTest::newRow("with code") << qint64(123'450) << u"CNY"_s << true << true << u"CNY 1,234.50"_s;
    QTest::newRow("negative with code") << qint64(-123'450) << u"CNY"_s << true << true << u"CNY -1,234.50"_s;
    QTest::newRow("USD") << qint64(1'000'000) << u"USD"_s << true << true << u"USD 10,000.00"_s;
    QTest::newRow("JPY") << qint64(1'234) << u"JPY"_s << true << false << u"1,234"_s;
    QTest::newRow("JPY zero") << qint64(0) << u"JPY"_s << true << false << u"0"_s;
    QTest::newRow("JPY negative") << qint64(-1'234'567) << u"JPY"_s << true << false << u"-1,234,567"_s;
    QTest::newRow("KRW") << qint64(999) << u"KRW"_s << true << false << u"999"_s;
    QTest::newRow("KWD") << qint64(1'234) << u"KWD"_s << true << false << u"1.234"_s;
    QTest::newRow("KWD grouped") << qint64(1'234'567) << u"KWD"_s << true << false << u"1,234.567"_s;
    QTest::newRow("BHD one fils") << qint64(1) << u"BHD"_s << true << false << u"0.001"_s;
    QTest::newRow("int64 max") << kMax << u"CNY"_s << true << false << u"92,233,720,368,547,758.07"_s;
    QTest::newRow("int64 min") << kMin << u"CNY"_s << true << false << u"-92,233,720,368,547,758.08"_s;
    QTest::newRow("int64 min ungrouped") << kMin << u"CNY"_s << false << false << u"-92233720368547758.08"_s;
    QTest::newRow("JPY int64 min") << kMin << u"JPY"_s << true << true << u"JPY -9,223,372,036,854,775,808"_s;
    QTest::newRow("JPY int64 max") << kMax << u"JPY"_s << false << false << u"9223372036854775807"_s;
    QTest::newRow("KWD int64 max") << kMax << u"KWD"_s << true << false << u"9,223,372,036,854,775.807"_s;
    QTest::newRow("KWD int64 min") << kMin << u"KWD"_s << true << false << u"-9,223,372,036,854,775.808"_s;
}

void TestMoney::format()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(bool, grouping);
    QFETCH(bool, withCode);
    QFETCH(QString, expected);
    QCOMPARE(cs::formatAmount(Money(minor, currency(code)), {.grouping = grouping, .withCode = withCode}), expected);
}

void TestMoney::roundTrip()
{
    // Every amount the terminal prints must read back as the same amount, in every currency's shape.
    QRandomGenerator random(20240601);
    cs::AmountParseOptions signedOptions;
    signedOptions.allowNegative = true;
    for (const Currency c : Currency::all()) {
        QList<qint64> values{0, 1, 9, 10, 99, 100, 999, 1'000, 100'000, kMax, kMax - 1, kMin, kMin + 1};
        for (int i = 0; i < 2'000; ++i) {
            const int bits = random.bounded(1, 64);
            const qint64 magnitude = static_cast<qint64>(random.generate64() >> (64 - bits));
            values.append(i % 2 == 0 ? magnitude : -magnitude);
        }
        for (const qint64 minor : values) {
            const Money money(minor, c);
            for (const bool grouping : {true, false}) {
                const QString text = cs::formatAmount(money, {.grouping = grouping});
                if (!money.isNegative()) {
                    const auto back = cs::parseAmount(text, c);
                    QVERIFY2(back.has_value(), qPrintable(text));
                    QCOMPARE(*back, money);
                }
                const auto signedBack = cs::parseAmount(text, c, signedOptions);
                QVERIFY2(signedBack.has_value(), qPrintable(text));
                QCOMPARE(*signedBack, money);
            }
        }
    }
}

void TestMoney::capitals_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("expected");
    const auto row = [](qint64 fen, const QString &expected) {
        QTest::addRow("%lld", static_cast<long long>(fen)) << fen << expected;
    };
    row(0, u"零元整"_s);
    row(1, u"壹分"_s);
    row(5, u"伍分"_s);
    row(15, u"壹角伍分"_s);
    row(50, u"伍角整"_s);
    row(100, u"壹元整"_s);
    row(105, u"壹元零伍分"_s);
    row(150, u"壹元伍角整"_s);
    row(1'000, u"壹拾元整"_s);
    row(1'005, u"壹拾元零伍分"_s);
    row(1'010, u"壹拾元零壹角整"_s);
    row(1'050, u"壹拾元零伍角整"_s);
    row(5'000, u"伍拾元整"_s);
    row(10'100, u"壹佰零壹元整"_s);
    row(11'000, u"壹佰壹拾元整"_s);
    row(32'504, u"叁佰贰拾伍元零肆分"_s);
    row(100'100, u"壹仟零壹元整"_s);
    row(100'500, u"壹仟零伍元整"_s);
    row(101'000, u"壹仟零壹拾元整"_s);
    row(105'000, u"壹仟零伍拾元整"_s);
    row(110'000, u"壹仟壹佰元整"_s);
    row(140'950, u"壹仟肆佰零玖元伍角整"_s);
    row(168'000, u"壹仟陆佰捌拾元整"_s);
    row(168'032, u"壹仟陆佰捌拾元零叁角贰分"_s);
    row(600'714, u"陆仟零柒元壹角肆分"_s);
    row(1'000'000, u"壹万元整"_s);
    row(1'000'500, u"壹万零伍元整"_s);
    row(1'005'000, u"壹万零伍拾元整"_s);
    row(1'100'000, u"壹万壹仟元整"_s);
    row(1'234'567, u"壹万贰仟叁佰肆拾伍元陆角柒分"_s);
    row(1'640'902, u"壹万陆仟肆佰零玖元零贰分"_s);
    row(10'000'000, u"壹拾万元整"_s);
    row(10'050'000, u"壹拾万零伍佰元整"_s);
    row(10'700'053, u"壹拾万柒仟元零伍角叁分"_s);
    row(20'000'001, u"贰拾万元零壹分"_s);
    row(30'000'050, u"叁拾万元零伍角整"_s);
    row(100'000'001, u"壹佰万元零壹分"_s);
    row(100'010'000, u"壹佰万零壹佰元整"_s);
    row(1'000'000'000, u"壹仟万元整"_s);
    row(1'000'100'000, u"壹仟万壹仟元整"_s);
    row(1'0000'0000'00, u"壹亿元整"_s);
    row(1'0000'0001'00, u"壹亿零壹元整"_s);
    row(1'0000'1000'00, u"壹亿零壹仟元整"_s);
    row(1'0001'0000'00, u"壹亿零壹万元整"_s);
    row(1'0100'0000'00, u"壹亿零壹佰万元整"_s);
    row(1'1000'0000'00, u"壹亿壹仟万元整"_s);
    row(1'1230'7000'00, u"壹亿壹仟贰佰叁拾万柒仟元整"_s);
    row(1000'0000'0000'00, u"壹仟亿元整"_s);
    row(1000'0000'0001'00, u"壹仟亿零壹元整"_s);
    row(1010'0000'0000'10, u"壹仟零壹拾亿元零壹角整"_s);
    row(1230'1000'0000'00, u"壹仟贰佰叁拾亿壹仟万元整"_s);
    row(1234'5678'9012'34, u"壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"_s);
    row(9999'9999'9999'99, u"玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"_s);
    row(1'0000'0000'0000'00, u"壹万亿元整"_s);
    row(1'0000'1000'0000'00, u"壹万亿壹仟万元整"_s);
    row(1'0000'0000'1000'00, u"壹万亿零壹仟元整"_s);
    row(1'0001'0000'0000'00, u"壹万零壹亿元整"_s);
    row(10'1000'0000'0000'00, u"壹拾万壹仟亿元整"_s);
    row(9999'9999'9999'9999'99, u"玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"_s);
    row(-1, u"负壹分"_s);
    row(-105, u"负壹元零伍分"_s);
    row(-1'0000'0001'00, u"负壹亿零壹元整"_s);
}

void TestMoney::capitals()
{
    QFETCH(qint64, fen);
    QFETCH(QString, expected);
    const auto written = cs::chineseCapitals(Money(fen, Currency::cny()));
    QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().code));
    QCOMPARE(*written, expected);
}

void TestMoney::capitalsRefused_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("error");
    QTest::newRow("USD") << qint64(100) << u"USD"_s << u"capitals.currency"_s;
    QTest::newRow("JPY zero") << qint64(0) << u"JPY"_s << u"capitals.currency"_s;
    QTest::newRow("one fen past 9999万亿") << qint64(1'0000'0000'0000'0000'00) << u"CNY"_s << u"capitals.too_large"_s;
    QTest::newRow("negative past 9999万亿") << -qint64(1'0000'0000'0000'0000'00) << u"CNY"_s
                                           << u"capitals.too_large"_s;
    QTest::newRow("int64 max") << kMax << u"CNY"_s << u"capitals.too_large"_s;
    QTest::newRow("int64 min") << kMin << u"CNY"_s << u"capitals.too_large"_s;
}

void TestMoney::capitalsRefused()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, error);
    const auto written = cs::chineseCapitals(Money(minor, currency(code)));
    QVERIFY2(!written.has_value(), written ? qPrintable(*written) : "");
    QCOMPARE(written.error().code, error);
    QVERIFY(!written.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
