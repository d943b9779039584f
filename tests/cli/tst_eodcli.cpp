// `countersign-batch eod` and `deposit` through the real executable on both backends. The demo closes at
// once (CLI.md); eod refuses another branch, a teller, and an open cash box (the blockers as an array in
// the error). The kill test: on a quarter's settlement day (2031-06-20) with a time deposit maturing the
// next day, the end of day is killed with std::abort() inside steps (before COMMIT, the test hook
// COUNTERSIGN_EOD_ABORT_IN) and right after them (COUNTERSIGN_EOD_ABORT_AFTER), across the move of the
// date, then run again without a hook: the date moved once, and interest, the maturity, the demo's
// merchant settlements and every balance were posted exactly once.
#include "cli/batchrunner.h"
#include "domain/interest.h"
#include "storage/branchrepository.h"
#include "support/demodb.h"

#include <QJsonArray>

using cs::test::DemoDb;
using cs::test::runBatch;

namespace {
const QDate placedOn(2031, 3, 21);
const QDate settlementDay(2031, 6, 20);
const QString zhangId = u"110101198003151239"_s;
} // namespace

class TestEodCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QString m_zhang;  // Zhang's Class I
    QString m_td;     // td3m placed 2031-03-21, maturing 2031-06-21

    cs::test::BatchRun as(const QString& login, const QStringList& command, const QMap<QString, QString>& env = {})
    {
        QMap<QString, QString> all = env;
        all.insert(u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s);
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command, all);
    }
    cs::test::BatchRun eod(const QMap<QString, QString>& env = {})
    {
        return as(u"super1"_s, {u"eod"_s, u"--branch"_s, u"0001"_s}, env);
    }
    void expectSuccess(const cs::test::BatchRun& run)
    {
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(QString::fromUtf8(run.rawErr)));
        QVERIFY(run.rawErr.isEmpty());
    }
    void expectFailure(const cs::test::BatchRun& run, int exitCode, const QString& code, const QString& field = {})
    {
        QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawErr)));
        QCOMPARE(run.err.value(u"error"_s).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(!run.err.value(u"message"_s).toString().isEmpty());
        QVERIFY(run.rawOut.isEmpty());
    }
    // Killed where the hook says: no answer, and the database as the steps before left it.
    void expectKilled(const cs::test::BatchRun& run)
    {
        QVERIFY2(run.crashed, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawOut + run.rawErr)));
        QVERIFY(run.rawOut.isEmpty());
    }
    qint64 count(const QString& sql) { return m_db.count(sql); }
    qint64 stepRows() { return count(u"SELECT COUNT(*) FROM eod_steps WHERE business_date = '2031-06-20'"_s); }
    QString branchDate() { return m_db.scalar(u"SELECT business_date FROM branches"_s).toString().left(10); }
    cs::Status moveTo(const QDate& to)
    {
        const QDate from = QDate::fromString(branchDate(), Qt::ISODate);
        const qint64 branch = count(u"SELECT id FROM branches"_s);
        const qint64 super = count(u"SELECT id FROM staff WHERE login = 'super1'"_s);
        const cs::Status moved = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            return cs::BranchRepository(uow).advanceBusinessDate(branch, from, to, super);
        });
        m_db.db().closeThreadConnection();
        return moved;
    }
    // Balances of the accounts that earn demand interest, as end of day will find them.
    QHash<qint64, qint64> demandBalances()
    {
        QHash<qint64, qint64> balances;
        {
            auto conn = m_db.db().connection();
            QSqlQuery q(*conn);
            q.exec(u"SELECT a.id, a.balance FROM accounts a JOIN products p ON p.code = a.product_code "
                   "WHERE p.kind IN ('demand', 'corporate') AND a.state = 'normal'"_s);
            while (q.next())
                balances.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        }
        m_db.db().closeThreadConnection();
        return balances;
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create(cs::DemoData::Content::Everything));
        m_zhang = m_db.scalar(u"SELECT a.number FROM accounts a JOIN customers c ON c.id = a.customer_id "
                              "WHERE c.id_number = '%1' AND a.class = 'I'"_s.arg(zhangId))
                      .toString();
        QCOMPARE(m_zhang.size(), 16);
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void theDemoClosesAtOnce()
    {
        const auto status = as(u"super1"_s, {u"eod"_s, u"status"_s, u"--branch"_s, u"0001"_s});
        expectSuccess(status);
        QCOMPARE(status.out.value(u"ready"_s), QJsonValue(true));
        QCOMPARE(status.out.value(u"blockers"_s).toArray().size(), 0);
        QCOMPARE(status.out.value(u"business_date"_s).toString(), QDate::currentDate().toString(Qt::ISODate));
    }

    void refusals()
    {
        expectFailure(as(u"super1"_s, {u"eod"_s, u"--branch"_s, u"0002"_s}), 3, u"eod.branch"_s, u"branch"_s);
        expectFailure(as(u"super1"_s, {u"eod"_s}), 2, u"usage.missing_option"_s, u"branch"_s);
        expectFailure(as(u"teller1"_s, {u"eod"_s, u"--branch"_s, u"0001"_s}), 3, u"permission.denied"_s);
        expectFailure(as(u"super1"_s, {u"eod"_s, u"run"_s, u"--branch"_s, u"0001"_s}), 2, u"usage.unknown_command"_s);

        expectSuccess(as(u"teller1"_s, {u"cashbox"_s, u"open"_s, u"--request-id"_s, u"eodcli-box-open"_s}));
        const auto blocked = eod();
        expectFailure(blocked, 3, u"eod.blocked"_s);
        const QJsonArray blockers = blocked.err.value(u"blockers"_s).toArray();
        QCOMPARE(blockers.size(), 1);
        QCOMPARE(blockers.at(0).toObject().value(u"kind"_s).toString(), u"cashbox"_s);
        QVERIFY(blockers.at(0).toObject().value(u"id"_s).toInteger() > 0);
        QVERIFY(blockers.at(0).toObject().value(u"description"_s).toString().contains(u"teller1"_s));
        const auto status = as(u"super1"_s, {u"eod"_s, u"status"_s, u"--branch"_s, u"0001"_s});
        expectSuccess(status);
        QCOMPARE(status.out.value(u"ready"_s), QJsonValue(false));
        QCOMPARE(status.out.value(u"blockers"_s).toArray(), blockers);
        expectSuccess(as(u"teller1"_s, {u"cashbox"_s, u"close"_s, u"--count"_s, u"0.00"_s, u"--request-id"_s,
                                        u"eodcli-box-close"_s}));
        QCOMPARE(count(u"SELECT COUNT(*) FROM eod_steps"_s), 0);
    }

    void depositCommands()
    {
        CS_VERIFY_RESULT(moveTo(placedOn));
        const QString customer = QString::number(count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(zhangId)));
        const auto opened = as(u"teller1"_s, {u"account"_s, u"open"_s, u"--customer"_s, customer, u"--product"_s, u"td3m"_s,
                                              u"--request-id"_s, u"eodcli-td-open"_s});
        expectSuccess(opened);
        m_td = opened.out.value(u"account"_s).toString();

        expectFailure(as(u"teller1"_s, {u"deposit"_s, u"place"_s, u"--account"_s, m_td, u"--from"_s, m_zhang, u"--amount"_s,
                                        u"10000.00"_s, u"--rollover"_s, u"maybe"_s, u"--request-id"_s, u"eodcli-td-x"_s}),
                      2, u"usage.bad_value"_s, u"rollover"_s);
        expectFailure(as(u"teller1"_s, {u"deposit"_s, u"place"_s, u"--account"_s, m_td, u"--amount"_s, u"10000.00"_s,
                                        u"--rollover"_s, u"no"_s, u"--request-id"_s, u"eodcli-td-x"_s}),
                      2, u"deposit.source"_s, u"from"_s);
        expectFailure(as(u"teller1"_s, {u"deposit"_s, u"place"_s, u"--account"_s, m_td, u"--cash"_s, u"--amount"_s,
                                        u"10000.00"_s, u"--rollover"_s, u"no"_s, u"--request-id"_s, u"eodcli-td-x"_s}),
                      3, u"cashbox.not_open"_s);
        expectFailure(as(u"teller1"_s, {u"deposit"_s, u"place"_s, u"--account"_s, m_td, u"--from"_s, m_zhang, u"--amount"_s,
                                        u"49.99"_s, u"--rollover"_s, u"no"_s, u"--request-id"_s, u"eodcli-td-x"_s}),
                      3, u"deposit.below_minimum"_s, u"amount"_s);

        const auto placed = as(u"teller1"_s, {u"deposit"_s, u"place"_s, u"--account"_s, m_td, u"--from"_s, m_zhang,
                                              u"--amount"_s, u"10000.00"_s, u"--rollover"_s, u"no"_s, u"--request-id"_s,
                                              u"eodcli-td-place"_s});
        expectSuccess(placed);
        QCOMPARE(placed.out.value(u"kind"_s).toString(), u"deposit_placement"_s);
        QCOMPARE(placed.out.value(u"amount"_s).toString(), u"10000.00"_s);
        const QJsonObject deposit = placed.out.value(u"deposit"_s).toObject();
        QCOMPARE(deposit.value(u"principal"_s).toString(), u"10000.00"_s);
        QCOMPARE(deposit.value(u"rate_bp"_s).toInt(), 125);
        QCOMPARE(deposit.value(u"matures_on"_s).toString(), u"2031-06-21"_s);
        QCOMPARE(deposit.value(u"payout_account"_s).toString(), m_zhang);
        QCOMPARE(deposit.value(u"rollover"_s), QJsonValue(false));

        const auto shown = as(u"teller1"_s, {u"deposit"_s, u"show"_s, u"--account"_s, m_td});
        expectSuccess(shown);
        QCOMPARE(shown.out.value(u"state"_s).toString(), u"active"_s);

        // A second TD, taken back early in part on the day: no interest, once.
        const auto other = as(u"teller1"_s, {u"account"_s, u"open"_s, u"--customer"_s, customer, u"--product"_s, u"td1y"_s,
                                             u"--request-id"_s, u"eodcli-td2-open"_s});
        expectSuccess(other);
        const QString td2 = other.out.value(u"account"_s).toString();
        expectSuccess(as(u"teller1"_s, {u"deposit"_s, u"place"_s, u"--account"_s, td2, u"--from"_s, m_zhang, u"--amount"_s,
                                        u"500.00"_s, u"--rollover"_s, u"yes"_s, u"--request-id"_s, u"eodcli-td2-place"_s}));
        const auto part = as(u"teller1"_s, {u"deposit"_s, u"withdraw-early"_s, u"--account"_s, td2, u"--amount"_s,
                                             u"100.00"_s, u"--request-id"_s, u"eodcli-td2-part"_s});
        expectSuccess(part);
        QCOMPARE(part.out.value(u"kind"_s).toString(), u"deposit_early_withdrawal"_s);
        QCOMPARE(part.out.value(u"interest"_s).toString(), u"0.00"_s);
        QCOMPARE(part.out.value(u"paid"_s).toString(), u"100.00"_s);
        QCOMPARE(part.out.value(u"deposit"_s).toObject().value(u"principal"_s).toString(), u"400.00"_s);
        expectFailure(as(u"teller1"_s, {u"deposit"_s, u"withdraw-early"_s, u"--account"_s, td2, u"--amount"_s, u"100.00"_s,
                                        u"--request-id"_s, u"eodcli-td2-part2"_s}),
                      3, u"deposit.partial_used"_s, u"amount"_s);
        const auto whole = as(u"teller1"_s, {u"deposit"_s, u"withdraw-early"_s, u"--account"_s, td2, u"--request-id"_s,
                                             u"eodcli-td2-all"_s});
        expectSuccess(whole);
        QCOMPARE(whole.out.value(u"deposit"_s).toObject().value(u"state"_s).toString(), u"closed"_s);
    }

    void killedAndRerunFinishesOnce()
    {
        CS_VERIFY_RESULT(moveTo(settlementDay));
        // Zhang is told of his account's movements and of the deposit's maturity.
        for (const QString& account : {m_zhang, m_td})
            expectSuccess(as(u"teller2"_s, {u"notice"_s, u"subscribe"_s, u"--account"_s, account, u"--phone"_s, u"13812345678"_s,
                                            u"--request-id"_s, u"eodcli-k-notice-"_s + account}));
        // The day's business: cash in and out through teller2's box, closed again.
        expectSuccess(as(u"teller2"_s, {u"cashbox"_s, u"open"_s, u"--request-id"_s, u"eodcli-k-open"_s}));
        expectSuccess(as(u"teller2"_s, {u"cash"_s, u"deposit"_s, u"--account"_s, m_zhang, u"--amount"_s, u"1500.00"_s,
                                        u"--request-id"_s, u"eodcli-k-dep"_s}));
        expectSuccess(as(u"teller2"_s, {u"cashbox"_s, u"close"_s, u"--count"_s, u"1500.00"_s, u"--request-id"_s,
                                        u"eodcli-k-close"_s}));
        const QHash<qint64, qint64> before = demandBalances();
        QVERIFY(before.size() >= 9);
        const qint64 zhang = count(u"SELECT id FROM accounts WHERE number = '%1'"_s.arg(m_zhang));
        const qint64 td = count(u"SELECT id FROM accounts WHERE number = '%1'"_s.arg(m_td));
        // By hand: each account's one day at 0.35%; the deposit's 92 days at 1.25%.
        qint64 interest = 0;
        QHash<qint64, qint64> expected = before;
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const qint64 one = cs::interestOnProduct(std::max<qint64>(it.value(), 0), 35)->minor();
            interest += one;
            expected[it.key()] += one;
        }
        QVERIFY(interest > 0);
        const qint64 maturity = cs::simpleInterest(cs::Money(1'000'000, cs::Currency::cny()), 125,
                                                   cs::interestDays(placedOn, settlementDay.addDays(1)))
                                    ->minor();
        QCOMPARE(maturity, 3'194); // 10,000 × 1.25% × 92 / 360 = 31.944…
        expected[zhang] += 1'000'000 + maturity;
        const qint64 txnsBefore = count(u"SELECT COUNT(*) FROM journal_txns"_s);

        const QList<std::pair<QString, QString>> kills = {
            {u"COUNTERSIGN_EOD_ABORT_IN"_s, u"check"_s},
            {u"COUNTERSIGN_EOD_ABORT_AFTER"_s, u"accrue_interest"_s},
            {u"COUNTERSIGN_EOD_ABORT_IN"_s, u"mature_deposits"_s},
            {u"COUNTERSIGN_EOD_ABORT_AFTER"_s, u"mature_deposits"_s},
            {u"COUNTERSIGN_EOD_ABORT_IN"_s, u"settle_merchants"_s},
            {u"COUNTERSIGN_EOD_ABORT_AFTER"_s, u"large_value"_s},
            {u"COUNTERSIGN_EOD_ABORT_IN"_s, u"close_day"_s},
            {u"COUNTERSIGN_EOD_ABORT_AFTER"_s, u"close_day"_s},
            {u"COUNTERSIGN_EOD_ABORT_IN"_s, u"settle_interest"_s},
        };
        const QList<int> rowsAfter = {0, 3, 3, 4, 4, 6, 8, 9, 9};
        for (qsizetype i = 0; i < kills.size(); ++i) {
            const auto& [hook, step] = kills.at(i);
            expectKilled(eod({{hook, step}}));
            QVERIFY2(stepRows() == rowsAfter.at(i), qPrintable(u"%1=%2: %3 steps"_s.arg(hook, step).arg(stepRows())));
            QCOMPARE(branchDate(), i < 7 ? u"2031-06-20"_s : u"2031-06-21"_s);
            QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'deposit_maturity'"_s), i < 3 ? 0 : 1);
            QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'interest'"_s), 0);
            QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'merchant_settlement'"_s) > 0, i >= 5);
        }
        QCOMPARE(count(u"SELECT COUNT(*) FROM eod_steps WHERE step = 'check' AND business_date = '2031-06-20'"_s), 1);

        const auto done = eod();
        expectSuccess(done);
        QCOMPARE(done.out.value(u"closed_date"_s).toString(), u"2031-06-20"_s);
        QCOMPARE(done.out.value(u"business_date"_s).toString(), u"2031-06-21"_s);
        QCOMPARE(done.out.value(u"resumed"_s), QJsonValue(true));
        const QJsonArray steps = done.out.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 10);
        for (qsizetype i = 0; i < 9; ++i)
            QCOMPARE(steps.at(i).toObject().value(u"state"_s).toString(), u"done_before"_s);
        const QJsonObject settle = steps.at(9).toObject();
        QCOMPARE(settle.value(u"key"_s).toString(), u"settle_interest"_s);
        QCOMPARE(settle.value(u"state"_s).toString(), u"done"_s);
        QCOMPARE(settle.value(u"detail"_s).toObject().value(u"interest"_s).toString(),
                 QString::number(interest / 100) + u'.' + QString::number(interest % 100).rightJustified(2, u'0'));
        QCOMPARE(steps.at(8).toObject().value(u"key"_s).toString(), u"close_day"_s);
        QCOMPARE(steps.at(3).toObject().value(u"detail"_s).toObject().value(u"paid_out"_s).toInt(), 1);
        QVERIFY(steps.at(4).toObject().value(u"detail"_s).toObject().contains(u"merchants"_s));

        // Once: the date, the interest, the maturity, the merchants' step, every balance.
        QCOMPARE(branchDate(), u"2031-06-21"_s);
        QCOMPARE(count(u"SELECT COUNT(*) FROM business_days WHERE state <> 'closed'"_s), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM eod_steps WHERE business_date = '2031-06-20'"_s), 10);
        QCOMPARE(count(u"SELECT COUNT(*) FROM eod_steps WHERE step = 'settle_merchants'"_s), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'interest'"_s), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'deposit_maturity'"_s), 1);
        // The demo's merchants (payments on the demo's day, due by now): settled once each.
        const qint64 merchants = steps.at(4).toObject().value(u"detail"_s).toObject().value(u"merchants"_s).toInteger();
        QCOMPARE(merchants, 2);
        QCOMPARE(count(u"SELECT COUNT(*) FROM merchant_settlements WHERE business_date = '2031-06-20'"_s), merchants);
        QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'merchant_settlement'"_s), merchants);
        QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns"_s), txnsBefore + 2 + merchants);
        {
            auto conn = m_db.db().connection();
            QSqlQuery q(*conn);
            QVERIFY(q.exec(u"SELECT m.settlement_account_id, s.net FROM merchant_settlements s JOIN merchants m "
                           "ON m.id = s.merchant_id WHERE s.business_date = '2031-06-20'"_s));
            while (q.next())
                expected[q.value(0).toLongLong()] += q.value(1).toLongLong();
        }
        m_db.db().closeThreadConnection();
        QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'interest' AND business_date = '2031-06-21'"_s), 1);
        QCOMPARE(m_db.scalar(u"SELECT state FROM accounts WHERE id = %1"_s.arg(td)).toString(), u"closed"_s);
        QCOMPARE(m_db.scalar(u"SELECT state FROM time_deposits WHERE account_id = %1"_s.arg(td)).toString(), u"closed"_s);
        const QHash<qint64, qint64> after = demandBalances();
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(),
                     qPrintable(u"account %1: %2, expected %3"_s.arg(it.key()).arg(after.value(it.key())).arg(it.value())));
        QCOMPARE(count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'maturity'"_s), 1);
        // Every movement of Zhang's two accounts that day has its notice, once, whatever was killed.
        QCOMPARE(count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'movement' AND business_date = '2031-06-20'"_s),
                 count(u"SELECT COUNT(*) FROM (SELECT DISTINCT l.account_id, l.txn_id FROM journal_lines l JOIN journal_txns t "
                       "ON t.id = l.txn_id JOIN accounts a ON a.id = l.account_id WHERE a.number IN ('%1', '%2') "
                       "AND t.business_date = '2031-06-20') x"_s.arg(m_zhang, m_td)));
        QVERIFY(count(u"SELECT COUNT(*) FROM notice_outbox WHERE kind = 'movement' AND business_date = '2031-06-20'"_s) >= 1);

        // The next run closes the next day, from the start.
        const auto next = eod();
        expectSuccess(next);
        QCOMPARE(next.out.value(u"closed_date"_s).toString(), u"2031-06-21"_s);
        QCOMPARE(next.out.value(u"resumed"_s), QJsonValue(false));
        QCOMPARE(next.out.value(u"steps"_s).toArray().at(9).toObject().value(u"state"_s).toString(), u"skipped"_s);
        QCOMPARE(count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'interest'"_s), 1);
        QCOMPARE(branchDate(), u"2031-06-22"_s);
    }
};

QTEST_GUILESS_MAIN(TestEodCli)
#include "tst_eodcli.moc"
