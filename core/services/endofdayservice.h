#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace cs {

// What keeps a branch from closing its day (DOMAIN: no open cash box, nothing awaiting approval).
struct EodBlocker {
    QString kind;        // cashbox, approval
    qint64 id = 0;       // cashbox session id, approval id
    QString description; // translated: "Cash box of 王芳 (teller1) is open", "Approval 12: cash.withdraw by teller1"
};

// One step of the end of day, in this order (keys are stable; labels translated):
//   check            blockers (refuses with eod.blocked listing them), the day is marked closing
//   expire           what must expire: oral card loss reports past their lapse days (stored back),
//                    approvals of the day that are still pending cannot exist (check refused them)
//   accrue_interest  adds each demand account's closing balance to its balance product (积数)
//   mature_deposits  time deposits maturing on the next business date: payout to the settlement
//                    account, or roll-over where chosen (new term at the current rate), with notices
//   settle_merchants merchants whose cycle is due (MerchantService::settleDueIn)
//   large_value      large-value report entries of the day for transfers (person ¥500,000, company
//                    ¥2,000,000, per customer, direction, single or day total; cash ones already exist)
//   notices          customer notices of the day's movements and maturities into the outbox
//   verify_ledger    debits equal credits for the day and overall; every balance equals its journal
//   close_day        the business date moves to the next day (BranchRepository::advanceBusinessDate)
//   settle_interest  when the closed day was a settlement day (20 Mar/Jun/Sep/Dec): interest on the
//                    balance product posted with the new business date (the 21st), products reset
struct EodStep {
    QString key;
    QString label;   // translated
    QString state;   // done (now), done_before (an earlier, interrupted run did it), skipped
    QJsonObject detail; // counts and amounts: {"accounts": 1200, "interest": "123.45"}
};

struct EodResult {
    QDate closedDate;
    QDate businessDate; // the new one
    QList<EodStep> steps;
    bool resumed = false; // an interrupted run of this date was finished
};

// Closes a branch's business day (permission eod.run; supervisors). Each step is one transaction that
// records its completion (eod_steps: branch, business date, step) together with its effects, so that
// a run killed at any point and started again does every step exactly once and finishes the day once.
class EndOfDayService {
public:
    explicit EndOfDayService(Database db);

    Result<QList<EodBlocker>> blockers(const Session& session) const;
    // `progress` is called after each step (on the caller's thread). Refused eod.blocked when blockers
    // exist (message lists them; nothing changes), eod.running when another run holds the day.
    Result<EodResult> run(const Session& session, const std::function<void(const EodStep&)>& progress = {}) const;

    // Test hook for the kill tests: called inside each step's transaction after its effects and its
    // eod_steps row are written, just before COMMIT (countersign-batch eod aborts there when
    // COUNTERSIGN_EOD_ABORT_IN names the step). Never set in production.
    void setBeforeCommitHook(std::function<void(const QString& step)> hook) { m_beforeCommit = std::move(hook); }

private:
    Database m_db;
    std::function<void(const QString& step)> m_beforeCommit;
};

} // namespace cs
