// Demand interest through the end of day on SQLite and PostgreSQL: each end of day adds the closing
// balance to the account's balance product (积数); the quarter's settlement day (the 20th of March, June,
// September, December) still counts, and its interest is credited on the next business day, the 21st.
// Worked by hand: ¥10,000 at 0.36% for 90 days = 90 × 1,000,000 fen × 36 / (360 × 10,000) = 900 fen = ¥9.00.
// 2030-12-21 .. 2031-03-20 are 90 days (11 + 31 + 28 + 20).
#include "domain/interest.h"
#include "services/accountservice.h"
#include "support/approvals.h"
#include "support/eodfixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QDate firstDay(2030, 12, 21);
const QDate settlementDay(2031, 3, 20);
} // namespace

class TestInterestAccrual : public QObject {
    Q_OBJECT

private:
    EodFixture f;
    QString m_account;  // Zhang's Class I: ¥10,000 all quarter
    QString m_frozen;   // Li's Class I: frozen at settlement, keeps its product

    qint64 product(const QString& number)
    {
        return f.db.count(u"SELECT balance_product FROM interest_products WHERE account_id = %1"_s.arg(f.idOf(number)));
    }
    qint64 interestTxns() { return f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'interest'"_s); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        CS_VERIFY_RESULT(f.moveTo(firstDay));
        CS_VERIFY_RESULT(f.setSetting(u"interest.rate_bp.demand"_s, 36));
        auto a = f.classI(zhang);
        CS_VERIFY_RESULT(a);
        m_account = *a;
        CS_VERIFY_RESULT(f.fund(m_account, 1'000'000));
        auto b = f.classI(li);
        CS_VERIFY_RESULT(b);
        m_frozen = *b;
        CS_VERIFY_RESULT(f.fund(m_frozen, 1'000'000));
    }
    void cleanupTestCase() { f.db.reset(); }

    void ninetyEndsOfDayAccrueTheProduct()
    {
        for (int day = 1; day < 90; ++day) {
            auto eod = f.endOfDay();
            CS_VERIFY_RESULT(eod);
            QCOMPARE(eod->steps.constLast().key, u"settle_interest"_s);
            QCOMPARE(eod->steps.constLast().state, u"skipped"_s);
            QVERIFY(!eod->resumed);
        }
        QCOMPARE(f.branchDate(), settlementDay);
        QCOMPARE(product(m_account), 89LL * 1'000'000);
        QCOMPARE(f.db.scalar(u"SELECT period_start FROM interest_products WHERE account_id = %1"_s.arg(f.idOf(m_account)))
                     .toString()
                     .left(10),
                 firstDay.toString(Qt::ISODate));
        QCOMPARE(interestTxns(), 0);
        QCOMPARE(f.balance(m_account), 1'000'000);
    }

    void theSettlementDayCountsAndIsCreditedTheNextDay()
    {
        QVERIFY(cs::isDemandSettlementDay(settlementDay));
        // An account that cannot take a credit at settlement keeps its product for the next one.
        const auto frozen = cs::AccountService(f.db.db()).freeze(*f.teller, m_frozen, cs::FreezeMode::Full, u"judicial"_s,
                                                                   u"court order"_s, CashFixture::newId());
        CS_VERIFY_RESULT(settled(f.db.db(), frozen));
        const qint64 expense = f.interestExpense();
        auto eod = f.endOfDay();
        CS_VERIFY_RESULT(eod);
        QCOMPARE(eod->closedDate, settlementDay);
        QCOMPARE(eod->businessDate, QDate(2031, 3, 21));
        const cs::EodStep settle = eod->steps.constLast();
        QCOMPARE(settle.key, u"settle_interest"_s);
        QCOMPARE(settle.state, u"done"_s);
        QCOMPARE(settle.detail.value(u"accounts"_s).toInt(), 1);
        QCOMPARE(settle.detail.value(u"interest"_s).toString(), u"9.00"_s);
        QCOMPARE(settle.detail.value(u"rate_bp"_s).toInt(), 36);

        QCOMPARE(f.balance(m_account), 1'000'900);
        QCOMPARE(f.interestExpense() - expense, 900);
        QCOMPARE(interestTxns(), 1);
        QCOMPARE(f.db.scalar(u"SELECT business_date FROM journal_txns WHERE kind = 'interest'"_s).toString().left(10),
                 u"2031-03-21"_s);
        QCOMPARE(f.db.count(u"SELECT l.amount FROM journal_lines l JOIN journal_txns t ON t.id = l.txn_id "
                            "WHERE t.kind = 'interest' AND l.account_id = %1 AND l.side = 'C'"_s.arg(f.idOf(m_account))),
                 900);
        // A new period from the 21st; the frozen account's 90 days wait.
        QCOMPARE(product(m_account), 0);
        QCOMPARE(f.db.scalar(u"SELECT period_start FROM interest_products WHERE account_id = %1"_s.arg(f.idOf(m_account)))
                     .toString()
                     .left(10),
                 u"2031-03-21"_s);
        QCOMPARE(product(m_frozen), 90LL * 1'000'000);
        QCOMPARE(f.balance(m_frozen), 1'000'000);
    }

    void theNextPeriodStartsFromTheCreditedBalance()
    {
        auto eod = f.endOfDay();
        CS_VERIFY_RESULT(eod);
        QCOMPARE(eod->steps.constLast().state, u"skipped"_s);
        QCOMPARE(product(m_account), 1'000'900);
        QCOMPARE(interestTxns(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInterestAccrual)
#include "tst_interest_accrual.moc"
