#pragma once

#include "common/result.h"
#include "money/money.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// A customer account's SMS notice subscription (短信通, table notice_subscriptions).
struct NoticeSubscription {
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 accountId = 0;
    QString accountNumber;
    QString phone;             // 11-digit mainland mobile number
    QString language;          // zh_CN, en: the language of the messages
    bool movements = true;     // every movement of the account (counter, ATM, POS, interest, fees)
    bool withBalance = false;  // movement notices carry the balance after
    bool maturity = true;      // time deposit maturities
    QString feePlan;           // free, package
    Money monthlyFee = Money::zero(Currency::cny()); // package only
    QDate trialEndsOn;         // package: the trial's last day
    QDate confirmedOn;         // package: the day the customer confirmed the paid package; invalid: not yet
    QString state;             // active, cancelled
    QDate createdOn;
    QDate cancelledOn;
    qint64 version = 0;

    // A package's fee is due on `day` only after its trial and once the customer has confirmed.
    bool feeDueOn(const QDate& day) const
    {
        return feePlan == QStringLiteral("package") && state == QStringLiteral("active") && confirmedOn.isValid()
               && day > trialEndsOn && day >= confirmedOn;
    }
};

// The HTTP SMS gateway (table notice_gateway). Its password is not here: see notify/gatewaysecret.h.
struct GatewaySettings {
    QString url;               // https://..., or http:// on the loopback (a test gateway)
    QString account;
    QString signature;         // put into every message: 【signature】
    QDateTime updatedAt;
    QString updatedBy;         // login
    bool isConfigured() const { return !url.isEmpty(); }
};

class NoticeSubscriptionRepository {
public:
    explicit NoticeSubscriptionRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<NoticeSubscription>> findActive(qint64 accountId);
    Result<std::optional<NoticeSubscription>> findById(qint64 id);
    Result<QList<NoticeSubscription>> ofCustomer(qint64 customerId); // newest first
    // The active paid packages on accounts of the branch, by id.
    Result<QList<NoticeSubscription>> packagesOfBranch(qint64 branchId);
    Result<qint64> insert(const NoticeSubscription& s, qint64 staffId);
    // Writes every changeable column and version + 1 where the version is still s.version; false otherwise.
    Result<bool> update(const NoticeSubscription& s);

    Result<std::optional<GatewaySettings>> gateway();
    Status saveGateway(const GatewaySettings& g, qint64 staffId);

private:
    Result<QList<NoticeSubscription>> select(const QString& condition, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
