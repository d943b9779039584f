#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "storage/database.h"
#include "storage/noticedeliveryrepository.h"
#include "storage/noticesubscriptionrepository.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace cs {

struct SubscribeRequest {
    QString accountNumber;
    QString phone;             // spaces, dashes and +86 are accepted and removed
    QString language = QStringLiteral("zh_CN");
    bool movements = true;
    bool withBalance = false;
    bool maturity = true;
    QString feePlan = QStringLiteral("free"); // package: the fee is notice.package_monthly_fee, the trial
                                              // notice.trial_days from today (kept when already a package)
    QString requestId;
};

// One notice of the outbox as the Administration workspace and the CLI show it.
struct OutboxEntry {
    qint64 id = 0;
    QString kind;              // movement, maturity
    QString accountMasked;     // ****1234
    QString phoneMasked;       // 138****5678
    QString language;
    QString state;             // pending, failed, sent, dead, cancelled
    int attempts = 0;          // since queued or since the last retry
    QDate businessDate;
    QDateTime createdAt;
    QDateTime nextAttemptAt;   // pending and failed
    QDateTime sentAt;
    QString lastError;
    QString text;              // what was sent, or what will be sent
};

struct OutboxFilter {
    QString state;             // empty: every state
    int limit = 500;
    qint64 beforeId = 0;       // > 0: only older notices (the next page after the last id shown)
};

// A subscription as the audit trail and the CLI record it (the fee as a decimal string, dates ISO or null).
QJsonObject subscriptionJson(const NoticeSubscription& s);

// Subscriptions, the outbox and the gateway settings (issue 8). Notices themselves are queued by the
// PostingEngine and the end of day in the transaction of their event; NoticeSender delivers them.
class NoticeService {
public:
    explicit NoticeService(Database db);

    // notice.subscribe. Creates the account's subscription or changes the active one (version + 1), audited
    // with before and after. Invalid: notice.phone (field phone), notice.language, notice.kinds (nothing
    // chosen, or the balance without movements), notice.fee_plan; NotFound account.not_found; Refused
    // notice.account_state (closed or internal account).
    Result<NoticeSubscription> subscribe(const Session& session, const SubscribeRequest& request) const;
    // notice.subscribe. Refused notice.not_subscribed when the account has no active subscription.
    Result<NoticeSubscription> cancel(const Session& session, const QString& accountNumber, const QString& requestId) const;
    // notice.subscribe: the customer confirms the paid package (its fee is due after the trial). Refused
    // notice.not_package, notice.already_confirmed, notice.not_subscribed.
    Result<NoticeSubscription> confirmPackage(const Session& session, const QString& accountNumber,
                                              const QString& requestId) const;

    // notice.read. Active and cancelled, newest first.
    Result<QList<NoticeSubscription>> subscriptionsOfCustomer(const Session& session, qint64 customerId) const;
    Result<std::optional<NoticeSubscription>> activeSubscription(const Session& session, const QString& accountNumber) const;

    // notice.read. Newest first.
    Result<QList<OutboxEntry>> outbox(const Session& session, const OutboxFilter& filter = {}) const;
    Result<QMap<QString, qint64>> outboxCounts(const Session& session) const; // state -> notices
    Result<QList<NoticeAttemptRecord>> attempts(const Session& session, qint64 noticeId) const;

    // notice.manage. A dead notice is queued again (pending, due now, attempts from zero), audited.
    // Refused notice.not_dead; NotFound notice.not_found.
    Result<OutboxEntry> retryDead(const Session& session, qint64 noticeId, const QString& requestId) const;

    // notice.read / notice.manage (audited). Invalid: notice.gateway_url (field url: https, or http on the
    // loopback only), notice.gateway_account, notice.gateway_signature.
    Result<GatewaySettings> gateway(const Session& session) const;
    Status setGateway(const Session& session, const GatewaySettings& settings, const QString& requestId = {}) const;

private:
    Database m_db;
};

} // namespace cs
