#pragma once

#include "notify/gatewaysecret.h"
#include "notify/noticesender.h"
#include "services/noticeservice.h"
#include "support/cashfixture.h"
#include "support/smsgateway.h"

namespace cs::test {

// The cash fixture with an open cash box, the admin signed on, a subscription helper and a gateway
// set up against a cs::test::SmsGateway; senders read the gateway password from a memory store.
class NoticeFixture : public CashFixture {
public:
    std::optional<Session> admin;
    MemorySecretStore secrets;
    static constexpr const char16_t* gatewayUser = u"bank-0001";
    static constexpr const char16_t* gatewayPassword = u"gateway-secret-1";

    Status create()
    {
        if (auto made = CashFixture::create(); !made)
            return made;
        auto a = db.signOn(u"admin"_s);
        if (!a)
            return fail(a.error());
        admin = *a;
        if (auto funded = fundVault(100'000'000); !funded)
            return funded;
        if (auto box = openBox(10'000'000); !box)
            return fail(box.error());
        return secrets.write(gatewaySecretName(), QString::fromUtf16(gatewayPassword).toUtf8());
    }

    Result<NoticeSubscription> subscribe(const QString& account, const QString& phone, bool withBalance = true,
                                         const QString& language = u"zh_CN"_s)
    {
        SubscribeRequest r;
        r.accountNumber = account;
        r.phone = phone;
        r.withBalance = withBalance;
        r.language = language;
        r.requestId = newId();
        return NoticeService(db.db()).subscribe(*teller, r);
    }

    // The gateway at `gateway`'s URL, which then requires this fixture's account and password.
    Status useGateway(SmsGateway& gateway)
    {
        gateway.requireCredentials(QString::fromUtf16(gatewayUser), QString::fromUtf16(gatewayPassword));
        return NoticeService(db.db()).setGateway(
            *admin, {gateway.url().toString(), QString::fromUtf16(gatewayUser), u"示例银行"_s, {}, {}}, newId());
    }

    DeliveryPass pass(const QString& sender = u"T09/test"_s)
    {
        NoticeSender notifier(db.db(), &secrets, sender);
        return notifier.runPass();
    }

    qint64 notices(const QString& state = {})
    {
        return db.count(state.isEmpty() ? u"SELECT COUNT(*) FROM notice_outbox"_s
                                        : u"SELECT COUNT(*) FROM notice_outbox WHERE state = '%1'"_s.arg(state));
    }
};

} // namespace cs::test
