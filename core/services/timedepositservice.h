#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "services/cashservice.h"
#include "storage/database.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cs {

// Placing the principal of a newly opened time deposit account (AccountService::open, products td3m ..
// td5y), once: from another account of the same customer, or in cash through the teller's cash box.
struct PlaceDepositRequest {
    QString account;          // the time deposit account
    QString fromAccount;      // the customer's demand or corporate account the principal comes from, or
    bool cash = false;        // cash through the acting teller's open cash box (CashService's rules)
    Money amount = Money::zero(Currency::cny());
    bool rollover = false;    // at maturity: principal + interest into a new term at the rate of that day
    QString payoutAccount;    // where maturity and withdrawals pay; default: fromAccount (when it may take
                              // it), else the customer's Class I or corporate account
    DueDiligence dueDiligence; // cash at or above aml.cash_large_value
    QString memo;
    QString requestId;
};

struct TimeDepositView {
    QString account;
    QString productCode;
    QString payoutAccount;
    Money principal = Money::zero(Currency::cny());
    qint64 rateBp = 0;        // fixed at placement (or at the last roll-over)
    int termMonths = 0;
    QDate openedOn;           // start of the current term
    QDate maturesOn;
    bool rollover = false;
    QDate partialOn;          // invalid: the partial early withdrawal is unused
    Money partialAmount = Money::zero(Currency::cny());
    int terms = 1;            // 1 + roll-overs
    QString state;            // active, matured (due, not yet paid out), closed
};

// What placing or withdrawing answers (and the CLI prints).
struct DepositMovement {
    qint64 txnId = 0;
    bool replayed = false;
    QString kind;             // deposit_placement, cash_deposit, deposit_early_withdrawal, deposit_maturity
    TimeDepositView deposit;  // after
    Money amount = Money::zero(Currency::cny());   // principal moved
    Money interest = Money::zero(Currency::cny());
    qint64 interestDays = 0;
    qint64 interestRateBp = 0; // the rate the interest was reckoned at
    Money paid = Money::zero(Currency::cny());     // amount + interest, to the payout account
    QDate businessDate;
};

QJsonObject depositMovementJson(const DepositMovement& movement);
QJsonObject timeDepositJson(const TimeDepositView& deposit);

// Time deposits (整存整取, DOMAIN "Deposits and interest"). Rates and the minimum are settings
// (interest.rate_bp.<product>, interest.rate_bp.demand, deposit.time_minimum); interest is simple,
// on 360 days a year, from the day of the term's start up to, not including, the day it ends
// (core/domain/interest.h), posted from the branch's interest_expense account. Every call is one
// audited, idempotent transaction (performAudited).
// Invalid: deposit.source (neither or both of fromAccount and cash), deposit.amount, deposit.request_id,
//          account.format.
// Refused: deposit.not_time (not a time deposit account), deposit.already_placed, deposit.below_minimum
//          (field amount), deposit.from_account, deposit.payout_account, deposit.closed,
//          deposit.partial_used, deposit.remainder_below_minimum, deposit.amount_exceeds, deposit.matured
//          (a partial withdrawal on or after maturity), and the PostingEngine's and CashService's refusals.
// NotFound: account.not_found, deposit.not_placed.
class TimeDepositService {
public:
    explicit TimeDepositService(Database db);

    Result<DepositMovement> place(const Session& session, const PlaceDepositRequest& request) const;    // deposit.place
    // Early withdrawal (deposit.withdraw): the whole deposit, or (amount below the principal) a part of
    // it once; the part taken earns the demand rate of the day for the days held, the rest keeps its
    // terms. On or after maturity the whole deposit is paid out as at maturity (the days since at the
    // demand rate).
    Result<DepositMovement> withdraw(const Session& session, const QString& account, const std::optional<Money>& amount,
                                     const QString& requestId) const;
    Result<TimeDepositView> show(const Session& session, const QString& account) const; // account.read

    // End of day (step mature_deposits), in the caller's transaction: every deposit of the branch that
    // matures on or before `nextDate` (the business date end of day moves to) and is not closed is rolled
    // over (the term's interest added, a new term at the current rate) or paid out to its payout account
    // (principal, the term's interest, and the demand rate on the days after maturity), with a maturity
    // notice. A deposit whose payout account can take nothing (closed, frozen, dormant) waits as
    // 'matured' and is tried again the next day. Postings carry the session's business date.
    // Answers {"deposits", "rolled_over", "paid_out", "waiting", "interest"}.
    static Result<QJsonObject> matureDueIn(UnitOfWork& uow, const Session& session, const QDate& nextDate);

private:
    Database m_db;
};

} // namespace cs
