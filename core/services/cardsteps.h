#pragma once

// The shape of a card command, shared by CardService's files (cardservice.cpp, cardissuance.cpp,
// cardpins.cpp): a lifecycle step under card.service, and a step that may wait for a checker.
#include "services/cardcore.h"
#include "services/cardservice.h"
#include "storage/database.h"

#include <QUuid>

#include <functional>

namespace cs::cards {

// Every card change but issuance needs card.service (0002), audited under its own action
// (cardCommandAction); reads need account.read.
inline const QString permissionService = QStringLiteral("card.service");
inline const QString permissionRead = QStringLiteral("account.read");

inline Money cny(qint64 minor) { return Money(minor, Currency::cny()); }
inline QString newRequestId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

// NotFound card.not_found.
Result<CardRecord> find(UnitOfWork& uow, qint64 cardId);
// What a step answered, as CardChange.
CardChange changeFrom(const QJsonObject& response, bool replayed);

using StepChange = std::function<Status(UnitOfWork&, CardRecord&, const Day&)>;
// One lifecycle step on one card (DESIGN rule 2): locked, a lapsed oral report settled, the rule of the
// command checked on the effective state, the change written and audited with the card's picture before
// and after (and the reason, when given).
Result<CardChange> step(const Database& db, const Session& session, CardCommand command, qint64 cardId,
                        const QString& reason, const QString& requestId, const StepChange& change);

using PayloadMaker = std::function<Result<QJsonObject>(UnitOfWork&, const CardRecord&)>;
using ApprovedRun = std::function<Result<QJsonObject>(UnitOfWork&, const Session&, const QJsonObject&, AuditEntry&)>;
// A step that waits for a checker while its approvals.required.* setting is 1 (card.replace,
// card.pin_reset): stored as a pending approval with its payload, or done at once through the same
// function the approval executes.
Result<CardChange> approvable(const Database& db, const Session& session, const QString& action, qint64 cardId,
                              const QString& requestId, const PayloadMaker& makePayload, const ApprovedRun& run);

} // namespace cs::cards
