// Time deposits on SQLite and PostgreSQL, against figures worked out by hand. Rates are the settings'
// (demand set to 0.10% here, td3m 1.25% then 1.10%, td1y 1.65%); interest is simple on 360 days from the
// term's start up to, not including, the day it ends, rounded half up to the fen:
//   1 year ¥10,000 withdrawn after 100 days at 0.10%        10,000 × 0.0010 × 100 / 360 = 2.777… -> ¥2.78
//   ¥4,000 of it taken after 100 days (partial, once)        4,000 × 0.0010 × 100 / 360 = 1.111… -> ¥1.11
//   the ¥6,000 left, at maturity (365 days at 1.65%)         6,000 × 0.0165 × 365 / 360 = 100.375 -> ¥100.38
//   3 months ¥10,000 at 1.25% (90 days)                     10,000 × 0.0125 ×  90 / 360 = ¥31.25
//   paid 10 days after maturity: + 10,000 × 0.0010 × 10 / 360 = 0.277… -> ¥0.28, so ¥31.53
//   rolled over: ¥10,031.25 at the rate of that day, taken back 10 days later at 0.10%: ¥0.28
// Placement: once, at least ¥50, from the customer's own demand account or in cash.
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/noticeservice.h"
#include "support/approvals.h"
#include "support/eodfixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QDate placedOn(2031, 1, 10);
} // namespace

class TestTimeDeposits : public QObject {
    Q_OBJECT

private:
    EodFixture f;
    QString m_zhang; // Zhang's Class I: source and payout
    QString m_li;    // Li's Class I
    QString m_a;     // td1y ¥10,000, withdrawn whole after 100 days
    QString m_c;     // td1y ¥10,000, ¥4,000 taken after 100 days, the rest to maturity
    QString m_d;     // td3m ¥10,000, rolled over, then withdrawn early
    QString m_e;     // td3m ¥10,000, paid out at maturity
    QString m_f;     // td3m ¥10,000 of Li's, paid 10 days late (the payout account was frozen)
    QString m_g;     // td1y ¥10,000: a partial withdrawal may not leave less than ¥50

    QString openDeposit(const QString& idNumber, const QString& product)
    {
        auto opened = f.open(idNumber, product);
        return opened ? *opened : QString();
    }
    qint64 txnsOfKind(const QString& kind) { return f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = '%1'"_s.arg(kind)); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        CS_VERIFY_RESULT(f.moveTo(placedOn));
        auto z = f.classI(zhang);
        CS_VERIFY_RESULT(z);
        m_zhang = *z;
        auto l = f.classI(li);
        CS_VERIFY_RESULT(l);
        m_li = *l;
        CS_VERIFY_RESULT(f.fund(m_zhang, 10'000'000)); // ¥100,000
        CS_VERIFY_RESULT(f.fund(m_li, 2'000'000));     // ¥20,000
        CS_VERIFY_RESULT(f.setSetting(u"interest.rate_bp.demand"_s, 10));
        for (QString* target : {&m_a, &m_c, &m_g})
            *target = openDeposit(zhang, u"td1y"_s);
        for (QString* target : {&m_d, &m_e})
            *target = openDeposit(zhang, u"td3m"_s);
        m_f = openDeposit(li, u"td3m"_s);
        for (const QString& n : {m_a, m_c, m_d, m_e, m_f, m_g})
            QVERIFY(!n.isEmpty());
    }
    void cleanupTestCase() { f.db.reset(); }

    void placementRules()
    {
        const qint64 txns = f.journalTxns();
        CS_EXPECT_ERROR(f.place(m_a, m_zhang, 4'999, false), "deposit.below_minimum", cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(f.place(m_a, m_li, 1'000'000, false), "deposit.from_account", cs::ErrorKind::Refused, "from");
        CS_EXPECT_ERROR(f.place(m_zhang, m_li, 1'000'000, false), "deposit.not_time", cs::ErrorKind::Refused, "account");
        CS_EXPECT_ERROR(f.place(m_a, m_a, 1'000'000, false), "deposit.from_account", cs::ErrorKind::Refused, "from");
        cs::PlaceDepositRequest both;
        both.account = m_a;
        both.fromAccount = m_zhang;
        both.cash = true;
        both.amount = cny(1'000'000);
        both.requestId = CashFixture::newId();
        CS_EXPECT_ERROR(cs::TimeDepositService(f.db.db()).place(*f.teller, both), "deposit.source", cs::ErrorKind::Invalid, "from");
        // A Class II account is no payout account.
        auto classII = f.open(zhang, u"demand"_s, u"II"_s);
        CS_VERIFY_RESULT(classII);
        cs::PlaceDepositRequest payout;
        payout.account = m_a;
        payout.fromAccount = m_zhang;
        payout.amount = cny(1'000'000);
        payout.payoutAccount = *classII;
        payout.requestId = CashFixture::newId();
        CS_EXPECT_ERROR(cs::TimeDepositService(f.db.db()).place(*f.teller, payout), "deposit.payout_account",
                        cs::ErrorKind::Refused, "payout");
        // Nothing moved, nothing was placed.
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM time_deposits"_s), 0);
        QCOMPARE(f.balance(m_zhang), 10'000'000);
    }

    void placeOnceFromTheCustomersAccount()
    {
        const QString id = CashFixture::newId();
        auto placed = f.place(m_a, m_zhang, 1'000'000, false, id);
        CS_VERIFY_RESULT(placed);
        QCOMPARE(placed->kind, u"deposit_placement"_s);
        QVERIFY(!placed->replayed);
        QCOMPARE(placed->deposit.principal, cny(1'000'000));
        QCOMPARE(placed->deposit.rateBp, 165);
        QCOMPARE(placed->deposit.termMonths, 12);
        QCOMPARE(placed->deposit.openedOn, placedOn);
        QCOMPARE(placed->deposit.maturesOn, QDate(2032, 1, 10));
        QCOMPARE(placed->deposit.payoutAccount, m_zhang);
        QCOMPARE(placed->deposit.state, u"active"_s);
        QVERIFY(!placed->deposit.rollover);
        QCOMPARE(f.balance(m_a), 1'000'000);
        QCOMPARE(f.balance(m_zhang), 9'000'000);
        QCOMPARE(f.db.scalar(u"SELECT maturity_on FROM accounts WHERE number = '%1'"_s.arg(m_a)).toString().left(10),
                 u"2032-01-10"_s);

        // The same request again: the first answer, nothing moves.
        const qint64 txns = f.journalTxns();
        auto again = f.place(m_a, m_zhang, 1'000'000, false, id);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->txnId, placed->txnId);
        QCOMPARE(f.journalTxns(), txns);
        // Another request: the principal is placed once.
        CS_EXPECT_ERROR(f.place(m_a, m_zhang, 1'000'000, false), "deposit.already_placed", cs::ErrorKind::Refused, "account");
        QCOMPARE(f.balance(m_a), 1'000'000);
        QCOMPARE(f.journalTxns(), txns);

        for (const QString& n : {m_c, m_e, m_g})
            CS_VERIFY_RESULT(f.place(n, m_zhang, 1'000'000, false));
        CS_VERIFY_RESULT(f.place(m_d, m_zhang, 1'000'000, true));
        CS_VERIFY_RESULT(f.place(m_f, m_li, 1'000'000, false));
        QCOMPARE(f.balance(m_zhang), 5'000'000);
        QCOMPARE(f.balance(m_li), 1'000'000);
        QCOMPARE(f.depositColumn(m_d, u"rate_bp"_s), u"125"_s);
        QCOMPARE(txnsOfKind(u"deposit_placement"_s), 6);
    }

    void placeInCashThroughTheTellersBox()
    {
        const QString b = openDeposit(zhang, u"td3m"_s);
        QVERIFY(!b.isEmpty());
        cs::PlaceDepositRequest r;
        r.account = b;
        r.cash = true;
        r.amount = cny(80'000);
        r.rollover = false;
        r.requestId = CashFixture::newId();
        // The teller's box must be open, as for any cash.
        CS_EXPECT_ERROR(cs::TimeDepositService(f.db.db()).place(*f.teller, r), "cashbox.not_open", cs::ErrorKind::Refused, "");
        CS_VERIFY_RESULT(f.openBox(0));
        auto placed = cs::TimeDepositService(f.db.db()).place(*f.teller, r);
        CS_VERIFY_RESULT(placed);
        QCOMPARE(placed->kind, u"cash_deposit"_s);
        QCOMPARE(placed->deposit.principal, cny(80'000));
        QCOMPARE(placed->deposit.payoutAccount, m_zhang); // the customer's Class I
        QCOMPARE(f.balanceOf(f.boxId(*f.teller)), 80'000);
        // Taken back the same day: no day held, no interest.
        auto back = f.withdraw(b);
        CS_VERIFY_RESULT(back);
        QCOMPARE(back->interest, cny(0));
        QCOMPARE(back->paid, cny(80'000));
        QCOMPARE(back->deposit.state, u"closed"_s);
        QCOMPARE(f.db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(b)).toString(), u"closed"_s);
        QCOMPARE(f.balance(m_zhang), 5'080'000);
        CS_VERIFY_RESULT(cs::CashBoxService(f.db.db()).close(*f.teller, cny(80'000), CashFixture::newId()));
    }

    void maturityPaysOutOrRollsOver()
    {
        CS_VERIFY_RESULT(f.moveTo(QDate(2031, 4, 9)));
        CS_VERIFY_RESULT(f.setSetting(u"interest.rate_bp.td3m"_s, 110)); // the rate of the roll-over day
        // Li's payout account cannot take the maturity: it waits, and earns the demand rate meanwhile.
        const auto frozen = cs::AccountService(f.db.db()).freeze(*f.teller, m_li, cs::FreezeMode::Full, u"judicial"_s,
                                                                   u"court order"_s, CashFixture::newId());
        CS_VERIFY_RESULT(settled(f.db.db(), frozen));
        const qint64 expense = f.interestExpense();
        // D and F are subscribed to maturity notices; E only to its movements.
        for (auto [account, maturity] : {std::pair{m_d, true}, std::pair{m_f, true}, std::pair{m_e, false}}) {
            cs::SubscribeRequest subscription;
            subscription.accountNumber = account;
            subscription.phone = u"13912345678"_s;
            subscription.maturity = maturity;
            subscription.requestId = CashFixture::newId();
            CS_VERIFY_RESULT(cs::NoticeService(f.db.db()).subscribe(*f.teller, subscription));
        }

        auto eod = f.endOfDay();
        CS_VERIFY_RESULT(eod);
        QCOMPARE(eod->closedDate, QDate(2031, 4, 9));
        const auto mature = eod->steps.at(3);
        QCOMPARE(mature.key, u"mature_deposits"_s);
        QCOMPARE(mature.detail.value(u"deposits"_s).toInt(), 3);
        QCOMPARE(mature.detail.value(u"rolled_over"_s).toInt(), 1);
        QCOMPARE(mature.detail.value(u"paid_out"_s).toInt(), 1);
        QCOMPARE(mature.detail.value(u"waiting"_s).toInt(), 1);
        QCOMPARE(mature.detail.value(u"interest"_s).toString(), u"62.50"_s);

        // E: principal and ¥31.25 to Zhang's account, the deposit closed.
        QCOMPARE(f.balance(m_zhang), 5'080'000 + 1'003'125);
        QCOMPARE(f.balance(m_e), 0);
        QCOMPARE(f.depositColumn(m_e, u"state"_s), u"closed"_s);
        QCOMPARE(f.db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(m_e)).toString(), u"closed"_s);
        // D: ¥31.25 added, a new term from the maturity at the rate of the day.
        QCOMPARE(f.balance(m_d), 1'003'125);
        QCOMPARE(f.depositColumn(m_d, u"principal"_s), u"1003125"_s);
        QCOMPARE(f.depositColumn(m_d, u"rate_bp"_s), u"110"_s);
        QCOMPARE(f.depositColumn(m_d, u"opened_on"_s).left(10), u"2031-04-10"_s);
        QCOMPARE(f.depositColumn(m_d, u"matures_on"_s).left(10), u"2031-07-10"_s);
        QCOMPARE(f.depositColumn(m_d, u"terms"_s), u"2"_s);
        // F: waiting.
        QCOMPARE(f.depositColumn(m_f, u"state"_s), u"matured"_s);
        QCOMPARE(f.balance(m_f), 1'000'000);
        QCOMPARE(f.interestExpense() - expense, 6'250);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'maturity'"_s), 2);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'maturity' AND event_key = "
                            "'maturity:2031-04-10:rollover' AND phone = '13912345678'"_s),
                 1);
        // E's payout moved its account: a movement notice, no maturity notice.
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'movement' AND account_id = %1"_s.arg(f.idOf(m_e))), 1);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'maturity' AND event_key = "
                            "'maturity:2031-04-10:waiting'"_s),
                 1);
    }

    void earlyWithdrawalEarnsTheDemandRate()
    {
        const auto lifted = cs::AccountService(f.db.db()).unfreeze(*f.teller, m_li, u"order lifted"_s, CashFixture::newId());
        CS_VERIFY_RESULT(settled(f.db.db(), lifted));
        CS_VERIFY_RESULT(f.moveTo(QDate(2031, 4, 20))); // 100 days after the placement
        const qint64 zhangBefore = f.balance(m_zhang);

        // A: the whole deposit, 100 days at 0.10%: ¥2.78.
        const QString id = CashFixture::newId();
        auto a = f.withdraw(m_a, std::nullopt, id);
        CS_VERIFY_RESULT(a);
        QCOMPARE(a->kind, u"deposit_early_withdrawal"_s);
        QCOMPARE(a->interestDays, 100);
        QCOMPARE(a->interestRateBp, 10);
        QCOMPARE(a->interest, cny(278));
        QCOMPARE(a->amount, cny(1'000'000));
        QCOMPARE(a->paid, cny(1'000'278));
        QCOMPARE(a->deposit.state, u"closed"_s);
        QCOMPARE(f.balance(m_zhang), zhangBefore + 1'000'278);
        QCOMPARE(f.balance(m_a), 0);
        const qint64 txns = f.journalTxns();
        auto replay = f.withdraw(m_a, std::nullopt, id);
        CS_VERIFY_RESULT(replay);
        QVERIFY(replay->replayed);
        QCOMPARE(replay->txnId, a->txnId);
        QCOMPARE(f.journalTxns(), txns);
        CS_EXPECT_ERROR(f.withdraw(m_a), "deposit.closed", cs::ErrorKind::Refused, "account");

        // D, rolled over on 2031-04-10: 10 days of the new term at 0.10% on ¥10,031.25.
        auto d = f.withdraw(m_d);
        CS_VERIFY_RESULT(d);
        QCOMPARE(d->interestDays, 10);
        QCOMPARE(d->interest, cny(28));
        QCOMPARE(d->paid, cny(1'003'153));

        // F, matured on 2031-04-10 and paid today: ¥31.25 for the term and ¥0.28 for the 10 days since.
        auto late = f.withdraw(m_f);
        CS_VERIFY_RESULT(late);
        QCOMPARE(late->kind, u"deposit_maturity"_s);
        QCOMPARE(late->interest, cny(3'153));
        QCOMPARE(late->paid, cny(1'003'153));
        QCOMPARE(f.balance(m_li), 1'000'000 + 1'003'153);
        QCOMPARE(f.balance(m_zhang), zhangBefore + 1'000'278 + 1'003'153);
    }

    void partialEarlyWithdrawalOnce()
    {
        const qint64 zhangBefore = f.balance(m_zhang);
        CS_EXPECT_ERROR(f.withdraw(m_c, 1'000'001), "deposit.amount_exceeds", cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(f.withdraw(m_g, 996'000), "deposit.remainder_below_minimum", cs::ErrorKind::Refused, "amount");

        auto part = f.withdraw(m_c, 400'000);
        CS_VERIFY_RESULT(part);
        QCOMPARE(part->kind, u"deposit_early_withdrawal"_s);
        QCOMPARE(part->interest, cny(111));
        QCOMPARE(part->paid, cny(400'111));
        QCOMPARE(part->deposit.principal, cny(600'000));
        QCOMPARE(part->deposit.partialOn, QDate(2031, 4, 20));
        QCOMPARE(part->deposit.partialAmount, cny(400'000));
        QCOMPARE(part->deposit.state, u"active"_s);
        QCOMPARE(part->deposit.rateBp, 165); // the rest keeps its terms
        QCOMPARE(part->deposit.maturesOn, QDate(2032, 1, 10));
        QCOMPARE(f.balance(m_c), 600'000);
        QCOMPARE(f.balance(m_zhang), zhangBefore + 400'111);

        const qint64 txns = f.journalTxns();
        CS_EXPECT_ERROR(f.withdraw(m_c, 100'000), "deposit.partial_used", cs::ErrorKind::Refused, "amount");
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.balance(m_c), 600'000);
    }

    void theRestMaturesOnItsTerms()
    {
        CS_VERIFY_RESULT(f.moveTo(QDate(2032, 1, 9)));
        const qint64 zhangBefore = f.balance(m_zhang);
        auto eod = f.endOfDay();
        CS_VERIFY_RESULT(eod);
        QCOMPARE(eod->steps.at(3).detail.value(u"paid_out"_s).toInt(), 2);
        // C: ¥6,000 for 365 days at 1.65% = ¥100.38; G: ¥10,000 = ¥167.29.
        QCOMPARE(f.balance(m_zhang), zhangBefore + 600'000 + 10'038 + 1'000'000 + 16'729);
        QCOMPARE(f.balance(m_c), 0);
        QCOMPARE(f.balance(m_g), 0);
        // Every fen of interest came out of interest expense.
        QCOMPARE(f.interestExpense(), 3'125 + 3'125 + 278 + 28 + 3'153 + 111 + 10'038 + 16'729);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM time_deposits WHERE state <> 'closed'"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestTimeDeposits)
#include "tst_timedeposits.moc"
