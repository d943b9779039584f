#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QTypeInfo>
#include <QtGlobal>

#include <optional>

namespace cs {

// An ISO 4217 currency the terminal knows. It holds an index into a fixed table, so it is as cheap to
// copy as an int and can never name a currency that is not in the table. There is deliberately no
// default constructor: an amount without a stated currency is a bug, not "probably yuan".
class Currency {
public:
    // Exactly three upper-case ASCII letters that are in the table ("CNY"); anything else, including
    // "cny" or " CNY", is refused so a typo never silently picks a currency.
    static std::optional<Currency> fromCode(QStringView code);
    static std::optional<Currency> fromNumericCode(int numericCode);
    static Currency cny() noexcept;
    static QList<Currency> all();

    QString code() const;
    int numericCode() const noexcept;
    int minorDigits() const noexcept;
    qint64 minorPerMajor() const noexcept; // 10^minorDigits: 100 for CNY, 1 for JPY, 1000 for KWD

    friend bool operator==(const Currency &, const Currency &) noexcept = default;

private:
    explicit constexpr Currency(quint8 index) noexcept : m_index(index) {}
    quint8 m_index;
};

} // namespace cs

Q_DECLARE_TYPEINFO(cs::Currency, Q_PRIMITIVE_TYPE);
