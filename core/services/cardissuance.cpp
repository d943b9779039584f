// Issuing a card (DOMAIN "Cards", "Identity"; DESIGN rule 9) and reprinting its voucher: the only two
// places where the full number leaves the vault, for the voucher and never into a table or log.
#include "services/cardservice.h"

#include "domain/accountnumber.h"
#include "domain/residentid.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "security/permissions.h"
#include "services/cardsteps.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/customerrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using cards::cny;

const QString actionIssue = u"card.issue"_s;
const QString actionVoucher = u"card.voucher_reprint"_s;

constexpr int firstDay = 1;
constexpr int lastDay = 28;
constexpr int adultAge = 18;

QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }

Error notSettlement(const QString& number)
{
    return Error::refused(u"card.account_not_settlement"_s, u"account"_s,
                          QCoreApplication::translate("cs::Cards", "Account %1 is not an open Class I or II personal demand account: a card is issued on "
                             "the customer's own settlement account.")
                              .arg(number));
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
    const QString cardRequestId = request.requestId.isEmpty() ? cards::newRequestId() : request.requestId;

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
            auto card = cards::find(uow, issued.cardId);
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
            auto card = cards::find(uow, cardId);
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

} // namespace cs
