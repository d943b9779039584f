// Interbank routing (HVPS window and cut-off, business days, the BEPS limit at its edge, IBPS on
// request within its cap), the CNAPS bank code check digit, and the transfer fee tiers at their edges.
#include "domain/bankcode.h"
#include "services/transferfees.h"
#include "services/transferrouting.h"
#include "services/transferservice.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cs::TransferRoute;

namespace {

cs::RoutingSettings reference()
{
    cs::RoutingSettings s;
    s.bepsLimit = 100'000'000; // ¥1,000,000
    s.hvpsOpen = QTime(8, 30);
    s.hvpsCutoff = QTime(17, 15);
    s.ibpsEnabled = true;
    s.ibpsLimit = 500'000'000;
    return s;
}

// 2026-11-27 is a Friday, 2026-11-28 a Saturday.
QDateTime friday(int h, int m, int s = 0) { return QDateTime(QDate(2026, 11, 27), QTime(h, m, s)); }
QDateTime saturday(int h, int m) { return QDateTime(QDate(2026, 11, 28), QTime(h, m)); }

cs::TransferFeeSchedule tariff()
{
    cs::TransferFeeSchedule s;
    s.intra = 0;
    const qint64 max[4] = {1'000'000, 10'000'000, 50'000'000, 100'000'000};
    const qint64 fee[4] = {500, 1'000, 1'500, 2'000};
    for (int i = 0; i < 4; ++i) {
        s.tierMax[i] = max[i];
        s.tierFee[i] = fee[i];
    }
    s.ratePpm = 20;
    s.cap = 20'000;
    return s;
}

} // namespace

Q_DECLARE_METATYPE(TransferRoute)

class TestRouting : public QObject {
    Q_OBJECT

private slots:
    void route_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("ibps");
        QTest::addColumn<TransferRoute>("route");
        QTest::addColumn<bool>("queued");
        const qint64 large = 100'000'001; // one fen above the BEPS limit
        QTest::newRow("BEPS at its limit") << qint64(100'000'000) << friday(10, 0) << false << TransferRoute::Beps << false;
        QTest::newRow("BEPS at night") << qint64(100'000'000) << friday(23, 0) << false << TransferRoute::Beps << false;
        QTest::newRow("BEPS on Saturday") << qint64(1) << saturday(12, 0) << false << TransferRoute::Beps << false;
        QTest::newRow("one fen above: HVPS") << large << friday(10, 0) << false << TransferRoute::Hvps << false;
        QTest::newRow("HVPS at opening") << large << friday(8, 30) << false << TransferRoute::Hvps << false;
        QTest::newRow("HVPS before the window queues") << large << friday(8, 29, 59) << false << TransferRoute::Hvps << true;
        QTest::newRow("HVPS a second before cut-off") << large << friday(17, 14, 59) << false << TransferRoute::Hvps << false;
        QTest::newRow("HVPS at cut-off queues") << large << friday(17, 15) << false << TransferRoute::Hvps << true;
        QTest::newRow("HVPS after cut-off queues") << large << friday(18, 0) << false << TransferRoute::Hvps << true;
        QTest::newRow("HVPS on a non-business day queues") << large << saturday(10, 0) << false << TransferRoute::Hvps << true;
        QTest::newRow("IBPS asked") << large << saturday(3, 0) << true << TransferRoute::Ibps << false;
        QTest::newRow("IBPS at its cap") << qint64(500'000'000) << friday(20, 0) << true << TransferRoute::Ibps << false;
        QTest::newRow("IBPS above its cap: HVPS") << qint64(500'000'001) << friday(10, 0) << true << TransferRoute::Hvps << false;
        QTest::newRow("IBPS not asked: BEPS") << qint64(5'000) << friday(10, 0) << false << TransferRoute::Beps << false;
    }
    void route()
    {
        QFETCH(qint64, amount);
        QFETCH(QDateTime, now);
        QFETCH(bool, ibps);
        QFETCH(TransferRoute, route);
        QFETCH(bool, queued);
        const cs::RoutingDecision d = cs::routeInterbank(amount, now, cs::isClearingBusinessDay(now.date()), reference(), ibps);
        QCOMPARE(d.route, route);
        QCOMPARE(d.queued, queued);
        if (!ibps) {
            const cs::RoutingDecision same = cs::routeInterbank(amount, now, cs::isClearingBusinessDay(now.date()), reference());
            QCOMPARE(same.route, route);
            QCOMPARE(same.queued, queued);
        }
    }

    void ibpsDisabledFallsBack()
    {
        cs::RoutingSettings s = reference();
        s.ibpsEnabled = false;
        QCOMPARE(cs::routeInterbank(5'000, friday(10, 0), true, s, true).route, TransferRoute::Beps);
        QCOMPARE(cs::routeInterbank(200'000'000, saturday(10, 0), false, s, true).route, TransferRoute::Hvps);
        QVERIFY(cs::routeInterbank(200'000'000, saturday(10, 0), false, s, true).queued);
    }

    void businessDayFlagDecides()
    {
        // The caller's business-day flag wins over the weekday (a holiday on a Friday).
        QVERIFY(cs::routeInterbank(200'000'000, friday(10, 0), false, reference()).queued);
        QVERIFY(cs::isClearingBusinessDay(QDate(2026, 11, 30)));
        QVERIFY(!cs::isClearingBusinessDay(QDate(2026, 11, 29)));
    }

    void routeKeys()
    {
        for (TransferRoute r : {TransferRoute::Intra, TransferRoute::Hvps, TransferRoute::Beps, TransferRoute::Ibps}) {
            QCOMPARE(cs::routeFromKey(cs::routeKey(r)), r);
            QVERIFY(!cs::routeDisplayName(r).isEmpty());
        }
        QCOMPARE(cs::routeKey(TransferRoute::Hvps), u"hvps"_s);
    }

    void bankCode_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("valid");
        // Public head-office codes (ISO 7064 MOD 11,10 check digit).
        QTest::newRow("ICBC") << u"102100099996"_s << true;
        QTest::newRow("ABC") << u"103100000026"_s << true;
        QTest::newRow("BOC") << u"104100000004"_s << true;
        QTest::newRow("CCB") << u"105100000017"_s << true;
        QTest::newRow("BoCom") << u"301290000007"_s << true;
        QTest::newRow("PSBC") << u"403100000004"_s << true;
        QTest::newRow("demo branch") << u"313100000013"_s << true;
        QTest::newRow("wrong check digit") << u"102100099995"_s << false;
        QTest::newRow("two digits swapped") << u"120100099996"_s << false;
        QTest::newRow("11 digits") << u"10210009999"_s << false;
        QTest::newRow("13 digits") << u"1021000999960"_s << false;
        QTest::newRow("letter") << u"10210009999A"_s << false;
        QTest::newRow("space") << u"102100 99996"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("full-width digit") << u"10210009999６"_s << false;
    }
    void bankCode()
    {
        QFETCH(QString, code);
        QFETCH(bool, valid);
        QCOMPARE(cs::validBankCode(code), valid);
        QCOMPARE(cs::bankCodeValid(code), valid);
    }

    void checkDigitOfEveryDigit()
    {
        // Every single-digit change of the body is caught (the point of a check digit).
        const QString body = u"10210009999"_s;
        const int check = *cs::bankCodeCheckDigit(body);
        QCOMPARE(check, 6);
        for (int i = 0; i < body.size(); ++i) {
            for (char d = '0'; d <= '9'; ++d) {
                QString changed = body;
                if (changed[i] == QLatin1Char(d))
                    continue;
                changed[i] = QLatin1Char(d);
                QVERIFY2(!cs::bankCodeValid(QString(changed + QString::number(check))), qPrintable(changed));
            }
        }
        QVERIFY(!cs::bankCodeCheckDigit(u"1021000999"_s));
    }

    void feeTiers_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<qint64>("fee");
        QTest::newRow("one fen") << qint64(1) << qint64(500);
        QTest::newRow("¥10,000") << qint64(1'000'000) << qint64(500);
        QTest::newRow("¥10,000.01") << qint64(1'000'001) << qint64(1'000);
        QTest::newRow("¥100,000") << qint64(10'000'000) << qint64(1'000);
        QTest::newRow("¥100,000.01") << qint64(10'000'001) << qint64(1'500);
        QTest::newRow("¥500,000") << qint64(50'000'000) << qint64(1'500);
        QTest::newRow("¥500,000.01") << qint64(50'000'001) << qint64(2'000);
        QTest::newRow("¥1,000,000") << qint64(100'000'000) << qint64(2'000);
        // Above: 0.002%, half up to the fen: 1,000,000.01 * 0.00002 = 20.0000002 -> 20.00
        QTest::newRow("¥1,000,000.01") << qint64(100'000'001) << qint64(2'000);
        QTest::newRow("¥1,234,567.89") << qint64(123'456'789) << qint64(2'469); // 24.6913578 -> 24.69
        QTest::newRow("half up") << qint64(100'025'000) << qint64(2'001); // 20.005 -> 20.01
        QTest::newRow("just below half") << qint64(100'024'999) << qint64(2'000); // 20.00499998 -> 20.00
        QTest::newRow("cap reached at ¥10,000,000") << qint64(1'000'000'000) << qint64(20'000);
        QTest::newRow("capped") << qint64(9'000'000'000) << qint64(20'000);
    }
    void feeTiers()
    {
        QFETCH(qint64, amount);
        QFETCH(qint64, fee);
        const auto charged = cs::transferFee(tariff(), true, cs::Money(amount, cs::Currency::cny()));
        QVERIFY(charged.has_value());
        QCOMPARE(charged->minor(), fee);
    }

    void intraFee()
    {
        cs::TransferFeeSchedule s = tariff();
        QCOMPARE(cs::transferFee(s, false, cs::Money(900'000'000, cs::Currency::cny()))->minor(), 0);
        s.intra = 100;
        QCOMPARE(cs::transferFee(s, false, cs::Money(1, cs::Currency::cny()))->minor(), 100);
    }

    void messageId()
    {
        const QString id = cs::clearingMessageId(u"0001"_s, QDate(2026, 11, 27), 42);
        QCOMPARE(id, u"CS000120261127000000000042"_s);
        QVERIFY(id.size() <= 35);
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
