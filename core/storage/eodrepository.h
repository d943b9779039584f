#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

struct EodStepRecord {
    QString step;
    QDateTime doneAt;
    qint64 doneBy = 0;
    QJsonObject detail;
};

struct OpenCashBoxRecord {
    qint64 sessionId = 0;
    QString login;
    QString fullName;
    QDate businessDate;
};

struct LedgerMismatch {
    qint64 accountId = 0;
    QString number;
    qint64 balance = 0; // accounts.balance
    qint64 journal = 0; // the sum of its journal lines on its normal side
};

// An account's balance product due for settlement.
struct ProductDue {
    qint64 accountId = 0;
    qint64 product = 0; // fen-days
    QString currency;
};

// The statements of the end of day (EndOfDayService): its step rows, blockers, and the set-based work
// over a whole branch (accrual, large-value entries, ledger checks), each one statement whatever the
// branch's size.
class EodRepository {
public:
    explicit EodRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The branch's business date, its row locked (PostgreSQL FOR NO KEY UPDATE: postings, which only
    // read it, are not held up): one end-of-day step of a branch at a time. Empty: no such branch.
    Result<std::optional<QDate>> lockBranch(qint64 branchId);
    Result<QHash<QString, EodStepRecord>> steps(qint64 branchId, const QDate& businessDate);
    // The earliest date whose day was closed (close_day recorded) without its last step recorded: an
    // end of day killed between close_day and settle_interest, to be finished before anything else.
    Result<std::optional<QDate>> unfinishedClosedDate(qint64 branchId, const QString& lastStep);
    Status recordStep(qint64 branchId, const QDate& businessDate, const QString& step, qint64 staffId,
                      const QJsonObject& detail);
    // business_days: open -> closing (the day is being closed).
    Status markClosing(qint64 branchId, const QDate& businessDate);

    Result<QList<OpenCashBoxRecord>> openCashBoxes(qint64 branchId);
    // Cards of the branch with an oral loss report made before `before` (candidates for lapsing).
    Result<QList<qint64>> oralLossCardsBefore(qint64 branchId, const QDate& before);

    // Demand and corporate accounts of the branch that have no balance product yet get one from `date`.
    Result<qint64> openProducts(qint64 branchId, const QDate& date);
    // Adds each open account's closing balance (never below zero) to its product, once per date.
    Result<qint64> accrue(qint64 branchId, const QDate& date);
    // Products above zero of accounts that may take a credit (normal, or frozen for debits only).
    Result<QList<ProductDue>> productsDue(qint64 branchId);
    // Those same products back to zero from `periodStart`. Accounts that could not be paid keep theirs.
    Result<qint64> resetProducts(qint64 branchId, const QDate& periodStart);

    // Large-value entries of the day's transfers (criteria person_transfer, company_transfer): every
    // executed, unreversed CNY transfer of a customer whose day total in that direction reaches the
    // threshold of their kind; entries made before are kept. Answers how many were made now.
    Result<qint64> insertTransferLargeValues(qint64 branchId, const QDate& businessDate, qint64 personThreshold,
                                             qint64 companyThreshold);

    // A currency whose debits and credits differ over the branch's journal of the date (invalid date:
    // all dates); empty when every currency balances.
    Result<std::optional<QString>> unbalancedCurrency(qint64 branchId, const QDate& businessDate = {});
    // The first 'row' account of the branch (by id) whose balance is not the sum of its journal lines.
    Result<std::optional<LedgerMismatch>> firstBalanceMismatch(qint64 branchId);
    Result<qint64> rowAccountCount(qint64 branchId);
    Result<qint64> journalLineCount(qint64 branchId, const QDate& businessDate);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
