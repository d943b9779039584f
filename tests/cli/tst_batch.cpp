// countersign-batch as a script sees it: exit codes, one JSON object on stdout or stderr, and the
// `migrate` and `demo` contracts of ../shared/CLI.md, on the backend COUNTERSIGN_TEST_BACKEND names.
#include "storage/migrator.h"
#include "support/testdatabase.h"
#include "cli/batchrunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

using Run = cs::test::BatchRun;

namespace {

Run batch(const QStringList& arguments, const QMap<QString, QString>& env = {})
{
    return cs::test::runBatch(arguments, env);
}

} // namespace

class TestBatch : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

private slots:
    void init()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        m_t->db().closeThreadConnection(); // the child process is the only user
    }
    void cleanup() { m_t.reset(); }

    void migratePrintsTheSchemaVersionAndIsANoOpTheSecondTime()
    {
        const int latest = cs::Migrator(m_t->db()).latestVersion();
        QVERIFY(latest >= 1);
        const Run first = batch({u"--db"_s, m_t->url(), u"migrate"_s});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.rawErr, QByteArray());
        QCOMPARE(first.out.value(u"schema_version"_s).toInt(), latest);
        QCOMPARE(first.out.value(u"previous_version"_s).toInt(), 0);
        QCOMPARE(first.out.value(u"applied"_s).toInt(), latest);
        QVERIFY(!first.out.value(u"database"_s).toString().contains(u"password"_s));

        const Run second = batch({u"migrate"_s}, {{u"COUNTERSIGN_DB"_s, m_t->url()}});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out.value(u"schema_version"_s).toInt(), latest);
        QCOMPARE(second.out.value(u"applied"_s).toInt(), 0);
    }

    void demoTwiceLeavesTheSameData()
    {
        // The demo issues cards: on PostgreSQL the batch needs the database's card key.
        const QMap<QString, QString> key = m_t->db().dialect() == cs::Dialect::PostgreSQL
                                               ? QMap<QString, QString>{{u"COUNTERSIGN_CARD_KEY"_s, QString(64, u'a')}}
                                               : QMap<QString, QString>{};
        const Run first = batch({u"--db"_s, m_t->url(), u"demo"_s}, key);
        QVERIFY2(first.exitCode == 0, first.rawErr.constData());
        QCOMPARE(first.out.value(u"branches"_s).toInt(), 1);
        QCOMPARE(first.out.value(u"staff"_s).toInt(), 6);
        QCOMPARE(first.out.value(u"customers"_s).toInt(), 7);
        QCOMPARE(first.out.value(u"accounts"_s).toInt(), 19); // with the quasi-credit card's account
        QCOMPARE(first.out.value(u"transactions"_s).toInt(), 38); // 33 of the history, 5 of the merchants today
        QCOMPARE(first.out.value(u"cards"_s).toInt(), 4);
        QCOMPARE(first.out.value(u"merchants"_s).toInt(), 2);
        QCOMPARE(first.out.value(u"inserted"_s).toInt(), 14 + 19 + 38 + 4 + 2);
        const Run second = batch({u"--db"_s, m_t->url(), u"demo"_s}, key);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out.value(u"inserted"_s).toInt(), 0);
        QCOMPARE(second.out.value(u"staff"_s).toInt(), 6);
        QCOMPARE(second.out.value(u"customers"_s).toInt(), 7);
        QCOMPARE(second.out.value(u"accounts"_s).toInt(), 19);
        QCOMPARE(second.out.value(u"transactions"_s).toInt(), 38);
        QCOMPARE(second.out.value(u"cards"_s).toInt(), 4);
        QCOMPARE(second.out.value(u"merchants"_s).toInt(), 2);
        if (m_t->db().dialect() == cs::Dialect::SQLite)
            QVERIFY(QFile::exists(m_t->url().mid(7) + u".keys"_s));
    }

    void demoOnPostgreSqlWithoutTheCardKeySkipsTheCards()
    {
        if (m_t->db().dialect() != cs::Dialect::PostgreSQL)
            return; // SQLite keeps the key beside the database (demoTwiceLeavesTheSameData)
        const Run run = batch({u"--db"_s, m_t->url(), u"demo"_s});
        QVERIFY2(run.exitCode == 0, run.rawErr.constData());
        QCOMPARE(run.out.value(u"cards_skipped"_s).toString(), u"card.key_missing"_s);
        QVERIFY(run.out.value(u"message"_s).toString().contains(u"COUNTERSIGN_CARD_KEY"_s));
        QCOMPARE(run.out.value(u"cards"_s).toInt(), 0);
        QCOMPARE(run.out.value(u"customers"_s).toInt(), 7);
        QCOMPARE(run.out.value(u"merchants"_s).toInt(), 2); // the merchants need no card key
        QCOMPARE(run.out.value(u"inserted"_s).toInt(), 14 + 18 + 38 + 2);
        QSqlQuery q(*m_t->db().connection());
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM card_keys"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // With the key, a second run adds only the cards (and the quasi-credit card's account).
        const Run withKey = batch({u"--db"_s, m_t->url(), u"demo"_s}, {{u"COUNTERSIGN_CARD_KEY"_s, QString(64, u'b')}});
        QVERIFY2(withKey.exitCode == 0, withKey.rawErr.constData());
        QVERIFY(!withKey.out.contains(u"cards_skipped"_s));
        QCOMPARE(withKey.out.value(u"cards"_s).toInt(), 4);
        QCOMPARE(withKey.out.value(u"inserted"_s).toInt(), 4 + 1);
    }

    void usageErrorsExitTwoWithJsonOnStderr_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("no command") << QStringList{u"--db"_s, u"sqlite:/tmp/x.db"_s} << u"usage.no_command"_s << QString();
        QTest::newRow("unknown command") << QStringList{u"--db"_s, u"sqlite:/tmp/x.db"_s, u"frobnicate"_s}
                                         << u"usage.unknown_command"_s << QString();
        QTest::newRow("no database") << QStringList{u"migrate"_s} << u"usage.no_database"_s << u"db"_s;
        QTest::newRow("bad url") << QStringList{u"--db"_s, u"mysql://x"_s, u"migrate"_s} << u"db.url"_s << u"db"_s;
        QTest::newRow("option without value") << QStringList{u"migrate"_s, u"--db"_s} << u"usage.missing_value"_s
                                              << u"db"_s;
    }
    void usageErrorsExitTwoWithJsonOnStderr()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Run run = batch(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.rawOut, QByteArray());
        QCOMPARE(run.err.value(u"error"_s).toString(), code);
        if (field.isNull())
            QCOMPARE(run.err.value(u"field"_s).type(), QJsonValue::Null);
        else
            QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(!run.err.value(u"message"_s).toString().isEmpty());
    }

    void unreachableDatabaseExitsFive()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        const Run run = batch({u"--db"_s, u"postgresql://nobody:x@127.0.0.1:1/none"_s, u"migrate"_s});
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.err.value(u"error"_s).toString(), u"db.unavailable"_s);
    }

    void messagesFollowTheLanguage()
    {
        const Run zh = batch({u"--lang"_s, u"zh_CN"_s, u"migrate"_s});
        QCOMPARE(zh.exitCode, 2);
        QCOMPARE(zh.err.value(u"message"_s).toString(), u"请用 --db URL 或 COUNTERSIGN_DB 指定数据库。"_s);
        const Run en = batch({u"--lang"_s, u"en"_s, u"migrate"_s});
        QCOMPARE(en.err.value(u"message"_s).toString(), u"Name the database with --db URL or COUNTERSIGN_DB."_s);
    }
};

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
