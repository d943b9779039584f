// The migrator on the backend COUNTERSIGN_TEST_BACKEND names: order, one transaction, no-op rerun,
// refusal of a newer schema, and the real migrations of db/migrations.
#include "storage/migrator.h"
#include "support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

class TestMigrator : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QTemporaryDir m_dir;

    void write(const QString& name, const QString& sql)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(sql.toUtf8());
    }
    qint64 scalar(const QString& sql)
    {
        auto conn = m_t->db().connection();
        QSqlQuery q(*conn);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    bool tableExists(const QString& table)
    {
        auto conn = m_t->db().connection();
        return conn->tables().contains(table);
    }

private slots:
    void init()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        for (const QString& f : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(m_dir.filePath(f));
    }
    void cleanup() { m_t.reset(); }

    void emptyDatabaseIsVersionZero()
    {
        const cs::Migrator migrator(m_t->db(), m_dir.path());
        const auto version = migrator.currentVersion();
        CS_VERIFY_RESULT(version);
        QCOMPARE(*version, 0);
    }

    void appliesInOrderAndRecordsVersions()
    {
        write(u"0001_first.sql"_s, u"CREATE TABLE t1 (id INTEGER PRIMARY KEY, note TEXT);\n"
                                    "INSERT INTO t1 (id, note) VALUES (1, 'a;b');"_s);
        write(u"0002_second.sql"_s, u"ALTER TABLE t1 ADD COLUMN extra INTEGER;\n"
                                     "UPDATE t1 SET extra = 7 WHERE id = 1;"_s);
        const cs::Migrator migrator(m_t->db(), m_dir.path());
        const auto version = migrator.migrate();
        CS_VERIFY_RESULT(version);
        QCOMPARE(*version, 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM schema_migrations"_s), 2);
        QCOMPARE(scalar(u"SELECT extra FROM t1 WHERE id = 1"_s), 7);
    }

    void secondRunIsANoOp()
    {
        write(u"0001_first.sql"_s, u"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\nINSERT INTO t1 (id) VALUES (1);"_s);
        const cs::Migrator migrator(m_t->db(), m_dir.path());
        CS_VERIFY_RESULT(migrator.migrate());
        const auto again = migrator.migrate();
        CS_VERIFY_RESULT(again);
        QCOMPARE(*again, 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM t1"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM schema_migrations"_s), 1);
    }

    void failingMigrationRollsBackTheWholeRun()
    {
        write(u"0001_first.sql"_s, u"CREATE TABLE t1 (id INTEGER PRIMARY KEY);"_s);
        write(u"0002_broken.sql"_s, u"CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);"_s);
        const cs::Migrator migrator(m_t->db(), m_dir.path());
        const auto version = migrator.migrate();
        QVERIFY(!version);
        QCOMPARE(version.error().code, u"schema.failed"_s);
        QVERIFY(version.error().message.contains(u"0002"_s) || version.error().message.contains(u"2 (broken)"_s));
        QVERIFY(!tableExists(u"t1"_s));
        QVERIFY(!tableExists(u"t2"_s));
        const auto current = migrator.currentVersion();
        CS_VERIFY_RESULT(current);
        QCOMPARE(*current, 0);
    }

    void refusesADatabaseNewerThanTheProgram()
    {
        write(u"0001_first.sql"_s, u"CREATE TABLE t1 (id INTEGER PRIMARY KEY);"_s);
        const cs::Migrator migrator(m_t->db(), m_dir.path());
        CS_VERIFY_RESULT(migrator.migrate());
        {
            auto conn = m_t->db().connection();
            QSqlQuery q(*conn);
            QVERIFY(q.exec(u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (9, 'future', 'x')"_s));
        }
        const auto version = migrator.migrate();
        QVERIFY(!version);
        QCOMPARE(version.error().code, u"schema.too_new"_s);
        QCOMPARE(version.error().kind, cs::ErrorKind::Refused);
        QVERIFY(version.error().message.contains(u"9"_s));
    }

    void picksTheFileForItsDialectAndRefusesGaps()
    {
        const bool sqlite = TestDatabase::backend() == u"sqlite"_s;
        write(u"0001_common.sql"_s, u"CREATE TABLE t1 (id INTEGER PRIMARY KEY);"_s);
        write(u"0002_typed.sqlite.sql"_s, u"CREATE TABLE only_sqlite (id INTEGER PRIMARY KEY);"_s);
        write(u"0002_typed.postgresql.sql"_s, u"CREATE TABLE only_pg (id BIGINT PRIMARY KEY);"_s);
        const cs::Migrator migrator(m_t->db(), m_dir.path());
        CS_VERIFY_RESULT(migrator.migrate());
        QCOMPARE(tableExists(u"only_sqlite"_s), sqlite);
        QCOMPARE(tableExists(u"only_pg"_s), !sqlite);

        write(u"0004_gap.sql"_s, u"SELECT 1;"_s);
        const auto gap = migrator.migrate();
        QVERIFY(!gap);
        QCOMPARE(gap.error().code, u"schema.gap"_s);
    }

    void realMigrationsBuildTheSchema()
    {
        const cs::Migrator migrator(m_t->db());
        const auto version = migrator.migrate();
        CS_VERIFY_RESULT(version);
        QVERIFY(*version >= 1);
        QCOMPARE(*version, migrator.latestVersion());
        for (const QString& table : {u"branches"_s, u"staff"_s, u"business_days"_s, u"customers"_s, u"products"_s,
                                     u"accounts"_s, u"journal_txns"_s, u"journal_lines"_s, u"holds"_s,
                                     u"approvals"_s, u"audit_log"_s, u"audit_chains"_s, u"settings"_s,
                                     u"request_log"_s})
            QVERIFY2(tableExists(table), qPrintable(table));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM products WHERE code IN ('demand','td3m','td6m','td1y','td2y',"
                        "'td3y','td5y','corp','debit','quasi','credit')"_s), 11);
        const auto again = migrator.migrate();
        CS_VERIFY_RESULT(again);
        QCOMPARE(*again, *version);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
