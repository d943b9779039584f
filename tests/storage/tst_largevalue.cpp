// Large-value cash (AML, PBOC order 2016 No. 3) on SQLite and PostgreSQL: per customer, per direction,
// per business day; 49,999.99 is not flagged, 50,000.00 is, with its due diligence; a missing field is
// refused naming it and changes nothing; two deposits of 30,000 flag the second with the day total;
// withdrawals are totalled apart from deposits; two tellers at once for one customer: one is flagged.
#include "support/cashfixture.h"

#include "services/customerservice.h"

#include <QSemaphore>
#include <QThread>

#include <array>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QString huang = u"440305197511220358"_s;
const QString sun = u"32010219680904771X"_s;

cs::DueDiligence depositDiligence()
{
    cs::DueDiligence dd;
    dd.sourceOfFunds = u"sale of a car"_s;
    dd.idCopyRef = u"SCAN-2026-0001"_s;
    return dd;
}
} // namespace

class TestLargeValue : public QObject {
    Q_OBJECT

private:
    CashFixture f;
    QString m_zhang;
    QString m_li;
    QString m_huang;
    QString m_sun;

    struct Snapshot {
        qint64 account = 0;
        qint64 txns = 0;
        qint64 rows = 0;
        qint64 audits = 0;
        bool operator==(const Snapshot&) const = default;
    };
    Snapshot snapshot(const QString& number)
    {
        return {f.balance(number), f.journalTxns(), f.largeValueRows(), f.db.count(u"SELECT COUNT(*) FROM audit_log"_s)};
    }
    QVariant entry(qint64 txnId, const QString& column)
    {
        return f.db.scalar(u"SELECT %1 FROM large_value_entries WHERE txn_id = %2"_s.arg(column).arg(txnId));
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        CS_VERIFY_RESULT(f.fundVault(100'000'000));
        CS_VERIFY_RESULT(f.openBox(20'000'000));
        for (auto [id, target] : {std::pair{zhang, &m_zhang}, std::pair{li, &m_li}, std::pair{huang, &m_huang},
                                  std::pair{sun, &m_sun}}) {
            auto account = f.classI(id);
            CS_VERIFY_RESULT(account);
            *target = *account;
        }
    }

    void justBelowIsNotFlagged()
    {
        auto r = f.deposit(m_zhang, 4'999'999);
        CS_VERIFY_RESULT(r);
        QVERIFY(!r->largeValue);
        QCOMPARE(f.largeValueRows(), 0);
    }

    void atTheThresholdIsFlaggedWithDueDiligence()
    {
        cs::DueDiligence dd = depositDiligence();
        dd.agentName = u"王小明"_s;
        dd.agentIdNumber = u"110101199001011237"_s;
        auto r = f.deposit(m_li, 5'000'000, {}, dd);
        CS_VERIFY_RESULT(r);
        QVERIFY(r->largeValue);
        QCOMPARE(f.largeValueRows(), 1);
        QCOMPARE(entry(r->txnId, u"criterion"_s).toString(), u"cash"_s);
        QCOMPARE(entry(r->txnId, u"direction"_s).toString(), u"in"_s);
        QCOMPARE(entry(r->txnId, u"amount"_s).toLongLong(), 5'000'000);
        QCOMPARE(entry(r->txnId, u"day_total"_s).toLongLong(), 5'000'000);
        QCOMPARE(entry(r->txnId, u"currency"_s).toString(), u"CNY"_s);
        QCOMPARE(entry(r->txnId, u"source_of_funds"_s).toString(), u"sale of a car"_s);
        QCOMPARE(entry(r->txnId, u"id_copy_ref"_s).toString(), u"SCAN-2026-0001"_s);
        QCOMPARE(entry(r->txnId, u"agent_name"_s).toString(), u"王小明"_s);
        QCOMPARE(entry(r->txnId, u"agent_id_number"_s).toString(), u"110101199001011237"_s);
        QCOMPARE(entry(r->txnId, u"customer_id"_s).toLongLong(), f.customer(li));
        // The voucher shows it again.
        auto again = cs::CashService(f.db.db()).receipt(*f.teller, r->txnId);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->largeValue);
    }

    void missingFieldsAreRefusedByName()
    {
        const Snapshot before = snapshot(m_huang);
        cs::DueDiligence dd = depositDiligence();
        dd.idCopyRef.clear();
        CS_EXPECT_ERROR(f.deposit(m_huang, 5'000'000, {}, dd), "cash.due_diligence_required", cs::ErrorKind::Invalid,
                        "id_copy_ref");
        dd = depositDiligence();
        dd.sourceOfFunds = u"  "_s;
        CS_EXPECT_ERROR(f.deposit(m_huang, 5'000'000, {}, dd), "cash.due_diligence_required", cs::ErrorKind::Invalid,
                        "source_of_funds");
        dd = depositDiligence();
        dd.agentName = u"王小明"_s;
        CS_EXPECT_ERROR(f.deposit(m_huang, 5'000'000, {}, dd), "cash.due_diligence_required", cs::ErrorKind::Invalid,
                        "agent_id_number");
        dd = depositDiligence();
        dd.agentIdNumber = u"110101199001011237"_s;
        CS_EXPECT_ERROR(f.deposit(m_huang, 5'000'000, {}, dd), "cash.due_diligence_required", cs::ErrorKind::Invalid,
                        "agent_name");
        // A withdrawal needs its purpose (the source of funds does not do).
        CS_EXPECT_ERROR(f.withdraw(m_li, 5'000'000, {}, depositDiligence()), "cash.due_diligence_required",
                        cs::ErrorKind::Invalid, "purpose");
        CS_EXPECT_ERROR(f.deposit(m_huang, 6'000'000), "cash.due_diligence_required", cs::ErrorKind::Invalid,
                        "id_copy_ref");
        // Bad input changes nothing, not even the audit trail.
        QCOMPARE(snapshot(m_huang), before);
    }

    void twoDepositsTheSameDay()
    {
        auto first = f.deposit(m_sun, 3'000'000);
        CS_VERIFY_RESULT(first);
        QVERIFY(!first->largeValue);
        auto preview = cs::CashService(f.db.db()).preview(*f.teller, cs::CashDirection::Deposit, m_sun, cny(3'000'000));
        CS_VERIFY_RESULT(preview);
        QCOMPARE(preview->customerDayTotal, cny(6'000'000));
        QVERIFY(preview->largeValue);
        QVERIFY(!preview->dueDiligenceRequired);
        // Under the single threshold: no due diligence needed, the day total flags it.
        auto second = f.deposit(m_sun, 3'000'000);
        CS_VERIFY_RESULT(second);
        QVERIFY(second->largeValue);
        QCOMPARE(entry(second->txnId, u"amount"_s).toLongLong(), 3'000'000);
        QCOMPARE(entry(second->txnId, u"day_total"_s).toLongLong(), 6'000'000);
        QCOMPARE(entry(second->txnId, u"direction"_s).toString(), u"in"_s);
        QVERIFY(entry(second->txnId, u"id_copy_ref"_s).isNull());
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM large_value_entries WHERE txn_id = %1"_s.arg(first->txnId)), 0);
    }

    void withdrawalsCountApartFromDeposits()
    {
        // Sun deposited ¥60,000 today; his withdrawals start from zero.
        auto first = f.withdraw(m_sun, 3'000'000);
        CS_VERIFY_RESULT(first);
        QVERIFY(!first->largeValue);
        auto second = f.withdraw(m_sun, 1'999'999);
        CS_VERIFY_RESULT(second);
        QVERIFY(!second->largeValue);
        auto third = f.withdraw(m_sun, 1);
        CS_VERIFY_RESULT(third);
        QVERIFY(third->largeValue);
        QCOMPARE(entry(third->txnId, u"direction"_s).toString(), u"out"_s);
        QCOMPARE(entry(third->txnId, u"day_total"_s).toLongLong(), 5'000'000);
        QCOMPARE(entry(third->txnId, u"amount"_s).toLongLong(), 1);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM large_value_entries WHERE customer_id = %1"_s.arg(f.customer(sun))), 2);
    }

    void aReversedDepositDoesNotCount()
    {
        // Zhang's 49,999.99 reversed: a deposit of 1.00 does not reach the threshold with it.
        const qint64 txn = f.db.count(u"SELECT MIN(t.id) FROM journal_txns t JOIN journal_lines l ON l.txn_id = t.id "
                                      "WHERE l.account_id = %1 AND t.kind = 'cash_deposit'"_s.arg(f.idOf(m_zhang)));
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.branchId = f.teller->branchId;
            r.businessDate = f.teller->businessDate;
            r.staffId = f.teller->staffId;
            r.terminal = f.teller->terminal;
            auto posted = cs::PostingEngine::reverse(uow, txn, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        }));
        auto r = f.deposit(m_zhang, 100);
        CS_VERIFY_RESULT(r);
        QVERIFY(!r->largeValue);
    }

    // Two tellers take 30,000 each for the same customer at the same moment, ten times over: each
    // time exactly one of the two is flagged, with the day total of both (the customer's row orders
    // them; without it both could read a total of zero and neither would be reported).
    void concurrentDepositsSeeEachOther()
    {
        CS_VERIFY_RESULT(f.openBox(0, &*f.teller2));
        for (int round = 0; round < 10; ++round) {
            cs::NewCustomerRequest person;
            person.kind = u"person"_s;
            person.fullName = u"Concurrent %1"_s.arg(round);
            person.idType = u"passport"_s;
            person.idNumber = u"LV%1"_s.arg(round, 6, 10, QChar(u'0'));
            person.birthDate = QDate(1985, 5, 5);
            person.requestId = CashFixture::newId();
            auto customer = cs::CustomerService(f.db.db()).add(*f.teller, person);
            CS_VERIFY_RESULT(customer);
            auto account = f.classI(person.idNumber);
            CS_VERIFY_RESULT(account);

            QSemaphore ready;
            QSemaphore go;
            std::array<std::optional<cs::Result<cs::CashReceipt>>, 2> results;
            QList<QThread*> threads;
            for (int i = 0; i < 2; ++i) {
                threads.append(QThread::create([&, i] {
                    ready.release();
                    go.acquire();
                    results[i] = f.deposit(*account, 3'000'000, {}, {}, i == 0 ? &*f.teller : &*f.teller2);
                    f.db.db().closeThreadConnection();
                }));
                threads.last()->start();
            }
            ready.acquire(2);
            go.release(2);
            for (QThread* thread : std::as_const(threads)) {
                QVERIFY(thread->wait(QDeadlineTimer(60'000)));
                delete thread;
            }
            for (const auto& r : results)
                CS_VERIFY_RESULT(*r);
            QCOMPARE(int(results[0]->value().largeValue) + int(results[1]->value().largeValue), 1);
            QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM large_value_entries WHERE customer_id = %1"_s.arg(*customer)), 1);
            QCOMPARE(f.db.count(u"SELECT day_total FROM large_value_entries WHERE customer_id = %1"_s.arg(*customer)),
                     6'000'000);
        }
    }

    void cleanupTestCase() { f.db.reset(); }
};

QTEST_GUILESS_MAIN(TestLargeValue)
#include "tst_largevalue.moc"
