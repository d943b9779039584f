#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace cs {

// One row of cashbox_sessions (0003, 0004). The box's journal transactions with ids in
// (afterTxnId, lastTxnId] belong to the session; lastTxnId is 0 while it is open.
struct CashBoxSessionRecord {
    qint64 id = 0;
    qint64 branchId = 0;
    qint64 staffId = 0;
    qint64 accountId = 0;
    QDate businessDate;
    QString state; // open, closed
    qint64 opening = 0;
    std::optional<qint64> counted;
    std::optional<qint64> difference;
    QDateTime openedAt;
    QDateTime closedAt;
    qint64 afterTxnId = 0;
    qint64 lastTxnId = 0;
};

struct NewCashBoxSession {
    qint64 branchId = 0;
    qint64 staffId = 0;
    qint64 accountId = 0;
    QDate businessDate;
    qint64 opening = 0;
    qint64 afterTxnId = 0;
};

// What moved through a cash box account in a range of journal transactions.
struct CashBoxMovements {
    qint64 debits = 0;  // cash in
    qint64 credits = 0; // cash out
    int transactions = 0;
};

struct NewLargeValueEntry {
    qint64 branchId = 0;
    QDate businessDate;
    qint64 customerId = 0;
    qint64 txnId = 0;
    QString criterion; // cash
    QString direction; // in, out
    qint64 amount = 0;
    qint64 dayTotal = 0;
    QString currency;
    QString agentName;
    QString agentIdNumber;
    QString sourceOfFunds;
    QString purpose;
    QString idCopyRef;
};

// The people and place named on a voucher.
struct VoucherNames {
    QString tellerLogin;
    QString tellerName;
    QString branchCode;
    QString branchName;
};

// Teller cash: cash box sessions, customers' cash day totals and large-value entries.
class CashRepository {
public:
    explicit CashRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The teller's open session, if any (at most one: cashbox_sessions_one_open_per_teller).
    Result<std::optional<CashBoxSessionRecord>> openSession(qint64 staffId);
    // The teller's latest session on the business date, open or closed.
    Result<std::optional<CashBoxSessionRecord>> latestSession(qint64 staffId, const QDate& businessDate);
    Result<qint64> insertSession(const NewCashBoxSession& session);
    Status recordCount(qint64 sessionId, qint64 counted, qint64 difference);
    Status closeSession(qint64 sessionId, qint64 counted, qint64 difference, qint64 lastTxnId);
    // Open sessions of the branch (end of day refuses while there are any).
    Result<int> openSessionCount(qint64 branchId);

    // The largest journal transaction id with a line on the account (0: none).
    Result<qint64> lastTxnOf(qint64 accountId);
    // Lines of the account in transactions with ids in (afterTxnId, upToTxnId].
    Result<CashBoxMovements> movements(qint64 accountId, qint64 afterTxnId, qint64 upToTxnId);

    // The customer's cash of one kind (cash_deposit, cash_withdrawal) on the business date over all
    // their accounts, without transactions that were reversed. `side` is the customer account's side.
    Result<qint64> customerCashDayTotal(qint64 customerId, const QDate& businessDate, const QString& kind,
                                        const QString& side);

    Status insertLargeValue(const NewLargeValueEntry& entry);
    Result<bool> hasLargeValue(qint64 txnId, const QString& criterion);

    Result<VoucherNames> voucherNames(qint64 staffId, qint64 branchId);

private:
    Result<std::optional<CashBoxSessionRecord>> selectSession(const QString& condition, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
