#pragma once

#include "common/result.h"
#include "money/money.h"
#include "security/secretstore.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace cs {

// The card products of CLI.md (product codes debit, quasi, credit).
enum class CardProduct { Debit, Quasi, Credit };
QString cardProductKey(CardProduct product); // "debit", "quasi", "credit"
std::optional<CardProduct> cardProductFromKey(QStringView key);
QString cardProductLabel(CardProduct product); // translated: 借记卡, 准贷记卡, 贷记卡

// The stored states of a card (DOMAIN "Cards"). A PIN lock is not a state of its own: it lasts for
// the business day (see PinLock), whatever the state.
enum class CardState { Issued, Active, LostOral, LostWritten, Frozen, Replaced, Cancelled };
QString cardStateKey(CardState state); // issued, active, lost_oral, lost_written, frozen, replaced, cancelled
std::optional<CardState> cardStateFromKey(QStringView key);
QString cardStateLabel(CardState state); // translated: 未激活, 正常, 口头挂失, 书面挂失, 冻结, 已换卡, 已销卡

enum class CardCommand {
    Activate,          // issued -> active; needs a PIN
    ReportOralLoss,    // issued, active, frozen -> lost_oral (debits stop at once)
    ReportWrittenLoss, // issued, active, frozen, lost_oral -> lost_written (cannot be lifted)
    LiftLoss,          // lost_oral -> the state before the report
    Freeze,            // active -> frozen
    Unfreeze,          // frozen -> active
    Replace,           // active, frozen, lost_written (from the replace day on) -> replaced, and a new card
    Cancel,            // issued, active, frozen, lost_written -> cancelled
    SetPin,            // issued, active without a PIN
    ChangePin,         // issued, active, frozen with a PIN
    ResetPin,          // issued, active, frozen with a PIN: clears it (under approval); the customer sets a new one
    SetOnline,         // issued, active
    Debit,             // a payment or withdrawal by card: active only, and not PIN locked where a PIN is used
};
QString cardCommandAction(CardCommand command); // card.activate, card.report_loss, card.lift_loss, ...

// What the rules need to know of one card on one business day.
struct CardFacts {
    CardState state = CardState::Issued;
    CardState stateBeforeLoss = CardState::Active; // where lifting or lapsing returns to
    QDate lossReportedOn;  // business date of the (latest) loss report
    bool pinSet = false;
    QDate businessDate;    // the branch's business date now
    int oralLossLapseDays = 5;      // setting cards.oral_loss_lapse_days
    int writtenLossReplaceDays = 7; // setting cards.written_loss_replace_days
};

// lost_oral older than the lapse days (businessDate > lossReportedOn + days) is no longer in force:
// the card is back in stateBeforeLoss. Every other state is as stored.
CardState effectiveCardState(const CardFacts& facts);
// The first business date on which an oral report has lapsed, and on which a written one allows a
// replacement (invalid when not applicable).
QDate oralLossLapsesOn(const CardFacts& facts);
QDate replaceableOn(const CardFacts& facts);

// Whether `command` is allowed now (on the effective state). Refused, field "card", with codes:
// card.not_issued_state (activate twice), card.pin_not_set (activate or change without a PIN),
// card.pin_already_set, card.loss_in_force (an active loss report stops it), card.loss_written
// (a written report cannot be lifted), card.no_loss (lift without a report), card.replace_too_early
// (message names the first allowed date), card.closed (replaced or cancelled cards accept nothing),
// card.state (any other disallowed move; the message names the state).
Status checkCardCommand(CardCommand command, const CardFacts& facts);

// PIN rules: exactly 6 ASCII digits (Invalid card.pin_format, field "pin"), the confirmation equal
// (Invalid card.pin_mismatch, field "pin_confirmation"), not trivial (Invalid card.pin_trivial: six
// equal digits, a run up or down such as 123456 or 987654, or a repeated pair or triple such as 121212
// or 123123).
Status checkNewPin(const SecureBytes& pin, const SecureBytes& confirmation);

// Wrong PINs: `maxFailures` (3) on one business day lock the PIN until the next business day.
struct PinLock {
    int failuresToday = 0;  // counted on the business date below; a new business date starts at 0
    QDate failureDate;
    int maxFailures = 3;
    bool locked(const QDate& businessDate) const { return failureDate == businessDate && failuresToday >= maxFailures; }
    int remaining(const QDate& businessDate) const
    {
        return failureDate == businessDate ? qMax(0, maxFailures - failuresToday) : maxFailures;
    }
};

// Remote (异地) deposits and withdrawals (settings cards.remote_fee.*): free while the day's total,
// including this transaction, stays under `freeBelow` (¥50,000); otherwise `ratePerMillion` (100 =
// 0.01%) of this transaction, rounded half up to the fen, at most `cap` (¥50).
struct RemoteFeeRule {
    Money freeBelow = Money(5'000'000, Currency::cny());
    qint64 ratePerMillion = 100;
    Money cap = Money(5'000, Currency::cny());
};
Result<Money> remoteFee(const Money& amount, const Money& dayTotalBefore, const RemoteFeeRule& rule);

// Online payment (DOMAIN "Cards"): the verification method and its daily ceiling (settings
// cards.online.ceiling.*: sms ¥20,000, otp ¥1,000,000, otp_trial ¥5,000, usbkey ¥500,000).
enum class OnlineMethod { Sms, Otp, OtpTrial, UsbKey };
QString onlineMethodKey(OnlineMethod method); // sms, otp, otp_trial, usbkey
std::optional<OnlineMethod> onlineMethodFromKey(QStringView key);
QString onlineMethodLabel(OnlineMethod method); // translated
struct OnlineCeilings {
    Money sms = Money(2'000'000, Currency::cny());
    Money otp = Money(100'000'000, Currency::cny());
    Money otpTrial = Money(500'000, Currency::cny());
    Money usbKey = Money(50'000'000, Currency::cny());
    Money of(OnlineMethod method) const;
};
// The daily total limit a customer chooses: positive (Invalid card.online_limit, field "limit"), within
// the method's ceiling (Refused card.online_limit_above_ceiling naming it) and, for a credit card,
// within its available credit (Refused card.online_limit_above_credit).
Status checkOnlineLimit(const Money& dailyLimit, OnlineMethod method, const OnlineCeilings& ceilings,
                        std::optional<Money> availableCredit);
// One online payment: enabled (Refused card.online_disabled), the day's total after it within the limit
// (Refused card.online_limit_exceeded) and, for a credit card, within the available credit
// (Refused card.insufficient_credit).
Status checkOnlinePayment(bool enabled, const Money& amount, const Money& usedToday, const Money& dailyLimit,
                          std::optional<Money> availableCredit);

} // namespace cs
