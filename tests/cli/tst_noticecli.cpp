// countersign-batch notice and notify on SQLite and PostgreSQL, against a real HTTP SMS gateway in this
// process: subscriptions with their exit codes, the gateway set up, a dead letter listed and retried,
// and two senders running at once (two processes, as two terminals or a scheduler would) that deliver
// every notice exactly once by the gateway's count.
#include "support/noticefixture.h"
#include "cli/batchrunner.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
} // namespace

class TestNoticeCli : public QObject {
    Q_OBJECT

private:
    NoticeFixture f;
    QString m_account;
    SmsGateway m_gateway;

    QMap<QString, QString> env(bool withGatewayPassword = true)
    {
        QMap<QString, QString> e{{u"COUNTERSIGN_DB"_s, f.db.url()}, {u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s}};
        if (withGatewayPassword)
            e.insert(u"COUNTERSIGN_SMS_GATEWAY_PASSWORD"_s, QString::fromUtf16(NoticeFixture::gatewayPassword));
        return e;
    }
    // A batch run that lets this process's event loop (and so the gateway) run meanwhile.
    QProcess* startBatch(const QStringList& arguments, const QMap<QString, QString>& vars)
    {
        auto* process = new QProcess(this);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"COUNTERSIGN_SMS_GATEWAY_PASSWORD"_s);
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            environment.insert(it.key(), it.value());
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(COUNTERSIGN_BATCH_EXE), arguments);
        return process;
    }
    BatchRun finish(QProcess* process)
    {
        BatchRun run;
        if (!QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, 120'000))
            return run;
        run.exitCode = process->exitCode();
        run.rawOut = process->readAllStandardOutput();
        run.rawErr = process->readAllStandardError();
        run.out = QJsonDocument::fromJson(run.rawOut).object();
        run.err = QJsonDocument::fromJson(run.rawErr).object();
        process->deleteLater();
        return run;
    }
    BatchRun notify(const QMap<QString, QString>& vars) { return finish(startBatch({u"notify"_s}, vars)); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        auto one = f.classI(zhang);
        CS_VERIFY_RESULT(one);
        m_account = *one;
        QVERIFY(m_gateway.start());
        m_gateway.requireCredentials(QString::fromUtf16(NoticeFixture::gatewayUser), QString::fromUtf16(NoticeFixture::gatewayPassword));
        CS_VERIFY_RESULT(f.setSetting(u"notify.backoff_base_seconds"_s, 0));
    }
    void cleanupTestCase() { f.db.reset(); }

    void subscribeWithItsExitCodes()
    {
        BatchRun bad = runBatch({u"--as"_s, u"teller1"_s, u"notice"_s, u"subscribe"_s, u"--account"_s, m_account, u"--phone"_s,
                                 u"12345"_s, u"--request-id"_s, f.newId()},
                                env());
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.err.value(u"error"_s).toString(), u"notice.phone"_s);
        QCOMPARE(bad.err.value(u"field"_s).toString(), u"phone"_s);
        BatchRun auditor = runBatch({u"--as"_s, u"auditor1"_s, u"notice"_s, u"subscribe"_s, u"--account"_s, m_account, u"--phone"_s,
                                     u"13812345678"_s, u"--request-id"_s, f.newId()},
                                    env());
        QCOMPARE(auditor.exitCode, 3);
        QCOMPARE(auditor.err.value(u"error"_s).toString(), u"permission.denied"_s);
        BatchRun made = runBatch({u"--as"_s, u"teller1"_s, u"notice"_s, u"subscribe"_s, u"--account"_s, m_account, u"--phone"_s,
                                  u"13812345678"_s, u"--with-balance"_s, u"--language"_s, u"en"_s, u"--request-id"_s, f.newId()},
                                 env());
        QCOMPARE(made.exitCode, 0);
        QCOMPARE(made.out.value(u"phone"_s).toString(), u"13812345678"_s);
        QCOMPARE(made.out.value(u"with_balance"_s).toBool(), true);
        QCOMPARE(made.out.value(u"language"_s).toString(), u"en"_s);
        QCOMPARE(made.out.value(u"monthly_fee"_s).toString(), u"0.00"_s);
        // The contract's form, without a request id: the change is made once, now.
        BatchRun plain = runBatch({u"--as"_s, u"teller1"_s, u"notice"_s, u"subscribe"_s, u"--account"_s, m_account, u"--phone"_s,
                                   u"13812345678"_s, u"--with-balance"_s, u"--language"_s, u"en"_s},
                                  env());
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.out.value(u"id"_s), made.out.value(u"id"_s));
        QCOMPARE(plain.out.value(u"version"_s).toInt(), 2);
        BatchRun shown = runBatch({u"--as"_s, u"teller1"_s, u"notice"_s, u"show"_s, u"--account"_s, m_account}, env());
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.out.value(u"subscription"_s).toObject().value(u"state"_s).toString(), u"active"_s);
        BatchRun missing = runBatch({u"--as"_s, u"teller1"_s, u"notice"_s, u"show"_s, u"--account"_s, u"6000119999999999"_s}, env());
        QCOMPARE(missing.exitCode, 4);
    }

    void gatewayNeedsTheAdministratorAndAPassword()
    {
        const QStringList set{u"--as"_s, u"admin"_s, u"notice"_s, u"gateway"_s, u"--url"_s, m_gateway.url().toString(),
                              u"--account"_s, QString::fromUtf16(NoticeFixture::gatewayUser), u"--signature"_s, u"示例银行"_s};
        BatchRun teller = runBatch(QStringList{u"--as"_s, u"teller1"_s} + set.mid(2), env());
        QCOMPARE(teller.exitCode, 3);
        BatchRun insecure = runBatch(QStringList(set).replaceInStrings(m_gateway.url().toString(), u"http://sms.example.cn/send"_s), env());
        QCOMPARE(insecure.exitCode, 2);
        QCOMPARE(insecure.err.value(u"field"_s).toString(), u"url"_s);
        BatchRun ok = runBatch(set, env());
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.out.value(u"url"_s).toString(), m_gateway.url().toString());
        // Beside an SQLite file the password is kept for this machine's senders; PostgreSQL's senders bring theirs.
        const bool sqlite = f.db.db().dialect() == cs::Dialect::SQLite;
        QCOMPARE(ok.out.value(u"password_stored"_s).toBool(), sqlite);

        CS_VERIFY_RESULT(f.deposit(m_account, 12'300));
        BatchRun without = notify(env(false));
        if (sqlite) {
            QCOMPARE(without.exitCode, 0);
            QCOMPARE(without.out.value(u"sent"_s).toInt(), 1);
        } else {
            QCOMPARE(without.exitCode, 3);
            QCOMPARE(without.err.value(u"error"_s).toString(), u"notify.no_secret"_s);
            BatchRun with = notify(env());
            QCOMPARE(with.exitCode, 0);
            QCOMPARE(with.out.value(u"sent"_s).toInt(), 1);
        }
        QCOMPARE(m_gateway.delivered(), 1);
        QVERIFY2(m_gateway.messages().last().value(u"text"_s).toString().contains(u"credit of CNY 123.00"_s),
                 qPrintable(m_gateway.messages().last().value(u"text"_s).toString()));
    }

    void aDeadLetterIsListedAndRetried()
    {
        CS_VERIFY_RESULT(f.deposit(m_account, 500));
        m_gateway.setAnswer(SmsGateway::Answer::Reject);
        BatchRun refused = notify(env());
        QCOMPARE(refused.exitCode, 0);
        QCOMPARE(refused.out.value(u"dead"_s).toInt(), 1);
        QCOMPARE(refused.out.value(u"sent"_s).toInt(), 0);
        BatchRun dead = runBatch({u"--as"_s, u"admin"_s, u"notice"_s, u"outbox"_s, u"--state"_s, u"dead"_s}, env());
        QCOMPARE(dead.exitCode, 0);
        const QJsonArray notices = dead.out.value(u"notices"_s).toArray();
        QCOMPARE(notices.size(), 1);
        const QJsonObject notice = notices.first().toObject();
        QCOMPARE(notice.value(u"phone"_s).toString(), u"138****5678"_s);
        QCOMPARE(notice.value(u"account"_s).toString(), u"****"_s + m_account.right(4));
        QCOMPARE(dead.out.value(u"counts"_s).toObject().value(u"dead"_s).toInt(), 1);
        const QString id = QString::number(notice.value(u"id"_s).toInteger());
        BatchRun attempts = runBatch({u"--as"_s, u"admin"_s, u"notice"_s, u"attempts"_s, u"--id"_s, id}, env());
        QCOMPARE(attempts.out.value(u"attempts"_s).toArray().first().toObject().value(u"http_status"_s).toInt(), 400);

        BatchRun byTeller = runBatch({u"--as"_s, u"teller1"_s, u"notice"_s, u"retry"_s, u"--id"_s, id, u"--request-id"_s, f.newId()}, env());
        QCOMPARE(byTeller.exitCode, 3);
        BatchRun retried = runBatch({u"--as"_s, u"admin"_s, u"notice"_s, u"retry"_s, u"--id"_s, id, u"--request-id"_s, f.newId()}, env());
        QCOMPARE(retried.exitCode, 0);
        QCOMPARE(retried.out.value(u"state"_s).toString(), u"pending"_s);
        m_gateway.setAnswer(SmsGateway::Answer::Accept);
        BatchRun sent = notify(env());
        QCOMPARE(sent.out.value(u"sent"_s).toInt(), 1);
        QCOMPARE(m_gateway.delivered(), 2);
    }

    void twoSendersAtOnceDeliverEveryNoticeOnce()
    {
        constexpr int count = 60;
        CS_VERIFY_RESULT(f.setSetting(u"notify.batch_size"_s, 4));
        for (int i = 1; i <= count; ++i)
            CS_VERIFY_RESULT(f.deposit(m_account, i));
        QCOMPARE(f.notices(u"pending"_s), qint64(count));
        const int delivered = m_gateway.delivered();
        const int requests = m_gateway.requests();
        m_gateway.setAcceptDelay(25); // slow enough that the two passes overlap
        QProcess* a = startBatch({u"notify"_s, u"--terminal"_s, u"T-A"_s}, env());
        QProcess* b = startBatch({u"notify"_s, u"--terminal"_s, u"T-B"_s}, env());
        const BatchRun first = finish(a);
        const BatchRun second = finish(b);
        m_gateway.setAcceptDelay(0);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(second.exitCode, 0);
        const int sentA = first.out.value(u"sent"_s).toInt();
        const int sentB = second.out.value(u"sent"_s).toInt();
        QCOMPARE(sentA + sentB, count);
        QVERIFY2(sentA > 0 && sentB > 0, qPrintable(u"A sent %1, B sent %2"_s.arg(sentA).arg(sentB)));
        QCOMPARE(first.out.value(u"lost"_s).toInt() + second.out.value(u"lost"_s).toInt(), 0);
        QCOMPARE(m_gateway.delivered() - delivered, count);
        QCOMPARE(m_gateway.requests() - requests, count); // not even a duplicate request
        QCOMPARE(f.notices(u"sent"_s), qint64(count + 2));
        QCOMPARE(f.db.count(u"SELECT COUNT(DISTINCT sender) FROM notice_attempts WHERE sender LIKE 'batch:T-%'"_s), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestNoticeCli)
#include "tst_noticecli.moc"
