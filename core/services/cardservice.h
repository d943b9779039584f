#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "domain/cardrules.h"
#include "money/money.h"
#include "security/cardvault.h"
#include "security/secretstore.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cs {

// Issue a card (permission card.issue). Rules (Refused unless said): the account is a person's open
// Class I or II demand account (card.account_not_settlement, field "account"); the customer is 18 or
// older on the business date (card.minor, field "customer") with a verified, unexpired ID
// (card.id_expired); `presentedIdNumber`, when given (the GUI always gives it), equals the customer's ID
// number (card.id_mismatch, field "id_number"); the product is a card product (card.product, field
// "product"). Quasi-credit and credit cards open their own card account (product quasi or credit) with
// the overdraft or credit limit; a debit card draws on the settlement account itself.
struct IssueCardRequest {
    QString account;          // the settlement account number
    QString productCode;      // debit, quasi, credit
    QString presentedIdNumber;
    std::optional<Money> limit; // quasi: overdraft limit; credit: credit limit (nullopt: the product's default setting)
    int statementDay = 0;     // credit: 1..28 (0: setting cards.credit.statement_day)
    int dueDay = 0;           // credit: 1..28 (0: setting cards.credit.due_day)
    QString requestId;
};

// What issuance answers. `pan` is the full number, for the issuance voucher only: it is never written to
// the request log, the audit or any log (a replay decrypts it again from the stored card).
struct IssuedCard {
    qint64 cardId = 0;
    QString pan;
    QString panMasked;
    QString state;          // issued
    QString account;        // settlement account number
    QString cardAccount;    // quasi/credit: the card's own account; debit: the settlement account
    QString productCode;
    QDate expiresOn;        // last day of the expiry month
    QString customerName;
    bool replayed = false;
};

struct CardView {
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName;
    QString productCode;
    QString panMasked;
    QString account;        // settlement account number
    QString cardAccount;
    QString state;          // effective: a lapsed oral report shows the state before it
    QString storedState;
    QDate issuedOn;         // business date
    QDate expiresOn;
    bool pinSet = false;
    bool pinLocked = false; // on the session's business date
    int pinTriesLeft = 3;
    QString lossKind;       // oral, written or empty
    QDate lossReportedOn;
    QDate lossLapsesOn;     // oral
    QDate replaceableOn;    // written
    qint64 replacesCardId = 0;
    qint64 replacedByCardId = 0;
    bool onlineEnabled = false;
    QString onlineMethod;   // sms, otp, otp_trial, usbkey or empty
    Money onlineDailyLimit = Money::zero(Currency::cny());
    Money creditLimit = Money::zero(Currency::cny()); // quasi: overdraft; credit: credit limit
    Money available = Money::zero(Currency::cny());   // of the card account
    int statementDay = 0;
    int dueDay = 0;
};

enum class LossKind { Oral, Written };
QString lossKindKey(LossKind kind); // oral, written
std::optional<LossKind> lossKindFromKey(QStringView key);

// What a lifecycle step answers: done (state after), or waiting for a checker (approvalId > 0).
struct CardChange {
    qint64 cardId = 0;
    QString state;
    qint64 approvalId = 0;
    qint64 newCardId = 0;   // replace, once executed
    QString newPanMasked;
    bool replayed = false;
    bool pending() const { return approvalId > 0; }
};

struct OnlinePaymentSettings {
    bool enabled = false;
    OnlineMethod method = OnlineMethod::Sms;
    Money dailyLimit = Money::zero(Currency::cny());
};

// Cards: issuance, PIN, lifecycle and online payment (DOMAIN "Cards", DESIGN rule 9). Every change is one
// audited transaction (performAudited) whose audit names the card by id and masked PAN only. Reads need
// account.read; changes card.service unless said, each audited under its cardCommandAction (the PIN check
// as card.pin_verify, the voucher as card.voucher_reprint). A reason is required (Invalid card.reason_empty)
// for freeze, unfreeze, replace, cancel and resetPin; optional for loss reports and lifting them. A lapsed
// oral report found by a command is stored back to the state before it, audited as card.loss_lapse.
// Other codes: card.not_found (NotFound), card.limit / card.statement_day / card.due_day (Invalid, issue),
// card.pan_format (Invalid, findByPan), card.amount (Invalid, remoteFeeFor), card.pan_exhausted (Refused:
// no number left under the BIN), card.account_frozen (Refused, cancel), card.changed (Conflict).
class CardService {
public:
    CardService(Database db, CardVault vault);

    Result<IssuedCard> issue(const Session& session, const IssueCardRequest& request) const;
    // The full PAN again for reprinting the issuance voucher of a card still `issued` (card.issue;
    // audited as card.voucher_reprint without the PAN).
    Result<QString> voucherPan(const Session& session, qint64 cardId) const;

    Result<CardView> show(const Session& session, qint64 cardId) const;
    Result<QList<CardView>> listForCustomer(const Session& session, qint64 customerId) const;
    // By the full number typed or swiped (keyed hash lookup); NotFound card.not_found.
    Result<CardView> findByPan(const Session& session, const QString& pan) const;

    Result<CardChange> activate(const Session& session, qint64 cardId, const QString& requestId = {}) const;

    // The customer's PIN as entered on the PIN pad, twice (checkNewPin).
    Result<CardChange> setPin(const Session& session, qint64 cardId, const SecureBytes& pin,
                              const SecureBytes& confirmation, const QString& requestId = {}) const;
    // The old PIN is verified first and counts as a try (see verifyPin).
    Result<CardChange> changePin(const Session& session, qint64 cardId, const SecureBytes& oldPin,
                                 const SecureBytes& newPin, const SecureBytes& confirmation,
                                 const QString& requestId = {}) const;
    // Refused card.pin_wrong (message: tries left) and, from the third wrong PIN of the business day
    // on, card.pin_locked until the next business day; the failure count is committed although the
    // call fails. A right PIN resets the count.
    Status verifyPin(const Session& session, qint64 cardId, const SecureBytes& pin) const;
    // Clears the PIN and its lock so that the customer can set a new one; under approval
    // (card.pin_reset, setting approvals.required.card_pin_reset).
    Result<CardChange> resetPin(const Session& session, qint64 cardId, const QString& reason,
                                const QString& requestId = {}) const;

    Result<CardChange> reportLoss(const Session& session, qint64 cardId, LossKind kind, const QString& reason,
                                  const QString& requestId = {}) const;
    Result<CardChange> liftLoss(const Session& session, qint64 cardId, const QString& reason,
                                const QString& requestId = {}) const;
    Result<CardChange> freeze(const Session& session, qint64 cardId, const QString& reason,
                              const QString& requestId = {}) const;
    Result<CardChange> unfreeze(const Session& session, qint64 cardId, const QString& reason,
                                const QString& requestId = {}) const;
    // Under approval (card.replace, setting approvals.required.card_replace): a new PAN on the same
    // account(s), same product, state issued, no PIN; the old card becomes replaced. The new card's
    // full PAN for its voucher: voucherPan(newCardId).
    Result<CardChange> replace(const Session& session, qint64 cardId, const QString& reason,
                               const QString& requestId = {}) const;
    // Quasi/credit: the card account must be at zero (card.balance_not_zero) and is closed with the card.
    Result<CardChange> cancel(const Session& session, qint64 cardId, const QString& reason,
                              const QString& requestId = {}) const;

    Result<CardChange> setOnlinePayment(const Session& session, qint64 cardId, const OnlinePaymentSettings& settings,
                                        const QString& requestId = {}) const;

    // Remote (异地) fee for a cash deposit or withdrawal of `amount` on `account` today (the rule with
    // the day's remote total so far and the settings cards.remote_fee.*).
    Result<Money> remoteFeeFor(const Session& session, const QString& account, const Money& amount) const;

private:
    Database m_db;
    CardVault m_vault;
};

} // namespace cs
