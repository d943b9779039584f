// The journal and the audit trail are append-only for the program: on PostgreSQL the application
// role has no UPDATE or DELETE on them (and triggers refuse even the owner); on SQLite the triggers do.
#include "security/auditlog.h"
#include "services/endofdayservice.h"
#include "support/demodb.h"

#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

using cs::test::DemoDb;

class TestAppRole : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Database> m_app; // connected as a member of countersign_app (PostgreSQL)
    QString m_role;

    bool isPg() { return m_db.db().dialect() == cs::Dialect::PostgreSQL; }

    // DDL as the owner (a DBA's step): unprepared, since PostgreSQL cannot PREPARE a CREATE ROLE.
    cs::Status ownerExec(const QString& sql)
    {
        auto conn = m_db.db().connection();
        if (!conn)
            return cs::fail(conn.error());
        QSqlQuery q(*conn);
        if (!q.exec(sql))
            return cs::fail(cs::Error::internal(u"test.ddl"_s, q.lastError().text()));
        return {};
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto teller = m_db.signOn(u"teller1"_s); // writes an audit record to tamper with
        CS_VERIFY_RESULT(teller);
        CS_VERIFY_RESULT(m_db.seedJournal());    // and a posting
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM journal_lines"_s), 2);
        if (!isPg()) {
            m_app = m_db.db();
            return;
        }
        m_role = u"cs_app_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
        CS_VERIFY_RESULT(ownerExec(u"CREATE ROLE %1 LOGIN PASSWORD 'app-pass-%1' IN ROLE countersign_app"_s.arg(m_role)));
        auto url = cs::DatabaseUrl::parse(m_db.url());
        CS_VERIFY_RESULT(url);
        url->user = m_role;
        url->password = u"app-pass-"_s + m_role;
        auto app = cs::Database::open(*url);
        CS_VERIFY_RESULT(app);
        m_app = std::move(*app);
    }
    void cleanupTestCase()
    {
        if (m_app)
            m_app->closeThreadConnection();
        m_app.reset();
        if (isPg())
            (void)ownerExec(u"DROP ROLE IF EXISTS %1"_s.arg(m_role));
        m_db.reset();
    }

    void theApplicationMayAppend()
    {
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        const qint64 before = m_db.count(u"SELECT COUNT(*) FROM audit_log"_s);
        CS_VERIFY_RESULT(cs::AuditLog::appendAlone(*m_app, cs::AuditActor::of(*teller),
                                                   {u"test.append"_s, u"test"_s, u"1"_s, true, {}, {}, {}}));
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log"_s), before + 1);
    }

    void theApplicationCannotRewriteHistory_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update audit") << u"UPDATE audit_log SET action = 'edited'"_s;
        QTest::newRow("delete audit") << u"DELETE FROM audit_log"_s;
        QTest::newRow("update journal lines") << u"UPDATE journal_lines SET amount = 1"_s;
        QTest::newRow("delete journal lines") << u"DELETE FROM journal_lines"_s;
        QTest::newRow("update journal") << u"UPDATE journal_txns SET memo = 'x'"_s;
        QTest::newRow("delete journal") << u"DELETE FROM journal_txns"_s;
    }
    void theApplicationCannotRewriteHistory()
    {
        QFETCH(QString, sql);
        const qint64 records = m_db.count(u"SELECT COUNT(*) FROM audit_log"_s);
        QVERIFY(records > 0);
        const cs::Status status = m_app->transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(sql);
            return q ? cs::Status() : cs::fail(q.error());
        });
        QVERIFY(!status);
        QCOMPARE(status.error().kind, cs::ErrorKind::Refused);
        // PostgreSQL refuses by privilege before any trigger runs; SQLite by its append-only triggers.
        QCOMPARE(status.error().code, isPg() ? u"db.permission_denied"_s : u"db.constraint"_s);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log"_s), records);
        QCOMPARE(m_db.count(u"SELECT SUM(amount) FROM journal_lines"_s), 200);
    }

    void theApplicationMayNotChangeTheRules()
    {
        if (!isPg())
            return; // SQLite has no roles: the permission table is protected by the core only
        const cs::Status status = m_app->transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"INSERT INTO permissions (action, role) VALUES ('staff.add', 'teller')"_s);
            return q ? cs::Status() : cs::fail(q.error());
        });
        QVERIFY(!status);
        QCOMPARE(status.error().code, u"db.permission_denied"_s);
    }

    // The end of day writes only what the application role may write (0012's grants).
    void theApplicationClosesTheDay()
    {
        // seedJournal wrote its posting behind the engine's back: its balances, as the owner would repair them.
        CS_VERIFY_RESULT(ownerExec(u"UPDATE accounts SET balance = 100 WHERE number IN ('6229000000009999', '1001000100009999')"_s));
        auto super = cs::AuthService(*m_app).signOn(u"super1"_s, u"demo-pass-1"_s, u"T09"_s);
        CS_VERIFY_RESULT(super);
        const QString before = m_db.scalar(u"SELECT business_date FROM branches"_s).toString().left(10);
        auto eod = cs::EndOfDayService(*m_app).run(*super);
        CS_VERIFY_RESULT(eod);
        QCOMPARE(eod->steps.size(), 10);
        QCOMPARE(eod->closedDate.toString(Qt::ISODate), before);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM eod_steps"_s), 10);
    }
};

QTEST_GUILESS_MAIN(TestAppRole)
#include "tst_approle.moc"
