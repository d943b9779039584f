// Card rules without a database: the lifecycle with its 5- and 7-day rules, PIN rules and the lock,
// the remote (异地) fee and the online payment ceilings. Figures worked out by hand.
#include "domain/cardrules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cs::CardCommand;
using cs::CardState;

Q_DECLARE_METATYPE(cs::CardCommand)
Q_DECLARE_METATYPE(cs::CardState)

namespace {

const QDate reported(2026, 11, 2);

cs::CardFacts facts(CardState state, bool pinSet = true, QDate today = reported)
{
    cs::CardFacts f;
    f.state = state;
    f.stateBeforeLoss = CardState::Active;
    f.pinSet = pinSet;
    f.businessDate = today;
    if (state == CardState::LostOral || state == CardState::LostWritten)
        f.lossReportedOn = reported;
    return f;
}

QString refusal(CardCommand command, const cs::CardFacts& f)
{
    const auto status = cs::checkCardCommand(command, f);
    return status ? u"ok"_s : status.error().code;
}

cs::Money yuan(qint64 fen) { return cs::Money(fen, cs::Currency::cny()); }

} // namespace

class TestCardRules : public QObject {
    Q_OBJECT

private slots:
    void transitions_data()
    {
        QTest::addColumn<CardCommand>("command");
        QTest::addColumn<CardState>("state");
        QTest::addColumn<bool>("pinSet");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, CardCommand c, CardState s, bool pin, const QString& e) {
            QTest::newRow(name) << c << s << pin << e;
        };
        row("activate issued with PIN", CardCommand::Activate, CardState::Issued, true, u"ok"_s);
        row("activate without PIN", CardCommand::Activate, CardState::Issued, false, u"card.pin_not_set"_s);
        row("activate twice", CardCommand::Activate, CardState::Active, true, u"card.not_issued_state"_s);
        row("activate lost", CardCommand::Activate, CardState::LostOral, true, u"card.loss_in_force"_s);
        row("oral loss of active", CardCommand::ReportOralLoss, CardState::Active, true, u"ok"_s);
        row("oral loss of issued", CardCommand::ReportOralLoss, CardState::Issued, false, u"ok"_s);
        row("oral loss of frozen", CardCommand::ReportOralLoss, CardState::Frozen, true, u"ok"_s);
        row("oral loss twice", CardCommand::ReportOralLoss, CardState::LostOral, true, u"card.state"_s);
        row("oral after written", CardCommand::ReportOralLoss, CardState::LostWritten, true, u"card.loss_written"_s);
        row("written after oral", CardCommand::ReportWrittenLoss, CardState::LostOral, true, u"ok"_s);
        row("written of active", CardCommand::ReportWrittenLoss, CardState::Active, true, u"ok"_s);
        row("written twice", CardCommand::ReportWrittenLoss, CardState::LostWritten, true, u"card.loss_written"_s);
        row("lift oral", CardCommand::LiftLoss, CardState::LostOral, true, u"ok"_s);
        row("lift written", CardCommand::LiftLoss, CardState::LostWritten, true, u"card.loss_written"_s);
        row("lift without report", CardCommand::LiftLoss, CardState::Active, true, u"card.no_loss"_s);
        row("freeze active", CardCommand::Freeze, CardState::Active, true, u"ok"_s);
        row("freeze issued", CardCommand::Freeze, CardState::Issued, true, u"card.state"_s);
        row("freeze lost", CardCommand::Freeze, CardState::LostOral, true, u"card.loss_in_force"_s);
        row("unfreeze frozen", CardCommand::Unfreeze, CardState::Frozen, true, u"ok"_s);
        row("unfreeze active", CardCommand::Unfreeze, CardState::Active, true, u"card.state"_s);
        row("replace active", CardCommand::Replace, CardState::Active, true, u"ok"_s);
        row("replace frozen", CardCommand::Replace, CardState::Frozen, true, u"ok"_s);
        row("replace under oral loss", CardCommand::Replace, CardState::LostOral, true, u"card.loss_in_force"_s);
        row("replace issued", CardCommand::Replace, CardState::Issued, false, u"card.state"_s);
        row("cancel issued", CardCommand::Cancel, CardState::Issued, false, u"ok"_s);
        row("cancel active", CardCommand::Cancel, CardState::Active, true, u"ok"_s);
        row("cancel written loss", CardCommand::Cancel, CardState::LostWritten, true, u"ok"_s);
        row("cancel under oral loss", CardCommand::Cancel, CardState::LostOral, true, u"card.loss_in_force"_s);
        row("cancel cancelled", CardCommand::Cancel, CardState::Cancelled, true, u"card.closed"_s);
        row("anything on replaced", CardCommand::Freeze, CardState::Replaced, true, u"card.closed"_s);
        row("set PIN", CardCommand::SetPin, CardState::Issued, false, u"ok"_s);
        row("set PIN twice", CardCommand::SetPin, CardState::Active, true, u"card.pin_already_set"_s);
        row("change PIN", CardCommand::ChangePin, CardState::Active, true, u"ok"_s);
        row("change without PIN", CardCommand::ChangePin, CardState::Issued, false, u"card.pin_not_set"_s);
        row("reset PIN frozen", CardCommand::ResetPin, CardState::Frozen, true, u"ok"_s);
        row("reset PIN lost", CardCommand::ResetPin, CardState::LostWritten, true, u"card.loss_in_force"_s);
        row("online issued", CardCommand::SetOnline, CardState::Issued, false, u"ok"_s);
        row("online frozen", CardCommand::SetOnline, CardState::Frozen, true, u"card.state"_s);
        row("debit active", CardCommand::Debit, CardState::Active, true, u"ok"_s);
        row("debit stopped by oral loss", CardCommand::Debit, CardState::LostOral, true, u"card.loss_in_force"_s);
        row("debit not activated", CardCommand::Debit, CardState::Issued, true, u"card.state"_s);
    }
    void transitions()
    {
        QFETCH(CardCommand, command);
        QFETCH(CardState, state);
        QFETCH(bool, pinSet);
        QFETCH(QString, expected);
        QCOMPARE(refusal(command, facts(state, pinSet)), expected);
    }

    void oralLossLapsesAfterFiveDays()
    {
        auto f = facts(CardState::LostOral);
        QCOMPARE(cs::oralLossLapsesOn(f), QDate(2026, 11, 8));
        f.businessDate = reported.addDays(5); // the fifth day: still in force
        QCOMPARE(cs::effectiveCardState(f), CardState::LostOral);
        QCOMPARE(refusal(CardCommand::Debit, f), u"card.loss_in_force"_s);
        f.businessDate = reported.addDays(6); // no written report followed: it lapsed
        QCOMPARE(cs::effectiveCardState(f), CardState::Active);
        QCOMPARE(refusal(CardCommand::Debit, f), u"ok"_s);
        QCOMPARE(refusal(CardCommand::LiftLoss, f), u"card.no_loss"_s);
        f.stateBeforeLoss = CardState::Issued;
        QCOMPARE(cs::effectiveCardState(f), CardState::Issued);
        f.oralLossLapseDays = 10; // a setting, not a literal
        QCOMPARE(cs::effectiveCardState(f), CardState::LostOral);
    }
    void writtenLossReplacedAfterSevenDays()
    {
        auto f = facts(CardState::LostWritten);
        QCOMPARE(cs::replaceableOn(f), QDate(2026, 11, 9));
        f.businessDate = reported.addDays(6);
        const auto early = cs::checkCardCommand(CardCommand::Replace, f);
        QVERIFY(!early);
        QCOMPARE(early.error().code, u"card.replace_too_early"_s);
        QVERIFY2(early.error().message.contains(u"2026-11-09"_s), qPrintable(early.error().message));
        f.businessDate = reported.addDays(7);
        QCOMPARE(refusal(CardCommand::Replace, f), u"ok"_s);
        // A written report never lapses.
        f.businessDate = reported.addDays(400);
        QCOMPARE(cs::effectiveCardState(f), CardState::LostWritten);
    }

    void pinRules_data()
    {
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QByteArray>("confirmation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("good") << QByteArray("270394") << QByteArray("270394") << u"ok"_s;
        QTest::newRow("five digits") << QByteArray("27039") << QByteArray("27039") << u"card.pin_format"_s;
        QTest::newRow("seven digits") << QByteArray("2703941") << QByteArray("2703941") << u"card.pin_format"_s;
        QTest::newRow("letter") << QByteArray("27O394") << QByteArray("27O394") << u"card.pin_format"_s;
        QTest::newRow("mismatch") << QByteArray("270394") << QByteArray("270395") << u"card.pin_mismatch"_s;
        QTest::newRow("000000") << QByteArray("000000") << QByteArray("000000") << u"card.pin_trivial"_s;
        QTest::newRow("888888") << QByteArray("888888") << QByteArray("888888") << u"card.pin_trivial"_s;
        QTest::newRow("123456") << QByteArray("123456") << QByteArray("123456") << u"card.pin_trivial"_s;
        QTest::newRow("654321") << QByteArray("654321") << QByteArray("654321") << u"card.pin_trivial"_s;
        QTest::newRow("789012") << QByteArray("789012") << QByteArray("789012") << u"card.pin_trivial"_s;
        QTest::newRow("121212") << QByteArray("121212") << QByteArray("121212") << u"card.pin_trivial"_s;
        QTest::newRow("123123") << QByteArray("123123") << QByteArray("123123") << u"card.pin_trivial"_s;
        QTest::newRow("112233 is allowed") << QByteArray("112233") << QByteArray("112233") << u"ok"_s;
        QTest::newRow("123457 is allowed") << QByteArray("123457") << QByteArray("123457") << u"ok"_s;
    }
    void pinRules()
    {
        QFETCH(QByteArray, pin);
        QFETCH(QByteArray, confirmation);
        QFETCH(QString, expected);
        const auto status = cs::checkNewPin(cs::SecureBytes(pin), cs::SecureBytes(confirmation));
        QCOMPARE(status ? u"ok"_s : status.error().code, expected);
        if (!status)
            QVERIFY(!status.error().message.contains(QString::fromLatin1(pin)));
    }
    void pinLockLastsTheBusinessDay()
    {
        cs::PinLock lock;
        const QDate today(2026, 11, 27);
        QCOMPARE(lock.remaining(today), 3);
        lock.failureDate = today;
        lock.failuresToday = 2;
        QVERIFY(!lock.locked(today));
        QCOMPARE(lock.remaining(today), 1);
        lock.failuresToday = 3;
        QVERIFY(lock.locked(today));
        QCOMPARE(lock.remaining(today), 0);
        QVERIFY(!lock.locked(today.addDays(1)));
        QCOMPARE(lock.remaining(today.addDays(1)), 3);
    }

    void remoteFee_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<qint64>("before");
        QTest::addColumn<qint64>("fee");
        QTest::newRow("49,999.99 alone: free") << qint64(4'999'999) << qint64(0) << qint64(0);
        QTest::newRow("50,000.00 alone: 0.01% = 5.00") << qint64(5'000'000) << qint64(0) << qint64(500);
        QTest::newRow("day total reaches 50,000: 0.01% of 0.01 -> 0") << qint64(1) << qint64(4'999'999) << qint64(0);
        QTest::newRow("30,000 after 30,000: 3.00") << qint64(3'000'000) << qint64(3'000'000) << qint64(300);
        QTest::newRow("12,345.67 over the line: 1.23 (half up)") << qint64(1'234'567) << qint64(5'000'000) << qint64(123);
        QTest::newRow("12,345.00: 1.2345 -> 1.23") << qint64(1'234'500) << qint64(5'000'000) << qint64(123);
        QTest::newRow("12,350.00: 1.235 -> 1.24") << qint64(1'235'000) << qint64(5'000'000) << qint64(124);
        QTest::newRow("500,000: exactly the cap 50.00") << qint64(50'000'000) << qint64(0) << qint64(5'000);
        QTest::newRow("600,000: 60 capped to 50.00") << qint64(60'000'000) << qint64(0) << qint64(5'000);
        QTest::newRow("10,000,000: capped") << qint64(1'000'000'000) << qint64(0) << qint64(5'000);
    }
    void remoteFee()
    {
        QFETCH(qint64, amount);
        QFETCH(qint64, before);
        QFETCH(qint64, fee);
        const auto charged = cs::remoteFee(yuan(amount), yuan(before), {});
        QVERIFY(charged);
        QCOMPARE(charged->minor(), fee);
    }
    void remoteFeeFollowsItsSettings()
    {
        cs::RemoteFeeRule rule;
        rule.freeBelow = yuan(1'000'000);
        rule.ratePerMillion = 500; // 0.05%
        rule.cap = yuan(2'000);
        QCOMPARE(cs::remoteFee(yuan(999'999), yuan(0), rule)->minor(), 0);
        QCOMPARE(cs::remoteFee(yuan(1'000'000), yuan(0), rule)->minor(), 500);
        QCOMPARE(cs::remoteFee(yuan(10'000'000), yuan(0), rule)->minor(), 2'000);
        QVERIFY(!cs::remoteFee(cs::Money(100, *cs::Currency::fromCode(u"USD")), yuan(0), rule));
    }

    void onlineCeilings_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<qint64>("ceiling");
        QTest::newRow("sms") << u"sms"_s << qint64(2'000'000);
        QTest::newRow("otp") << u"otp"_s << qint64(100'000'000);
        QTest::newRow("otp_trial") << u"otp_trial"_s << qint64(500'000);
        QTest::newRow("usbkey") << u"usbkey"_s << qint64(50'000'000);
    }
    void onlineCeilings()
    {
        QFETCH(QString, method);
        QFETCH(qint64, ceiling);
        const auto m = cs::onlineMethodFromKey(method);
        QVERIFY(m);
        QCOMPARE(cs::onlineMethodKey(*m), method);
        const cs::OnlineCeilings ceilings;
        QVERIFY(cs::checkOnlineLimit(yuan(ceiling), *m, ceilings, std::nullopt));
        const auto above = cs::checkOnlineLimit(yuan(ceiling + 1), *m, ceilings, std::nullopt);
        QVERIFY(!above);
        QCOMPARE(above.error().code, u"card.online_limit_above_ceiling"_s);
        QCOMPARE(above.error().field, u"limit"_s);
        // A credit card: never beyond its available credit, even under the ceiling.
        const auto credit = cs::checkOnlineLimit(yuan(ceiling), *m, ceilings, yuan(ceiling - 1));
        QVERIFY(!credit);
        QCOMPARE(credit.error().code, u"card.online_limit_above_credit"_s);
        QVERIFY(cs::checkOnlineLimit(yuan(ceiling), *m, ceilings, yuan(ceiling)));
        QCOMPARE(cs::checkOnlineLimit(yuan(0), *m, ceilings, std::nullopt).error().code, u"card.online_limit"_s);
    }
    void onlinePayments()
    {
        QCOMPARE(cs::checkOnlinePayment(false, yuan(100), yuan(0), yuan(2'000'000), std::nullopt).error().code,
                 u"card.online_disabled"_s);
        QVERIFY(cs::checkOnlinePayment(true, yuan(500'000), yuan(1'500'000), yuan(2'000'000), std::nullopt));
        QCOMPARE(cs::checkOnlinePayment(true, yuan(500'001), yuan(1'500'000), yuan(2'000'000), std::nullopt)
                     .error().code,
                 u"card.online_limit_exceeded"_s);
        QCOMPARE(cs::checkOnlinePayment(true, yuan(30'001), yuan(0), yuan(2'000'000), yuan(30'000)).error().code,
                 u"card.insufficient_credit"_s);
    }
    void keysRoundTrip()
    {
        for (auto s : {CardState::Issued, CardState::Active, CardState::LostOral, CardState::LostWritten,
                       CardState::Frozen, CardState::Replaced, CardState::Cancelled}) {
            QCOMPARE(cs::cardStateFromKey(cs::cardStateKey(s)), std::optional(s));
            QVERIFY(!cs::cardStateLabel(s).isEmpty());
        }
        QCOMPARE(cs::cardProductFromKey(u"quasi"), std::optional(cs::CardProduct::Quasi));
        QCOMPARE(cs::cardProductFromKey(u"demand"), std::nullopt);
        QCOMPARE(cs::cardStateFromKey(u"lost"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestCardRules)
#include "tst_cardrules.moc"
