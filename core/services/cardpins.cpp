// The PIN of a card (DOMAIN "Cards", DESIGN rule 9): set, changed, verified and reset; only a keyed
// verification value is stored. Three wrong PINs on a business day lock it until the next one; a wrong
// PIN is counted although the call fails (a refusal kept on record, performAudited).
#include "services/cardservice.h"

#include "services/cardsteps.h"
#include "services/servicecall.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using cards::Day;
using cards::permissionService;

const QString actionPinVerify = u"card.pin_verify"_s;

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

// The gate of a step that takes the current PIN. Whatever a PIN may be changed on, it may be verified
// on (a PIN, no loss report in force), while it is not locked. A wrong PIN is counted and saved, and its
// refusal is the answer to keep on record; nullopt: the PIN is right, go on.
std::optional<Result<QJsonObject>> checkCurrentPin(UnitOfWork& uow, const CardVault& vault, CardRecord& card,
                                                   const Day& day, const SecureBytes& pin, AuditEntry& audit)
{
    if (auto allowed = checkCardCommand(CardCommand::ChangePin, cards::factsOf(card, day)); !allowed)
        return fail(allowed.error());
    if (cards::pinLockOf(card, day).locked(day.businessDate))
        return fail(pinLocked(day.maxFailures));
    if (vault.pinMatches(card.panHash, pin, card.pinVv))
        return std::nullopt;
    QJsonObject refused = countWrongPin(card, day, audit);
    CardRepository cards(uow);
    if (auto saved = cards::save(cards, card); !saved)
        return fail(saved.error());
    return refused;
}

} // namespace

Result<CardChange> CardService::setPin(const Session& session, qint64 cardId, const SecureBytes& pin,
                                       const SecureBytes& confirmation, const QString& requestId) const
{
    if (auto ok = checkNewPin(pin, confirmation); !ok)
        return fail(ok.error());
    return cards::step(m_db, session, CardCommand::SetPin, cardId, {}, requestId,
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
            if (auto refused = checkCurrentPin(uow, m_vault, *card, *day, oldPin, audit))
                return std::move(*refused);
            CardRepository cards(uow);
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
    return cards::changeFrom(*result, !ran);
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
            if (auto refused = checkCurrentPin(uow, m_vault, *card, *day, pin, audit))
                return std::move(*refused);
            CardRepository cards(uow);
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
    return cards::approvable(
        m_db, session, cardCommandAction(CardCommand::ResetPin), cardId, requestId,
        [&](UnitOfWork&, const CardRecord& card) -> Result<QJsonObject> { return cards::pinResetPayload(card.id, reason); },
        [](UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit) {
            return cards::resetPinIn(uow, executor, payload, audit);
        });
}

} // namespace cs
