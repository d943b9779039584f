#include "services/cardservice.h"

#include "approvals/approvalservice.h"
#include "domain/accountnumber.h"
#include "domain/pan.h"
#include "domain/residentid.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "security/permissions.h"
#include "services/cardcore.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/cardrepository.h"
#include "storage/customerrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using cards::Day;

// Action names: issuance and the voucher need card.issue; every other change card.service (0002), each
// audited under its own action (cardCommandAction); reads need account.read.
const QString actionIssue = u"card.issue"_s;
const QString actionVoucher = u"card.voucher_reprint"_s;
const QString actionPinVerify = u"card.pin_verify"_s;
const QString permissionService = u"card.service"_s;
const QString permissionRead = u"account.read"_s;

constexpr int firstDay = 1;
constexpr int lastDay = 28;
constexpr int adultAge = 18;

Money cny(qint64 minor) { return Money(minor, Currency::cny()); }
QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }
QString newRequestId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

Error notSettlement(const QString& number)
{
    return Error::refused(u"card.account_not_settlement"_s, u"account"_s,
                          QCoreApplication::translate("cs::Cards", "Account %1 is not an open Class I or II personal demand account: a card is issued on "
                             "the customer's own settlement account.")
                              .arg(number));
}

Error pinWrong(int triesLeft)
{
    return Error::refused(u"card.pin_wrong"_s, u"pin"_s,
                          QCoreApplication::translate("cs::Cards", "The PIN is wrong; %n more try(ies) today.", nullptr,
                                                      triesLeft));
}

Error pinLocked(int maxFailures)
{
    return Error::refused(u"card.pin_locked"_s, u"pin"_s,
                          QCoreApplication::translate("cs::Cards",
                                                      "After %n wrong PIN(s) today the PIN is locked until the next "
                                                      "business day.",
                                                      nullptr, maxFailures));
}

// The refusal a PIN step kept on record (CardService::changePin, verifyPin), as its error.
Error keptPinRefusal(const QJsonObject& response)
{
    if (response.value(u"refused"_s).toString() == u"card.pin_locked"_s)
        return pinLocked(response.value(u"max_failures"_s).toInt());
    return pinWrong(response.value(u"tries_left"_s).toInt());
}

// A wrong PIN counted on the card: the business day's count goes up (a new day starts at 1). The
// caller keeps the refusal on record (performAudited with audit.success false) so the count commits.
QJsonObject countWrongPin(CardRecord& card, const Day& day, AuditEntry& audit)
{
    const QJsonObject before = cards::picture(card);
    card.pinFailures = card.pinFailureDate == day.businessDate ? card.pinFailures + 1 : 1;
    card.pinFailureDate = day.businessDate;
    const PinLock lock = cards::pinLockOf(card, day);
    const bool locked = lock.locked(day.businessDate);
    audit.success = false;
    audit.detail = locked ? u"card.pin_locked"_s : u"card.pin_wrong"_s;
    audit.before = before;
    audit.after = cards::picture(card);
    return {{u"card_id"_s, card.id},
            {u"refused"_s, audit.detail},
            {u"tries_left"_s, lock.remaining(day.businessDate)},
            {u"max_failures"_s, day.maxFailures}};
}

Result<CardRecord> findCard(UnitOfWork& uow, qint64 cardId)
{
    auto found = CardRepository(uow).find(cardId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(cards::notFound(cardId));
    return std::move(**found);
}

// What a teller sees of a card: the effective state (a lapsed oral report shows the state before it),
// the accounts by number, the card account's available amount, the PIN lock of the business day.
Result<CardView> viewOf(UnitOfWork& uow, const CardRecord& c, const Day& day)
{
    AccountRepository accounts(uow);
    CardView v;
    v.id = c.id;
    v.customerId = c.customerId;
    v.productCode = c.productCode;
    v.panMasked = c.panMasked;
    const CardFacts facts = cards::factsOf(c, day);
    const CardState effective = effectiveCardState(facts);
    v.state = cardStateKey(effective);
    v.storedState = c.state;
    v.issuedOn = c.issuedOn;
    v.expiresOn = c.expiresOn;
    v.pinSet = !c.pinVv.isEmpty();
    const PinLock lock = cards::pinLockOf(c, day);
    v.pinLocked = v.pinSet && lock.locked(day.businessDate);
    v.pinTriesLeft = lock.remaining(day.businessDate);
    if (effective == CardState::LostOral || effective == CardState::LostWritten) {
        v.lossKind = c.lossKind;
        v.lossReportedOn = c.lossReportedOn;
        v.lossLapsesOn = oralLossLapsesOn(facts);
        v.replaceableOn = replaceableOn(facts);
    }
    v.replacesCardId = c.replacesCardId;
    v.replacedByCardId = c.replacedByCardId;
    v.onlineEnabled = c.onlineEnabled;
    v.onlineMethod = c.onlineMethod;
    v.onlineDailyLimit = cny(c.onlineDailyLimit);
    v.creditLimit = cny(c.creditLimit);
    v.statementDay = c.statementDay;
    v.dueDay = c.dueDay;
    auto owner = accounts.owner(c.customerId);
    if (!owner)
        return fail(owner.error());
    if (owner->has_value())
        v.customerName = (*owner)->fullName;
    auto settlement = accounts.findById(c.settlementAccountId);
    if (!settlement)
        return fail(settlement.error());
    if (settlement->has_value())
        v.account = (*settlement)->number;
    auto own = c.cardAccountId == c.settlementAccountId ? std::move(settlement) : accounts.findById(c.cardAccountId);
    if (!own)
        return fail(own.error());
    if (own->has_value()) {
        const AccountRecord& a = **own;
        v.cardAccount = a.number;
        v.available = cny(a.balance - a.held + a.overdraftLimit);
    }
    return v;
}

// The available credit of a credit card (its own account's balance - held + limit), nothing for other
// products (DOMAIN: a credit card is never used beyond its available credit).
Result<std::optional<Money>> availableCredit(UnitOfWork& uow, const CardRecord& card)
{
    if (card.productCode != u"credit"_s)
        return std::optional<Money>();
    auto account = AccountRepository(uow).findById(card.cardAccountId);
    if (!account)
        return fail(account.error());
    if (!account->has_value())
        return fail(Error::internal(u"card.account_missing"_s, u"Card %1 has no account"_s.arg(card.id)));
    return std::optional<Money>(cny((*account)->balance - (*account)->held + (*account)->overdraftLimit));
}

CardChange changeFrom(const QJsonObject& r, bool replayed)
{
    CardChange c;
    c.cardId = r.value(u"card_id"_s).toInteger();
    c.state = r.value(u"state"_s).toString();
    c.approvalId = r.value(u"approval_id"_s).toInteger();
    c.newCardId = r.value(u"new_card_id"_s).toInteger();
    c.newPanMasked = r.value(u"new_pan_masked"_s).toString();
    c.replayed = replayed;
    return c;
}

using StepChange = std::function<Status(UnitOfWork&, CardRecord&, const Day&)>;

// One lifecycle step on one card (DESIGN rule 2): locked, a lapsed oral report settled, the rule of the
// command checked on the effective state, the change written and audited with the card's picture before
// and after.
Result<CardChange> step(const Database& db, const Session& session, CardCommand command, qint64 cardId,
                        const QString& reason, const QString& requestId, const StepChange& change)
{
    bool ran = false;
    auto result = performAudited(
        db, session, permissionService, {cardCommandAction(command), u"card"_s, QString::number(cardId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto day = cards::today(uow, session);
            if (!day)
                return fail(day.error());
            auto card = cards::lockForCommand(uow, session, cardId, *day);
            if (!card)
                return fail(card.error());
            if (auto allowed = checkCardCommand(command, cards::factsOf(*card, *day)); !allowed)
                return fail(allowed.error());
            const QJsonObject before = cards::picture(*card);
            if (auto changed = change(uow, *card, *day); !changed)
                return fail(changed.error());
            CardRepository cards(uow);
            if (auto saved = cards::save(cards, *card); !saved)
                return fail(saved.error());
            audit.before = before;
            audit.after = cards::picture(*card);
            if (!reason.trimmed().isEmpty())
                audit.after.insert(u"reason"_s, reason.trimmed());
            return QJsonObject{{u"card_id"_s, card->id}, {u"state"_s, card->state}};
        });
    if (!result)
        return fail(result.error());
    return changeFrom(*result, !ran);
}

using PayloadMaker = std::function<Result<QJsonObject>(UnitOfWork&, const CardRecord&)>;
using ApprovedRun = std::function<Result<QJsonObject>(UnitOfWork&, const Session&, const QJsonObject&, AuditEntry&)>;

// A step that waits for a checker while its approvals.required.* setting is 1 (card.replace,
// card.pin_reset): stored as a pending approval with its payload, or done at once through the same
// function the approval executes.
Result<CardChange> approvable(const Database& db, const Session& session, const QString& action, qint64 cardId,
                              const QString& requestId, const PayloadMaker& makePayload, const ApprovedRun& run)
{
    bool ran = false;
    auto result = performAudited(
        db, session, permissionService, {action, u"card"_s, QString::number(cardId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto card = findCard(uow, cardId);
            if (!card)
                return fail(card.error());
            auto payload = makePayload(uow, *card);
            if (!payload)
                return fail(payload.error());
            auto required = ApprovalService::required(uow, action, std::nullopt);
            if (!required)
                return fail(required.error());
            if (!*required)
                return run(uow, session, *payload, audit);
            auto day = cards::today(uow, session);
            if (!day)
                return fail(day.error());
            auto pending = ApprovalService::submit(
                uow, session,
                {action, u"card"_s, QString::number(cardId), *payload, std::nullopt,
                 requestId.isEmpty() ? newRequestId() : requestId});
            if (!pending)
                return fail(pending.error());
            audit.before = cards::picture(*card);
            audit.after = {{u"approval_id"_s, pending->approvalId}, {u"state"_s, pending->state}};
            return QJsonObject{{u"card_id"_s, cardId},
                               {u"state"_s, cardStateKey(effectiveCardState(cards::factsOf(*card, *day)))},
                               {u"approval_id"_s, pending->approvalId}};
        });
    if (!result)
        return fail(result.error());
    return changeFrom(*result, !ran);
}

// A read in a read-only transaction under account.read, with the business day.
Status readCards(const Database& db, const Session& session,
                 const std::function<Status(UnitOfWork&, const Day&)>& work)
{
    return db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, permissionRead); !allowed)
                return allowed;
            auto day = cards::today(uow, session);
            if (!day)
                return fail(day.error());
            return work(uow, *day);
        },
        UnitOfWork::Isolation::ReadOnly);
}

// The card's full number from its sealed copy (the voucher and an issuance replayed).
Result<QString> openPan(const CardVault& vault, const CardRecord& card) { return vault.openPan(card.panSealed); }

Status checkIssueInput(const IssueCardRequest& r, CardProduct product)
{
    if (r.limit) {
        if (product == CardProduct::Debit)
            return fail(Error::invalid(u"card.limit"_s, u"limit"_s, QCoreApplication::translate("cs::Cards", "A debit card has no overdraft or credit limit.")));
        if (!(r.limit->currency() == Currency::cny()) || r.limit->isNegative())
            return fail(Error::invalid(u"card.limit"_s, u"limit"_s, QCoreApplication::translate("cs::Cards", "The limit is an amount in yuan, zero or more.")));
    }
    for (const auto& [day, field] : {std::pair{r.statementDay, u"statement_day"_s}, std::pair{r.dueDay, u"due_day"_s}}) {
        if (day == 0)
            continue;
        if (product != CardProduct::Credit)
            return fail(Error::invalid(u"card."_s + field, field, QCoreApplication::translate("cs::Cards", "Only a credit card has statement and due days.")));
        if (day < firstDay || day > lastDay)
            return fail(Error::invalid(u"card."_s + field, field, QCoreApplication::translate("cs::Cards", "Statement and due days are days 1 to 28 of the month.")));
    }
    return {};
}

} // namespace

QString lossKindKey(LossKind kind) { return kind == LossKind::Oral ? u"oral"_s : u"written"_s; }

std::optional<LossKind> lossKindFromKey(QStringView key)
{
    if (key == u"oral")
        return LossKind::Oral;
    if (key == u"written")
        return LossKind::Written;
    return std::nullopt;
}

CardService::CardService(Database db, CardVault vault) : m_db(std::move(db)), m_vault(std::move(vault)) {}

Result<IssuedCard> CardService::issue(const Session& session, const IssueCardRequest& request) const
{
    const QString productCode = request.productCode.trimmed().toLower();
    const std::optional<CardProduct> product = cardProductFromKey(productCode);
    if (!product)
        return fail(Error::refused(u"card.product"_s, u"product"_s,
                                   QCoreApplication::translate("cs::Cards", "%1 is not a card product: debit, quasi or credit.").arg(request.productCode)));
    if (auto ok = checkIssueInput(request, *product); !ok)
        return fail(ok.error());
    auto number = AccountNumber::normalize(request.account);
    if (!number)
        return fail(number.error());
    const QString presented = request.presentedIdNumber.trimmed().toUpper();
    const QString cardRequestId = request.requestId.isEmpty() ? newRequestId() : request.requestId;

    QString pan; // only for the voucher: never in the response, the audit or the request log
    bool ran = false;
    auto result = performAudited(
        m_db, session, {actionIssue, u"card"_s, {}, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            pan.clear();
            AccountRepository accounts(uow);
            auto settlement = accounts.lockByNumber(*number);
            if (!settlement)
                return fail(settlement.error());
            if (!settlement->has_value())
                return fail(Error::notFound(u"account.not_found"_s, u"account"_s,
                                            QCoreApplication::translate("cs::Cards", "There is no account %1.").arg(*number)));
            const AccountRecord& account = **settlement;
            if (!account.isCustomer() || account.productCode != u"demand"_s
                || (account.accountClass != u"I"_s && account.accountClass != u"II"_s) || account.state == u"closed"_s)
                return fail(notSettlement(*number));
            auto owner = CustomerRepository(uow).findById(account.customerId, true);
            if (!owner)
                return fail(owner.error());
            if (!owner->has_value() || (*owner)->kind != u"person"_s)
                return fail(notSettlement(*number));
            const CustomerRecord& customer = **owner;
            auto day = cards::today(uow, session);
            if (!day)
                return fail(day.error());
            const QDate businessDate = day->businessDate;
            if (ageInYears(customer.birthDate, businessDate) < adultAge)
                return fail(Error::refused(u"card.minor"_s, u"customer"_s,
                                           QCoreApplication::translate("cs::Cards", "A card is issued only to a customer of 18 or older (full civil capacity).")));
            if (customer.kycState != u"verified"_s
                || (customer.idExpiresOn.isValid() && customer.idExpiresOn < businessDate))
                return fail(Error::refused(u"card.id_expired"_s, u"customer"_s,
                                           QCoreApplication::translate("cs::Cards", "The customer's ID is not verified or has expired: check a valid ID first.")));
            if (!presented.isEmpty() && presented != customer.idNumber)
                return fail(Error::refused(u"card.id_mismatch"_s, u"id_number"_s,
                                           QCoreApplication::translate("cs::Cards", "The ID presented is not the account holder's: a card is issued only on "
                                              "the customer's own ID.")));

            const QString validityKey = u"cards.validity_years."_s + productCode;
            const QString feeKey = u"cards.fee.issue."_s + productCode;
            auto settings = SettingsRepository(uow).integers(
                {validityKey, feeKey, u"cards.quasi.overdraft_default"_s, u"cards.credit.limit_default"_s,
                 u"cards.credit.statement_day"_s, u"cards.credit.due_day"_s});
            if (!settings)
                return fail(settings.error());

            auto sealed = cards::allocatePan(uow, m_vault, productCode);
            if (!sealed)
                return fail(sealed.error());

            CardRecord card;
            card.customerId = customer.id;
            card.productCode = productCode;
            card.settlementAccountId = account.id;
            card.cardAccountId = account.id;
            card.branchId = session.branchId;
            card.bin = sealed->bin;
            card.panSealed = sealed->sealed;
            card.panKeyId = sealed->keyId;
            card.panHash = sealed->hash;
            card.panMasked = sealed->masked;
            card.issuedOn = businessDate;
            card.expiresOn = cards::expiryFrom(businessDate, int(settings->value(validityKey)));
            card.state = u"issued"_s;
            card.requestId = cardRequestId;
            card.createdBy = session.staffId;

            QString cardAccountNumber = account.number;
            if (*product != CardProduct::Debit) {
                const qint64 limit = request.limit ? request.limit->minor()
                                     : *product == CardProduct::Quasi
                                         ? settings->value(u"cards.quasi.overdraft_default"_s)
                                         : settings->value(u"cards.credit.limit_default"_s);
                auto branch = InternalAccounts::branch(accounts, session.branchId);
                if (!branch)
                    return fail(branch.error());
                auto sequence = accounts.nextSequence(branch->id, u"customer"_s);
                if (!sequence)
                    return fail(sequence.error());
                auto accountNumber = AccountNumber::customer(branch->code, AccountFamily::Card, *sequence);
                if (!accountNumber)
                    return fail(accountNumber.error());
                NewAccount own;
                own.number = *accountNumber;
                own.title = customer.fullName;
                own.branchId = branch->id;
                own.customerId = customer.id;
                own.productCode = productCode;
                own.kind = u"customer"_s;
                own.currency = account.currency;
                own.normalSide = u"C"_s;
                own.openedOn = businessDate;
                auto ownId = accounts.insert(own);
                if (!ownId)
                    return fail(ownId.error());
                if (auto limited = accounts.setOverdraftLimit(*ownId, limit); !limited)
                    return fail(limited.error());
                card.cardAccountId = *ownId;
                card.creditLimit = limit;
                cardAccountNumber = *accountNumber;
                if (*product == CardProduct::Credit) {
                    card.statementDay = request.statementDay > 0 ? request.statementDay
                                                                 : int(settings->value(u"cards.credit.statement_day"_s));
                    card.dueDay = request.dueDay > 0 ? request.dueDay : int(settings->value(u"cards.credit.due_day"_s));
                }
            }

            CardRepository cards(uow);
            auto cardId = cards.insert(card);
            if (!cardId)
                return fail(cardId.error());
            card.id = *cardId;

            // A nonzero issuance fee goes from the settlement account to fee income in the same transaction.
            const qint64 fee = settings->value(feeKey);
            if (fee > 0) {
                auto ledger = InternalAccounts::ensure(uow, session.branchId);
                if (!ledger)
                    return fail(ledger.error());
                PostingRequest posting;
                posting.requestId = u"card:%1:issue_fee"_s.arg(card.id);
                posting.kind = u"card_fee"_s;
                posting.branchId = session.branchId;
                posting.businessDate = businessDate;
                posting.staffId = session.staffId;
                posting.terminal = session.terminal;
                posting.memo = QCoreApplication::translate("cs::Cards", "Card issuance fee, %1").arg(card.panMasked);
                posting.lines = {{account.id, 'D', cny(fee), posting.memo}, {ledger->feeIncome, 'C', cny(fee), posting.memo}};
                auto posted = PostingEngine::post(uow, posting);
                if (!posted)
                    return fail(posted.error());
            }

            auto opened = m_vault.openPan(card.panSealed);
            if (!opened)
                return fail(opened.error());
            pan = *opened;

            audit.entityId = QString::number(card.id);
            audit.after = cards::picture(card);
            audit.after.insert(u"product"_s, productCode);
            audit.after.insert(u"account"_s, account.number);
            audit.after.insert(u"card_account"_s, cardAccountNumber);
            audit.after.insert(u"expires_on"_s, card.expiresOn.toString(Qt::ISODate));
            if (card.creditLimit > 0)
                audit.after.insert(u"limit"_s, plain(cny(card.creditLimit)));
            if (fee > 0)
                audit.after.insert(u"fee"_s, plain(cny(fee)));
            return QJsonObject{{u"card_id"_s, card.id},
                               {u"pan_masked"_s, card.panMasked},
                               {u"state"_s, card.state},
                               {u"account"_s, account.number},
                               {u"card_account"_s, cardAccountNumber},
                               {u"product"_s, productCode},
                               {u"expires_on"_s, card.expiresOn.toString(Qt::ISODate)},
                               {u"customer_name"_s, customer.fullName}};
        });
    if (!result)
        return fail(result.error());

    IssuedCard issued;
    issued.cardId = result->value(u"card_id"_s).toInteger();
    issued.panMasked = result->value(u"pan_masked"_s).toString();
    issued.state = result->value(u"state"_s).toString();
    issued.account = result->value(u"account"_s).toString();
    issued.cardAccount = result->value(u"card_account"_s).toString();
    issued.productCode = result->value(u"product"_s).toString();
    issued.expiresOn = QDate::fromString(result->value(u"expires_on"_s).toString(), Qt::ISODate);
    issued.customerName = result->value(u"customer_name"_s).toString();
    issued.replayed = !ran;
    if (ran) {
        issued.pan = pan;
        return issued;
    }
    // A replay answers the voucher again: the number comes from the stored card, for whoever may issue.
    const Status reopened = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionIssue); !allowed)
                return allowed;
            auto card = findCard(uow, issued.cardId);
            if (!card)
                return fail(card.error());
            auto opened = openPan(m_vault, *card);
            if (!opened)
                return fail(opened.error());
            issued.pan = *opened;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!reopened)
        return fail(reopened.error());
    return issued;
}

Result<QString> CardService::voucherPan(const Session& session, qint64 cardId) const
{
    QString pan;
    auto result = performAudited(
        m_db, session, actionIssue, {actionVoucher, u"card"_s, QString::number(cardId), {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            pan.clear();
            auto card = findCard(uow, cardId);
            if (!card)
                return fail(card.error());
            if (card->state != u"issued"_s)
                return fail(Error::refused(u"card.state"_s, u"card"_s,
                                           QCoreApplication::translate("cs::Cards", "The issuance voucher is reprinted only before the card is activated.")));
            auto opened = openPan(m_vault, *card);
            if (!opened)
                return fail(opened.error());
            pan = *opened;
            audit.after = {{u"card_id"_s, card->id}, {u"pan_masked"_s, card->panMasked}};
            return QJsonObject{{u"card_id"_s, card->id}};
        });
    if (!result)
        return fail(result.error());
    return pan;
}

Result<CardView> CardService::show(const Session& session, qint64 cardId) const
{
    std::optional<CardView> shown;
    const Status read = readCards(m_db, session, [&](UnitOfWork& uow, const Day& day) -> Status {
        auto card = findCard(uow, cardId);
        if (!card)
            return fail(card.error());
        auto v = viewOf(uow, *card, day);
        if (!v)
            return fail(v.error());
        shown = std::move(*v);
        return {};
    });
    if (!read)
        return fail(read.error());
    return std::move(*shown);
}

Result<QList<CardView>> CardService::listForCustomer(const Session& session, qint64 customerId) const
{
    QList<CardView> all;
    const Status read = readCards(m_db, session, [&](UnitOfWork& uow, const Day& day) -> Status {
        all.clear();
        auto found = CardRepository(uow).listByCustomer(customerId);
        if (!found)
            return fail(found.error());
        for (const CardRecord& card : std::as_const(*found)) {
            auto v = viewOf(uow, card, day);
            if (!v)
                return fail(v.error());
            all.append(std::move(*v));
        }
        return {};
    });
    if (!read)
        return fail(read.error());
    return all;
}

Result<CardView> CardService::findByPan(const Session& session, const QString& typed) const
{
    QString digits = pan::normalised(typed);
    if (!pan::plausibleForeign(digits))
        return fail(Error::invalid(u"card.pan_format"_s, u"pan"_s, QCoreApplication::translate("cs::Cards", "A card number has 13 to 19 digits.")));
    const QString hash = m_vault.panLookupHash(digits);
    digits.fill(u'0');
    std::optional<CardView> shown;
    const Status read = readCards(m_db, session, [&](UnitOfWork& uow, const Day& day) -> Status {
        auto found = CardRepository(uow).findByPanHash(hash);
        if (!found)
            return fail(found.error());
        if (!found->has_value())
            return fail(Error::notFound(u"card.not_found"_s, u"pan"_s, QCoreApplication::translate("cs::Cards", "No card of this bank has this number.")));
        auto v = viewOf(uow, **found, day);
        if (!v)
            return fail(v.error());
        shown = std::move(*v);
        return {};
    });
    if (!read)
        return fail(read.error());
    return std::move(*shown);
}

Result<CardChange> CardService::activate(const Session& session, qint64 cardId, const QString& requestId) const
{
    return step(m_db, session, CardCommand::Activate, cardId, {}, requestId,
                [](UnitOfWork&, CardRecord& card, const Day&) -> Status {
                    card.state = u"active"_s;
                    return {};
                });
}

Result<CardChange> CardService::setPin(const Session& session, qint64 cardId, const SecureBytes& pin,
                                       const SecureBytes& confirmation, const QString& requestId) const
{
    if (auto ok = checkNewPin(pin, confirmation); !ok)
        return fail(ok.error());
    return step(m_db, session, CardCommand::SetPin, cardId, {}, requestId,
                [&](UnitOfWork&, CardRecord& card, const Day&) -> Status {
                    card.pinVv = m_vault.pinVerificationValue(card.panHash, pin);
                    card.pinFailures = 0;
                    card.pinFailureDate = {};
                    return {};
                });
}

Result<CardChange> CardService::changePin(const Session& session, qint64 cardId, const SecureBytes& oldPin,
                                          const SecureBytes& newPin, const SecureBytes& confirmation,
                                          const QString& requestId) const
{
    if (auto ok = checkNewPin(newPin, confirmation); !ok)
        return fail(ok.error());
    bool ran = false;
    auto result = performAudited(
        m_db, session, permissionService,
        {cardCommandAction(CardCommand::ChangePin), u"card"_s, QString::number(cardId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto day = cards::today(uow, session);
            if (!day)
                return fail(day.error());
            auto card = cards::lockForCommand(uow, session, cardId, *day);
            if (!card)
                return fail(card.error());
            if (auto allowed = checkCardCommand(CardCommand::ChangePin, cards::factsOf(*card, *day)); !allowed)
                return fail(allowed.error());
            if (cards::pinLockOf(*card, *day).locked(day->businessDate))
                return fail(pinLocked(day->maxFailures));
            CardRepository cards(uow);
            if (!m_vault.pinMatches(card->panHash, oldPin, card->pinVv)) {
                QJsonObject refused = countWrongPin(*card, *day, audit);
                if (auto saved = cards::save(cards, *card); !saved)
                    return fail(saved.error());
                return refused;
            }
            const QJsonObject before = cards::picture(*card);
            card->pinVv = m_vault.pinVerificationValue(card->panHash, newPin);
            card->pinFailures = 0;
            card->pinFailureDate = {};
            if (auto saved = cards::save(cards, *card); !saved)
                return fail(saved.error());
            audit.before = before;
            audit.after = cards::picture(*card);
            return QJsonObject{{u"card_id"_s, card->id}, {u"state"_s, card->state}};
        });
    if (!result)
        return fail(result.error());
    if (result->contains(u"refused"_s))
        return fail(keptPinRefusal(*result));
    return changeFrom(*result, !ran);
}

Status CardService::verifyPin(const Session& session, qint64 cardId, const SecureBytes& pin) const
{
    auto result = performAudited(
        m_db, session, permissionService, {actionPinVerify, u"card"_s, QString::number(cardId), {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto day = cards::today(uow, session);
            if (!day)
                return fail(day.error());
            auto card = cards::lockForCommand(uow, session, cardId, *day);
            if (!card)
                return fail(card.error());
            // Whatever a PIN may be changed on, it may be verified on (a PIN, no loss report in force).
            if (auto allowed = checkCardCommand(CardCommand::ChangePin, cards::factsOf(*card, *day)); !allowed)
                return fail(allowed.error());
            if (cards::pinLockOf(*card, *day).locked(day->businessDate))
                return fail(pinLocked(day->maxFailures));
            CardRepository cards(uow);
            if (!m_vault.pinMatches(card->panHash, pin, card->pinVv)) {
                QJsonObject refused = countWrongPin(*card, *day, audit);
                if (auto saved = cards::save(cards, *card); !saved)
                    return fail(saved.error());
                return refused;
            }
            if (card->pinFailures > 0) {
                audit.before = cards::picture(*card);
                card->pinFailures = 0;
                card->pinFailureDate = {};
                if (auto saved = cards::save(cards, *card); !saved)
                    return fail(saved.error());
                audit.after = cards::picture(*card);
            }
            return QJsonObject{{u"card_id"_s, card->id}, {u"state"_s, card->state}};
        });
    if (!result)
        return fail(result.error());
    if (result->contains(u"refused"_s))
        return fail(keptPinRefusal(*result));
    return {};
}

Result<CardChange> CardService::resetPin(const Session& session, qint64 cardId, const QString& reason,
                                         const QString& requestId) const
{
    if (reason.trimmed().isEmpty())
        return fail(cards::reasonRequired());
    return approvable(
        m_db, session, cardCommandAction(CardCommand::ResetPin), cardId, requestId,
        [&](UnitOfWork&, const CardRecord& card) -> Result<QJsonObject> { return cards::pinResetPayload(card.id, reason); },
        [](UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit) {
            return cards::resetPinIn(uow, executor, payload, audit);
        });
}

Result<CardChange> CardService::reportLoss(const Session& session, qint64 cardId, LossKind kind, const QString& reason,
                                           const QString& requestId) const
{
    const CardCommand command = kind == LossKind::Oral ? CardCommand::ReportOralLoss : CardCommand::ReportWrittenLoss;
    return step(m_db, session, command, cardId, reason, requestId,
                [kind](UnitOfWork&, CardRecord& card, const Day& day) -> Status {
                    // A written report after an oral one keeps where the card was before the first.
                    if (card.state != u"lost_oral"_s)
                        card.stateBeforeLoss = card.state;
                    card.lossKind = lossKindKey(kind);
                    card.lossReportedOn = day.businessDate;
                    card.state = u"lost_"_s + card.lossKind;
                    return {};
                });
}

Result<CardChange> CardService::liftLoss(const Session& session, qint64 cardId, const QString& reason,
                                         const QString& requestId) const
{
    return step(m_db, session, CardCommand::LiftLoss, cardId, reason, requestId,
                [](UnitOfWork&, CardRecord& card, const Day&) -> Status {
                    card.state = card.stateBeforeLoss;
                    card.stateBeforeLoss.clear();
                    card.lossKind.clear();
                    card.lossReportedOn = {};
                    return {};
                });
}

Result<CardChange> CardService::freeze(const Session& session, qint64 cardId, const QString& reason,
                                       const QString& requestId) const
{
    if (reason.trimmed().isEmpty())
        return fail(cards::reasonRequired());
    return step(m_db, session, CardCommand::Freeze, cardId, reason, requestId,
                [](UnitOfWork&, CardRecord& card, const Day&) -> Status {
                    card.state = u"frozen"_s;
                    return {};
                });
}

Result<CardChange> CardService::unfreeze(const Session& session, qint64 cardId, const QString& reason,
                                         const QString& requestId) const
{
    if (reason.trimmed().isEmpty())
        return fail(cards::reasonRequired());
    return step(m_db, session, CardCommand::Unfreeze, cardId, reason, requestId,
                [](UnitOfWork&, CardRecord& card, const Day&) -> Status {
                    card.state = u"active"_s;
                    return {};
                });
}

Result<CardChange> CardService::replace(const Session& session, qint64 cardId, const QString& reason,
                                        const QString& requestId) const
{
    if (reason.trimmed().isEmpty())
        return fail(cards::reasonRequired());
    return approvable(
        m_db, session, cardCommandAction(CardCommand::Replace), cardId, requestId,
        [&](UnitOfWork& uow, const CardRecord& card) -> Result<QJsonObject> {
            // The new number is taken now, sealed, so that whoever approves needs no card key.
            auto pan = cards::allocatePan(uow, m_vault, card.productCode);
            if (!pan)
                return fail(pan.error());
            return cards::replacePayload(card.id, reason, *pan);
        },
        [](UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit) {
            return cards::replaceIn(uow, executor, payload, audit);
        });
}

Result<CardChange> CardService::cancel(const Session& session, qint64 cardId, const QString& reason,
                                       const QString& requestId) const
{
    if (reason.trimmed().isEmpty())
        return fail(cards::reasonRequired());
    return step(m_db, session, CardCommand::Cancel, cardId, reason, requestId,
                [](UnitOfWork& uow, CardRecord& card, const Day& day) -> Status {
                    if (card.cardAccountId != card.settlementAccountId) {
                        AccountRepository accounts(uow);
                        auto own = accounts.lockById(card.cardAccountId);
                        if (!own)
                            return fail(own.error());
                        if (own->has_value() && (*own)->state != u"closed"_s) {
                            const AccountRecord& a = **own;
                            if (a.balance != 0 || a.held != 0)
                                return fail(Error::refused(
                                    u"card.balance_not_zero"_s, u"card"_s,
                                    QCoreApplication::translate("cs::Cards", "The card account %1 stands at %2: it is settled to zero before the card is "
                                       "cancelled.")
                                        .arg(a.number, formatAmount(cny(a.balance)))));
                            if (a.state == u"frozen"_s)
                                return fail(Error::refused(u"card.account_frozen"_s, u"card"_s,
                                                           QCoreApplication::translate("cs::Cards", "The card account %1 is frozen.").arg(a.number)));
                            if (auto closed = accounts.setClosed(a.id, day.businessDate); !closed)
                                return closed;
                        }
                    }
                    card.state = u"cancelled"_s;
                    card.stateBeforeLoss.clear();
                    card.lossKind.clear();
                    card.lossReportedOn = {};
                    return {};
                });
}

Result<CardChange> CardService::setOnlinePayment(const Session& session, qint64 cardId,
                                                 const OnlinePaymentSettings& settings, const QString& requestId) const
{
    return step(m_db, session, CardCommand::SetOnline, cardId, {}, requestId,
                [&](UnitOfWork& uow, CardRecord& card, const Day&) -> Status {
                    if (!settings.enabled) {
                        card.onlineEnabled = false;
                        return {};
                    }
                    auto ceilings = SettingsRepository(uow).integers(
                        {u"cards.online.ceiling.sms"_s, u"cards.online.ceiling.otp"_s,
                         u"cards.online.ceiling.otp_trial"_s, u"cards.online.ceiling.usbkey"_s});
                    if (!ceilings)
                        return fail(ceilings.error());
                    const OnlineCeilings c{cny(ceilings->value(u"cards.online.ceiling.sms"_s)),
                                           cny(ceilings->value(u"cards.online.ceiling.otp"_s)),
                                           cny(ceilings->value(u"cards.online.ceiling.otp_trial"_s)),
                                           cny(ceilings->value(u"cards.online.ceiling.usbkey"_s))};
                    auto credit = availableCredit(uow, card);
                    if (!credit)
                        return fail(credit.error());
                    if (!(settings.dailyLimit.currency() == Currency::cny()))
                        return fail(Error::invalid(u"card.online_limit"_s, u"limit"_s,
                                                   QCoreApplication::translate("cs::Cards", "The daily online payment limit is an amount in yuan.")));
                    if (auto ok = checkOnlineLimit(settings.dailyLimit, settings.method, c, *credit); !ok)
                        return ok;
                    card.onlineEnabled = true;
                    card.onlineMethod = onlineMethodKey(settings.method);
                    card.onlineDailyLimit = settings.dailyLimit.minor();
                    return {};
                });
}

Result<Money> CardService::remoteFeeFor(const Session& session, const QString& typed, const Money& amount) const
{
    if (!amount.isPositive() || !(amount.currency() == Currency::cny()))
        return fail(Error::invalid(u"card.amount"_s, u"amount"_s, QCoreApplication::translate("cs::Cards", "The amount is a positive amount in yuan.")));
    auto number = AccountNumber::normalize(typed);
    if (!number)
        return fail(number.error());
    Money fee = Money::zero(Currency::cny());
    const Status read = readCards(m_db, session, [&](UnitOfWork& uow, const Day& day) -> Status {
        auto account = AccountRepository(uow).findByNumber(*number);
        if (!account)
            return fail(account.error());
        if (!account->has_value())
            return fail(Error::notFound(u"account.not_found"_s, u"account"_s, QCoreApplication::translate("cs::Cards", "There is no account %1.").arg(*number)));
        CardRepository cards(uow);
        auto home = cards.branchBankCode((*account)->branchId);
        if (!home)
            return fail(home.error());
        auto here = cards.branchBankCode(session.branchId);
        if (!here)
            return fail(here.error());
        fee = Money::zero(Currency::cny());
        // DOMAIN: a transaction is remote (异地) when the counter is in another city (CNAPS digits 4-7).
        if (home->size() != 12 || here->size() != 12 || home->mid(3, 4) == here->mid(3, 4))
            return {};
        auto total = cards.remoteCashTotal((*account)->id, day.businessDate, home->mid(3, 4));
        if (!total)
            return fail(total.error());
        auto settings = SettingsRepository(uow).integers(
            {u"cards.remote_fee.free_below"_s, u"cards.remote_fee.rate_ppm"_s, u"cards.remote_fee.cap"_s});
        if (!settings)
            return fail(settings.error());
        const RemoteFeeRule rule{cny(settings->value(u"cards.remote_fee.free_below"_s)),
                                 settings->value(u"cards.remote_fee.rate_ppm"_s),
                                 cny(settings->value(u"cards.remote_fee.cap"_s))};
        auto computed = remoteFee(amount, cny(*total), rule);
        if (!computed)
            return fail(computed.error());
        fee = *computed;
        return {};
    });
    if (!read)
        return fail(read.error());
    return fee;
}

} // namespace cs
