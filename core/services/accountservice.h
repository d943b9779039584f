#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "security/auditlog.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cs {

enum class FreezeMode { Full, Debit, Credit }; // 全额冻结, 只收不付 (no debits), 只付不收 (no credits)

QString freezeModeKey(FreezeMode mode); // "full", "debit", "credit", as stored and typed on the CLI
std::optional<FreezeMode> freezeModeFromKey(QStringView key);

// Reason codes of freezes and holds: judicial, customer, aml, bank, transfer, other.
const QStringList& accountReasonCodes();

// The changes of an account's state that may wait for a checker (approvals account.freeze,
// account.unfreeze, account.close while their approvals.required.* setting is 1).
enum class AccountCommand { Freeze, Unfreeze, Close };
QString accountCommandAction(AccountCommand command); // "account.freeze", ...

struct AccountCommandRequest {
    AccountCommand command = AccountCommand::Freeze;
    QString number;
    FreezeMode mode = FreezeMode::Full; // freeze
    QString reasonCode;                 // freeze
    QString reason;
};
QJsonObject accountCommandPayload(const AccountCommandRequest& request);
AccountCommandRequest accountCommandFromPayload(AccountCommand command, const QJsonObject& payload);

// What freeze, unfreeze and close answer: done, with the account's state now, or waiting for a checker.
struct AccountChange {
    QString account;
    QString state;          // the account's state after (as it was, while pending)
    QString freezeMode;
    qint64 approvalId = 0;  // > 0: stored as a pending approval, nothing changed yet
    bool replayed = false;
    bool pending() const { return approvalId > 0; }
};

struct OpenAccountRequest {
    qint64 customerId = 0;
    QString productCode;  // demand, td3m .. td5y, corp
    QString accountClass; // I, II or III for a person's demand account; empty otherwise
    QString bindAccount;  // Class II/III: the same customer's Class I account number
    QString requestId;    // the same id again returns the first account
};

struct AccountOpened {
    qint64 accountId = 0;
    QString number;
};

struct HoldView {
    qint64 id = 0;
    Money amount = Money::zero(Currency::cny());
    QString reasonCode;
    QString reason;
    QDateTime createdAt;
};

struct AccountView {
    qint64 id = 0;
    QString number;
    QString title;
    QString kind;          // customer, internal
    QString internalRole;  // internal accounts
    qint64 customerId = 0;
    QString customerName;
    QString productCode;
    QString productName;
    QString accountClass;  // I, II, III or empty
    QString boundAccount;  // number of the bound Class I account
    Currency currency = Currency::cny();
    Money balance = Money::zero(Currency::cny());
    Money held = Money::zero(Currency::cny());
    Money overdraftLimit = Money::zero(Currency::cny());
    Money available = Money::zero(Currency::cny()); // balance - held + overdraft
    QString state;         // normal, frozen, dormant, closed
    QString freezeMode;    // full, debit, credit when frozen
    QString freezeReason;
    QString balanceMode;   // row, journal
    QDate openedOn;
    QDate maturityOn;
    QDate closedOn;
    // Class II/III limits used (account_limit_usage) on the branch's business day and in its year.
    Money usedTodayIn = Money::zero(Currency::cny());
    Money usedTodayOut = Money::zero(Currency::cny());
    Money usedYearIn = Money::zero(Currency::cny());
    Money usedYearOut = Money::zero(Currency::cny());
    QList<HoldView> holds; // active holds
};

struct StatementLine {
    qint64 lineId = 0;
    qint64 txnId = 0;
    QDate businessDate;
    QDateTime postedAt;
    QString kind;
    char side = 'D';
    Money amount = Money::zero(Currency::cny());
    Money balanceAfter = Money::zero(Currency::cny()); // the running balance after this line
    QString memo;
    qint64 reversesTxnId = 0;
    QString terminal;
};

struct StatementPage {
    QList<StatementLine> lines;
    qint64 lastLineId = 0; // pass as afterLineId for the next page
    bool atEnd = true;     // fewer lines than asked for: nothing more now
};

// Customer accounts: opening (classes and binding), lookup, freeze, closure, holds and statements.
// Every change is one audited transaction (performAudited); money moves only through the PostingEngine.
class AccountService {
public:
    explicit AccountService(Database db);

    // Rules: the product exists and is offered; a person's demand account has a class, I at most once
    // per person (Refused account.class1_exists); II/III are bound to the same customer's open Class I;
    // a company opens `corp` without a class; time deposits open at zero balance with their maturity.
    Result<AccountOpened> open(const Session& session, const OpenAccountRequest& request) const;
    Result<AccountView> show(const Session& session, const QString& number) const;
    Result<QList<AccountView>> listForCustomer(const Session& session, qint64 customerId) const;

    // Each waits for a checker when its approvals.required.* setting is 1 (AccountChange::pending()).
    Result<AccountChange> freeze(const Session& session, const QString& number, FreezeMode mode,
                                 const QString& reasonCode, const QString& reason, const QString& requestId = {}) const;
    Result<AccountChange> unfreeze(const Session& session, const QString& number, const QString& reason,
                                   const QString& requestId = {}) const;
    // Only at zero balance, without active holds, not frozen, with no open Class II/III bound to it and no
    // card on it that is not replaced or cancelled (Refused account.close_cards).
    Result<AccountChange> close(const Session& session, const QString& number, const QString& reason,
                                const QString& requestId = {}) const;

    // The change itself inside the caller's transaction, under the account's row lock (the approval
    // service executes an approved command through it): its rules, the write, the audit's before and
    // after. Answers {account, state, freeze_mode}.
    static Result<QJsonObject> applyCommand(UnitOfWork& uow, const Session& executor, const AccountCommandRequest& request,
                                            AuditEntry& audit);

    // Holds (permission account.freeze to place, account.unfreeze to release).
    Result<qint64> placeHold(const Session& session, const QString& number, const Money& amount,
                             const QString& reasonCode, const QString& reason, const QString& requestId) const;
    Status releaseHold(const Session& session, qint64 holdId, const QString& requestId = {}) const;

    // Journal lines of the account with business dates in [from, to] (an invalid date: open end), after
    // the line afterLineId (0: from the first), at most pageSize (1..1000), each with the running
    // balance. `balanceBefore`: the running balance before the page when the caller knows it (the last
    // line of its previous page), which saves summing the earlier lines.
    Result<StatementPage> statement(const Session& session, const QString& number, const QDate& from, const QDate& to,
                                    qint64 afterLineId, int pageSize,
                                    std::optional<Money> balanceBefore = std::nullopt) const;
    Result<qint64> statementLineCount(const Session& session, const QString& number, const QDate& from,
                                      const QDate& to) const;

private:
    Database m_db;
};

} // namespace cs
