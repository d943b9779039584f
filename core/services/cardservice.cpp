// Cards: reads and the lifecycle steps (DOMAIN "Cards"). Issuance: cardissuance.cpp; PINs: cardpins.cpp;
// the shape of a step: cardsteps.cpp; the rules shared with the approval actions: cardcore.cpp.
#include "services/cardservice.h"

#include "domain/accountnumber.h"
#include "domain/pan.h"
#include "money/amountformat.h"
#include "security/permissions.h"
#include "services/cardsteps.h"
#include "storage/accountrepository.h"
#include "storage/cardrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using cards::cny;
using cards::Day;
using cards::approvable;
using cards::permissionRead;
using cards::step;

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

Result<CardView> CardService::show(const Session& session, qint64 cardId) const
{
    std::optional<CardView> shown;
    const Status read = readCards(m_db, session, [&](UnitOfWork& uow, const Day& day) -> Status {
        auto card = cards::find(uow, cardId);
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
            return fail(Error::notFound(u"account.not_found"_s, u"account"_s,
                                        QCoreApplication::translate("cs::Cards", "There is no account %1.").arg(*number)));
        auto computed = cards::remoteCashFee(uow, session, (*account)->id, (*account)->branchId, day.businessDate, amount);
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
