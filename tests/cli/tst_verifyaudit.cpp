// `countersign-batch verify-audit` as a script sees it (../shared/CLI.md): exit 0 with the counts on an
// intact trail; exit 3 after a DBA tampered with it, naming the first bad record on stdout and an
// `audit.broken` error on stderr. On the backend COUNTERSIGN_TEST_BACKEND names.
#include "security/auditlog.h"
#include "services/demodata.h"
#include "storage/migrator.h"
#include "support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include "cli/batchrunner.h"
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

using Run = cs::test::BatchRun;

namespace {

Run batch(const QStringList& arguments) { return cs::test::runBatch(arguments); }

} // namespace

class TestVerifyAudit : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    qint64 m_baseRecords = 0;
    qint64 m_baseChains = 0;

    QString exec(const QString& sql)
    {
        auto conn = m_t->db().connection();
        if (!conn)
            return conn.error().message;
        QSqlQuery q(*conn);
        return q.exec(sql) ? QString() : q.lastError().text();
    }

    qint64 scalar(const QString& sql)
    {
        auto conn = m_t->db().connection();
        if (!conn)
            return -1;
        QSqlQuery q(*conn);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    void append(const QString& terminal, int count)
    {
        const cs::AuditActor actor{scalar(u"SELECT id FROM staff WHERE login = 'admin'"_s), u"admin"_s, terminal,
                                   scalar(u"SELECT branch_id FROM staff WHERE login = 'admin'"_s)};
        for (int n = 1; n <= count; ++n) {
            cs::AuditEntry e;
            e.action = u"staff.add"_s;
            e.entityType = u"staff"_s;
            e.entityId = QString::number(n);
            e.after = QJsonObject{{u"login"_s, u"new%1"_s.arg(n)}, {u"role"_s, u"teller"_s}};
            CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), actor, e));
        }
    }

private slots:
    void init()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        CS_VERIFY_RESULT(cs::Migrator(m_t->db()).migrate());
        CS_VERIFY_RESULT(cs::DemoData::seed(m_t->db()));
        m_baseRecords = scalar(u"SELECT COUNT(*) FROM audit_log"_s);
        m_baseChains = scalar(u"SELECT COUNT(*) FROM audit_chains"_s);
        append(u"T01"_s, 4);
        append(u"T02"_s, 3);
        m_t->db().closeThreadConnection(); // the child process reads alone
    }
    void cleanup() { m_t.reset(); }

    void anIntactTrailExitsZero()
    {
        const Run run = batch({u"--db"_s, m_t->url(), u"verify-audit"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.rawErr, QByteArray());
        QCOMPARE(run.out.value(u"ok"_s).toBool(), true);
        QCOMPARE(run.out.value(u"records"_s).toInteger(), m_baseRecords + 7);
        QCOMPARE(run.out.value(u"chains"_s).toInteger(), m_baseChains + 2);
        QCOMPARE(run.out.value(u"first_bad"_s).type(), QJsonValue::Null);
        QCOMPARE(run.out.value(u"problem"_s).type(), QJsonValue::Null);
        QVERIFY(run.out.contains(u"first_bad"_s));
    }

    void aTamperedTrailExitsThreeNamingTheRecord_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("firstBad");
        QTest::addColumn<qint64>("records");
        QTest::addColumn<bool>("idKnown");
        QTest::newRow("edited") << u"UPDATE audit_log SET after_value = '{\"login\":\"new2\",\"role\":\"admin\"}' "
                                   "WHERE chain = 'terminal:T02' AND seq = 2"_s
                                << u"terminal:T02#2"_s << qint64(7) << true;
        QTest::newRow("deleted") << u"DELETE FROM audit_log WHERE chain = 'terminal:T01' AND seq = 2"_s
                                 << u"terminal:T01#2"_s << qint64(6) << false;
        QTest::newRow("deleted last") << u"DELETE FROM audit_log WHERE chain = 'terminal:T01' AND seq = 4"_s
                                      << u"terminal:T01#4"_s << qint64(6) << false;
    }
    void aTamperedTrailExitsThreeNamingTheRecord()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, firstBad);
        QFETCH(qint64, records);
        QFETCH(bool, idKnown);
        const qint64 id = scalar(u"SELECT id FROM audit_log WHERE chain = '%1' AND seq = %2"_s
                                     .arg(firstBad.section(u'#', 0, 0), firstBad.section(u'#', 1)));
        if (TestDatabase::backend() == u"postgresql"_s) {
            QCOMPARE(exec(u"ALTER TABLE audit_log DISABLE TRIGGER USER"_s), QString());
        } else {
            QCOMPARE(exec(u"DROP TRIGGER audit_log_no_update"_s), QString());
            QCOMPARE(exec(u"DROP TRIGGER audit_log_no_delete"_s), QString());
        }
        QCOMPARE(exec(tamper), QString());
        m_t->db().closeThreadConnection();

        const Run run = batch({u"--db"_s, m_t->url(), u"verify-audit"_s});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.out.value(u"ok"_s).toBool(), false);
        QCOMPARE(run.out.value(u"first_bad"_s).toString(), firstBad);
        QCOMPARE(run.out.value(u"records"_s).toInteger(), m_baseRecords + records);
        QCOMPARE(run.out.value(u"chains"_s).toInteger(), m_baseChains + 2);
        if (idKnown)
            QCOMPARE(run.out.value(u"first_bad_id"_s).toInteger(), id);
        else
            QCOMPARE(run.out.value(u"first_bad_id"_s).type(), QJsonValue::Null);
        QVERIFY(!run.out.value(u"problem"_s).toString().isEmpty());
        QCOMPARE(run.err.value(u"error"_s).toString(), u"audit.broken"_s);
        QCOMPARE(run.err.value(u"field"_s).type(), QJsonValue::Null);
        const QString message = run.err.value(u"message"_s).toString();
        QVERIFY2(message.contains(firstBad), qPrintable(message));
        QVERIFY2(message.contains(run.out.value(u"problem"_s).toString()), qPrintable(message));
    }

    void anUnreachableDatabaseExitsFive()
    {
        const Run run = batch({u"--db"_s, u"postgresql://nobody:x@127.0.0.1:1/none"_s, u"verify-audit"_s});
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.rawOut, QByteArray());
        QCOMPARE(run.err.value(u"error"_s).toString(), u"db.unavailable"_s);
    }
};

QTEST_GUILESS_MAIN(TestVerifyAudit)
#include "tst_verifyaudit.moc"
