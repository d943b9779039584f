#pragma once

// The pieces of card work that CardService and the card approval actions (cardactions.cpp) share:
// business day and settings, loading a card for a command, the audited picture, and the two approvable
// commands (replace, PIN reset) inside the caller's transaction.
#include "auth/session.h"
#include "common/result.h"
#include "domain/cardrules.h"
#include "security/auditlog.h"
#include "security/cardvault.h"
#include "storage/cardrepository.h"
#include "storage/unitofwork.h"

#include <QJsonObject>

namespace cs::cards {

// The session branch's business date and the settings of the lifecycle rules.
struct Day {
    QDate businessDate;
    int lapseDays = 5;   // cards.oral_loss_lapse_days
    int replaceDays = 7; // cards.written_loss_replace_days
    int maxFailures = 3; // cards.pin_max_failures
};
Result<Day> today(UnitOfWork& uow, const Session& session);

CardFacts factsOf(const CardRecord& card, const Day& day);
PinLock pinLockOf(const CardRecord& card, const Day& day);

// What an audit record shows of a card: id, masked PAN, state, loss, PIN set or not, online payment.
// Never the PAN, its hash or the PIN's verification value.
QJsonObject picture(const CardRecord& card);

Error notFound(qint64 cardId);
Error reasonRequired();

// The card locked for a change. A lapsed oral loss report (DOMAIN: 5 days without a written one) is
// stored back to the state before it here, with its own audit record card.loss_lapse in this transaction.
Result<CardRecord> lockForCommand(UnitOfWork& uow, const Session& session, qint64 cardId, const Day& day);
// Writes the card (CardRepository::update) and counts its version up, so it can be written again.
Status save(CardRepository& cards, CardRecord& card);

// A new PAN under the product's BIN (settings cards.bin.*, cards.pan_length.*), unique, sealed.
struct SealedPan {
    QString bin;
    QByteArray sealed;
    QString keyId;
    QString hash;
    QString masked;
};
Result<SealedPan> allocatePan(UnitOfWork& uow, const CardVault& vault, const QString& productCode);
// The last day of the month `years` after `from` (cards.validity_years.*).
QDate expiryFrom(const QDate& from, int years);

// card.replace: the new PAN is taken and sealed when the maker asks (the checker's terminal needs no
// card key); the payload carries it sealed, with its hash and masked copy, never in clear.
QJsonObject replacePayload(qint64 cardId, const QString& reason, const SealedPan& pan);
Result<QJsonObject> replaceIn(UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit);
// card.pin_reset: clears the PIN and its failures.
QJsonObject pinResetPayload(qint64 cardId, const QString& reason);
Result<QJsonObject> resetPinIn(UnitOfWork& uow, const Session& executor, const QJsonObject& payload, AuditEntry& audit);

} // namespace cs::cards
