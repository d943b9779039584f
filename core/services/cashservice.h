#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "approvals/approvalaction.h"
#include "money/money.h"
#include "security/auditlog.h"
#include "services/accountservice.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cs {

enum class CashDirection { Deposit, Withdrawal };

// The due-diligence record a one-off cash service at or above the large-value threshold needs (DOMAIN:
// AML, from 2026-01-01): the customer's ID is on file; these say who came, why, and where the copy of
// the ID is kept. Agent fields only when someone acts for the customer.
struct DueDiligence {
    QString agentName;
    QString agentIdNumber;
    QString sourceOfFunds; // deposits
    QString purpose;       // withdrawals (and deposits, where asked)
    QString idCopyRef;     // the reference of the scanned ID copy
    bool isEmpty() const
    {
        return agentName.isEmpty() && agentIdNumber.isEmpty() && sourceOfFunds.isEmpty() && purpose.isEmpty()
               && idCopyRef.isEmpty();
    }
};

struct CashRequest {
    QString accountNumber;
    Money amount = Money::zero(Currency::cny());
    QString requestId;    // made when the form opens; the same id again returns the first receipt
    QString memo;
    DueDiligence dueDiligence;
};

// What the teller sees before confirming: nothing is written.
struct CashPreview {
    AccountView account;                                 // as it stands now
    CashDirection direction = CashDirection::Deposit;
    Money amount = Money::zero(Currency::cny());
    Money fee = Money::zero(Currency::cny());            // remote (异地) fee: on top of a withdrawal, out of a deposit
    Money balanceAfter = Money::zero(Currency::cny());
    Money availableAfter = Money::zero(Currency::cny());
    Money customerDayTotal = Money::zero(Currency::cny()); // this customer's cash in this direction today, with this one
    bool largeValue = false;         // customerDayTotal reaches aml.cash_large_value: reported
    bool dueDiligenceRequired = false; // this one amount reaches it: the due-diligence fields are required
    QString amountInCapitals;        // 壹万元整 (chineseCapitals)
};

// One cash transaction, as printed on the voucher (回单) and answered to the CLI.
struct CashReceipt {
    qint64 txnId = 0;
    bool replayed = false;
    QString requestId;
    CashDirection direction = CashDirection::Deposit;
    QString accountNumber;
    QString accountTitle;
    QString customerName;
    Money amount = Money::zero(Currency::cny());
    Money fee = Money::zero(Currency::cny());
    Money balanceAfter = Money::zero(Currency::cny());
    QDate businessDate;
    QDateTime postedAt;
    QString branchCode;
    QString branchName;
    QString tellerLogin;
    QString tellerName;
    QString terminal;
    bool largeValue = false;
    QString memo;
    // A withdrawal above the teller's limit waits for a supervisor: nothing is posted yet (txnId 0), the
    // amount is held on the account, and state is "pending" with its approval (issue 5).
    qint64 approvalId = 0;
    QString state = QStringLiteral("posted"); // posted, pending
};

// A withdrawal a checker approved, executed under that approval: the teller limit was the checker's
// to lift, and the holds placed while it waited are consumed by the posting.
struct ApprovedCash {
    qint64 approvalId = 0;
    QList<qint64> holds;
};

// Cash at the counter through the acting teller's open cash box (DESIGN rules 2-5, DOMAIN classes
// and AML). Invalid: cash.amount, cash.request_id (1 to 64 characters), cash.due_diligence_required
// (field names the missing one: id_copy_ref, source_of_funds, purpose, agent_name, agent_id_number),
// account.format.
// Refused: cashbox.not_open, account.internal, class limits (limit.class3_no_cash, limit.class2_*,
// limit.class3_*), account states (posting.account_*), posting.insufficient_funds,
// A withdrawal above limits.teller_single_max waits for a supervisor (approval cash.withdraw): its receipt
// has state "pending", the approval's id and no transaction; the amount is held until the decision.
// NotFound: account.not_found, cash.txn_not_found (receipt).
class CashService {
public:
    explicit CashService(Database db);

    Result<CashPreview> preview(const Session& session, CashDirection direction, const QString& accountNumber,
                                const Money& amount) const;
    Result<CashReceipt> deposit(const Session& session, const CashRequest& request) const;
    Result<CashReceipt> withdraw(const Session& session, const CashRequest& request) const;
    // A posted cash transaction again, for reprinting its voucher.
    Result<CashReceipt> receipt(const Session& session, qint64 txnId) const;

    // The work of deposit and withdraw inside the caller's transaction, for the approval service to
    // execute an approved withdrawal with the same rules (the maker's cash box, states, limits, funds,
    // due diligence, large-value report). Answers cashReceiptJson.
    static Result<QJsonObject> postIn(UnitOfWork& uow, const Session& teller, CashDirection direction,
                                      const CashRequest& request, AuditEntry& audit,
                                      const ApprovedCash* approved = nullptr);

private:
    Result<CashReceipt> post(const Session& session, CashDirection direction, const CashRequest& request) const;
    Database m_db;
};

// The receipt as the CLI answers it: txn_id, account, amount, fee, balance (decimal strings), ...
QJsonObject cashReceiptJson(const CashReceipt& receipt);

// A withdrawal as an approval's payload, and back (approval cash.withdraw).
QJsonObject cashRequestPayload(const CashRequest& request);
CashRequest cashRequestFromPayload(const QJsonObject& payload);

} // namespace cs
