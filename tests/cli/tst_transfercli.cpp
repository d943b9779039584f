// `countersign-batch transfer ...` through the real executable on both backends: intra-bank posted at
// once and replayed, above the teller's limit pending with its approval id, interbank pending with its
// fee, a fee waiver, preview, list and show, the clearing acknowledgement (a rejection returns the funds)
// and release of queued items, with exit codes as ../shared/CLI.md says.
#include "approvals/approvalregistry.h"
#include "cli/batchrunner.h"
#include "support/demodb.h"

#include <QJsonArray>

using cs::test::DemoDb;
using cs::test::runBatch;

class TestTransferCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QString m_payer; // Zhang's Class I
    QString m_payee; // Li's Class I
    qint64 m_interbank = 0;

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
    QString openAccount(const QString& idNumber, const QString& requestId)
    {
        const QString customer = QString::number(m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber)));
        const auto opened = teller({u"account"_s, u"open"_s, u"--customer"_s, customer, u"--product"_s, u"demand"_s,
                                    u"--class"_s, u"I"_s, u"--request-id"_s, requestId});
        return opened.exitCode == 0 ? opened.out.value(u"account"_s).toString() : QString::fromUtf8(opened.rawErr);
    }
    QString balance(const QString& account)
    {
        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, account});
        return shown.exitCode == 0 ? shown.out.value(u"balance"_s).toString() : QString::fromUtf8(shown.rawErr);
    }
    QStringList slip(const QString& amount, const QString& requestId)
    {
        return {u"transfer"_s, u"enter"_s, u"--from"_s, m_payer, u"--to"_s, m_payee, u"--amount"_s, amount,
                u"--request-id"_s, requestId};
    }
    QStringList interbank(const QString& amount, const QString& requestId)
    {
        return {u"transfer"_s, u"enter"_s, u"--from"_s, m_payer, u"--to-bank"_s, u"102100099996"_s, u"--to-account"_s,
                u"6222020200112233445"_s, u"--to-name"_s, u"王芳"_s, u"--amount"_s, amount, u"--request-id"_s, requestId,
                u"--remarks"_s, u"货款"_s};
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        m_db.db().closeThreadConnection();
        m_payer = openAccount(u"110101198003151239"_s, u"tr-cli-open-1"_s);
        m_payee = openAccount(u"310104199207082467"_s, u"tr-cli-open-2"_s);
        QCOMPARE(m_payer.size(), 16);
        QCOMPARE(m_payee.size(), 16);
        expectSuccess(teller({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"tr-cli-box"_s}));
        for (const QString& id : {u"tr-cli-dep-1"_s, u"tr-cli-dep-2"_s})
            expectSuccess(teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_payer, u"--amount"_s, u"40000.00"_s,
                                  u"--request-id"_s, id}));
        QCOMPARE(balance(m_payer), u"80000.00"_s);
    }
    void cleanupTestCase() { m_db.reset(); }

    void intraPostsAndReplays()
    {
        const auto first = teller(slip(u"1,000.00"_s, u"tr-cli-1"_s));
        expectSuccess(first);
        QCOMPARE(first.out.value(u"state"_s).toString(), u"posted"_s);
        QCOMPARE(first.out.value(u"fee"_s).toString(), u"0.00"_s);
        QCOMPARE(first.out.value(u"amount"_s).toString(), u"1000.00"_s);
        QCOMPARE(first.out.value(u"balance"_s).toString(), u"79000.00"_s);
        QVERIFY(first.out.value(u"transfer_id"_s).toInteger() > 0);
        QVERIFY(first.out.value(u"approval_id"_s).isNull());
        QCOMPARE(first.out.value(u"replayed"_s), QJsonValue(false));
        QCOMPARE(balance(m_payee), u"1000.00"_s);

        const auto again = teller(slip(u"1,000.00"_s, u"tr-cli-1"_s));
        expectSuccess(again);
        QCOMPARE(again.out.value(u"transfer_id"_s).toInteger(), first.out.value(u"transfer_id"_s).toInteger());
        QCOMPARE(again.out.value(u"replayed"_s), QJsonValue(true));
        QCOMPARE(balance(m_payer), u"79000.00"_s);
    }

    void aboveTheLimitIsPending()
    {
        const auto pending = teller(slip(u"50000.01"_s, u"tr-cli-2"_s));
        expectSuccess(pending);
        QCOMPARE(pending.out.value(u"state"_s).toString(), u"pending"_s);
        QVERIFY(pending.out.value(u"approval_id"_s).toInteger() > 0);
        QVERIFY(pending.out.value(u"balance"_s).isNull());
        QCOMPARE(balance(m_payer), u"79000.00"_s);
        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, m_payer});
        QCOMPARE(shown.out.value(u"available"_s).toString(), u"28999.99"_s);
    }

    void waiverIsPending()
    {
        auto command = slip(u"10.00"_s, u"tr-cli-3"_s);
        command << u"--waive-fee"_s; // a bare flag, last
        const auto waived = teller(command);
        expectSuccess(waived);
        QCOMPARE(waived.out.value(u"fee_waived"_s), QJsonValue(true));
        // The intra-bank fee is 0 in the reference tariff: nothing is waived, so nothing waits.
        QCOMPARE(waived.out.value(u"state"_s).toString(), u"posted"_s);
    }

    void interbankIsPendingWithItsFee()
    {
        const auto preview = teller({u"transfer"_s, u"preview"_s, u"--from"_s, m_payer, u"--to-bank"_s, u"102100099996"_s,
                                     u"--to-account"_s, u"6222020200112233445"_s, u"--to-name"_s, u"王芳"_s,
                                     u"--amount"_s, u"20000.00"_s});
        expectSuccess(preview);
        QCOMPARE(preview.out.value(u"route"_s).toString(), u"beps"_s);
        QCOMPARE(preview.out.value(u"fee"_s).toString(), u"10.00"_s);
        QCOMPARE(preview.out.value(u"approval_required"_s), QJsonValue(true));
        QCOMPARE(preview.out.value(u"amount_in_capitals"_s).toString(), u"贰万元整"_s);

        const auto entered = teller(interbank(u"20000.00"_s, u"tr-cli-4"_s));
        expectSuccess(entered);
        QCOMPARE(entered.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(entered.out.value(u"fee"_s).toString(), u"10.00"_s);
        QCOMPARE(entered.out.value(u"to_bank_code"_s).toString(), u"102100099996"_s);
        QVERIFY(entered.out.value(u"approval_id"_s).toInteger() > 0);
        m_interbank = entered.out.value(u"transfer_id"_s).toInteger();

        expectFailure(teller({u"transfer"_s, u"enter"_s, u"--from"_s, m_payer, u"--to-bank"_s, u"102100099995"_s,
                              u"--to-account"_s, u"1"_s, u"--to-name"_s, u"x"_s, u"--amount"_s, u"1.00"_s,
                              u"--request-id"_s, u"tr-cli-5"_s}),
                      2, u"transfer.bank_code"_s, u"to_bank_code"_s);
        expectFailure(teller({u"transfer"_s, u"enter"_s, u"--from"_s, m_payer, u"--to-bank"_s, u"102100099996"_s,
                              u"--amount"_s, u"1.00"_s, u"--request-id"_s, u"tr-cli-6"_s}),
                      2, u"usage.missing_option"_s, u"to-account"_s);
        expectFailure(teller({u"transfer"_s, u"enter"_s, u"--from"_s, m_payer, u"--to"_s, m_payee, u"--amount"_s,
                              u"1.005"_s, u"--request-id"_s, u"tr-cli-7"_s}),
                      2, u"amount.too_many_decimals"_s, u"amount"_s);
        expectFailure(teller(slip(u"999999.00"_s, u"tr-cli-8"_s)), 3, u"transfer.insufficient_funds"_s, u"amount"_s);
    }

    void listAndShow()
    {
        const auto listed = teller({u"transfer"_s, u"list"_s});
        expectSuccess(listed);
        QCOMPARE(listed.out.value(u"count"_s).toInt(), 4);
        QCOMPARE(listed.out.value(u"transfers"_s).toArray().size(), 4);
        const auto pending = super({u"transfer"_s, u"list"_s, u"--state"_s, u"pending"_s});
        expectSuccess(pending);
        QCOMPARE(pending.out.value(u"count"_s).toInt(), 2);
        const auto shown = as(u"auditor1"_s, {u"transfer"_s, u"show"_s, u"--id"_s, QString::number(m_interbank)});
        expectSuccess(shown);
        QCOMPARE(shown.out.value(u"to_name"_s).toString(), u"王芳"_s);
        QCOMPARE(shown.out.value(u"remarks"_s).toString(), u"货款"_s);
        QCOMPARE(shown.out.value(u"route"_s).toString(), u"beps"_s);
        expectFailure(teller({u"transfer"_s, u"show"_s, u"--id"_s, u"99999"_s}), 4, u"transfer.not_found"_s);
        expectFailure(teller({u"transfer"_s, u"frobnicate"_s}), 2, u"usage.unknown_command"_s);
    }

    void acknowledge()
    {
        const QString id = QString::number(m_interbank);
        // Not sent yet: the checker has not approved it.
        expectFailure(super({u"transfer"_s, u"ack"_s, u"--id"_s, id, u"--accepted"_s}), 3, u"clearing.not_sent"_s);
        expectFailure(super({u"transfer"_s, u"ack"_s, u"--id"_s, id}), 2, u"usage.missing_option"_s);
        expectFailure(super({u"transfer"_s, u"ack"_s, u"--id"_s, id, u"--rejected"_s}), 2, u"usage.missing_option"_s, u"reason"_s);

        // The checker's approval, in process (the approval commands come with the approvals branch).
        auto checker = m_db.signOn(u"super1"_s);
        CS_VERIFY_RESULT(checker);
        const qint64 approvalId = m_db.count(u"SELECT approval_id FROM transfers WHERE id = %1"_s.arg(m_interbank));
        const cs::Status approved = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::ApprovalRecord a;
            a.id = approvalId;
            a.entityType = u"transfer"_s;
            a.entityId = id;
            a.state = u"approved"_s;
            auto done = cs::ApprovalRegistry::standard().find(u"transfer.interbank"_s)->execute(uow, *checker, a);
            if (!done)
                return cs::fail(done.error());
            return {};
        });
        CS_VERIFY_RESULT(approved);
        m_db.db().closeThreadConnection();
        // 80,000 - 1,000 - 10 (posted) - 20,010 (amount and fee, sent); the pending 50,000.01 is only held.
        const QString before = balance(m_payer);
        QCOMPARE(before, u"58980.00"_s);

        expectFailure(teller({u"transfer"_s, u"ack"_s, u"--id"_s, id, u"--accepted"_s}), 3, u"permission.denied"_s);
        const auto rejected = super({u"transfer"_s, u"ack"_s, u"--id"_s, id, u"--rejected"_s, u"--reason"_s, u"户名不符"_s});
        expectSuccess(rejected);
        QCOMPARE(rejected.out.value(u"state"_s).toString(), u"rejected"_s);
        QCOMPARE(rejected.out.value(u"clearing_state"_s).toString(), u"rejected"_s);
        QCOMPARE(rejected.out.value(u"clearing_reason"_s).toString(), u"户名不符"_s);
        QVERIFY(rejected.out.value(u"return_txn_id"_s).toInteger() > 0);
        // Amount and fee came back.
        QCOMPARE(balance(m_payer), u"78990.00"_s);
        // The same acknowledgement again (derived request id) replays.
        const auto again = super({u"transfer"_s, u"ack"_s, u"--id"_s, id, u"--rejected"_s, u"--reason"_s, u"户名不符"_s});
        expectSuccess(again);
        QCOMPARE(again.out.value(u"replayed"_s), QJsonValue(true));
        QCOMPARE(again.out.value(u"return_txn_id"_s).toInteger(), rejected.out.value(u"return_txn_id"_s).toInteger());
    }

    void releaseQueued()
    {
        const auto released = super({u"transfer"_s, u"release-queued"_s});
        expectSuccess(released);
        QCOMPARE(released.out.value(u"sent"_s).toInt(), 0);
        expectFailure(teller({u"transfer"_s, u"release-queued"_s}), 3, u"permission.denied"_s);
    }
};

QTEST_GUILESS_MAIN(TestTransferCli)
#include "tst_transfercli.moc"
