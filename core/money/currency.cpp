#include "money/currency.h"

#include <QLatin1String>

#include <array>

namespace cs {
namespace {

struct CurrencyEntry {
    char code[4];
    int numeric;
    int digits;
    qint64 perMajor;
};

// ISO 4217. The order is the storage order of Currency, so append only; CNY must stay first because
// it is the home currency that cny() names without a lookup.
constexpr std::array<CurrencyEntry, 9> kCurrencies{{
    {"CNY", 156, 2, 100},
    {"USD", 840, 2, 100},
    {"EUR", 978, 2, 100},
    {"HKD", 344, 2, 100},
    {"GBP", 826, 2, 100},
    {"JPY", 392, 0, 1},
    {"KRW", 410, 0, 1},
    {"KWD", 414, 3, 1000},
    {"BHD", 48, 3, 1000},
}};

} // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    if (code.size() != 3)
        return std::nullopt;
    for (std::size_t i = 0; i < kCurrencies.size(); ++i) {
        if (code == QLatin1String(kCurrencies[i].code, 3))
            return Currency(static_cast<quint8>(i));
    }
    return std::nullopt;
}

std::optional<Currency> Currency::fromNumericCode(int numericCode)
{
    for (std::size_t i = 0; i < kCurrencies.size(); ++i) {
        if (kCurrencies[i].numeric == numericCode)
            return Currency(static_cast<quint8>(i));
    }
    return std::nullopt;
}

Currency Currency::cny() noexcept { return Currency(0); }

QList<Currency> Currency::all()
{
    QList<Currency> list;
    list.reserve(static_cast<qsizetype>(kCurrencies.size()));
    for (std::size_t i = 0; i < kCurrencies.size(); ++i)
        list.append(Currency(static_cast<quint8>(i)));
    return list;
}

QString Currency::code() const { return QLatin1String(kCurrencies[m_index].code, 3); }

int Currency::numericCode() const noexcept { return kCurrencies[m_index].numeric; }

int Currency::minorDigits() const noexcept { return kCurrencies[m_index].digits; }

qint64 Currency::minorPerMajor() const noexcept { return kCurrencies[m_index].perMajor; }

} // namespace cs
