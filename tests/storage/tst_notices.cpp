// SMS notice subscriptions and the outbox on SQLite and PostgreSQL: a subscription is made, changed,
// confirmed and cancelled through NoticeService with its audit; bad input names its field and changes
// nothing; a posting queues its movement notice in its own transaction (rolled back: none; committed:
// always), only for subscribed accounts; the database refuses what the core refuses.
#include "ledger/postingengine.h"
#include "services/reversalservice.h"
#include "support/noticefixture.h"

#include <QJsonDocument>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
} // namespace

class TestNotices : public QObject {
    Q_OBJECT

private:
    NoticeFixture f;
    QString m_zhang;
    QString m_li;

    qint64 subscriptions() { return f.db.count(u"SELECT COUNT(*) FROM notice_subscriptions"_s); }
    QJsonObject payloadOf(qint64 noticeId)
    {
        return QJsonDocument::fromJson(f.db.scalar(u"SELECT payload FROM notice_outbox WHERE id = %1"_s.arg(noticeId)).toString().toUtf8())
            .object();
    }
    qint64 lastNotice() { return f.db.count(u"SELECT MAX(id) FROM notice_outbox"_s); }
    cs::Status exec(const QString& sql)
    {
        return f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(sql);
            if (!q)
                return cs::fail(q.error());
            return {};
        });
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        auto z = f.classI(zhang);
        CS_VERIFY_RESULT(z);
        m_zhang = *z;
        auto l = f.classI(li);
        CS_VERIFY_RESULT(l);
        m_li = *l;
    }
    void cleanupTestCase() { f.db.reset(); }

    void badInputNamesItsFieldAndChangesNothing()
    {
        const qint64 audits = f.db.count(u"SELECT COUNT(*) FROM audit_log"_s);
        cs::NoticeService service(f.db.db());
        cs::SubscribeRequest r;
        r.accountNumber = m_zhang;
        r.requestId = f.newId();
        r.phone = u"12345"_s;
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "notice.phone", cs::ErrorKind::Invalid, "phone");
        r.phone = u"13812345678"_s;
        r.language = u"fr"_s;
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "notice.language", cs::ErrorKind::Invalid, "language");
        r.language = u"zh_CN"_s;
        r.movements = false;
        r.maturity = false;
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "notice.kinds", cs::ErrorKind::Invalid, "movements");
        r.maturity = true;
        r.withBalance = true;
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "notice.kinds", cs::ErrorKind::Invalid, "with_balance");
        r.movements = true;
        r.feePlan = u"gold"_s;
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "notice.fee_plan", cs::ErrorKind::Invalid, "fee_plan");
        r.feePlan = u"free"_s;
        r.accountNumber = u"6000119999999999"_s;
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "account.not_found", cs::ErrorKind::NotFound, "account");
        r.accountNumber = f.db.scalar(u"SELECT number FROM accounts WHERE internal_role = 'vault'"_s).toString();
        CS_EXPECT_ERROR(service.subscribe(*f.teller, r), "notice.account_state", cs::ErrorKind::Refused, "account");
        QCOMPARE(subscriptions(), qint64(0));
        // Only the refusal by a rule is audited (an input error changes nothing at all).
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'notice.subscribe' AND outcome = 'success'"_s), qint64(0));
        QVERIFY(f.db.count(u"SELECT COUNT(*) FROM audit_log"_s) >= audits);
    }

    void onlyTellersSubscribeAndAuditorsRead()
    {
        auto auditor = f.db.signOn(u"auditor1"_s);
        CS_VERIFY_RESULT(auditor);
        cs::SubscribeRequest r;
        r.accountNumber = m_li;
        r.phone = u"13900001111"_s;
        r.requestId = f.newId();
        CS_EXPECT_ERROR(cs::NoticeService(f.db.db()).subscribe(*auditor, r), "permission.denied", cs::ErrorKind::Refused, "");
        QCOMPARE(subscriptions(), qint64(0));
        auto read = cs::NoticeService(f.db.db()).subscriptionsOfCustomer(*auditor, f.customer(li));
        CS_VERIFY_RESULT(read);
        QCOMPARE(read->size(), 0);
    }

    void subscribeChangeConfirmCancel()
    {
        auto made = f.subscribe(m_zhang, u"+86 138-1234-5678"_s, true);
        CS_VERIFY_RESULT(made);
        QCOMPARE(made->phone, u"13812345678"_s);
        QCOMPARE(made->accountNumber, m_zhang);
        QCOMPARE(made->feePlan, u"free"_s);
        QCOMPARE(made->version, qint64(1));
        QCOMPARE(made->createdOn, f.teller->businessDate);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'notice.subscribe' AND outcome = 'success'"_s), qint64(1));

        // The same request id again: the first answer, nothing written twice.
        cs::NoticeService service(f.db.db());
        cs::SubscribeRequest r{m_li, u"13900001111"_s, u"en"_s, true, false, true, u"package"_s, f.newId()};
        auto package = service.subscribe(*f.teller, r);
        CS_VERIFY_RESULT(package);
        auto again = service.subscribe(*f.teller, r);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->id, package->id);
        QCOMPARE(subscriptions(), qint64(2));
        // A package: ¥2.00 a month, 90 days of trial from today, due only once confirmed.
        QCOMPARE(package->monthlyFee.minor(), qint64(200));
        QCOMPARE(package->trialEndsOn, f.teller->businessDate.addDays(89));
        QVERIFY(!package->confirmedOn.isValid());
        QVERIFY(!package->feeDueOn(package->trialEndsOn.addDays(200)));

        CS_EXPECT_ERROR(service.confirmPackage(*f.teller, m_zhang, f.newId()), "notice.not_package", cs::ErrorKind::Refused,
                        "fee_plan");
        auto confirmed = service.confirmPackage(*f.teller, m_li, f.newId());
        CS_VERIFY_RESULT(confirmed);
        QCOMPARE(confirmed->confirmedOn, f.teller->businessDate);
        QCOMPARE(confirmed->version, qint64(2));
        QVERIFY(!confirmed->feeDueOn(confirmed->trialEndsOn));
        QVERIFY(confirmed->feeDueOn(confirmed->trialEndsOn.addDays(1)));
        CS_EXPECT_ERROR(service.confirmPackage(*f.teller, m_li, f.newId()), "notice.already_confirmed", cs::ErrorKind::Refused,
                        "fee_plan");

        // A change keeps the row (version + 1) and the package's terms; before and after are audited.
        r.phone = u"13900002222"_s;
        r.requestId = f.newId();
        auto changed = service.subscribe(*f.teller, r);
        CS_VERIFY_RESULT(changed);
        QCOMPARE(changed->id, package->id);
        QCOMPARE(changed->phone, u"13900002222"_s);
        QCOMPARE(changed->version, qint64(3));
        QCOMPARE(changed->confirmedOn, f.teller->businessDate);
        QCOMPARE(changed->trialEndsOn, package->trialEndsOn);
        const QString audit = f.db.scalar(u"SELECT before_value || ' -> ' || after_value FROM audit_log WHERE action = "
                                          "'notice.subscribe' ORDER BY id DESC LIMIT 1"_s)
                                  .toString();
        QVERIFY2(audit.contains(u"13900001111"_s) && audit.contains(u"13900002222"_s), qPrintable(audit));

        auto cancelled = service.cancel(*f.teller, m_li, f.newId());
        CS_VERIFY_RESULT(cancelled);
        QCOMPARE(cancelled->state, u"cancelled"_s);
        QCOMPARE(cancelled->cancelledOn, f.teller->businessDate);
        CS_EXPECT_ERROR(service.cancel(*f.teller, m_li, f.newId()), "notice.not_subscribed", cs::ErrorKind::Refused, "account");
        auto list = service.subscriptionsOfCustomer(*f.teller, f.customer(li));
        CS_VERIFY_RESULT(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().state, u"cancelled"_s);
        auto active = service.activeSubscription(*f.teller, m_li);
        CS_VERIFY_RESULT(active);
        QVERIFY(!active->has_value());
    }

    void aDepositQueuesItsNoticeForTheSubscribedAccountOnly()
    {
        const qint64 before = f.notices();
        auto receipt = f.deposit(m_zhang, 100'000); // Zhang subscribed with the balance
        CS_VERIFY_RESULT(receipt);
        QCOMPARE(f.notices(), before + 1);
        const qint64 id = lastNotice();
        const QJsonObject payload = payloadOf(id);
        QCOMPARE(payload.value(u"txn_id"_s).toInteger(), receipt->txnId);
        QCOMPARE(payload.value(u"txn_kind"_s).toString(), u"cash_deposit"_s);
        QCOMPARE(payload.value(u"amount_minor"_s).toInteger(), qint64(100'000));
        QCOMPARE(payload.value(u"balance_minor"_s).toInteger(), f.balance(m_zhang));
        QCOMPARE(f.db.scalar(u"SELECT phone FROM notice_outbox WHERE id = %1"_s.arg(id)).toString(), u"13812345678"_s);
        QCOMPARE(f.db.scalar(u"SELECT state FROM notice_outbox WHERE id = %1"_s.arg(id)).toString(), u"pending"_s);
        QCOMPARE(f.db.scalar(u"SELECT event_key FROM notice_outbox WHERE id = %1"_s.arg(id)).toString(), u"txn:%1"_s.arg(receipt->txnId));
        QCOMPARE(f.db.scalar(u"SELECT length(idempotency_key) FROM notice_outbox WHERE id = %1"_s.arg(id)).toLongLong(), qint64(36));

        // Li's subscription was cancelled: a deposit queues nothing. A withdrawal from Zhang: one, negative.
        CS_VERIFY_RESULT(f.deposit(m_li, 50'000));
        QCOMPARE(f.notices(), before + 1);
        auto out = f.withdraw(m_zhang, 30'000);
        CS_VERIFY_RESULT(out);
        QCOMPARE(f.notices(), before + 2);
        QCOMPARE(payloadOf(lastNotice()).value(u"amount_minor"_s).toInteger(), qint64(-30'000));
        QCOMPARE(payloadOf(lastNotice()).value(u"balance_minor"_s).toInteger(), f.balance(m_zhang));

        // The same request again moves nothing and queues nothing.
        const QString id2 = f.newId();
        CS_VERIFY_RESULT(f.deposit(m_zhang, 100, id2));
        CS_VERIFY_RESULT(f.deposit(m_zhang, 100, id2));
        QCOMPARE(f.notices(), before + 3);
    }

    void aRolledBackPostingLeavesNoNoticeAndACommittedOneAlwaysHasIt()
    {
        const qint64 before = f.notices();
        const qint64 balance = f.balance(m_zhang);
        const qint64 account = f.idOf(m_zhang);
        auto post = [&](cs::UnitOfWork& uow) {
            cs::PostingRequest r;
            r.requestId = f.newId();
            r.kind = u"vault_delivery"_s;
            r.branchId = f.teller->branchId;
            r.businessDate = f.teller->businessDate;
            r.staffId = f.teller->staffId;
            r.terminal = f.teller->terminal;
            r.lines = {{f.ledger.clearing, 'D', cny(7'700), {}}, {account, 'C', cny(7'700), {}}};
            return cs::PostingEngine::post(uow, r);
        };
        // Posted, then the work fails after it: the transaction rolls back with its notice.
        const cs::Status rolledBack = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto posted = post(uow);
            if (!posted)
                return cs::fail(posted.error());
            if (f.db.db().dialect() == cs::Dialect::SQLite) {
                // Inside the transaction the notice is there...
                auto inside = uow.scalar(u"SELECT COUNT(*) FROM notice_outbox"_s);
                if (!inside || inside->toLongLong() != before + 1)
                    return cs::fail(cs::Error::internal(u"test.inside"_s, u"the notice is not in the posting's transaction"_s));
            }
            return cs::fail(cs::Error::refused(u"test.after_posting"_s, {}, u"a later step of the same call failed"_s));
        });
        QVERIFY(!rolledBack);
        QCOMPARE(rolledBack.error().code, u"test.after_posting"_s);
        QCOMPARE(f.notices(), before);
        QCOMPARE(f.balance(m_zhang), balance);
        // ...and committed, it is there with the posting.
        qint64 txn = 0;
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto posted = post(uow);
            if (!posted)
                return cs::fail(posted.error());
            txn = posted->txnId;
            return {};
        }));
        QCOMPARE(f.notices(), before + 1);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE event_key = 'txn:%1'"_s.arg(txn)), qint64(1));
        // Every committed movement of the subscribed account has exactly one notice.
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM journal_txns t WHERE EXISTS (SELECT 1 FROM journal_lines l WHERE "
                            "l.txn_id = t.id AND l.account_id = %1) AND NOT EXISTS (SELECT 1 FROM notice_outbox o WHERE "
                            "o.event_key = 'txn:' || CAST(t.id AS TEXT) AND o.account_id = %1) AND t.id > (SELECT MIN(CAST(substr(event_key, 5) AS BIGINT)) "
                            "FROM notice_outbox WHERE account_id = %1)"_s.arg(account)),
                 qint64(0));
    }

    void theDatabaseRefusesWhatTheCoreRefuses()
    {
        const qint64 customer = f.customer(zhang);
        const qint64 account = f.idOf(m_zhang);
        const qint64 staff = f.teller->staffId;
        const QString date = f.teller->businessDate.toString(Qt::ISODate);
        const QString insert = u"INSERT INTO notice_subscriptions (customer_id, account_id, phone, created_on, created_by) "
                               "VALUES (%1, %2, '%3', '%4', %5)"_s;
        // A bad phone; a second active subscription; the account of another customer.
        QVERIFY(!exec(insert.arg(customer).arg(account).arg(u"12345"_s, date).arg(staff)));
        QVERIFY(!exec(insert.arg(customer).arg(account).arg(u"13800000000"_s, date).arg(staff)));
        QVERIFY(!exec(insert.arg(f.customer(li)).arg(account).arg(u"13800000000"_s, date).arg(staff)));
        // A package without its fee; the balance without movements.
        CS_VERIFY_RESULT(exec(u"UPDATE notice_subscriptions SET state = 'cancelled', cancelled_on = '%1' WHERE account_id = %2"_s
                                  .arg(date)
                                  .arg(account)));
        QVERIFY(!exec(u"INSERT INTO notice_subscriptions (customer_id, account_id, phone, fee_plan, created_on, created_by) "
                      "VALUES (%1, %2, '13800000000', 'package', '%3', %4)"_s.arg(customer).arg(account).arg(date).arg(staff)));
        QVERIFY(!exec(u"INSERT INTO notice_subscriptions (customer_id, account_id, phone, movements, with_balance, created_on, "
                      "created_by) VALUES (%1, %2, '13800000000', %3, %4, '%5', %6)"_s.arg(customer)
                          .arg(account)
                          .arg(f.db.db().dialect() == cs::Dialect::PostgreSQL ? u"false"_s : u"0"_s,
                               f.db.db().dialect() == cs::Dialect::PostgreSQL ? u"true"_s : u"1"_s, date)
                          .arg(staff)));
        // A sent notice is final and what a notice says never changes.
        const qint64 notice = lastNotice();
        CS_VERIFY_RESULT(exec(u"UPDATE notice_outbox SET state = 'sent', sent_at = '2026-01-01T00:00:00.000Z', "
                              "next_attempt_at = NULL WHERE id = %1"_s.arg(notice)));
        QVERIFY(!exec(u"UPDATE notice_outbox SET state = 'pending', sent_at = NULL, next_attempt_at = '2026-01-01T00:00:00.000Z' "
                      "WHERE id = %1"_s.arg(notice)));
        QVERIFY(!exec(u"UPDATE notice_outbox SET phone = '13900000000' WHERE id = %1"_s.arg(notice)));
        QVERIFY(!exec(u"UPDATE notice_outbox SET payload = '{}' WHERE id = %1"_s.arg(notice)));
        // Plain http to another machine is no gateway.
        QVERIFY(!exec(u"INSERT INTO notice_gateway (id, url, account, signature, updated_by) VALUES "
                      "(1, 'http://sms.example.cn/send', 'a', 'B', %1)"_s.arg(staff)));
        QVERIFY(!exec(u"INSERT INTO notice_gateway (id, url, account, signature, updated_by) VALUES "
                      "(2, 'https://sms.example.cn/send', 'a', 'B', %1)"_s.arg(staff)));
        CS_VERIFY_RESULT(exec(u"INSERT INTO notice_gateway (id, url, account, signature, updated_by) VALUES "
                              "(1, 'https://sms.example.cn/send', 'a', 'B', %1)"_s.arg(staff)));
    }

    void gatewaySettingsAreTheAdministratorsAndAudited()
    {
        cs::NoticeService service(f.db.db());
        CS_EXPECT_ERROR(service.setGateway(*f.teller, {u"https://a.example/x"_s, u"a"_s, u"B"_s, {}, {}}), "permission.denied",
                        cs::ErrorKind::Refused, "");
        const auto bad = service.setGateway(*f.admin, {u"http://sms.example.cn/x"_s, u"a"_s, u"B"_s, {}, {}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"notice.gateway_url"_s);
        QCOMPARE(bad.error().field, u"url"_s);
        const auto noSignature = service.setGateway(*f.admin, {u"https://sms.example.cn/x"_s, u"a"_s, u" "_s, {}, {}});
        QVERIFY(!noSignature);
        QCOMPARE(noSignature.error().field, u"signature"_s);
        CS_VERIFY_RESULT(service.setGateway(*f.admin, {u"https://sms2.example.cn/send"_s, u"acct"_s, u"示例银行"_s, {}, {}}));
        auto g = service.gateway(*f.admin);
        CS_VERIFY_RESULT(g);
        QCOMPARE(g->url, u"https://sms2.example.cn/send"_s);
        QCOMPARE(g->updatedBy, u"admin"_s);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'notice.gateway' AND outcome = 'success'"_s), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestNotices)
#include "tst_notices.moc"
