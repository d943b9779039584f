// Resident ID numbers (GB 11643): check character, birth date, sex and age.
#include "domain/residentid.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestResidentId : public QObject {
    Q_OBJECT

private:
    const QDate today{2024, 6, 1};

private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<bool>("male");
        QTest::newRow("male") << u"110101199912310035"_s << u"110101199912310035"_s << u"110101"_s << QDate(1999, 12, 31) << true;
        QTest::newRow("female") << u"310104199207082467"_s << u"310104199207082467"_s << u"310104"_s << QDate(1992, 7, 8) << false;
        QTest::newRow("X check") << u"11010519491231002X"_s << u"11010519491231002X"_s << u"110105"_s << QDate(1949, 12, 31) << false;
        QTest::newRow("lower-case x") << u"11010519491231002x"_s << u"11010519491231002X"_s << u"110105"_s << QDate(1949, 12, 31) << false;
        QTest::newRow("male X") << u"32010219680904771X"_s << u"32010219680904771X"_s << u"320102"_s << QDate(1968, 9, 4) << true;
        QTest::newRow("spaces around") << u"  440305199001013219 "_s << u"440305199001013219"_s << u"440305"_s << QDate(1990, 1, 1) << true;
        QTest::newRow("29 Feb 2000") << u"110101200002290018"_s << u"110101200002290018"_s << u"110101"_s << QDate(2000, 2, 29) << true;
        QTest::newRow("born today") << u"110101202406010018"_s << u"110101202406010018"_s << u"110101"_s << QDate(2024, 6, 1) << true;
        QTest::newRow("1900-01-01") << u"110101190001010014"_s << u"110101190001010014"_s << u"110101"_s << QDate(1900, 1, 1) << true;
    }
    void valid()
    {
        QFETCH(QString, text);
        QFETCH(QString, number);
        QFETCH(QString, region);
        QFETCH(QDate, birth);
        QFETCH(bool, male);
        const auto id = cs::ResidentId::parse(text, today);
        QVERIFY2(id.has_value(), id ? "" : qPrintable(id.error().code + u": "_s + id.error().message));
        QCOMPARE(id->number, number);
        QCOMPARE(id->region, region);
        QCOMPARE(id->birthDate, birth);
        QCOMPARE(id->male, male);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"id.length"_s;
        QTest::newRow("17 characters") << u"11010119991231003"_s << u"id.length"_s;
        QTest::newRow("19 characters") << u"1101011999123100350"_s << u"id.length"_s;
        QTest::newRow("old 15 digits") << u"110101991231003"_s << u"id.length"_s;
        QTest::newRow("letter inside") << u"11010119991231003A"_s << u"id.characters"_s;
        QTest::newRow("X not last") << u"1101011999123100X5"_s << u"id.characters"_s;
        QTest::newRow("full-width digit") << u"11010119991231003５"_s << u"id.characters"_s;
        QTest::newRow("wrong check digit") << u"110101199912310036"_s << u"id.check_digit"_s;
        QTest::newRow("X where a digit belongs") << u"11010119991231003X"_s << u"id.check_digit"_s;
        QTest::newRow("month 13") << u"110101200013010018"_s << u"id.birth_date"_s;
        QTest::newRow("30 Feb") << u"11010120000230001X"_s << u"id.birth_date"_s;
        QTest::newRow("29 Feb 1900 (no leap year)") << u"110101190002290011"_s << u"id.birth_date"_s;
        QTest::newRow("29 Feb 2001 (no leap year)") << u"110101200102290015"_s << u"id.birth_date"_s;
        QTest::newRow("before 1900") << u"11010118991231001X"_s << u"id.birth_date"_s;
        QTest::newRow("tomorrow") << u"110101202406020013"_s << u"id.future"_s;
        QTest::newRow("2099") << u"110101209912310015"_s << u"id.future"_s;
    }
    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const auto id = cs::ResidentId::parse(text, today);
        QVERIFY(!id.has_value());
        QCOMPARE(id.error().code, code);
        QCOMPARE(id.error().field, u"id_number"_s);
        QCOMPARE(id.error().kind, cs::ErrorKind::Invalid);
        QVERIFY(!id.error().message.isEmpty());
    }

    void age_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("age");
        QTest::newRow("day before the 18th birthday") << QDate(1999, 12, 31) << QDate(2017, 12, 30) << 17;
        QTest::newRow("on the 18th birthday") << QDate(1999, 12, 31) << QDate(2017, 12, 31) << 18;
        QTest::newRow("day after") << QDate(1999, 12, 31) << QDate(2018, 1, 1) << 18;
        QTest::newRow("29 Feb: 28 Feb of a common year") << QDate(2000, 2, 29) << QDate(2018, 2, 28) << 17;
        QTest::newRow("29 Feb: 1 Mar of a common year") << QDate(2000, 2, 29) << QDate(2018, 3, 1) << 18;
        QTest::newRow("29 Feb: 28 Feb of a leap year") << QDate(2000, 2, 29) << QDate(2020, 2, 28) << 19;
        QTest::newRow("29 Feb: 29 Feb of a leap year") << QDate(2000, 2, 29) << QDate(2020, 2, 29) << 20;
        QTest::newRow("born that day") << QDate(2024, 6, 1) << QDate(2024, 6, 1) << 0;
        QTest::newRow("before birth") << QDate(2024, 6, 1) << QDate(2024, 5, 31) << -1;
    }
    void age()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, day);
        QFETCH(int, age);
        QCOMPARE(cs::ageInYears(birth, day), age);
        cs::ResidentId id;
        id.birthDate = birth;
        QCOMPARE(id.ageOn(day), age);
    }

    void ageFromAParsedNumber()
    {
        const auto id = cs::ResidentId::parse(u"110101200002290018"_s, today);
        QVERIFY(id.has_value());
        QCOMPARE(id->ageOn(today), 24);
        QCOMPARE(id->ageOn(QDate(2018, 2, 28)), 17);
        QCOMPARE(id->ageOn(QDate(2018, 3, 1)), 18);
    }
};

QTEST_GUILESS_MAIN(TestResidentId)
#include "tst_residentid.moc"
