#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "security/auditlog.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cs {

// A teller's cash box (尾箱) on the business day: opening + in - out = expected; the count must match.
struct CashBoxView {
    qint64 sessionId = 0;   // 0: no cash box session today
    qint64 accountId = 0;
    QString state;          // none, open, closed
    QDate businessDate;
    Money opening = Money::zero(Currency::cny());
    Money cashIn = Money::zero(Currency::cny());   // customer deposits and cash from the vault
    Money cashOut = Money::zero(Currency::cny());  // customer withdrawals and cash to the vault
    Money expected = Money::zero(Currency::cny()); // opening + in - out (the box account's balance)
    std::optional<Money> counted;                  // the last count
    Money difference = Money::zero(Currency::cny()); // counted - expected: > 0 over, < 0 short
    int transactions = 0;
    QDateTime openedAt;
    QDateTime closedAt;
};

struct CashBoxClosing {
    CashBoxView box;
    Money over = Money::zero(Currency::cny());      // booked to suspense payable
    Money shortage = Money::zero(Currency::cny());  // booked to suspense receivable
    qint64 overShortTxnId = 0;                      // 0 when the count matched
    Money returnedToVault = Money::zero(Currency::cny());
    qint64 returnTxnId = 0;
    // An over or a short waits for a supervisor (approval "cashbox.overshort", while
    // approvals.required.cashbox_overshort is 1): state "pending", the box still open, nothing booked.
    qint64 approvalId = 0;
    QString state = QStringLiteral("closed"); // closed, pending
    bool pending() const { return state == QStringLiteral("pending"); }
};

// Opening takes cash from the vault, moves between box and vault are one balanced transaction each
// (box and vault lines together), closing books an over to suspense payable or a short to suspense
// receivable (never netted: one box has one difference) and returns all the cash to the vault.
// Refused: cashbox.already_open, cashbox.not_open, cashbox.vault_insufficient (open, take),
// cashbox.box_insufficient (return). Invalid: cashbox.amount, cashbox.count_invalid (a negative count or
// another currency), cashbox.request_id (open, take, return, close: 1 to 58 characters).
// cashbox.count_required is for callers that have no count to pass to close().
// take/return need the permission cashbox.transfer (0004); current() needs cashbox.count.
class CashBoxService {
public:
    explicit CashBoxService(Database db);

    Result<CashBoxView> current(const Session& session) const;
    Result<CashBoxView> open(const Session& session, const Money& fromVault, const QString& requestId) const;
    Result<CashBoxView> takeFromVault(const Session& session, const Money& amount, const QString& requestId) const;
    Result<CashBoxView> returnToVault(const Session& session, const Money& amount, const QString& requestId) const;
    // Records the counted cash and the difference; moves nothing.
    Result<CashBoxView> count(const Session& session, const Money& counted, const QString& requestId = {}) const;
    Result<CashBoxClosing> close(const Session& session, const Money& counted, const QString& requestId) const;

    enum class CloseMode { MayWait, Execute };
    // The close inside the caller's transaction, for close() (MayWait: an over or a short becomes a
    // pending approval) and for the approval that executes it (Execute, with the expected cash the count
    // was made against: cashbox.changed_since_count when cash has moved since).
    static Result<QJsonObject> closeIn(UnitOfWork& uow, const Session& teller, const Money& counted,
                                       const QString& requestId, AuditEntry& audit, CloseMode mode,
                                       std::optional<qint64> countedAgainst = std::nullopt, qint64 approvalId = 0);

private:
    // One balanced posting between the teller's open box and the vault, in either direction.
    Result<CashBoxView> moveWithVault(const Session& session, const Money& amount, const QString& requestId,
                                      bool intoVault) const;

    Database m_db;
};

} // namespace cs
