// Unified social credit codes (GB 32100): alphabet, normalisation and the check character.
#include "domain/uscc.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestUscc : public QObject {
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: the format is wrong
        QTest::addColumn<bool>("checkDigitOk");
        QTest::newRow("valid, digit check") << u"91350100M000100Y43"_s << u"91350100M000100Y43"_s << true;
        QTest::newRow("valid, letter check") << u"91310000MA1FL8X7QN"_s << u"91310000MA1FL8X7QN"_s << true;
        QTest::newRow("valid, check L") << u"91110000600037341L"_s << u"91110000600037341L"_s << true;
        QTest::newRow("valid, institution") << u"12100000400000917N"_s << u"12100000400000917N"_s << true;
        QTest::newRow("lower case") << u"91350100m000100y43"_s << u"91350100M000100Y43"_s << true;
        QTest::newRow("spaces around") << u" 91440300MA5G2KJH4N  "_s << u"91440300MA5G2KJH4N"_s << true;
        QTest::newRow("wrong check") << u"91350100M000100Y44"_s << u"91350100M000100Y44"_s << false;
        QTest::newRow("transposed digits") << u"91350100M001000Y43"_s << u"91350100M001000Y43"_s << false;
        QTest::newRow("letter I") << u"91350100I000100Y43"_s << QString() << false;
        QTest::newRow("letter O") << u"9135010OM000100Y43"_s << QString() << false;
        QTest::newRow("letter Z") << u"91350100M000100Z43"_s << QString() << false;
        QTest::newRow("letter S") << u"S1350100M000100Y43"_s << QString() << false;
        QTest::newRow("letter V") << u"91350100M000100V43"_s << QString() << false;
        QTest::newRow("17 characters") << u"91350100M000100Y4"_s << QString() << false;
        QTest::newRow("19 characters") << u"91350100M000100Y433"_s << QString() << false;
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QFETCH(bool, checkDigitOk);
        const cs::UsccCheck result = cs::checkUscc(text);
        QCOMPARE(result.formatOk, !normalised.isEmpty());
        QCOMPARE(result.checkDigitOk, checkDigitOk);
        const auto code = cs::normaliseUscc(text);
        QCOMPARE(code.has_value(), !normalised.isEmpty());
        if (code) {
            QCOMPARE(*code, normalised);
            QCOMPARE(cs::usccCheckDigitValid(*code), checkDigitOk);
        }
    }

    void formatErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"id.length"_s;
        QTest::newRow("17") << u"91350100M000100Y4"_s << u"id.length"_s;
        QTest::newRow("I") << u"91350100I000100Y43"_s << u"id.characters"_s;
        QTest::newRow("hyphen") << u"91350100-000100Y43"_s << u"id.characters"_s;
        QTest::newRow("full-width A") << u"91310000ＭA1FL8X7QN"_s << u"id.characters"_s;
    }
    void formatErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const auto result = cs::normaliseUscc(text);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().field, u"id_number"_s);
        QCOMPARE(result.error().kind, cs::ErrorKind::Invalid);
    }

    void checkDigitNeedsTheNormalisedForm()
    {
        QVERIFY(cs::usccCheckDigitValid(u"91350100M000100Y43"_s));
        QVERIFY(!cs::usccCheckDigitValid(u"91350100m000100y43"_s));
        QVERIFY(!cs::usccCheckDigitValid(u"91350100M000100Y4"_s));
        QVERIFY(!cs::usccCheckDigitValid(QString()));
    }

    // Every other check character for the same 17 symbols fails: the check detects any single change there.
    void exactlyOneCheckCharacterFits()
    {
        const QString alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY"_s;
        int fits = 0;
        for (QChar c : alphabet)
            fits += cs::usccCheckDigitValid(u"91350100M000100Y4"_s + c) ? 1 : 0;
        QCOMPARE(fits, 1);
    }
};

QTEST_GUILESS_MAIN(TestUscc)
#include "tst_uscc.moc"
