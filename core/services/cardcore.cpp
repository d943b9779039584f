#include "services/cardcore.h"

#include "domain/pan.h"
#include "money/amountformat.h"
#include "services/internalaccounts.h"
#include "storage/accountrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>

#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace cs::cards {
namespace {

// Enough to step over a number that another BIN's cards already use (a BIN that is a prefix of another);
// ordinary issuance takes the first.
constexpr int panAttempts = 20;

// A uniformly random individual account number of `digits` digits (ISO/IEC 7812), by rejection so that
// no number is likelier than another; nullopt when the random source fails.
std::optional<qint64> randomIndividualNumber(int digits)
{
    quint64 range = 1;
    for (int i = 0; i < digits; ++i)
        range *= 10;
    const quint64 limit = (~quint64(0) / range) * range;
    for (;;) {
        quint64 drawn = 0;
        if (RAND_bytes(reinterpret_cast<unsigned char*>(&drawn), sizeof drawn) != 1)
            return std::nullopt;
        if (drawn < limit)
            return qint64(drawn % range);
    }
}

QString plain(qint64 minor) { return formatAmount(Money(minor, Currency::cny()), {.grouping = false, .withCode = false}); }

} // namespace

Result<Day> today(UnitOfWork& uow, const Session& session)
{
    AccountRepository accounts(uow);
    auto branch = InternalAccounts::branch(accounts, session.branchId);
    if (!branch)
        return fail(branch.error());
    auto settings = SettingsRepository(uow).integers(
        {u"cards.oral_loss_lapse_days"_s, u"cards.written_loss_replace_days"_s, u"cards.pin_max_failures"_s});
    if (!settings)
        return fail(settings.error());
    return Day{branch->businessDate, int(settings->value(u"cards.oral_loss_lapse_days"_s)),
               int(settings->value(u"cards.written_loss_replace_days"_s)), int(settings->value(u"cards.pin_max_failures"_s))};
}

CardFacts factsOf(const CardRecord& card, const Day& day)
{
    CardFacts f;
    f.state = cardStateFromKey(card.state).value_or(CardState::Cancelled);
    f.stateBeforeLoss = cardStateFromKey(card.stateBeforeLoss).value_or(CardState::Active);
    f.lossReportedOn = card.lossReportedOn;
    f.pinSet = !card.pinVv.isEmpty();
    f.businessDate = day.businessDate;
    f.oralLossLapseDays = day.lapseDays;
    f.writtenLossReplaceDays = day.replaceDays;
    return f;
}

PinLock pinLockOf(const CardRecord& card, const Day& day)
{
    return {card.pinFailures, card.pinFailureDate, day.maxFailures};
}

QJsonObject picture(const CardRecord& c)
{
    QJsonObject p{{u"card_id"_s, c.id},
                  {u"pan_masked"_s, c.panMasked},
                  {u"state"_s, c.state},
                  {u"pin_set"_s, !c.pinVv.isEmpty()},
                  {u"online_enabled"_s, c.onlineEnabled}};
    if (!c.lossKind.isEmpty()) {
        p.insert(u"loss_kind"_s, c.lossKind);
        p.insert(u"loss_reported_on"_s, c.lossReportedOn.toString(Qt::ISODate));
        p.insert(u"state_before_loss"_s, c.stateBeforeLoss);
    }
    if (c.pinFailures > 0) {
        p.insert(u"pin_failures"_s, c.pinFailures);
        p.insert(u"pin_failure_date"_s, c.pinFailureDate.toString(Qt::ISODate));
    }
    if (!c.onlineMethod.isEmpty()) {
        p.insert(u"online_method"_s, c.onlineMethod);
        p.insert(u"online_daily_limit"_s, plain(c.onlineDailyLimit));
    }
    if (c.replacedByCardId > 0)
        p.insert(u"replaced_by_card_id"_s, c.replacedByCardId);
    return p;
}

Error notFound(qint64 cardId)
{
    return Error::notFound(u"card.not_found"_s, u"card"_s,
                           QCoreApplication::translate("cs::Cards", "There is no card %1.").arg(cardId));
}

Error reasonRequired()
{
    return Error::invalid(u"card.reason_empty"_s, u"reason"_s, QCoreApplication::translate("cs::Cards", "Give the reason."));
}

Status save(CardRepository& cards, CardRecord& card)
{
    if (auto written = cards.update(card); !written)
        return written;
    ++card.version;
    return {};
}

Result<CardRecord> lockForCommand(UnitOfWork& uow, const Session& session, qint64 cardId, const Day& day)
{
    CardRepository cards(uow);
    auto found = cards.lock(cardId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(notFound(cardId));
    CardRecord card = std::move(**found);
    if (card.state != u"lost_oral"_s || effectiveCardState(factsOf(card, day)) == CardState::LostOral)
        return card;
    // The report ran out without a written one: the card is back where it was, on record as such.
    const QJsonObject before = picture(card);
    card.state = card.stateBeforeLoss;
    card.stateBeforeLoss.clear();
    card.lossKind.clear();
    card.lossReportedOn = {};
    if (auto saved = save(cards, card); !saved)
        return fail(saved.error());
    const AuditEntry lapse{u"card.loss_lapse"_s, u"card"_s, QString::number(card.id), true, {}, before, picture(card)};
    if (auto audited = AuditLog::append(uow, AuditActor::of(session), lapse); !audited)
        return fail(audited.error());
    return card;
}

QDate expiryFrom(const QDate& from, int years)
{
    const QDate then = from.addYears(years);
    return QDate(then.year(), then.month(), then.daysInMonth());
}

Result<SealedPan> allocatePan(UnitOfWork& uow, const CardVault& vault, const QString& productCode)
{
    const QString binKey = u"cards.bin."_s + productCode;
    const QString lengthKey = u"cards.pan_length."_s + productCode;
    auto settings = SettingsRepository(uow).integers({binKey, lengthKey});
    if (!settings)
        return fail(settings.error());
    const QString bin = QString::number(settings->value(binKey));
    const int length = int(settings->value(lengthKey));
    CardRepository cards(uow);
    for (int attempt = 0; attempt < panAttempts; ++attempt) {
        const auto sequence = randomIndividualNumber(length - int(bin.size()) - 1);
        if (!sequence)
            return fail(Error::internal(u"card.pan_random"_s, u"The random source gave no card number"_s));
        std::optional<QString> pan = pan::compose(bin, *sequence, length);
        if (!pan)
            return fail(Error::refused(u"card.pan_settings"_s, u"product"_s,
                                       QCoreApplication::translate("cs::Cards",
                                                                   "BIN %1 with %2 digits cannot form card numbers; "
                                                                   "an administrator corrects the card settings.")
                                           .arg(bin)
                                           .arg(length)));
        const QString hash = vault.panLookupHash(*pan);
        auto taken = cards.findByPanHash(hash);
        if (!taken)
            return fail(taken.error());
        if (taken->has_value()) {
            pan->fill(u'0');
            continue;
        }
        auto sealed = vault.sealPan(*pan);
        const QString masked = pan::masked(*pan);
        pan->fill(u'0');
        if (!sealed)
            return fail(sealed.error());
        return SealedPan{bin, *sealed, vault.keyId(), hash, masked};
    }
    return fail(Error::internal(u"card.pan_taken"_s, u"Every card number tried under BIN %1 is taken"_s.arg(bin)));
}

Result<Money> remoteCashFee(UnitOfWork& uow, const Session& session, qint64 accountId, qint64 accountBranchId,
                            const QDate& businessDate, const Money& amount)
{
    const Money none = Money::zero(amount.currency());
    CardRepository cards(uow);
    auto home = cards.branchBankCode(accountBranchId);
    if (!home)
        return fail(home.error());
    if (accountBranchId == session.branchId)
        return none;
    auto here = cards.branchBankCode(session.branchId);
    if (!here)
        return fail(here.error());
    const QString homeCity = home->mid(3, 4);
    if (home->size() != 12 || here->size() != 12 || homeCity == here->mid(3, 4))
        return none;
    auto total = cards.remoteCashTotal(accountId, businessDate, homeCity);
    if (!total)
        return fail(total.error());
    const QString freeKey = u"cards.remote_fee.free_below"_s;
    const QString rateKey = u"cards.remote_fee.rate_ppm"_s;
    const QString capKey = u"cards.remote_fee.cap"_s;
    auto settings = SettingsRepository(uow).integers({freeKey, rateKey, capKey});
    if (!settings)
        return fail(settings.error());
    const Currency currency = amount.currency();
    return remoteFee(amount, Money(*total, currency),
                     {Money(settings->value(freeKey), currency), settings->value(rateKey), Money(settings->value(capKey), currency)});
}

QJsonObject replacePayload(qint64 cardId, const QString& reason, const SealedPan& pan)
{
    return {{u"card_id"_s, cardId},
            {u"reason"_s, reason.trimmed()},
            {u"new_bin"_s, pan.bin},
            {u"new_pan_sealed"_s, QString::fromLatin1(pan.sealed.toBase64())},
            {u"new_pan_key_id"_s, pan.keyId},
            {u"new_pan_hash"_s, pan.hash},
            {u"new_pan_masked"_s, pan.masked}};
}

Result<QJsonObject> replaceIn(UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit)
{
    const qint64 cardId = payload.value(u"card_id"_s).toInteger();
    auto day = today(uow, executor);
    if (!day)
        return fail(day.error());
    auto card = lockForCommand(uow, executor, cardId, *day);
    if (!card)
        return fail(card.error());
    if (auto allowed = checkCardCommand(CardCommand::Replace, factsOf(*card, *day)); !allowed)
        return fail(allowed.error());
    const QString validityKey = u"cards.validity_years."_s + card->productCode;
    auto settings = SettingsRepository(uow).integers({validityKey});
    if (!settings)
        return fail(settings.error());

    CardRecord fresh;
    fresh.customerId = card->customerId;
    fresh.productCode = card->productCode;
    fresh.settlementAccountId = card->settlementAccountId;
    fresh.cardAccountId = card->cardAccountId;
    fresh.branchId = executor.branchId;
    fresh.bin = payload.value(u"new_bin"_s).toString();
    fresh.panSealed = QByteArray::fromBase64(payload.value(u"new_pan_sealed"_s).toString().toLatin1());
    fresh.panKeyId = payload.value(u"new_pan_key_id"_s).toString();
    fresh.panHash = payload.value(u"new_pan_hash"_s).toString();
    fresh.panMasked = payload.value(u"new_pan_masked"_s).toString();
    fresh.issuedOn = day->businessDate;
    fresh.expiresOn = expiryFrom(day->businessDate, int(settings->value(validityKey)));
    fresh.state = u"issued"_s;
    fresh.replacesCardId = card->id;
    fresh.creditLimit = card->creditLimit;
    fresh.statementDay = card->statementDay;
    fresh.dueDay = card->dueDay;
    // One replacement per card (cards_replaces_once), so this is unique without the maker's request id.
    fresh.requestId = u"card:%1:replacement"_s.arg(card->id);
    fresh.createdBy = executor.staffId;
    CardRepository cards(uow);
    auto newId = cards.insert(fresh);
    if (!newId)
        return fail(newId.error());

    const QJsonObject before = picture(*card);
    card->state = u"replaced"_s;
    card->replacedByCardId = *newId;
    card->stateBeforeLoss.clear();
    card->lossKind.clear();
    card->lossReportedOn = {};
    if (auto saved = save(cards, *card); !saved)
        return fail(saved.error());
    audit.entityType = u"card"_s;
    audit.entityId = QString::number(card->id);
    audit.before = before;
    audit.after = picture(*card);
    audit.after.insert(u"new_card_id"_s, *newId);
    audit.after.insert(u"new_pan_masked"_s, fresh.panMasked);
    audit.after.insert(u"reason"_s, payload.value(u"reason"_s).toString());
    return QJsonObject{{u"card_id"_s, card->id},
                       {u"state"_s, card->state},
                       {u"new_card_id"_s, *newId},
                       {u"new_pan_masked"_s, fresh.panMasked}};
}

QJsonObject pinResetPayload(qint64 cardId, const QString& reason)
{
    return {{u"card_id"_s, cardId}, {u"reason"_s, reason.trimmed()}};
}

Result<QJsonObject> resetPinIn(UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit)
{
    const qint64 cardId = payload.value(u"card_id"_s).toInteger();
    auto day = today(uow, executor);
    if (!day)
        return fail(day.error());
    auto card = lockForCommand(uow, executor, cardId, *day);
    if (!card)
        return fail(card.error());
    if (auto allowed = checkCardCommand(CardCommand::ResetPin, factsOf(*card, *day)); !allowed)
        return fail(allowed.error());
    const QJsonObject before = picture(*card);
    card->pinVv.clear();
    card->pinFailures = 0;
    card->pinFailureDate = {};
    CardRepository cards(uow);
    if (auto saved = save(cards, *card); !saved)
        return fail(saved.error());
    audit.entityType = u"card"_s;
    audit.entityId = QString::number(card->id);
    audit.before = before;
    audit.after = picture(*card);
    audit.after.insert(u"reason"_s, payload.value(u"reason"_s).toString());
    return QJsonObject{{u"card_id"_s, card->id}, {u"state"_s, card->state}, {u"pin_set"_s, false}};
}

} // namespace cs::cards
