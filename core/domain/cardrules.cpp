#include "domain/cardrules.h"

#include "money/amountformat.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {

namespace {

Error refusedCard(const QString& code, const QString& message) { return Error::refused(code, u"card"_s, message); }

QString dateText(const QDate& date) { return date.toString(Qt::ISODate); }

bool isDigits(const QByteArray& bytes)
{
    for (char c : bytes)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// Six equal digits, a straight run up or down, or a pair or triple repeated (121212, 123123): the first
// guesses of anyone holding a found card.
bool trivialPin(const QByteArray& pin)
{
    bool up = true;
    bool down = true;
    for (int i = 1; i < pin.size(); ++i) {
        up = up && pin[i] == char('0' + (pin[i - 1] - '0' + 1) % 10);
        down = down && pin[i] == char('0' + (pin[i - 1] - '0' + 9) % 10);
    }
    const bool pairs = pin.mid(0, 2) == pin.mid(2, 2) && pin.mid(2, 2) == pin.mid(4, 2);
    const bool triples = pin.mid(0, 3) == pin.mid(3, 3);
    return up || down || pairs || triples; // six equal digits are repeated pairs
}

} // namespace

QString cardProductKey(CardProduct product)
{
    switch (product) {
    case CardProduct::Debit: return u"debit"_s;
    case CardProduct::Quasi: return u"quasi"_s;
    case CardProduct::Credit: return u"credit"_s;
    }
    return {};
}

std::optional<CardProduct> cardProductFromKey(QStringView key)
{
    for (auto product : {CardProduct::Debit, CardProduct::Quasi, CardProduct::Credit})
        if (cardProductKey(product) == key)
            return product;
    return std::nullopt;
}

QString cardProductLabel(CardProduct product)
{
    switch (product) {
    case CardProduct::Debit: return QCoreApplication::translate("cs::Cards", "Debit card");
    case CardProduct::Quasi: return QCoreApplication::translate("cs::Cards", "Quasi-credit card");
    case CardProduct::Credit: return QCoreApplication::translate("cs::Cards", "Credit card");
    }
    return {};
}

QString cardStateKey(CardState state)
{
    switch (state) {
    case CardState::Issued: return u"issued"_s;
    case CardState::Active: return u"active"_s;
    case CardState::LostOral: return u"lost_oral"_s;
    case CardState::LostWritten: return u"lost_written"_s;
    case CardState::Frozen: return u"frozen"_s;
    case CardState::Replaced: return u"replaced"_s;
    case CardState::Cancelled: return u"cancelled"_s;
    }
    return {};
}

std::optional<CardState> cardStateFromKey(QStringView key)
{
    for (auto state : {CardState::Issued, CardState::Active, CardState::LostOral, CardState::LostWritten,
                       CardState::Frozen, CardState::Replaced, CardState::Cancelled})
        if (cardStateKey(state) == key)
            return state;
    return std::nullopt;
}

QString cardStateLabel(CardState state)
{
    switch (state) {
    case CardState::Issued: return QCoreApplication::translate("cs::Cards", "Not activated");
    case CardState::Active: return QCoreApplication::translate("cs::Cards", "Active");
    case CardState::LostOral: return QCoreApplication::translate("cs::Cards", "Reported lost (oral)");
    case CardState::LostWritten: return QCoreApplication::translate("cs::Cards", "Reported lost (written)");
    case CardState::Frozen: return QCoreApplication::translate("cs::Cards", "Frozen");
    case CardState::Replaced: return QCoreApplication::translate("cs::Cards", "Replaced");
    case CardState::Cancelled: return QCoreApplication::translate("cs::Cards", "Cancelled");
    }
    return {};
}

QString cardCommandAction(CardCommand command)
{
    switch (command) {
    case CardCommand::Activate: return u"card.activate"_s;
    case CardCommand::ReportOralLoss:
    case CardCommand::ReportWrittenLoss: return u"card.report_loss"_s;
    case CardCommand::LiftLoss: return u"card.lift_loss"_s;
    case CardCommand::Freeze: return u"card.freeze"_s;
    case CardCommand::Unfreeze: return u"card.unfreeze"_s;
    case CardCommand::Replace: return u"card.replace"_s;
    case CardCommand::Cancel: return u"card.cancel"_s;
    case CardCommand::SetPin: return u"card.pin_set"_s;
    case CardCommand::ChangePin: return u"card.pin_change"_s;
    case CardCommand::ResetPin: return u"card.pin_reset"_s;
    case CardCommand::SetOnline: return u"card.online"_s;
    case CardCommand::Debit: return u"card.debit"_s;
    }
    return {};
}

QDate oralLossLapsesOn(const CardFacts& facts)
{
    if (facts.state != CardState::LostOral || !facts.lossReportedOn.isValid())
        return {};
    return facts.lossReportedOn.addDays(facts.oralLossLapseDays + 1);
}

QDate replaceableOn(const CardFacts& facts)
{
    if (facts.state != CardState::LostWritten || !facts.lossReportedOn.isValid())
        return {};
    return facts.lossReportedOn.addDays(facts.writtenLossReplaceDays);
}

CardState effectiveCardState(const CardFacts& facts)
{
    const QDate lapses = oralLossLapsesOn(facts);
    if (lapses.isValid() && facts.businessDate >= lapses)
        return facts.stateBeforeLoss;
    return facts.state;
}

Status checkCardCommand(CardCommand command, const CardFacts& facts)
{
    const CardState state = effectiveCardState(facts);
    if (state == CardState::Replaced || state == CardState::Cancelled)
        return fail(refusedCard(u"card.closed"_s, QCoreApplication::translate("cs::Cards", "This card is %1 and accepts no further change.")
                                                      .arg(cardStateLabel(state))));
    const bool lost = state == CardState::LostOral || state == CardState::LostWritten;
    const auto notNow = [&] {
        if (lost)
            return fail(refusedCard(u"card.loss_in_force"_s,
                                    QCoreApplication::translate("cs::Cards", "The card is reported lost; this is not possible until the report is "
                                       "lifted or the card is replaced.")));
        return fail(refusedCard(u"card.state"_s, QCoreApplication::translate("cs::Cards", "This is not possible while the card is %1.")
                                                     .arg(cardStateLabel(state))));
    };
    switch (command) {
    case CardCommand::Activate:
        if (state != CardState::Issued)
            return lost ? notNow()
                        : fail(refusedCard(u"card.not_issued_state"_s, QCoreApplication::translate("cs::Cards", "Only a card not yet activated can be "
                                                                         "activated.")));
        if (!facts.pinSet)
            return fail(refusedCard(u"card.pin_not_set"_s, QCoreApplication::translate("cs::Cards", "The customer sets a PIN before the card is "
                                                             "activated.")));
        return {};
    case CardCommand::ReportOralLoss:
        if (state == CardState::LostOral)
            return fail(refusedCard(u"card.state"_s, QCoreApplication::translate("cs::Cards", "The card is already reported lost.")));
        if (lost)
            return fail(refusedCard(u"card.loss_written"_s, QCoreApplication::translate("cs::Cards", "A written loss report is in force.")));
        return {};
    case CardCommand::ReportWrittenLoss:
        if (state == CardState::LostWritten)
            return fail(refusedCard(u"card.loss_written"_s, QCoreApplication::translate("cs::Cards", "A written loss report is in force.")));
        return {};
    case CardCommand::LiftLoss:
        if (state == CardState::LostWritten)
            return fail(refusedCard(u"card.loss_written"_s, QCoreApplication::translate("cs::Cards", "A written loss report cannot be lifted; the card "
                                                              "is replaced or cancelled.")));
        if (state != CardState::LostOral)
            return fail(refusedCard(u"card.no_loss"_s, QCoreApplication::translate("cs::Cards", "The card is not reported lost.")));
        return {};
    case CardCommand::Freeze:
        return state == CardState::Active ? Status{} : notNow();
    case CardCommand::Unfreeze:
        return state == CardState::Frozen ? Status{} : notNow();
    case CardCommand::Replace:
        if (state == CardState::LostWritten) {
            const QDate from = replaceableOn(facts);
            if (facts.businessDate < from)
                return fail(refusedCard(u"card.replace_too_early"_s,
                                        QCoreApplication::translate("cs::Cards", "A card reported lost in writing can be replaced from %1 on.")
                                            .arg(dateText(from))));
            return {};
        }
        return state == CardState::Active || state == CardState::Frozen ? Status{} : notNow();
    case CardCommand::Cancel:
        return state == CardState::LostOral ? notNow() : Status{};
    case CardCommand::SetPin:
        if (lost || state == CardState::Frozen)
            return notNow();
        if (facts.pinSet)
            return fail(refusedCard(u"card.pin_already_set"_s, QCoreApplication::translate("cs::Cards", "This card already has a PIN; change or reset "
                                                                 "it instead.")));
        return {};
    case CardCommand::ChangePin:
    case CardCommand::ResetPin:
        if (lost)
            return notNow();
        if (!facts.pinSet)
            return fail(refusedCard(u"card.pin_not_set"_s, QCoreApplication::translate("cs::Cards", "This card has no PIN yet.")));
        return {};
    case CardCommand::SetOnline:
        return state == CardState::Issued || state == CardState::Active ? Status{} : notNow();
    case CardCommand::Debit:
        return state == CardState::Active ? Status{} : notNow();
    }
    return notNow();
}

Status checkNewPin(const SecureBytes& pin, const SecureBytes& confirmation)
{
    const QByteArray& digits = pin.bytes();
    if (digits.size() != 6 || !isDigits(digits))
        return fail(Error::invalid(u"card.pin_format"_s, u"pin"_s, QCoreApplication::translate("cs::Cards", "A PIN has exactly 6 digits.")));
    if (digits != confirmation.bytes())
        return fail(Error::invalid(u"card.pin_mismatch"_s, u"pin_confirmation"_s,
                                   QCoreApplication::translate("cs::Cards", "The two PIN entries differ; enter the PIN again.")));
    if (trivialPin(digits))
        return fail(Error::invalid(u"card.pin_trivial"_s, u"pin"_s,
                                   QCoreApplication::translate("cs::Cards", "This PIN is too easy to guess (repeated or consecutive digits); choose "
                                      "another.")));
    return {};
}

Result<Money> remoteFee(const Money& amount, const Money& dayTotalBefore, const RemoteFeeRule& rule)
{
    auto total = dayTotalBefore.plus(amount);
    if (!total)
        return fail(total.error());
    auto under = total->compare(rule.freeBelow);
    if (!under)
        return fail(under.error());
    if (*under < 0)
        return Money::zero(amount.currency());
    // 0.01% of the transaction, to the fen, half up (PBOC convention for fees).
    auto fee = amount.multiplyRatio(rule.ratePerMillion, 1'000'000, Rounding::HalfUp);
    if (!fee)
        return fail(fee.error());
    auto aboveCap = fee->compare(rule.cap);
    if (!aboveCap)
        return fail(aboveCap.error());
    return *aboveCap > 0 ? rule.cap : *fee;
}

QString onlineMethodKey(OnlineMethod method)
{
    switch (method) {
    case OnlineMethod::Sms: return u"sms"_s;
    case OnlineMethod::Otp: return u"otp"_s;
    case OnlineMethod::OtpTrial: return u"otp_trial"_s;
    case OnlineMethod::UsbKey: return u"usbkey"_s;
    }
    return {};
}

std::optional<OnlineMethod> onlineMethodFromKey(QStringView key)
{
    for (auto method : {OnlineMethod::Sms, OnlineMethod::Otp, OnlineMethod::OtpTrial, OnlineMethod::UsbKey})
        if (onlineMethodKey(method) == key)
            return method;
    return std::nullopt;
}

QString onlineMethodLabel(OnlineMethod method)
{
    switch (method) {
    case OnlineMethod::Sms: return QCoreApplication::translate("cs::Cards", "SMS code");
    case OnlineMethod::Otp: return QCoreApplication::translate("cs::Cards", "OTP token");
    case OnlineMethod::OtpTrial: return QCoreApplication::translate("cs::Cards", "OTP token (trial)");
    case OnlineMethod::UsbKey: return QCoreApplication::translate("cs::Cards", "USB key");
    }
    return {};
}

Money OnlineCeilings::of(OnlineMethod method) const
{
    switch (method) {
    case OnlineMethod::Sms: return sms;
    case OnlineMethod::Otp: return otp;
    case OnlineMethod::OtpTrial: return otpTrial;
    case OnlineMethod::UsbKey: return usbKey;
    }
    return sms;
}

Status checkOnlineLimit(const Money& dailyLimit, OnlineMethod method, const OnlineCeilings& ceilings,
                        std::optional<Money> availableCredit)
{
    if (!dailyLimit.isPositive())
        return fail(Error::invalid(u"card.online_limit"_s, u"limit"_s,
                                   QCoreApplication::translate("cs::Cards", "The daily online payment limit must be above zero.")));
    const Money ceiling = ceilings.of(method);
    if (dailyLimit > ceiling)
        return fail(Error::refused(u"card.online_limit_above_ceiling"_s, u"limit"_s,
                                   QCoreApplication::translate("cs::Cards", "With %1 the daily online payment limit is at most ¥%2.")
                                       .arg(onlineMethodLabel(method),
                                            formatAmount(ceiling, {.withCode = false}))));
    if (availableCredit && dailyLimit > *availableCredit)
        return fail(Error::refused(u"card.online_limit_above_credit"_s, u"limit"_s,
                                   QCoreApplication::translate("cs::Cards", "The daily online payment limit cannot exceed the card's available credit.")));
    return {};
}

Status checkOnlinePayment(bool enabled, const Money& amount, const Money& usedToday, const Money& dailyLimit,
                          std::optional<Money> availableCredit)
{
    if (!enabled)
        return fail(refusedCard(u"card.online_disabled"_s, QCoreApplication::translate("cs::Cards", "Online payment is not enabled for this card.")));
    auto after = usedToday.plus(amount);
    if (!after)
        return fail(after.error());
    if (*after > dailyLimit)
        return fail(Error::refused(u"card.online_limit_exceeded"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::Cards", "This payment would pass the card's daily online payment limit.")));
    if (availableCredit && amount > *availableCredit)
        return fail(Error::refused(u"card.insufficient_credit"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::Cards", "This payment is above the card's available credit.")));
    return {};
}

} // namespace cs
