#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// One row of `time_deposits` (0012). Amounts in minor units.
struct TimeDepositRecord {
    qint64 accountId = 0;
    qint64 branchId = 0;
    QString productCode;
    QString currency;
    qint64 principal = 0;
    qint64 rateBp = 0;
    int termMonths = 0;
    QDate openedOn;  // start of the current term
    QDate maturesOn;
    bool rollover = false;
    qint64 payoutAccountId = 0;
    QDate partialOn; // invalid: the partial early withdrawal is still unused
    qint64 partialAmount = 0;
    int terms = 1;
    QString state;   // active, matured, closed
    qint64 placedTxnId = 0;
    QDate closedOn;
    qint64 closedTxnId = 0;
};

// Time deposits: placement, the changes of withdrawals and maturity, and what end of day matures.
class TimeDepositRepository {
public:
    explicit TimeDepositRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<TimeDepositRecord>> find(qint64 accountId);
    // The row locked for a change (PostgreSQL FOR NO KEY UPDATE; SQLite's write transaction is the lock).
    Result<std::optional<TimeDepositRecord>> lock(qint64 accountId);
    // A unique violation (the deposit was placed before) comes back as Refused `deposit.already_placed`.
    Status insert(const TimeDepositRecord& deposit);
    // Writes principal, rate, term dates, terms, partial withdrawal, state and closing from `deposit`.
    Status update(const TimeDepositRecord& deposit);
    // The branch's deposits not closed that mature on or before `through`, by account id.
    Result<QList<TimeDepositRecord>> dueThrough(qint64 branchId, const QDate& through);
    // accounts.maturity_on follows the deposit's current term.
    Status setAccountMaturity(qint64 accountId, const QDate& maturesOn);

private:
    Result<QList<TimeDepositRecord>> select(const QString& condition, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
