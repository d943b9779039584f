#pragma once

#include "approvals/approvalaction.h"
#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTime>

#include <optional>

namespace cs {

enum class TransferRoute { Intra, Hvps, Beps, Ibps };
QString routeKey(TransferRoute route);          // intra, hvps, beps, ibps
QString routeDisplayName(TransferRoute route);  // translated: 行内转账, 大额实时 (HVPS), ...

// What the teller keys from the transfer slip. Intra-bank: toAccount. Interbank: toBankCode (12 digits
// with its check digit), toAccount (the beneficiary's account at that bank, up to 32 characters) and
// toName (up to 60).
struct TransferRequest {
    QString fromAccount;
    QString toAccount;
    QString toBankCode;   // empty: intra-bank
    QString toName;
    Money amount = Money::zero(Currency::cny());
    QString remarks;      // up to 256
    bool waiveFee = false; // a fee waiver: needs approval
    QString requestId;
    bool ibps = false;     // (added) interbank: the customer asks for IBPS (real time, 7x24, capped)
    bool isInterbank() const { return !toBankCode.isEmpty(); }
};

// Nothing written: what the teller shows the customer before confirming.
struct TransferPreview {
    QString fromAccount;
    QString fromName;
    QString toAccount;
    QString toName;        // intra: the account's holder, looked up
    QString toBankCode;
    TransferRoute route = TransferRoute::Intra;
    bool queued = false;   // HVPS outside its window: waits for the next one
    Money amount = Money::zero(Currency::cny());
    Money fee = Money::zero(Currency::cny());
    Money balanceAfter = Money::zero(Currency::cny());
    Money availableAfter = Money::zero(Currency::cny());
    bool approvalRequired = false;
    QString amountInCapitals;
};

// One transfer as listed, printed and answered to the CLI.
struct TransferRecord {
    qint64 id = 0;
    QString requestId;
    QDate businessDate;
    QDateTime createdAt;
    QString fromAccount;
    QString fromName;
    QString toAccount;
    QString toName;
    QString toBankCode;
    TransferRoute route = TransferRoute::Intra;
    Money amount = Money::zero(Currency::cny());
    Money fee = Money::zero(Currency::cny());
    bool feeWaived = false;
    QString remarks;
    // pending (waiting for approval), posted (intra), queued / sent / accepted (interbank), rejected
    // (by the clearing network: funds returned), refused (the checker rejected it), cancelled, expired
    QString state;
    qint64 approvalId = 0;
    qint64 txnId = 0;
    qint64 returnTxnId = 0;
    QString clearingMessageId;
    QString clearingState;   // queued, sent, accepted, rejected
    QString clearingReason;  // rejection reason from the network
    QString makerLogin;
    QString terminal;
    Money balanceAfter = Money::zero(Currency::cny()); // of the payer, when posted
    bool replayed = false;
};

struct TransferFilter {
    QDate businessDate;   // invalid: the session's business date
    qint64 makerId = 0;   // 0: every maker of the branch
    QString state;        // empty: every state
};

// Intra-bank and interbank transfers (DOMAIN: transfers and interbank payments; DESIGN rules 4-6).
// enter() validates, computes the route and fee, and either posts at once (intra-bank within the
// teller's authority) or places a hold for amount + fee and submits an approval (transfer.intra above
// limits.teller_single_max, every transfer.interbank, a fee waiver). Approval consumes the hold and
// posts; for interbank it also writes the outgoing clearing item (network, message id, state sent, or
// queued when HVPS is outside its window). Rejection, cancellation and expiry release the hold.
class TransferService {
public:
    explicit TransferService(Database db);

    Result<TransferPreview> preview(const Session& session, const TransferRequest& request) const;
    Result<TransferRecord> enter(const Session& session, const TransferRequest& request) const;
    Result<TransferRecord> find(const Session& session, qint64 transferId) const;
    Result<QList<TransferRecord>> list(const Session& session, const TransferFilter& filter) const;

    // The clearing network's acknowledgement of an outgoing item: accepted, or rejected with a reason,
    // which returns the funds (amount and fee) to the payer by a reversal.
    Result<TransferRecord> acknowledge(const Session& session, qint64 transferId, bool accepted, const QString& reason,
                                       const QString& requestId) const;
    // Sends the queued HVPS items whose window is open at `now`; answers how many were sent.
    Result<int> releaseQueued(const Session& session, const QDateTime& now) const;

private:
    Database m_db;
};

// The route for an interbank amount at a moment (pure; settings passed in): HVPS inside its window on a
// business day; BEPS up to clearing.beps_limit; above it HVPS, queued outside the window; IBPS where
// enabled and within its cap when asked for.
struct RoutingSettings {
    qint64 bepsLimit = 0;    // clearing.beps_limit (fen)
    QTime hvpsOpen;          // clearing.hvps_open
    QTime hvpsCutoff;        // clearing.hvps_cutoff
    bool ibpsEnabled = false;
    qint64 ibpsLimit = 0;    // clearing.ibps_limit (fen)
};
struct RoutingDecision {
    TransferRoute route = TransferRoute::Beps;
    bool queued = false;
};
RoutingDecision routeInterbank(qint64 amountMinor, const QDateTime& now, bool businessDay, const RoutingSettings& s);
// (added) The same, with the customer's request for IBPS: granted where enabled and within its cap.
RoutingDecision routeInterbank(qint64 amountMinor, const QDateTime& now, bool businessDay, const RoutingSettings& s,
                               bool ibpsRequested);

// A 12-digit CNAPS bank code with its check digit (3 bank + 4 city + 4 branch + 1 check).
bool validBankCode(const QString& code);

QJsonObject transferJson(const TransferRecord& transfer);

} // namespace cs
