// Two terminals on one database: terminal A submits a request through the core on its own Database
// (its own connections), terminal B's Approvals workspace shows it by itself. On PostgreSQL B is told by
// the database (LISTEN/NOTIFY through QSqlDriver::subscribeToNotification), polls nothing and shows the
// item within a second; on SQLite B polls a fingerprint and shows it within a poll or two.
// Registered twice (COUNTERSIGN_TEST_BACKEND=sqlite and postgresql, labels ui and the backend).

#include "approvals/approvalqueuemodel.h"
#include "approvals/approvalservice.h"
#include "approvals/approvalsworkspace.h"
#include "approvals/approvalwatcher.h"
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "services/internalaccounts.h"
#include "services/transferservice.h"
#include "storage/notificationlistener.h"
#include "support/demodb.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

cs::Money cny(qint64 minor)
{
    return cs::Money(minor, cs::Currency::cny());
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestApprovalsLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void otherTerminalSeesTheRequest();
    void listenerOnlyOnPostgreSql();

private:
    cs::Result<QString> classIAccount(const QString& idNumber);
    bool postgres() const { return cs::test::TestDatabase::backend() == u"postgresql"_s; }

    cs::test::DemoDb m_demo;
    std::optional<cs::Database> m_a; // terminal A's database object (its own connections)
    std::optional<cs::Database> m_b; // terminal B's
    cs::Session m_teller;
    cs::Session m_super;
    QString m_payer;
    QString m_payee;
};

cs::Result<QString> TestApprovalsLive::classIAccount(const QString& idNumber)
{
    auto found = cs::CustomerService(*m_a).find(m_teller, idNumber);
    if (!found)
        return cs::fail(found.error());
    const qint64 customerId = found->constFirst().id;
    auto listed = cs::AccountService(*m_a).listForCustomer(m_teller, customerId);
    if (!listed)
        return cs::fail(listed.error());
    for (const cs::AccountView& a : std::as_const(*listed)) {
        if (a.accountClass == u"I" && a.state == u"normal")
            return a.number;
    }
    auto opened = cs::AccountService(*m_a).open(m_teller, {customerId, u"demand"_s, u"I"_s, {}, newId()});
    if (!opened)
        return cs::fail(opened.error());
    return opened->number;
}

void TestApprovalsLive::initTestCase()
{
    CS_VERIFY_RESULT(m_demo.create());
    auto a = cs::Database::open(m_demo.url());
    CS_VERIFY_RESULT(a);
    m_a = *a;
    auto b = cs::Database::open(m_demo.url());
    CS_VERIFY_RESULT(b);
    m_b = *b;
    auto teller = cs::AuthService(*m_a).signOn(u"teller1"_s, QString::fromUtf16(cs::test::DemoDb::password), u"T-A"_s);
    CS_VERIFY_RESULT(teller);
    m_teller = *teller;
    auto super = cs::AuthService(*m_b).signOn(u"super1"_s, QString::fromUtf16(cs::test::DemoDb::password), u"T-B"_s);
    CS_VERIFY_RESULT(super);
    m_super = *super;
    auto payer = classIAccount(u"110101198003151239"_s);
    CS_VERIFY_RESULT(payer);
    m_payer = *payer;
    auto payee = classIAccount(u"310104199207082467"_s);
    CS_VERIFY_RESULT(payee);
    m_payee = *payee;
    auto shown = cs::AccountService(*m_a).show(m_teller, m_payer);
    CS_VERIFY_RESULT(shown);
    const qint64 payerId = shown->id;
    // ¥1,000,000.00 into the payer's account from clearing.
    CS_VERIFY_RESULT(m_a->transact([&](cs::UnitOfWork& uow) -> cs::Status {
        auto ledger = cs::InternalAccounts::ensure(uow, m_teller.branchId);
        if (!ledger)
            return cs::fail(ledger.error());
        cs::PostingRequest r;
        r.requestId = newId();
        r.kind = u"incoming_credit"_s;
        r.branchId = m_teller.branchId;
        r.businessDate = m_teller.businessDate;
        r.staffId = m_teller.staffId;
        r.terminal = m_teller.terminal;
        r.lines = {{ledger->clearing, 'D', cny(100'000'000), {}}, {payerId, 'C', cny(100'000'000), {}}};
        auto posted = cs::PostingEngine::post(uow, r);
        return posted ? cs::Status{} : cs::fail(posted.error());
    }));
}

void TestApprovalsLive::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
}

void TestApprovalsLive::otherTerminalSeesTheRequest()
{
    // Terminal B: the supervisor's queue, open and waiting.
    cs::ui::ApprovalsWorkspace queue(*m_b, m_super);
    cs::ui::ApprovalWatcher* watcher = queue.watcher();
    QSignalSpy changed(watcher, &cs::ui::ApprovalWatcher::changed);
    if (postgres()) {
        QVERIFY(watcher->isListening());
        QVERIFY2(!watcher->isPolling(), "on PostgreSQL the queue is told, it does not poll");
    } else {
        QVERIFY(!watcher->isListening());
        QVERIFY(watcher->isPolling());
        watcher->setPollInterval(200);
    }
    const int before = queue.model()->rowCount();
    // (A variable, not an expression: QTRY_* macros do not parenthesize their timeout.)
    const int within = postgres() ? 1000 : 3000;

    // Terminal A: a transfer above the teller's authority, through the core on A's own connections.
    cs::TransferRequest request;
    request.fromAccount = m_payer;
    request.toAccount = m_payee;
    request.amount = cny(6'000'000);
    request.requestId = newId();
    QElapsedTimer clock;
    clock.start();
    auto entered = cs::TransferService(*m_a).enter(m_teller, request);
    CS_VERIFY_RESULT(entered);
    QCOMPARE(entered->state, u"pending"_s);
    const qint64 approvalId = entered->approvalId;
    QVERIFY(approvalId > 0);
    const qint64 submitted = clock.elapsed();

    // B shows it by itself: within a second on PostgreSQL, a poll or two on SQLite.
    QTRY_VERIFY_WITH_TIMEOUT(queue.model()->rowOfApproval(approvalId) >= 0, within);
    const qint64 elapsed = clock.elapsed();
    qInfo("terminal A submitted approval %lld in %lld ms; terminal B showed it %lld ms later", approvalId, submitted,
          elapsed - submitted);
    QCOMPARE(queue.model()->rowCount(), before + 1);
    QVERIFY(changed.count() >= 1);
    if (postgres())
        QVERIFY(!watcher->isPolling());

    // A cancels it: it leaves B's pending queue the same way.
    changed.clear();
    CS_VERIFY_RESULT(cs::ApprovalService(*m_a).cancel(m_teller, approvalId, newId()));
    QTRY_VERIFY_WITH_TIMEOUT(queue.model()->rowOfApproval(approvalId) < 0, within);
    QCOMPARE(queue.model()->rowCount(), before);
}

void TestApprovalsLive::listenerOnlyOnPostgreSql()
{
    cs::NotificationListener listener(*m_b);
    const cs::Status subscribed = listener.subscribe(cs::ApprovalService::notificationChannel());
    if (!postgres()) {
        QVERIFY(!listener.isSupported());
        QVERIFY(!subscribed.has_value());
        QCOMPARE(subscribed.error().code, u"notify.unsupported"_s);
        return;
    }
    CS_VERIFY_RESULT(subscribed);
    QVERIFY(listener.isSubscribed(cs::ApprovalService::notificationChannel()));
    // A NOTIFY from terminal A arrives with its payload.
    QSignalSpy notified(&listener, &cs::NotificationListener::notified);
    CS_VERIFY_RESULT(m_a->transact([](cs::UnitOfWork& uow) -> cs::Status {
        auto q = uow.scalar(u"SELECT pg_notify(?, ?)"_s, {cs::ApprovalService::notificationChannel(), u"42"_s});
        return q ? cs::Status{} : cs::fail(q.error());
    }));
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() == 1, 1000);
    QCOMPARE(notified.at(0).at(0).toString(), cs::ApprovalService::notificationChannel());
    QCOMPARE(notified.at(0).at(1).toString(), u"42"_s);
}

QTEST_MAIN(TestApprovalsLive)
#include "tst_approvals_live.moc"
