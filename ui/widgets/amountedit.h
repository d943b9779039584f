#pragma once

#include "common/result.h"
#include "money/money.h"

#include <QLineEdit>

#include <optional>

class QLabel;

namespace cs::ui {

// An amount field: what is typed is read by the strict parseAmount (no guessing of "1.234"), and a
// label beside it shows the amount in Chinese capital numerals (大写金额) as the teller types. Money
// is right-aligned, as in the tables.
class AmountEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit AmountEdit(const QString& objectName, QWidget* parent = nullptr);

    void setCurrency(Currency currency);
    Currency currency() const { return m_currency; }
    // Field name and label put into a parse error (AmountParseOptions).
    void setFieldName(const QString& field) { m_field = field; }
    void setFieldLabel(const QString& label) { m_label = label; }
    void setAllowZero(bool allow) { m_allowZero = allow; }

    // The typed amount, or why it is none (amount.empty, amount.malformed, ...).
    Result<Money> amount() const;
    // The typed amount when it is one.
    std::optional<Money> validAmount() const;

    // The label that follows the amount in capitals (null until created); it is cleared while the text
    // is no amount. Its object name is `objectName`.
    QLabel* createCapitalsLabel(const QString& objectName, QWidget* parent);

signals:
    // The text changed and now reads as `amount` (nullopt: not an amount).
    void amountChanged(std::optional<cs::Money> amount);

private:
    void updateCapitals();

    Currency m_currency = Currency::cny();
    QString m_field = QStringLiteral("amount");
    QString m_label;
    bool m_allowZero = false;
    QLabel* m_capitals = nullptr;
};

// "人民币壹仟元整": the capitals with the currency's name in front, as vouchers write them; empty
// when the amount has none (another currency, too large).
QString capitalsText(const Money& amount);

} // namespace cs::ui
