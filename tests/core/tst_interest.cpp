// Interest as DOMAIN states it, against figures worked out by hand: annual rate / 360, to the fen,
// half up; the product method for daily accrual; the quarterly settlement day.
#include "domain/interest.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
cs::Money fen(qint64 minor) { return cs::Money(minor, cs::Currency::cny()); }
} // namespace

class TestInterest : public QObject {
    Q_OBJECT

private slots:
    void simple_data()
    {
        QTest::addColumn<qint64>("principal");
        QTest::addColumn<qint64>("rateBp");
        QTest::addColumn<qint64>("days");
        QTest::addColumn<qint64>("interest");
        // ¥10,000 at 0.36% for 90 days: 10,000 × 0.0036 × 90 / 360 = 9.00.
        QTest::newRow("demand 90 days") << qint64(1'000'000) << qint64(36) << qint64(90) << qint64(900);
        // Early withdrawal of a 1-year ¥10,000 deposit after 100 days at 0.10%: 2.777… -> 2.78.
        QTest::newRow("early withdrawal") << qint64(1'000'000) << qint64(10) << qint64(100) << qint64(278);
        // ¥50 at 1.75% for 3 months (91 days): 0.2211… -> 0.22.
        QTest::newRow("minimum deposit") << qint64(5'000) << qint64(175) << qint64(91) << qint64(22);
        // Half up: ¥1,000 at 0.36% for 5 days = 0.05 exactly; for 1 day 0.01 (0.01 exactly).
        QTest::newRow("exact") << qint64(100'000) << qint64(36) << qint64(5) << qint64(5);
        QTest::newRow("half rounds up") << qint64(50'000) << qint64(36) << qint64(1) << qint64(1); // 0.005
        QTest::newRow("below half rounds down") << qint64(49'999) << qint64(36) << qint64(1) << qint64(0);
        QTest::newRow("no days") << qint64(1'000'000) << qint64(36) << qint64(0) << qint64(0);
        QTest::newRow("zero rate") << qint64(1'000'000) << qint64(0) << qint64(90) << qint64(0);
        // ¥1,000,000,000 at 2.75% for 5 years of 360 days: 137,500,000.00, no overflow.
        QTest::newRow("large") << qint64(100'000'000'000) << qint64(275) << qint64(1800) << qint64(13'750'000'000);
    }
    void simple()
    {
        QFETCH(qint64, principal);
        QFETCH(qint64, rateBp);
        QFETCH(qint64, days);
        QFETCH(qint64, interest);
        const auto earned = cs::simpleInterest(fen(principal), rateBp, days);
        QVERIFY(earned);
        QCOMPARE(earned->minor(), interest);
    }
    void product()
    {
        // 90 days of ¥10,000 closing balances at 0.36%.
        QCOMPARE(cs::interestOnProduct(90 * 1'000'000, 36)->minor(), 900);
        // 30 days of ¥10,000 then 60 of ¥20,000 at 0.35%: product 1.5e8 fen-days -> 14.583… -> 14.58.
        QCOMPARE(cs::interestOnProduct(30 * 1'000'000 + 60 * 2'000'000, 35)->minor(), 1'458);
        QCOMPARE(cs::interestOnProduct(0, 35)->minor(), 0);
        QCOMPARE(cs::interestOnProduct(1, -1).error().code, u"interest.rate"_s);
        QCOMPARE(cs::simpleInterest(fen(1), -5, 1).error().code, u"interest.rate"_s);
    }
    void settlementDays()
    {
        QVERIFY(cs::isDemandSettlementDay(QDate(2026, 3, 20)));
        QVERIFY(cs::isDemandSettlementDay(QDate(2026, 6, 20)));
        QVERIFY(cs::isDemandSettlementDay(QDate(2026, 9, 20)));
        QVERIFY(cs::isDemandSettlementDay(QDate(2026, 12, 20)));
        QVERIFY(!cs::isDemandSettlementDay(QDate(2026, 12, 21)));
        QVERIFY(!cs::isDemandSettlementDay(QDate(2026, 11, 20)));
        QVERIFY(!cs::isDemandSettlementDay(QDate()));
    }
    void days()
    {
        QCOMPARE(cs::interestDays(QDate(2026, 1, 1), QDate(2026, 4, 11)), 100);
        QCOMPARE(cs::interestDays(QDate(2026, 2, 28), QDate(2026, 3, 1)), 1);
        QCOMPARE(cs::interestDays(QDate(2028, 2, 28), QDate(2028, 3, 1)), 2); // leap year
        QCOMPARE(cs::interestDays(QDate(2026, 5, 1), QDate(2026, 5, 1)), 0);
        QCOMPARE(cs::interestDays(QDate(2026, 5, 2), QDate(2026, 5, 1)), 0);
    }
};

QTEST_APPLESS_MAIN(TestInterest)
#include "tst_interest.moc"
