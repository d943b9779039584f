// `countersign-batch cash ...`, `cashbox ...`, `reverse` and the dormancy commands through the real
// executable on both backends: a teller's day at the counter with exact JSON values (amounts as
// decimal strings), replays under the same request id, and exit codes as ../shared/CLI.md says
// (0 success, 2 bad usage or input, 3 refused, 4 not found).
#include "cli/batchrunner.h"
#include "domain/luhn.h"
#include "support/demodb.h"

#include <QJsonArray>

using cs::test::DemoDb;
using cs::test::runBatch;

class TestCashCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QString m_account;     // Zhang's Class I, opened through the CLI
    QString m_unknown;     // a well-formed account number nobody has
    qint64 m_deposit = 0;  // 1,234.56 in
    qint64 m_withdrawal = 0;

    cs::test::BatchRun as(const QString& login, const QStringList& command)
    {
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command,
                        {{u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s}});
    }
    cs::test::BatchRun teller(const QStringList& command) { return as(u"teller1"_s, command); }
    cs::test::BatchRun super(const QStringList& command) { return as(u"super1"_s, command); }

    void expectFailure(const cs::test::BatchRun& run, int exitCode, const QString& code, const QString& field = {})
    {
        QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawErr)));
        QCOMPARE(run.err.value(u"error"_s).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(!run.err.value(u"message"_s).toString().isEmpty());
        QVERIFY(run.rawOut.isEmpty());
    }
    void expectSuccess(const cs::test::BatchRun& run)
    {
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.rawErr)));
        QVERIFY(run.rawErr.isEmpty());
    }
    QString balance()
    {
        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, m_account});
        return shown.exitCode == 0 ? shown.out.value(u"balance"_s).toString() : QString::fromUtf8(shown.rawErr);
    }
    qint64 lineCount() { return m_db.count(u"SELECT COUNT(*) FROM journal_lines"_s); }
    void compareBox(const QJsonObject& box, const QMap<QString, QString>& expected)
    {
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(box.value(it.key()).toString() == it.value(),
                     qPrintable(it.key() + u": "_s + box.value(it.key()).toString() + u" != "_s + it.value()));
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        const QString zhang = QString::number(m_db.count(u"SELECT id FROM customers WHERE id_number = '110101198003151239'"_s));
        m_db.db().closeThreadConnection();
        const auto opened = teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s,
                                    u"--class"_s, u"I"_s, u"--request-id"_s, u"cash-cli-open"_s});
        expectSuccess(opened);
        m_account = opened.out.value(u"account"_s).toString();
        QCOMPARE(m_account.size(), 16);
        // Another serial number with its own check digit: well formed, but no such account.
        const QString body = m_account.left(10) + u"99999"_s;
        m_unknown = body + QString::number(cs::luhnCheckDigit(body).value_or(0));
        QVERIFY(cs::luhnValid(m_unknown));
    }
    void cleanupTestCase() { m_db.reset(); }

    void openTheBox()
    {
        const auto none = teller({u"cashbox"_s, u"show"_s});
        expectSuccess(none);
        QCOMPARE(none.out.value(u"state"_s).toString(), u"none"_s);

        expectFailure(teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"1.00"_s,
                              u"--request-id"_s, u"cash-cli-early"_s}),
                      3, u"cashbox.not_open"_s);

        const auto open = teller({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"cash-cli-box-open"_s});
        expectSuccess(open);
        compareBox(open.out, {{u"state"_s, u"open"_s}, {u"opening"_s, u"0.00"_s}, {u"in"_s, u"0.00"_s},
                              {u"out"_s, u"0.00"_s}, {u"expected"_s, u"0.00"_s}, {u"difference"_s, u"0.00"_s}});
        QVERIFY(open.out.value(u"counted"_s).isNull());
        QVERIFY(open.out.value(u"session_id"_s).toInteger() > 0);

        expectFailure(teller({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"cash-cli-box-open-2"_s}), 3,
                      u"cashbox.already_open"_s);
    }
    void depositAndReplay()
    {
        const QStringList command = {u"cash"_s,   u"deposit"_s,  u"--account"_s,    m_account,
                                     u"--amount"_s, u"1,234.56"_s, u"--request-id"_s, u"cash-cli-d1"_s,
                                     u"--memo"_s,   u"salary"_s};
        const auto first = teller(command);
        expectSuccess(first);
        m_deposit = first.out.value(u"txn_id"_s).toInteger();
        QVERIFY(m_deposit > 0);
        QCOMPARE(first.out.value(u"balance"_s).toString(), u"1234.56"_s);
        QCOMPARE(first.out.value(u"amount"_s).toString(), u"1234.56"_s);
        QCOMPARE(first.out.value(u"fee"_s).toString(), u"0.00"_s);
        QCOMPARE(first.out.value(u"large_value"_s), QJsonValue(false));
        QCOMPARE(first.out.value(u"replayed"_s), QJsonValue(false));
        QCOMPARE(first.out.value(u"account"_s).toString(), m_account);

        const qint64 lines = lineCount();
        const auto again = teller(command);
        expectSuccess(again);
        QCOMPARE(again.out.value(u"txn_id"_s).toInteger(), m_deposit);
        QCOMPARE(again.out.value(u"balance"_s).toString(), u"1234.56"_s);
        QCOMPARE(again.out.value(u"replayed"_s), QJsonValue(true));
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(), u"1234.56"_s);
    }
    void withdrawAndCount()
    {
        expectFailure(teller({u"cash"_s, u"withdraw"_s, u"--account"_s, m_account, u"--amount"_s, u"5000.00"_s,
                              u"--request-id"_s, u"cash-cli-w0"_s}),
                      3, u"posting.insufficient_funds"_s, u"amount"_s);
        const auto out = teller({u"cash"_s, u"withdraw"_s, u"--account"_s, m_account, u"--amount"_s, u"234.56"_s,
                                 u"--request-id"_s, u"cash-cli-w1"_s});
        expectSuccess(out);
        m_withdrawal = out.out.value(u"txn_id"_s).toInteger();
        QVERIFY(m_withdrawal > m_deposit);
        QCOMPARE(out.out.value(u"balance"_s).toString(), u"1000.00"_s);
        QCOMPARE(out.out.value(u"amount"_s).toString(), u"234.56"_s);
        QCOMPARE(out.out.value(u"fee"_s).toString(), u"0.00"_s);

        const auto counted = teller({u"cashbox"_s, u"count"_s, u"--count"_s, u"999.00"_s});
        expectSuccess(counted);
        compareBox(counted.out, {{u"state"_s, u"open"_s}, {u"opening"_s, u"0.00"_s}, {u"in"_s, u"1234.56"_s},
                                 {u"out"_s, u"234.56"_s}, {u"expected"_s, u"1000.00"_s}, {u"counted"_s, u"999.00"_s},
                                 {u"difference"_s, u"-1.00"_s}});
    }
    void reverseByTellerUnderApproval()
    {
        const qint64 lines = lineCount();
        // A teller's request waits for a supervisor (tst_approvalcli follows one to the end); withdrawn here.
        const auto asked = teller({u"reverse"_s, u"--txn"_s, QString::number(m_withdrawal), u"--reason"_s,
                                   u"wrong account"_s, u"--request-id"_s, u"cash-cli-rv0"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(asked.out.value(u"txn_id"_s), QJsonValue());
        QCOMPARE(asked.out.value(u"original_txn_id"_s).toInteger(), m_withdrawal);
        const qint64 approval = asked.out.value(u"approval_id"_s).toInteger();
        QVERIFY(approval > 0);
        QCOMPARE(lineCount(), lines);
        const auto withdrawn = teller({u"approval"_s, u"cancel"_s, u"--id"_s, QString::number(approval)});
        expectSuccess(withdrawn);
        QCOMPARE(withdrawn.out.value(u"state"_s).toString(), u"cancelled"_s);
        // Supervisors decide; they do not start reversals.
        expectFailure(super({u"reverse"_s, u"--txn"_s, QString::number(m_withdrawal), u"--reason"_s, u"wrong account"_s,
                             u"--request-id"_s, u"cash-cli-rv9"_s}),
                      3, u"permission.denied"_s);
        // From here the reversal's own rules are the subject: without the approval setting the teller's
        // request executes at once (tst_approvalcli follows the approved path).
        expectSuccess(as(u"admin"_s, {u"setting"_s, u"set"_s, u"--key"_s, u"approvals.required.reversal"_s, u"--value"_s, u"0"_s}));
        expectFailure(teller({u"reverse"_s, u"--txn"_s, QString::number(m_withdrawal), u"--request-id"_s, u"cash-cli-rv1"_s}),
                      2, u"usage.missing_option"_s, u"reason"_s);
        expectFailure(teller({u"reverse"_s, u"--txn"_s, QString::number(m_withdrawal), u"--reason"_s, u"  "_s,
                             u"--request-id"_s, u"cash-cli-rv1"_s}),
                      2, u"reversal.reason_required"_s, u"reason"_s);
        expectFailure(teller({u"reverse"_s, u"--txn"_s, u"999999"_s, u"--reason"_s, u"typo"_s, u"--request-id"_s,
                             u"cash-cli-rv1"_s}),
                      4, u"reversal.txn_not_found"_s, u"txn"_s);
        QCOMPARE(lineCount(), lines);

        const QStringList command = {u"reverse"_s,  u"--txn"_s,        QString::number(m_withdrawal),
                                     u"--reason"_s, u"wrong account"_s, u"--request-id"_s, u"cash-cli-rv1"_s};
        const auto reversed = teller(command);
        expectSuccess(reversed);
        const qint64 reversal = reversed.out.value(u"txn_id"_s).toInteger();
        QVERIFY(reversal > m_withdrawal);
        QCOMPARE(reversed.out.value(u"original_txn_id"_s).toInteger(), m_withdrawal);
        QCOMPARE(reversed.out.value(u"balance"_s).toString(), u"1234.56"_s);
        QCOMPARE(reversed.out.value(u"balances"_s).toObject(), (QJsonObject{{m_account, u"1234.56"_s}}));
        QCOMPARE(reversed.out.value(u"replayed"_s), QJsonValue(false));
        QCOMPARE(lineCount(), lines + 2);

        const auto again = teller(command);
        expectSuccess(again);
        QCOMPARE(again.out.value(u"txn_id"_s).toInteger(), reversal);
        QCOMPARE(again.out.value(u"replayed"_s), QJsonValue(true));
        QCOMPARE(lineCount(), lines + 2);
        QCOMPARE(balance(), u"1234.56"_s);

        expectFailure(teller({u"reverse"_s, u"--txn"_s, QString::number(m_withdrawal), u"--reason"_s, u"again"_s,
                             u"--request-id"_s, u"cash-cli-rv2"_s}),
                      3, u"posting.already_reversed"_s, u"txn"_s);
    }
    void closeWithAShort()
    {
        // The short waits for a supervisor; the approval books it and closes the box.
        const auto asked = teller({u"cashbox"_s, u"close"_s, u"--count"_s, u"1234.00"_s, u"--request-id"_s, u"cash-cli-close"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(asked.out.value(u"box_state"_s).toString(), u"open"_s);
        QCOMPARE(asked.out.value(u"short"_s).toString(), u"0.56"_s);
        QCOMPARE(asked.out.value(u"over_short_txn_id"_s), QJsonValue());
        const qint64 approval = asked.out.value(u"approval_id"_s).toInteger();
        QVERIFY(approval > 0);
        const auto approved = super({u"approval"_s, u"approve"_s, u"--id"_s, QString::number(approval)});
        expectSuccess(approved);
        QCOMPARE(approved.out.value(u"state"_s).toString(), u"approved"_s);
        const auto closed = approved.out.value(u"result"_s).toObject();
        QCOMPARE(closed.value(u"state"_s).toString(), u"closed"_s);
        QCOMPARE(closed.value(u"short"_s).toString(), u"0.56"_s);
        QCOMPARE(closed.value(u"returned"_s).toString(), u"1234.00"_s);
        QVERIFY(closed.value(u"over_short_txn_id"_s).toInteger() > 0);

        const auto shown = teller({u"cashbox"_s, u"show"_s});
        expectSuccess(shown);
        QCOMPARE(shown.out.value(u"state"_s).toString(), u"closed"_s);

        // The deposit's box is closed now: its cash is no longer reversed.
        expectFailure(teller({u"reverse"_s, u"--txn"_s, QString::number(m_deposit), u"--reason"_s, u"late"_s,
                             u"--request-id"_s, u"cash-cli-rv3"_s}),
                      3, u"reversal.cashbox_closed"_s, u"txn"_s);
        expectFailure(teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"1.00"_s,
                              u"--request-id"_s, u"cash-cli-late"_s}),
                      3, u"cashbox.not_open"_s);
        QCOMPARE(balance(), u"1234.56"_s);
    }
    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString a = u"6000110000000012"_s; // never reached: usage is checked first
        QTest::newRow("no amount") << QStringList{u"cash"_s, u"deposit"_s, u"--account"_s, a, u"--request-id"_s, u"u1"_s}
                                   << u"usage.missing_option"_s << u"amount"_s;
        QTest::newRow("no request id") << QStringList{u"cash"_s, u"withdraw"_s, u"--account"_s, a, u"--amount"_s, u"1"_s}
                                       << u"usage.missing_option"_s << u"request-id"_s;
        QTest::newRow("no account") << QStringList{u"cash"_s, u"deposit"_s, u"--amount"_s, u"1"_s, u"--request-id"_s, u"u1"_s}
                                    << u"usage.missing_option"_s << u"account"_s;
        QTest::newRow("three decimals") << QStringList{u"cash"_s, u"deposit"_s, u"--account"_s, a, u"--amount"_s,
                                                       u"1.234"_s, u"--request-id"_s, u"u1"_s}
                                        << u"amount.too_many_decimals"_s << u"amount"_s;
        QTest::newRow("zero") << QStringList{u"cash"_s, u"withdraw"_s, u"--account"_s, a, u"--amount"_s, u"0"_s,
                                             u"--request-id"_s, u"u1"_s}
                              << u"amount.zero"_s << u"amount"_s;
        QTest::newRow("unknown cash") << QStringList{u"cash"_s, u"transfer"_s} << u"usage.unknown_command"_s << QString();
        QTest::newRow("unknown cashbox") << QStringList{u"cashbox"_s, u"balance"_s} << u"usage.unknown_command"_s << QString();
        QTest::newRow("take without amount") << QStringList{u"cashbox"_s, u"take"_s, u"--request-id"_s, u"u1"_s}
                                             << u"usage.missing_option"_s << u"amount"_s;
        QTest::newRow("close without count") << QStringList{u"cashbox"_s, u"close"_s, u"--request-id"_s, u"u1"_s}
                                             << u"usage.missing_option"_s << u"count"_s;
        QTest::newRow("close without request id") << QStringList{u"cashbox"_s, u"close"_s, u"--count"_s, u"1"_s}
                                                  << u"usage.missing_option"_s << u"request-id"_s;
        QTest::newRow("reverse without txn") << QStringList{u"reverse"_s, u"--reason"_s, u"r"_s, u"--request-id"_s, u"u1"_s}
                                             << u"usage.missing_option"_s << u"txn"_s;
        QTest::newRow("reverse bad txn") << QStringList{u"reverse"_s, u"--txn"_s, u"x1"_s, u"--reason"_s, u"r"_s,
                                                        u"--request-id"_s, u"u1"_s}
                                         << u"usage.bad_number"_s << u"txn"_s;
        QTest::newRow("sweep bad date") << QStringList{u"account"_s, u"dormancy-sweep"_s, u"--as-of"_s, u"2026-13-01"_s}
                                        << u"usage.bad_date"_s << u"as_of"_s;
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const qint64 lines = lineCount();
        expectFailure(teller(command), 2, code, field);
        QCOMPARE(lineCount(), lines);
    }
    void unknownAccountExitsFour()
    {
        const auto open = teller({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"cash-cli-box-open-3"_s});
        expectSuccess(open);
        expectFailure(teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_unknown, u"--amount"_s, u"1.00"_s,
                              u"--request-id"_s, u"cash-cli-unknown"_s}),
                      4, u"account.not_found"_s, u"account"_s);
        expectFailure(teller({u"account"_s, u"reactivate"_s, u"--account"_s, m_unknown, u"--reason"_s, u"x"_s}), 4,
                      u"account.not_found"_s, u"account"_s);
    }
    void othersMayNotHandleCash()
    {
        expectFailure(as(u"auditor1"_s, {u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"1.00"_s,
                                         u"--request-id"_s, u"cash-cli-auditor"_s}),
                      3, u"permission.denied"_s);
        expectFailure(super({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"cash-cli-super-box"_s}), 3, u"permission.denied"_s);
    }
    void dormancyThroughTheCli()
    {
        const auto swept = super({u"account"_s, u"dormancy-sweep"_s});
        expectSuccess(swept);
        QCOMPARE(swept.out.value(u"count"_s).toInt(), 0);
        QCOMPARE(swept.out.value(u"dormant_after_days"_s).toInt(), 365);
        QCOMPARE(swept.out.value(u"accounts"_s).toArray(), QJsonArray());
        QVERIFY(!swept.out.value(u"as_of"_s).toString().isEmpty());
        expectFailure(teller({u"account"_s, u"dormancy-sweep"_s}), 3, u"permission.denied"_s);
        expectFailure(teller({u"account"_s, u"reactivate"_s, u"--account"_s, m_account, u"--reason"_s, u"here"_s}), 3,
                      u"account.not_dormant"_s, u"account"_s);

        // As a sweep a year on would leave it (the state is what matters to the commands).
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE accounts SET state = 'dormant' WHERE number = ?"_s, {m_account});
            if (!q)
                return cs::fail(q.error());
            return {};
        }));
        m_db.db().closeThreadConnection();
        expectFailure(teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"10.00"_s,
                              u"--request-id"_s, u"cash-cli-dormant"_s}),
                      3, u"posting.account_dormant"_s, u"account"_s);
        expectFailure(teller({u"account"_s, u"reactivate"_s, u"--account"_s, m_account}), 2, u"usage.missing_option"_s,
                      u"reason"_s);
        const auto back = teller({u"account"_s, u"reactivate"_s, u"--account"_s, m_account, u"--reason"_s,
                                  u"customer came in with ID"_s, u"--request-id"_s, u"cash-cli-react"_s});
        expectSuccess(back);
        QCOMPARE(back.out.value(u"state"_s).toString(), u"normal"_s);
        QCOMPARE(back.out.value(u"account"_s).toString(), m_account);
        const auto paid = teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"10.00"_s,
                                  u"--request-id"_s, u"cash-cli-dormant"_s});
        expectSuccess(paid);
        QCOMPARE(paid.out.value(u"balance"_s).toString(), u"1244.56"_s);
    }
};

QTEST_GUILESS_MAIN(TestCashCli)
#include "tst_cashcli.moc"
