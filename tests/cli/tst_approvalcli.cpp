// `countersign-batch approval ...` and the commands that wait for a checker (cash withdraw above the
// teller's limit, reverse, account freeze) through the real executable on both backends: JSON keys and
// exact values, and exit codes as ../shared/CLI.md says (0 success, 2 bad usage, 3 refused, including
// maker-checker, 4 not found).
#include "cli/batchrunner.h"
#include "support/demodb.h"

#include <QJsonArray>

using cs::test::DemoDb;
using cs::test::runBatch;

class TestApprovalCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QString m_account;
    qint64 m_deposit = 0;
    qint64 m_withdrawal = 0; // the approval of the large withdrawal

    cs::test::BatchRun as(const QString& login, const QStringList& command, const QString& terminal = u"CLI1"_s)
    {
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, terminal} + command,
                        {{u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s}});
    }
    cs::test::BatchRun teller(const QStringList& command) { return as(u"teller1"_s, command); }
    cs::test::BatchRun super(const QStringList& command) { return as(u"super1"_s, command, u"CLI9"_s); }

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
    QJsonObject show()
    {
        return teller({u"account"_s, u"show"_s, u"--account"_s, m_account}).out;
    }
    qint64 lineCount() { return m_db.count(u"SELECT COUNT(*) FROM journal_lines"_s); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        const QString zhang = QString::number(m_db.count(u"SELECT id FROM customers WHERE id_number = '110101198003151239'"_s));
        m_db.db().closeThreadConnection();
        const auto opened = teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s,
                                    u"--class"_s, u"I"_s, u"--request-id"_s, u"ap-cli-open"_s});
        expectSuccess(opened);
        m_account = opened.out.value(u"account"_s).toString();
        expectSuccess(teller({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"ap-cli-box"_s}));
        const auto deposit = teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"100000.00"_s,
                                     u"--request-id"_s, u"ap-cli-d1"_s, u"--id-copy"_s, u"SCAN-1"_s,
                                     u"--source-of-funds"_s, u"salary"_s});
        expectSuccess(deposit);
        QCOMPARE(deposit.out.value(u"state"_s).toString(), u"posted"_s);
        QVERIFY(deposit.out.value(u"approval_id"_s).isNull());
        m_deposit = deposit.out.value(u"txn_id"_s).toInteger();
        QVERIFY(m_deposit > 0);
    }
    void cleanupTestCase() { m_db.reset(); }

    void aLargeWithdrawalWaits()
    {
        const qint64 lines = lineCount();
        const auto waiting = teller({u"cash"_s, u"withdraw"_s, u"--account"_s, m_account, u"--amount"_s, u"60000.00"_s,
                                     u"--request-id"_s, u"ap-cli-w1"_s, u"--id-copy"_s, u"SCAN-1"_s, u"--purpose"_s,
                                     u"buying a car"_s});
        expectSuccess(waiting);
        QCOMPARE(waiting.out.value(u"state"_s).toString(), u"pending"_s);
        QVERIFY(waiting.out.value(u"txn_id"_s).isNull());
        QCOMPARE(waiting.out.value(u"balance"_s).toString(), u"100000.00"_s);
        QCOMPARE(waiting.out.value(u"amount"_s).toString(), u"60000.00"_s);
        m_withdrawal = waiting.out.value(u"approval_id"_s).toInteger();
        QVERIFY(m_withdrawal > 0);
        QCOMPARE(lineCount(), lines);
        const QJsonObject account = show();
        QCOMPARE(account.value(u"balance"_s).toString(), u"100000.00"_s);
        QCOMPARE(account.value(u"held"_s).toString(), u"60000.00"_s);
        QCOMPARE(account.value(u"available"_s).toString(), u"40000.00"_s);
    }

    void theQueueShowsIt()
    {
        const auto listed = super({u"approval"_s, u"list"_s});
        expectSuccess(listed);
        const QJsonArray approvals = listed.out.value(u"approvals"_s).toArray();
        QCOMPARE(approvals.size(), 1);
        const QJsonObject item = approvals.first().toObject();
        QCOMPARE(item.value(u"id"_s).toInteger(), m_withdrawal);
        QCOMPARE(item.value(u"action"_s).toString(), u"cash.withdraw"_s);
        QCOMPARE(item.value(u"maker"_s).toString(), u"teller1"_s);
        QCOMPARE(item.value(u"amount"_s).toString(), u"60000.00"_s);
        QCOMPARE(item.value(u"state"_s).toString(), u"pending"_s);
        QVERIFY(!item.value(u"created_at"_s).toString().isEmpty());
        QCOMPARE(listed.out.value(u"count"_s).toInteger(), 1);

        const auto shown = super({u"approval"_s, u"show"_s, u"--id"_s, QString::number(m_withdrawal)});
        expectSuccess(shown);
        QCOMPARE(shown.out.value(u"rekey_required"_s), QJsonValue(true));
        QCOMPARE(shown.out.value(u"can_decide"_s), QJsonValue(true));
        QCOMPARE(shown.out.value(u"can_cancel"_s), QJsonValue(false));
        QCOMPARE(shown.out.value(u"maker_terminal"_s).toString(), u"CLI1"_s);
        QStringList keys;
        for (const QJsonValue& field : shown.out.value(u"fields"_s).toArray())
            keys << field.toObject().value(u"key"_s).toString();
        QVERIFY2(keys.contains(u"account"_s) && keys.contains(u"amount"_s) && keys.contains(u"purpose"_s),
                 qPrintable(keys.join(u',')));

        expectFailure(super({u"approval"_s, u"show"_s, u"--id"_s, u"999999"_s}), 4, u"approval.not_found"_s, u"id"_s);
        expectFailure(super({u"approval"_s, u"show"_s}), 2, u"usage.missing_option"_s, u"id"_s);
        expectFailure(super({u"approval"_s, u"sign"_s}), 2, u"usage.unknown_command"_s);
    }

    void onlyAnotherPersonApprovesWithTheAmountReKeyed()
    {
        const QString id = QString::number(m_withdrawal);
        expectFailure(teller({u"approval"_s, u"approve"_s, u"--id"_s, id, u"--amount"_s, u"60000.00"_s}), 3,
                      u"permission.denied"_s);
        expectFailure(super({u"approval"_s, u"approve"_s, u"--id"_s, id}), 3, u"approval.rekey_required"_s, u"amount"_s);
        expectFailure(super({u"approval"_s, u"approve"_s, u"--id"_s, id, u"--amount"_s, u"59999.99"_s}), 3,
                      u"approval.rekey_mismatch"_s, u"amount"_s);
        expectFailure(super({u"approval"_s, u"approve"_s, u"--id"_s, id, u"--amount"_s, u"6O000"_s}), 2,
                      u"amount.malformed"_s);
        QCOMPARE(show().value(u"held"_s).toString(), u"60000.00"_s);

        const QStringList command = {u"approval"_s, u"approve"_s,        u"--id"_s,        id,
                                     u"--amount"_s, u"60000.00"_s,       u"--request-id"_s, u"ap-cli-decide"_s};
        const auto approved = super(command);
        expectSuccess(approved);
        QCOMPARE(approved.out.value(u"id"_s).toInteger(), m_withdrawal);
        QCOMPARE(approved.out.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(approved.out.value(u"replayed"_s), QJsonValue(false));
        const qint64 txn = approved.out.value(u"txn_id"_s).toInteger();
        QVERIFY(txn > m_deposit);
        QCOMPARE(approved.out.value(u"balance"_s).toString(), u"40000.00"_s);
        QCOMPARE(approved.out.value(u"result"_s).toObject().value(u"txn_id"_s).toInteger(), txn);
        const QJsonObject account = show();
        QCOMPARE(account.value(u"balance"_s).toString(), u"40000.00"_s);
        QCOMPARE(account.value(u"held"_s).toString(), u"0.00"_s);

        const auto again = super(command);
        expectSuccess(again);
        QCOMPARE(again.out.value(u"replayed"_s), QJsonValue(true));
        QCOMPARE(again.out.value(u"txn_id"_s).toInteger(), txn);
        expectFailure(as(u"super2"_s, {u"approval"_s, u"approve"_s, u"--id"_s, id, u"--amount"_s, u"60000.00"_s}), 3,
                      u"approval.not_pending"_s);
        QCOMPARE(show().value(u"balance"_s).toString(), u"40000.00"_s);
    }

    void aReversalIsRejectedWithAReason()
    {
        // Validated when entered: the ¥100,000 deposit cannot be taken back from ¥40,000.
        expectFailure(teller({u"reverse"_s, u"--txn"_s, QString::number(m_deposit), u"--reason"_s, u"wrong account"_s,
                              u"--request-id"_s, u"ap-cli-rv0"_s}),
                      3, u"posting.insufficient_funds"_s, u"amount"_s);
        const auto small = teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_account, u"--amount"_s, u"100.00"_s,
                                   u"--request-id"_s, u"ap-cli-d2"_s});
        expectSuccess(small);
        const auto asked = teller({u"reverse"_s, u"--txn"_s, QString::number(small.out.value(u"txn_id"_s).toInteger()),
                                   u"--reason"_s, u"wrong account"_s, u"--request-id"_s, u"ap-cli-rv"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        const QString id = QString::number(asked.out.value(u"approval_id"_s).toInteger());
        expectFailure(super({u"approval"_s, u"reject"_s, u"--id"_s, id}), 2, u"usage.missing_option"_s, u"reason"_s);
        expectFailure(super({u"approval"_s, u"reject"_s, u"--id"_s, id, u"--reason"_s, u"   "_s}), 2,
                      u"approval.reason_required"_s, u"reason"_s);
        const auto rejected = super({u"approval"_s, u"reject"_s, u"--id"_s, id, u"--reason"_s, u"deposit was right"_s});
        expectSuccess(rejected);
        QCOMPARE(rejected.out.value(u"state"_s).toString(), u"rejected"_s);
        QCOMPARE(QString::number(rejected.out.value(u"id"_s).toInteger()), id);
        QCOMPARE(show().value(u"balance"_s).toString(), u"40100.00"_s);
    }

    void aFreezeWaitsAndItsMakerCancels()
    {
        const auto asked = teller({u"account"_s, u"freeze"_s, u"--account"_s, m_account, u"--reason"_s, u"court order"_s,
                                   u"--reason-code"_s, u"judicial"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(asked.out.value(u"account_state"_s).toString(), u"normal"_s);
        const qint64 approval = asked.out.value(u"approval_id"_s).toInteger();
        QVERIFY(approval > 0);
        expectFailure(teller({u"account"_s, u"freeze"_s, u"--account"_s, m_account, u"--reason"_s, u"again"_s}), 3,
                      u"approval.duplicate"_s);
        expectFailure(as(u"teller2"_s, {u"approval"_s, u"cancel"_s, u"--id"_s, QString::number(approval)}), 3,
                      u"approval.not_maker"_s);
        const auto cancelled = teller({u"approval"_s, u"cancel"_s, u"--id"_s, QString::number(approval)});
        expectSuccess(cancelled);
        QCOMPARE(cancelled.out.value(u"state"_s).toString(), u"cancelled"_s);
        QCOMPARE(show().value(u"state"_s).toString(), u"normal"_s);

        const auto all = super({u"approval"_s, u"list"_s, u"--state"_s, u"all"_s});
        expectSuccess(all);
        QStringList states;
        for (const QJsonValue& item : all.out.value(u"approvals"_s).toArray())
            states << item.toObject().value(u"state"_s).toString();
        QCOMPARE(states, (QStringList{u"approved"_s, u"rejected"_s, u"cancelled"_s}));
        const auto pending = super({u"approval"_s, u"list"_s});
        expectSuccess(pending);
        QCOMPARE(pending.out.value(u"approvals"_s).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApprovalCli)
#include "tst_approvalcli.moc"
