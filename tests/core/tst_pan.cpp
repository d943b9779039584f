// Card numbers we issue (BIN + sequence + Luhn) and how they are shown (first 6, last 4).
#include "domain/luhn.h"
#include "domain/pan.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPan : public QObject {
    Q_OBJECT

private slots:
    void composeWorkedExamples()
    {
        // Check digits worked out by hand (and by a second Luhn implementation).
        QCOMPARE(cs::pan::compose(u"621788", 1, 19), std::optional<QString>(u"6217880000000000017"_s));
        QCOMPARE(cs::pan::compose(u"625988", 42, 16), std::optional<QString>(u"6259880000000422"_s));
    }
    void composedNumbersAreOwnAndDistinct()
    {
        QSet<QString> seen;
        for (qint64 sequence = 0; sequence < 2000; ++sequence) {
            const auto pan = cs::pan::compose(u"621788", sequence, 19);
            QVERIFY(pan);
            QCOMPARE(pan->size(), 19);
            QVERIFY(pan->startsWith(u"621788"_s));
            QVERIFY2(cs::luhnValid(*pan), qPrintable(*pan));
            QVERIFY(cs::pan::validOwn(*pan, u"621788"));
            seen.insert(*pan);
        }
        QCOMPARE(seen.size(), 2000);
    }
    void composeRefuses()
    {
        QCOMPARE(cs::pan::compose(u"62178", 1, 19), std::nullopt);      // BIN too short
        QCOMPARE(cs::pan::compose(u"621788123", 1, 19), std::nullopt);  // BIN too long
        QCOMPARE(cs::pan::compose(u"62178A", 1, 19), std::nullopt);
        QCOMPARE(cs::pan::compose(u"621788", 1, 15), std::nullopt);
        QCOMPARE(cs::pan::compose(u"621788", 1, 20), std::nullopt);
        QCOMPARE(cs::pan::compose(u"621788", -1, 16), std::nullopt);
        // 16 digits leave 9 for the sequence: 999,999,999 fits, 1,000,000,000 does not.
        QVERIFY(cs::pan::compose(u"621788", 999'999'999, 16));
        QCOMPARE(cs::pan::compose(u"621788", 1'000'000'000, 16), std::nullopt);
    }
    void strictForOurs()
    {
        QVERIFY(cs::pan::validOwn(u"6217880000000000017", u"621788"));
        QVERIFY(!cs::pan::validOwn(u"6217880000000000018", u"621788")); // check digit
        QVERIFY(!cs::pan::validOwn(u"6217880000000000017", u"625988")); // another BIN
        QVERIFY(!cs::pan::validOwn(u"621788000000017", u"621788"));     // 15 digits
        QVERIFY(!cs::pan::validOwn(u"6217 8800 0000 0000 017", u"621788"));
    }
    void lenientForOthers()
    {
        QVERIFY(cs::pan::plausibleForeign(u"4111 1111 1111 1111"));
        QVERIFY(cs::pan::plausibleForeign(u"4111-1111-1111-1112")); // no Luhn demand
        QVERIFY(cs::pan::plausibleForeign(u"4222222222222"));
        QVERIFY(!cs::pan::plausibleForeign(u"422222222222"));
        QVERIFY(!cs::pan::plausibleForeign(u"41111111111111111111"));
        QVERIFY(!cs::pan::plausibleForeign(u"4111 1111 1111 111x"));
        QCOMPARE(cs::pan::normalised(u" 6217-8800 00"), u"6217880000"_s);
    }
    void masking()
    {
        QCOMPARE(cs::pan::masked(u"6217000000000000004"), u"621700*********0004"_s); // DOMAIN's example
        QCOMPARE(cs::pan::masked(u"6259880000000422"), u"625988******0422"_s);
        QCOMPARE(cs::pan::masked(u"12345678901"), u"123456*8901"_s);
        QCOMPARE(cs::pan::masked(u"1234567890"), u"**********"_s);
    }
};

QTEST_APPLESS_MAIN(TestPan)
#include "tst_pan.moc"
