// What a customer's SMS says, in their language, and the small rules of delivery that need no database:
// mobile numbers, masking, the retry waits with their jitter, and which gateway URLs are allowed.
#include "domain/mobilephone.h"
#include "notify/gatewayurl.h"
#include "notify/noticetext.h"
#include "notify/retrypolicy.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

cs::NoticeToRender movement(const QString& language, bool withBalance, qint64 amount)
{
    return {u"movement"_s, language, withBalance,
            QJsonObject{{u"txn_id"_s, 42}, {u"txn_kind"_s, u"cash_deposit"_s}, {u"currency"_s, u"CNY"_s},
                        {u"amount_minor"_s, amount}, {u"balance_minor"_s, 523'456}},
            u"6000110000000012"_s, QDateTime(QDate(2026, 11, 27), QTime(6, 3, 9), Qt::UTC)};
}

cs::NoticeToRender maturity(const QString& language, const QJsonObject& extra)
{
    QJsonObject payload{{u"account"_s, u"6000110000000099"_s}, {u"matured_on"_s, u"2026-11-27"_s}, {u"currency"_s, u"CNY"_s},
                        {u"principal_minor"_s, 1'000'000}, {u"interest_minor"_s, 16'500}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        payload.insert(it.key(), it.value());
    return {u"maturity"_s, language, false, payload, u"6000110000000099"_s, QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC)};
}

} // namespace

class TestNoticeText : public QObject {
    Q_OBJECT

private slots:
    void movementTexts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("withBalance");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("expected");
        // 06:03 UTC is 14:03 in China (UTC+8).
        QTest::newRow("zh credit with balance")
            << u"zh_CN"_s << true << qint64(100'000)
            << u"您的账户****0012于11月27日14:03收入人民币1,000.00元，余额人民币5,234.56元。【示例银行】"_s;
        QTest::newRow("zh debit without balance")
            << u"zh_CN"_s << false << qint64(-25'050) << u"您的账户****0012于11月27日14:03支出人民币250.50元。【示例银行】"_s;
        QTest::newRow("en credit with balance")
            << u"en"_s << true << qint64(100'000)
            << u"[示例银行] Account ****0012: credit of CNY 1,000.00 on 27/11 14:03. Balance CNY 5,234.56."_s;
        QTest::newRow("en debit") << u"en"_s << false << qint64(-1) << u"[示例银行] Account ****0012: debit of CNY 0.01 on 27/11 14:03."_s;
    }
    void movementTexts()
    {
        QFETCH(QString, language);
        QFETCH(bool, withBalance);
        QFETCH(qint64, amount);
        QFETCH(QString, expected);
        QCOMPARE(cs::renderNotice(movement(language, withBalance, amount), u"示例银行"_s, 480), expected);
    }

    void localTimeFollowsTheOffset()
    {
        // 23:30 UTC on the 26th is already the 27th in China.
        auto n = movement(u"zh_CN"_s, false, 100);
        n.at = QDateTime(QDate(2026, 11, 26), QTime(23, 30), Qt::UTC);
        QCOMPARE(cs::renderNotice(n, u"B"_s, 480), u"您的账户****0012于11月27日07:30收入人民币1.00元。【B】"_s);
        QCOMPARE(cs::renderNotice(n, u"B"_s, 0), u"您的账户****0012于11月26日23:30收入人民币1.00元。【B】"_s);
    }

    void maturityTexts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zh payout") << u"zh_CN"_s
                                   << QJsonObject{{u"action"_s, u"payout"_s}, {u"payout_account"_s, u"6000110000000012"_s}}
                                   << u"您的定期存款****0099已于2026年11月27日到期，本金人民币10,000.00元、利息人民币165.00元已转入账户****0012。【B】"_s;
        QTest::newRow("en rollover")
            << u"en"_s
            << QJsonObject{{u"action"_s, u"rollover"_s}, {u"principal_minor"_s, 1'016'500}, {u"next_maturity"_s, u"2027-11-27"_s}}
            << u"[B] Time deposit ****0099 matured on 27 Nov 2026: interest CNY 165.00, rolled over; new principal CNY 10,165.00, next maturity 27 Nov 2027."_s;
        QTest::newRow("zh waiting") << u"zh_CN"_s << QJsonObject{{u"action"_s, u"waiting"_s}}
                                    << u"您的定期存款****0099已于2026年11月27日到期，请到网点办理支取。【B】"_s;
    }
    void maturityTexts()
    {
        QFETCH(QString, language);
        QFETCH(QJsonObject, extra);
        QFETCH(QString, expected);
        QCOMPARE(cs::renderNotice(maturity(language, extra), u"B"_s, 480), expected);
    }

    void mobileNumbers_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored"); // empty: refused
        QTest::newRow("plain") << u"13812345678"_s << u"13812345678"_s;
        QTest::newRow("spaces and dashes") << u" 138 1234-5678 "_s << u"13812345678"_s;
        QTest::newRow("+86") << u"+86 19912345678"_s << u"19912345678"_s;
        QTest::newRow("0086") << u"008615012345678"_s << u"15012345678"_s;
        QTest::newRow("too short") << u"1381234567"_s << QString();
        QTest::newRow("too long") << u"138123456789"_s << QString();
        QTest::newRow("12 prefix") << u"12812345678"_s << QString();
        QTest::newRow("landline") << u"010-12345678"_s << QString();
        QTest::newRow("letters") << u"1381234567a"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void mobileNumbers()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        const auto parsed = cs::parseMobileNumber(typed);
        if (stored.isEmpty()) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, u"notice.phone"_s);
            QCOMPARE(parsed.error().field, u"phone"_s);
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, stored);
        }
    }

    void masking()
    {
        QCOMPARE(cs::maskedMobileNumber(u"13812345678"_s), u"138****5678"_s);
        QCOMPARE(cs::maskedAccountNumber(u"6000110000000012"_s), u"****0012"_s);
    }

    void retryWaits_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<quint32>("random");
        QTest::addColumn<qint64>("delay");
        // base 30 s, at most 1 h: d = 30 s, 60 s, 120 s, ... 3600 s; the wait is d/2 + random share of d/2.
        QTest::newRow("1st, least") << 1 << quint32(0) << qint64(15'000);
        QTest::newRow("1st, most") << 1 << quint32(0xFFFFFFFF) << qint64(29'999);
        QTest::newRow("1st, middle") << 1 << quint32(0x80000000) << qint64(22'500);
        QTest::newRow("2nd, least") << 2 << quint32(0) << qint64(30'000);
        QTest::newRow("3rd, least") << 3 << quint32(0) << qint64(60'000);
        QTest::newRow("8th, capped") << 8 << quint32(0) << qint64(1'800'000);   // 30 s x 128 > 1 h
        QTest::newRow("40th, capped") << 40 << quint32(0xFFFFFFFF) << qint64(3'599'999);
    }
    void retryWaits()
    {
        QFETCH(int, failures);
        QFETCH(quint32, random);
        QFETCH(qint64, delay);
        const cs::RetryPolicy policy{6, 30'000, 3'600'000};
        QCOMPARE(policy.delayMs(failures, random), delay);
    }

    void noWaitWithoutABase()
    {
        const cs::RetryPolicy now{6, 0, 3'600'000};
        QCOMPARE(now.delayMs(3, 0xFFFFFFFF), qint64(0));
        QVERIFY(!now.isLastAttempt(5));
        QVERIFY(now.isLastAttempt(6));
    }

    void gatewayUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << u"https://sms.example.cn/api/send"_s << true;
        QTest::newRow("https with port") << u"https://10.1.2.3:8443/send"_s << true;
        QTest::newRow("http loopback") << u"http://127.0.0.1:8080/sms"_s << true;
        QTest::newRow("http localhost") << u"http://localhost/sms"_s << true;
        QTest::newRow("http elsewhere") << u"http://sms.example.cn/send"_s << false;
        QTest::newRow("http loopback lookalike") << u"http://127.0.0.1.example.cn/send"_s << false;
        QTest::newRow("credentials in URL") << u"https://user:pw@sms.example.cn/"_s << false;
        QTest::newRow("ftp") << u"ftp://sms.example.cn/"_s << false;
        QTest::newRow("no host") << u"https:///send"_s << false;
    }
    void gatewayUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        QCOMPARE(cs::isAcceptableGatewayUrl(QUrl(url, QUrl::StrictMode)), accepted);
    }
};

QTEST_GUILESS_MAIN(TestNoticeText)
#include "tst_noticetext.moc"
