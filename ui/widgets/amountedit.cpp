#include "widgets/amountedit.h"

#include "money/amountformat.h"
#include "money/amountparser.h"

#include <QCoreApplication>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace cs::ui {

AmountEdit::AmountEdit(const QString& objectName, QWidget* parent)
    : QLineEdit(parent)
{
    setObjectName(objectName);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setMaxLength(32);
    setInputMethodHints(Qt::ImhFormattedNumbersOnly | Qt::ImhNoPredictiveText);
    connect(this, &QLineEdit::textChanged, this, [this] {
        updateCapitals();
        emit amountChanged(validAmount());
    });
}

void AmountEdit::setCurrency(Currency currency)
{
    m_currency = currency;
    updateCapitals();
}

Result<Money> AmountEdit::amount() const
{
    AmountParseOptions options;
    options.field = m_field;
    options.label = m_label;
    options.allowZero = m_allowZero;
    return parseAmount(text(), m_currency, options);
}

std::optional<Money> AmountEdit::validAmount() const
{
    auto parsed = amount();
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

QLabel* AmountEdit::createCapitalsLabel(const QString& objectName, QWidget* parent)
{
    m_capitals = new QLabel(parent);
    m_capitals->setObjectName(objectName);
    m_capitals->setTextFormat(Qt::PlainText);
    m_capitals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_capitals->setWordWrap(true);
    updateCapitals();
    return m_capitals;
}

void AmountEdit::updateCapitals()
{
    if (!m_capitals)
        return;
    const auto typed = validAmount();
    m_capitals->setText(typed ? capitalsText(*typed) : QString());
}

QString capitalsText(const Money& amount)
{
    const auto written = chineseCapitals(amount);
    if (!written)
        return {};
    // 人民币 is part of the amount as written on Chinese vouchers, in every language of the screen.
    return u"人民币"_s + *written;
}

} // namespace cs::ui
