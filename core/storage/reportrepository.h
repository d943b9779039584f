#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// The reads behind the reports (core/reports): one statement per report where it can, rows in the order
// the report prints them. Dates are business dates, inclusive. Nothing here writes.

// One journal line with its transaction, account and poster (daily journal, teller journal).
struct ReportJournalLine {
    qint64 txnId = 0;
    QDate businessDate;
    QDateTime postedAt;
    QString kind;
    QString txnMemo;
    qint64 reversesTxnId = 0;
    qint64 reversedByTxnId = 0; // 0: not reversed
    QString staffLogin;
    QString terminal;
    int lineNo = 0;
    QString accountNumber;
    QString accountKind;   // customer, internal
    QString internalRole;  // empty for customer accounts
    QString holder;        // the customer's name, or the cash box owner's login
    QString side;          // D, C
    qint64 amount = 0;
    QString lineMemo;
};

// The branch's journal on an account group (trial balance): a customer product or an internal role.
struct LedgerGroupTotals {
    QString accountKind;   // customer, internal
    QString productCode;   // customer accounts
    QString productName;
    QString internalRole;  // internal accounts
    qint64 openingDebits = 0; // before `from`
    qint64 openingCredits = 0;
    qint64 debits = 0;     // within the period
    qint64 credits = 0;
};

// A vault or cash box account with its current balance and its movements in and after the period.
struct CashAccountMovements {
    qint64 accountId = 0;
    QString number;
    QString internalRole;  // vault, cash_box
    QString ownerLogin;    // cash boxes
    QString ownerName;
    qint64 balance = 0;    // now (D side)
    qint64 debits = 0;     // within the period
    qint64 credits = 0;
    qint64 debitsAfter = 0; // after the period's last day
    qint64 creditsAfter = 0;
};

// One cash box session with its teller (teller balancing); the movements come from CashRepository.
struct ReportCashBoxSession {
    qint64 id = 0;
    qint64 staffId = 0;
    QString login;
    QString fullName;
    qint64 accountId = 0;
    QDate businessDate;
    QString state;         // open, closed
    qint64 opening = 0;
    std::optional<qint64> counted;
    std::optional<qint64> difference;
    QDateTime openedAt;
    QDateTime closedAt;
    qint64 afterTxnId = 0;
    qint64 lastTxnId = 0;  // 0 while open
};

// Lines on the branch's fee income account, by journal kind.
struct FeeIncomeByKind {
    QString kind;
    qint64 transactions = 0;
    qint64 credits = 0;    // fees taken
    qint64 debits = 0;     // fees given back (reversals, waivers)
};

struct ReportLargeValue {
    qint64 id = 0;
    QDate businessDate;
    QString customerName;
    QString idNumber;
    QString criterion;
    QString direction;
    qint64 amount = 0;
    qint64 dayTotal = 0;
    QString currency;
    qint64 txnId = 0;
};

struct ReportApproval {
    qint64 id = 0;
    QDate businessDate;
    QString action;
    QString entity;        // type:id
    std::optional<qint64> amount;
    QString currency;
    QString makerLogin;
    QDateTime createdAt;
    QString checkerLogin;
    QDateTime decidedAt;
    QString state;
    QString reason;
};

struct ReportAuditRecord {
    qint64 id = 0;
    QDateTime at;
    QString login;
    QString terminal;
    QString action;
    QString entity;        // type:id, or empty
    QString outcome;
    QString detail;
};

// When the branch's business days of a period were open: from the first one's opening to the last one's
// closing (open end while one of them is still open). Empty when the branch had no such day.
struct BusinessDaySpan {
    QDateTime openedAt;
    QDateTime closedAt; // invalid: still open
};

// Settlements of one merchant in the period, summed.
struct MerchantSettlementTotals {
    QString code;
    QString name;
    qint64 settlements = 0;
    qint64 payments = 0;
    qint64 gross = 0;
    qint64 fees = 0;
    qint64 refunds = 0;
    qint64 net = 0;
};

// A line of a transaction that touched the interest expense account (interest paid).
struct InterestLine {
    qint64 txnId = 0;
    QString kind;
    QString accountNumber;
    QString accountKind;   // customer, internal
    QString internalRole;
    QString productCode;
    QString productName;
    QString holder;
    QString side;
    qint64 amount = 0;
};

// Merchant payments of one business date and one value of the dimension (statistics).
struct PaymentDayGroup {
    QDate businessDate;
    QString value;         // the channel, mode or account type
    qint64 payments = 0;
    qint64 amount = 0;     // captured, or authorised while not captured
    qint64 refunded = 0;
    qint64 fees = 0;
};

class ReportRepository {
public:
    explicit ReportRepository(UnitOfWork& uow) : m_uow(uow) {}

    // reportledgerqueries.cpp -------------------------------------------------------------------------
    // Every line of the branch's transactions in the period (staffId > 0: that staff member's only), in
    // transaction and line order.
    Result<QList<ReportJournalLine>> journalLines(qint64 branchId, const QDate& from, const QDate& to,
                                                  qint64 staffId = 0);
    // The branch's transactions up to `to` in `currency`, summed per account group.
    Result<QList<LedgerGroupTotals>> ledgerGroups(qint64 branchId, const QDate& from, const QDate& to,
                                                  const QString& currency);
    // The branch's vault and cash boxes in `currency`, vault first, then by teller.
    Result<QList<CashAccountMovements>> cashAccounts(qint64 branchId, const QDate& from, const QDate& to,
                                                     const QString& currency);
    Result<QList<FeeIncomeByKind>> feeIncome(qint64 branchId, const QDate& from, const QDate& to,
                                             const QString& currency);

    // reportrecordqueries.cpp -------------------------------------------------------------------------
    // Sessions of the period (staffId > 0: that teller's only), by teller and opening.
    Result<QList<ReportCashBoxSession>> cashBoxSessions(qint64 branchId, const QDate& from, const QDate& to,
                                                        qint64 staffId = 0);
    Result<QList<ReportLargeValue>> largeValueEntries(qint64 branchId, const QDate& from, const QDate& to);
    // Approvals made on the period's business days, and those still pending from before.
    Result<QList<ReportApproval>> approvals(qint64 branchId, const QDate& from, const QDate& to);
    Result<std::optional<BusinessDaySpan>> businessDaySpan(qint64 branchId, const QDate& from, const QDate& to);
    // The branch's audit records in [from, to) (to invalid: no end). `query` (empty: everything) is an
    // action or its prefix ("cash" finds cash.deposit), an entity type, "type:id", an entity id or a login.
    Result<QList<ReportAuditRecord>> auditRecords(qint64 branchId, const QDateTime& from, const QDateTime& to,
                                                  const QString& query);

    // reportmerchantqueries.cpp -----------------------------------------------------------------------
    // merchantCode empty: every merchant of the branch, by code.
    Result<QList<MerchantSettlementTotals>> merchantSettlements(qint64 branchId, const QDate& from, const QDate& to,
                                                                const QString& merchantCode);
    // Every line of the branch's transactions in the period that have an interest expense line.
    Result<QList<InterestLine>> interestLines(qint64 branchId, const QDate& from, const QDate& to,
                                              const QString& currency);
    // The branch's merchant payments (not voided) per day and `dimension`: channel, mode or account_type
    // (the payer's card product, else the payer account's product kind).
    Result<QList<PaymentDayGroup>> merchantPaymentsByDay(qint64 branchId, const QDate& from, const QDate& to,
                                                         const QString& dimension, const QString& currency);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
