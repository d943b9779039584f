#include "storage/migrator.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSqlSplitter : public QObject {
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("two") << u"SELECT 1;\nSELECT 2;"_s << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("no trailing semicolon") << u"SELECT 1"_s << QStringList{u"SELECT 1"_s};
        QTest::newRow("empty") << u"  \n -- only a comment\n"_s << QStringList{};
        QTest::newRow("semicolon in string") << u"INSERT INTO t VALUES ('a;b''c');SELECT 2;"_s
                                             << QStringList{u"INSERT INTO t VALUES ('a;b''c')"_s, u"SELECT 2"_s};
        QTest::newRow("semicolon in identifier") << u"SELECT \"a;b\" FROM t;"_s << QStringList{u"SELECT \"a;b\" FROM t"_s};
        QTest::newRow("line comment") << u"SELECT 1; -- a; b\nSELECT 2;"_s << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("block comment") << u"SELECT /* ; */ 1;"_s << QStringList{u"SELECT   1"_s};
        QTest::newRow("dollar quoted body")
            << u"CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'x;y'; END; $$ LANGUAGE plpgsql;\nSELECT 1;"_s
            << QStringList{u"CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'x;y'; END; $$ LANGUAGE plpgsql"_s,
                           u"SELECT 1"_s};
        QTest::newRow("tagged dollar quote")
            << u"DO $fn$ BEGIN PERFORM 1; END $fn$;"_s << QStringList{u"DO $fn$ BEGIN PERFORM 1; END $fn$"_s};
        QTest::newRow("sqlite trigger")
            << u"CREATE TRIGGER tr BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'no'); SELECT 2; END;\nSELECT 3;"_s
            << QStringList{u"CREATE TRIGGER tr BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'no'); SELECT 2; END"_s,
                           u"SELECT 3"_s};
        QTest::newRow("sqlite trigger with case")
            << u"CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT CASE WHEN 1 THEN RAISE(ABORT, 'x') END; END;SELECT 4;"_s
            << QStringList{u"CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT CASE WHEN 1 THEN RAISE(ABORT, 'x') END; END"_s,
                           u"SELECT 4"_s};
        QTest::newRow("pg trigger statement")
            << u"CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();SELECT 5;"_s
            << QStringList{u"CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()"_s, u"SELECT 5"_s};
    }
    void split()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        QCOMPARE(cs::splitSqlStatements(script), expected);
    }
};

QTEST_GUILESS_MAIN(TestSqlSplitter)
#include "tst_sqlsplitter.moc"
