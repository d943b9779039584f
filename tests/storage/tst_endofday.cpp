// The end of day on SQLite and PostgreSQL over the whole demo (history and cards): it closes at once
// after the demo; it refuses while a cash box is open or an approval is pending, naming them and
// changing nothing; a full run does its ten steps in order, each recorded once, and moves the date by
// one day: the lapsed oral loss report is stored back, the demo's merchants are settled, the day's large
// transfers are reported
// (person ¥500,000 per day and direction), movement notices are queued; verify_ledger refuses a
// tampered balance naming the account and leaves the day open, and the run after the repair resumes.
#include "approvals/approvalservice.h"
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/noticeservice.h"
#include "services/transferservice.h"
#include "support/eodfixture.h"

#include <QJsonDocument>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QString trade = u"91310000MA1FL8X7QN"_s;
const QString tech = u"91440300MA5G2KJH4N"_s;
const QDate workDay(2031, 5, 12);
} // namespace

class TestEndOfDay : public QObject {
    Q_OBJECT

private:
    EodFixture f;
    QString m_zhang;
    QString m_li;

    cs::EndOfDayService service() { return cs::EndOfDayService(f.db.db()); }
    QString corp(const QString& uscc)
    {
        return f.db.scalar(u"SELECT number FROM accounts WHERE product_code = 'corp' AND customer_id = %1"_s.arg(f.customer(uscc)))
            .toString();
    }
    qint64 stepRows() { return f.db.count(u"SELECT COUNT(*) FROM eod_steps"_s); }
    QString dayState(const QDate& d)
    {
        return f.db.scalar(u"SELECT state FROM business_days WHERE business_date = '%1'"_s.arg(d.toString(Qt::ISODate))).toString();
    }
    cs::Result<cs::TransferRecord> transfer(const QString& from, const QString& to, qint64 minor)
    {
        cs::TransferRequest r;
        r.fromAccount = from;
        r.toAccount = to;
        r.amount = cny(minor);
        r.requestId = CashFixture::newId();
        return cs::TransferService(f.db.db()).enter(*f.teller, r);
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create(cs::DemoData::Content::Everything, true));
        auto z = f.classI(zhang);
        CS_VERIFY_RESULT(z);
        m_zhang = *z;
        auto l = f.classI(li);
        CS_VERIFY_RESULT(l);
        m_li = *l;
    }
    void cleanupTestCase() { f.db.reset(); }

    void theDemoClosesAtOnce()
    {
        // ../shared/CLI.md: the demo leaves its day open with every cash box closed and nothing pending.
        auto blockers = service().blockers(*f.super);
        CS_VERIFY_RESULT(blockers);
        QVERIFY(blockers->isEmpty());
        QCOMPARE(dayState(f.today()), u"open"_s);
        // A teller may not close the day.
        CS_EXPECT_ERROR(service().run(*f.teller), "permission.denied", cs::ErrorKind::Refused, "");
        CS_EXPECT_ERROR(service().blockers(*f.teller), "permission.denied", cs::ErrorKind::Refused, "");
        // The test's day is a fixed date (EOD's own subject starts after the move).
        CS_VERIFY_RESULT(f.moveTo(workDay));
    }

    void refusesWhileABoxIsOpenOrAnApprovalPending()
    {
        CS_VERIFY_RESULT(f.openBox(0));
        const auto freeze = cs::AccountService(f.db.db()).freeze(*f.teller2, m_li, cs::FreezeMode::Debit, u"customer"_s,
                                                                   u"customer request"_s, CashFixture::newId());
        CS_VERIFY_RESULT(freeze);
        QVERIFY(freeze->pending());
        const qint64 txns = f.journalTxns();
        const qint64 audits = f.db.count(u"SELECT COUNT(*) FROM audit_log"_s);

        auto refused = service().run(*f.super);
        CS_EXPECT_ERROR(refused, "eod.blocked", cs::ErrorKind::Refused, "");
        QVERIFY2(refused.error().message.contains(u"Cash box of 王芳 Wang Fang (teller1) is open"_s), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"Approval %1: account.freeze by teller2"_s.arg(freeze->approvalId)),
                 qPrintable(refused.error().message));
        auto blockers = service().blockers(*f.super);
        CS_VERIFY_RESULT(blockers);
        QCOMPARE(blockers->size(), 2);
        QCOMPARE(blockers->at(0).kind, u"cashbox"_s);
        QCOMPARE(blockers->at(1).kind, u"approval"_s);
        QCOMPARE(blockers->at(1).id, freeze->approvalId);
        // Nothing changed but the refusal on record.
        QCOMPARE(stepRows(), 0);
        QCOMPARE(f.branchDate(), workDay);
        QCOMPARE(dayState(workDay), u"open"_s);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log"_s), audits + 1);
        QCOMPARE(f.audits(u"eod.check"_s, u"refused"_s), 1);

        // Each blocker alone still blocks.
        CS_VERIFY_RESULT(cs::CashBoxService(f.db.db()).close(*f.teller, cny(0), CashFixture::newId()));
        auto approvalOnly = service().run(*f.super);
        CS_EXPECT_ERROR(approvalOnly, "eod.blocked", cs::ErrorKind::Refused, "");
        QVERIFY(!approvalOnly.error().message.contains(u"Cash box"_s));
        CS_VERIFY_RESULT(cs::ApprovalService(f.db.db()).cancel(*f.teller2, freeze->approvalId, CashFixture::newId()));
        QCOMPARE(stepRows(), 0);
    }

    void aFullRunMovesTheDateOnce()
    {
        // The day: money in, two transfers of ¥300,000 from Zhang to Li (a person's ¥500,000 reached in
        // both directions), a company's ¥1,000,000 (under ¥2,000,000: not reported).
        CS_VERIFY_RESULT(f.setSetting(u"limits.teller_single_max"_s, 200'000'000));
        // Zhang and Li subscribe to movement notices; the companies do not.
        for (const QString& account : {m_zhang, m_li}) {
            cs::SubscribeRequest subscription;
            subscription.accountNumber = account;
            subscription.phone = u"13812345678"_s;
            subscription.withBalance = true;
            subscription.requestId = CashFixture::newId();
            CS_VERIFY_RESULT(cs::NoticeService(f.db.db()).subscribe(*f.teller, subscription));
        }
        CS_VERIFY_RESULT(f.fund(m_zhang, 60'000'000));
        CS_VERIFY_RESULT(f.fund(corp(trade), 100'000'000));
        auto t1 = transfer(m_zhang, m_li, 30'000'000);
        CS_VERIFY_RESULT(t1);
        QCOMPARE(t1->state, u"posted"_s);
        CS_VERIFY_RESULT(transfer(m_zhang, m_li, 30'000'000));
        CS_VERIFY_RESULT(transfer(corp(trade), corp(tech), 100'000'000));
        const qint64 zhangAfter = f.balance(m_zhang);
        const auto movementsOfTheDay = [&] {
            return f.db.count(u"SELECT COUNT(*) FROM (SELECT DISTINCT l.account_id, l.txn_id FROM journal_lines l JOIN "
                              "journal_txns t ON t.id = l.txn_id JOIN accounts a ON a.id = l.account_id "
                              "WHERE a.kind = 'customer' AND t.business_date = '%1') x"_s.arg(workDay.toString(Qt::ISODate)));
        };
        QCOMPARE(movementsOfTheDay(), 2 + 4 + 2);
        QCOMPARE(f.db.scalar(u"SELECT state FROM cards WHERE state = 'lost_oral'"_s).toString(), u"lost_oral"_s);

        QList<cs::EodStep> seen;
        auto eod = service().run(*f.super, [&](const cs::EodStep& s) { seen.append(s); });
        CS_VERIFY_RESULT(eod);
        QCOMPARE(eod->closedDate, workDay);
        QCOMPARE(eod->businessDate, workDay.addDays(1));
        QVERIFY(!eod->resumed);
        const QStringList keys = {u"check"_s,      u"expire"_s,  u"accrue_interest"_s, u"mature_deposits"_s, u"settle_merchants"_s,
                                  u"large_value"_s, u"notices"_s, u"verify_ledger"_s,   u"close_day"_s,       u"settle_interest"_s};
        QCOMPARE(eod->steps.size(), keys.size());
        QCOMPARE(seen.size(), keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            QCOMPARE(eod->steps.at(i).key, keys.at(i));
            QCOMPARE(eod->steps.at(i).state, keys.at(i) == u"settle_interest"_s ? u"skipped"_s : u"done"_s);
            QVERIFY(!eod->steps.at(i).label.isEmpty());
        }
        // The date moved once; the day is closed with its ten steps on record.
        QCOMPARE(f.branchDate(), workDay.addDays(1));
        QCOMPARE(dayState(workDay), u"closed"_s);
        QCOMPARE(dayState(workDay.addDays(1)), u"open"_s);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM eod_steps WHERE business_date = '%1'"_s.arg(workDay.toString(Qt::ISODate))), 10);

        // expire: Huang's oral report of the demo's day lapsed (5 days) and is stored back.
        QCOMPARE(eod->steps.at(1).detail.value(u"oral_loss_reports_lapsed"_s).toInt(), 1);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM cards WHERE state = 'lost_oral'"_s), 0);
        QCOMPARE(f.audits(u"card.loss_lapse"_s, u"success"_s), 1);
        // large_value: two out of Zhang, two into Li, each with the day's ¥600,000.
        QCOMPARE(eod->steps.at(5).detail.value(u"entries"_s).toInt(), 4);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM large_value_entries WHERE criterion = 'person_transfer' AND day_total = 60000000 "
                            "AND amount = 30000000"_s),
                 4);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM large_value_entries WHERE criterion = 'person_transfer' AND direction = 'out' "
                            "AND customer_id = %1"_s.arg(f.customer(zhang))),
                 2);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM large_value_entries WHERE criterion = 'company_transfer'"_s), 0);
        // settle_merchants: the demo's two merchants, due by now, credited once each.
        const qint64 merchants = eod->steps.at(4).detail.value(u"merchants"_s).toInteger();
        QCOMPARE(merchants, 2);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'merchant_settlement'"_s), merchants);
        // notices: queued by each posting of a subscribed account, with the balance after it (Zhang: the
        // funding and two transfers out; Li: two in); the step counts what the day queued.
        QCOMPARE(movementsOfTheDay(), 2 + 4 + 2 + merchants);
        QCOMPARE(eod->steps.at(6).detail.value(u"movements"_s).toInteger(), 5);
        QCOMPARE(eod->steps.at(6).detail.value(u"maturities"_s).toInteger(), 0);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'movement' AND account_id IN (%1, %2)"_s
                                .arg(f.idOf(m_zhang))
                                .arg(f.idOf(m_li))),
                 5);
        const QJsonObject notice = QJsonDocument::fromJson(
                                       f.db.scalar(u"SELECT payload FROM notice_outbox WHERE event_key = 'txn:%1' AND account_id = %2"_s
                                                       .arg(t1->txnId)
                                                       .arg(f.idOf(m_zhang)))
                                           .toString()
                                           .toUtf8())
                                       .object();
        QCOMPARE(notice.value(u"txn_kind"_s).toString(), u"transfer"_s);
        QCOMPARE(notice.value(u"amount_minor"_s).toInteger(), -30'000'000);
        QCOMPARE(notice.value(u"balance_minor"_s).toInteger(), zhangAfter + 30'000'000);
        // verify_ledger found the books in order.
        QCOMPARE(eod->steps.at(7).detail.value(u"balanced"_s).toBool(), true);
        QVERIFY(eod->steps.at(7).detail.value(u"day_lines"_s).toInteger() > 0);
        QCOMPARE(f.audits(u"eod.close_day"_s, u"success"_s), 1);
    }

    void noticePackageFeesOnTheMonthsLastDay()
    {
        f.follow(f.branchDate()); // the day the full run above opened, 2031-05-13
        CS_VERIFY_RESULT(f.setSetting(u"notice.trial_days"_s, 10));
        cs::NoticeService notices(f.db.db());
        auto subscribe = [&](const QString& account) {
            cs::SubscribeRequest r;
            r.accountNumber = account;
            r.phone = u"13912345678"_s;
            r.feePlan = u"package"_s;
            r.requestId = CashFixture::newId();
            return notices.subscribe(*f.teller, r);
        };
        // Li confirms; Zhang does not (his trial never ends by itself); Wu confirms a package on an empty account.
        CS_VERIFY_RESULT(subscribe(m_li));
        CS_VERIFY_RESULT(notices.confirmPackage(*f.teller, m_li, CashFixture::newId()));
        CS_VERIFY_RESULT(subscribe(m_zhang));
        auto empty = f.open(u"510107200101304182"_s, u"demand"_s, u"II"_s);
        CS_VERIFY_RESULT(empty);
        CS_VERIFY_RESULT(subscribe(*empty));
        CS_VERIFY_RESULT(notices.confirmPackage(*f.teller, *empty, CashFixture::newId()));
        // Within the month's last days but inside the trial (ends 2031-05-22): nothing is due on the 22nd...
        CS_VERIFY_RESULT(f.moveTo(QDate(2031, 5, 22)));
        const qint64 li = f.balance(m_li);
        const qint64 zhangBalance = f.balance(m_zhang);
        auto ordinary = f.endOfDay();
        CS_VERIFY_RESULT(ordinary);
        QCOMPARE(ordinary->steps.at(6).detail.value(u"package_fees"_s).toObject().value(u"charged"_s).toInt(), 0);
        // ...and on the 31st Li pays ¥2.00 once, Zhang nothing, Wu's empty account is counted unpaid.
        CS_VERIFY_RESULT(f.moveTo(QDate(2031, 5, 31)));
        const qint64 fees = f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'notice_fee'"_s);
        auto monthEnd = f.endOfDay();
        CS_VERIFY_RESULT(monthEnd);
        const QJsonObject charged = monthEnd->steps.at(6).detail.value(u"package_fees"_s).toObject();
        QCOMPARE(charged.value(u"charged"_s).toInt(), 1);
        QCOMPARE(charged.value(u"amount"_s).toString(), u"2.00"_s);
        QCOMPARE(charged.value(u"unpaid"_s).toInt(), 1);
        QCOMPARE(f.balance(m_li), li - 200);
        QCOMPARE(f.balance(m_zhang), zhangBalance);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'notice_fee'"_s), fees + 1);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE request_id LIKE 'notice-fee:%:2031-05'"_s), qint64(1));
        // The fee is a movement of Li's account: Li is told.
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE account_id = %1 AND business_date = '2031-05-31' "
                            "AND kind = 'movement'"_s.arg(f.idOf(m_li))),
                 qint64(1));
    }

    void verifyLedgerCatchesATamperedBalance()
    {
        const QDate day = f.branchDate();
        // Someone with table rights adds a fen to a balance behind the ledger's back.
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE accounts SET balance = balance + 1 WHERE number = ?"_s, {m_li});
            return q ? cs::Status() : cs::fail(q.error());
        }));
        auto refused = service().run(*f.super);
        CS_EXPECT_ERROR(refused, "eod.ledger_mismatch", cs::ErrorKind::Refused, "account");
        QVERIFY2(refused.error().message.contains(m_li), qPrintable(refused.error().message));
        // The steps before it are done; nothing after it; the day stays open.
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM eod_steps WHERE business_date = '%1'"_s.arg(day.toString(Qt::ISODate))), 7);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM eod_steps WHERE step = 'verify_ledger' AND business_date = '%1'"_s.arg(
                     day.toString(Qt::ISODate))),
                 0);
        QCOMPARE(f.branchDate(), day);
        QCOMPARE(dayState(day), u"closing"_s);
        QCOMPARE(f.audits(u"eod.verify_ledger"_s, u"refused"_s), 1);

        // Repaired, the next run finishes the day: what was done is not done again.
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE accounts SET balance = balance - 1 WHERE number = ?"_s, {m_li});
            return q ? cs::Status() : cs::fail(q.error());
        }));
        const qint64 products = f.db.count(u"SELECT sum(balance_product) FROM interest_products"_s);
        auto eod = service().run(*f.super);
        CS_VERIFY_RESULT(eod);
        QVERIFY(eod->resumed);
        QCOMPARE(eod->closedDate, day);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(eod->steps.at(i).state, u"done_before"_s);
        QCOMPARE(eod->steps.at(7).state, u"done"_s);
        QCOMPARE(eod->steps.at(8).state, u"done"_s);
        QCOMPARE(f.db.count(u"SELECT sum(balance_product) FROM interest_products"_s), products); // accrued once
        QCOMPARE(f.branchDate(), day.addDays(1));
    }
};

QTEST_GUILESS_MAIN(TestEndOfDay)
#include "tst_endofday.moc"
