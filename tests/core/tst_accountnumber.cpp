// Luhn check digits and the bank's account numbers: built, validated and normalised.
#include "domain/accountnumber.h"
#include "domain/luhn.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cs::AccountFamily;
using cs::InternalRole;
namespace AccountNumber = cs::AccountNumber;

class TestAccountNumber : public QObject {
    Q_OBJECT

private slots:
    void luhnCheckDigit_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("check");
        QTest::newRow("ISO 7812 example") << u"7992739871"_s << 3;
        QTest::newRow("Visa test card") << u"411111111111111"_s << 1;
        QTest::newRow("UnionPay test card") << u"621700000000000000"_s << 4;
        QTest::newRow("single zero") << u"0"_s << 0;
        QTest::newRow("sum already a multiple of ten") << u"00"_s << 0;
        QTest::newRow("doubled 9 becomes 9") << u"9"_s << 1;
    }
    void luhnCheckDigit()
    {
        QFETCH(QString, body);
        QFETCH(int, check);
        const auto digit = cs::luhnCheckDigit(body);
        QVERIFY(digit.has_value());
        QCOMPARE(*digit, check);
        QVERIFY(cs::luhnValid(QString(body + QChar(u'0' + check))));
        QVERIFY(!cs::luhnValid(QString(body + QChar(u'0' + (check + 1) % 10))));
    }

    void luhnRefusesWhatIsNotDigits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("letter") << u"79927a9871"_s;
        QTest::newRow("space") << u"7992 739871"_s;
        QTest::newRow("full-width digit") << u"７992739871"_s;
        QTest::newRow("sign") << u"-7992739871"_s;
    }
    void luhnRefusesWhatIsNotDigits()
    {
        QFETCH(QString, text);
        QVERIFY(!cs::luhnCheckDigit(text).has_value());
        QVERIFY(!cs::luhnValid(QString(text + u"3"_s)));
        QVERIFY(!cs::luhnValid(u"3"_s)); // one digit has no body
    }

    void luhnCatchesOneWrongDigitAndMostSwaps()
    {
        const QString valid = u"79927398713"_s;
        for (qsizetype i = 0; i < valid.size(); ++i) {
            for (char16_t d = u'0'; d <= u'9'; ++d) {
                if (valid[i] == QChar(d))
                    continue;
                QString wrong = valid;
                wrong[i] = QChar(d);
                QVERIFY2(!cs::luhnValid(wrong), qPrintable(wrong));
            }
        }
        QString swapped = valid;
        std::swap(swapped[1], swapped[2]); // 9 and 9: the same number
        QVERIFY(cs::luhnValid(swapped));
        swapped = valid;
        std::swap(swapped[0], swapped[1]); // 7 and 9
        QVERIFY(!cs::luhnValid(swapped));
    }

    void customerNumbers_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::addColumn<int>("family");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<QString>("number");
        QTest::newRow("first demand") << u"0001"_s << 1 << qint64(1) << u"6000110000000012"_s;
        QTest::newRow("time deposit") << u"0001"_s << 2 << qint64(42) << u"6000120000000425"_s;
        QTest::newRow("corporate, long sequence") << u"0001"_s << 3 << qint64(123456789) << u"6000131234567899"_s;
        QTest::newRow("card account") << u"0001"_s << 4 << qint64(7) << u"6000140000000076"_s;
    }
    void customerNumbers()
    {
        QFETCH(QString, branch);
        QFETCH(int, family);
        QFETCH(qint64, sequence);
        QFETCH(QString, number);
        const auto built = AccountNumber::customer(branch, static_cast<AccountFamily>(family), sequence);
        QVERIFY(built.has_value());
        QCOMPARE(*built, number);
        QCOMPARE(built->size(), AccountNumber::length);
        QVERIFY(AccountNumber::validate(*built).has_value());
        QVERIFY(!AccountNumber::isInternal(*built));
    }

    void internalNumbers()
    {
        const auto box = AccountNumber::internal(u"0001", InternalRole::CashBox, 1);
        QVERIFY(box.has_value());
        QCOMPARE(*box, u"9000101000000015"_s);
        const auto clearing = AccountNumber::internal(u"0001", InternalRole::Clearing, 12);
        QVERIFY(clearing.has_value());
        QCOMPARE(*clearing, u"9000107000000129"_s);
        QVERIFY(AccountNumber::isInternal(*clearing));
        QVERIFY(AccountNumber::validate(*clearing).has_value());
        for (InternalRole role : {InternalRole::CashBox, InternalRole::Vault, InternalRole::FeeIncome,
                                  InternalRole::InterestExpense, InternalRole::SuspensePayable,
                                  InternalRole::SuspenseReceivable, InternalRole::Clearing,
                                  InternalRole::MerchantSettlement}) {
            QCOMPARE(cs::internalRoleFromKey(cs::internalRoleKey(role)), role);
            const auto n = AccountNumber::internal(u"9999", role, AccountNumber::maxInternalSequence);
            QVERIFY(n.has_value());
            QVERIFY2(AccountNumber::validate(*n).has_value(), qPrintable(*n));
        }
        QVERIFY(!cs::internalRoleFromKey(u"treasury").has_value());
    }

    void sequencesOutOfRangeAreRefused()
    {
        QVERIFY(!AccountNumber::customer(u"0001", AccountFamily::Demand, 0).has_value());
        QVERIFY(AccountNumber::customer(u"0001", AccountFamily::Demand, AccountNumber::maxCustomerSequence).has_value());
        QVERIFY(!AccountNumber::customer(u"0001", AccountFamily::Demand, AccountNumber::maxCustomerSequence + 1).has_value());
        QVERIFY(!AccountNumber::internal(u"0001", InternalRole::Vault, AccountNumber::maxInternalSequence + 1).has_value());
        QVERIFY(!AccountNumber::customer(u"001", AccountFamily::Demand, 1).has_value());
        QVERIFY(!AccountNumber::customer(u"00A1", AccountFamily::Demand, 1).has_value());
    }

    void validateNamesTheProblem_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("code");
        QTest::newRow("one digit wrong") << u"6000110000000013"_s << u"account.check_digit"_s;
        QTest::newRow("two digits swapped") << u"6000101000000012"_s << u"account.format"_s; // family 0
        QTest::newRow("neighbours swapped") << u"6000110000000102"_s << u"account.check_digit"_s;
        QTest::newRow("too short") << u"600011000000001"_s << u"account.format"_s;
        QTest::newRow("too long") << u"60001100000000120"_s << u"account.format"_s;
        QTest::newRow("letter") << u"600011000000001X"_s << u"account.format"_s;
        QTest::newRow("foreign prefix") << u"4000110000000012"_s << u"account.format"_s;
        QTest::newRow("unknown family") << u"6000150000000012"_s << u"account.format"_s;
        QTest::newRow("unknown internal role") << u"9000199000000015"_s << u"account.format"_s;
        QTest::newRow("empty") << QString() << u"account.format"_s;
    }
    void validateNamesTheProblem()
    {
        QFETCH(QString, number);
        QFETCH(QString, code);
        const auto result = AccountNumber::validate(number);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().field, u"account"_s);
        QCOMPARE(result.error().kind, cs::ErrorKind::Invalid);
        QVERIFY(!result.error().message.isEmpty());
    }

    void normalizeDropsSpacesAndHyphens()
    {
        const auto spaced = AccountNumber::normalize(u" 6000 1100 0000 0012 ");
        QVERIFY(spaced.has_value());
        QCOMPARE(*spaced, u"6000110000000012"_s);
        const auto hyphens = AccountNumber::normalize(u"6000-1100-0000-0012");
        QVERIFY(hyphens.has_value());
        QCOMPARE(*hyphens, u"6000110000000012"_s);
        const auto empty = AccountNumber::normalize(u"  ");
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().code, u"account.empty"_s);
        const auto wrong = AccountNumber::normalize(u"6000 1100 0000 0013");
        QVERIFY(!wrong.has_value());
        QCOMPARE(wrong.error().code, u"account.check_digit"_s);
    }
};

QTEST_GUILESS_MAIN(TestAccountNumber)
#include "tst_accountnumber.moc"
