// No password in clear anywhere: after sign-ons (good and bad), staff added, reset and changed through
// the real CLI, every row of every table, the database files, what the CLI printed and every file it
// wrote under its HOME are searched for each password used. On SQLite and PostgreSQL.
#include "cli/batchrunner.h"
#include "services/staffservice.h"
#include "support/demodb.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlRecord>
#include <QTemporaryDir>

using cs::test::DemoDb;
using cs::test::runBatch;

class TestNoSecrets : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QTemporaryDir m_home;
    QByteArray m_printed; // everything the CLI wrote on stdout and stderr

    const QStringList secrets = {u"demo-pass-1"_s, u"Initial-Secret-81"_s, u"Wrong-Guess-Pw-3"_s, u"Reset-Secret-52"_s,
                                 u"Final-Secret-907"_s};

    cs::test::BatchRun run(const QString& login, const QString& password, const QStringList& command,
                           const QMap<QString, QString>& extra = {})
    {
        QMap<QString, QString> env = extra;
        env.insert(u"COUNTERSIGN_PASSWORD"_s, password);
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        const auto result = runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login} + command, env);
        m_printed += result.rawOut + result.rawErr;
        return result;
    }

    QByteArray dumpAllTables() { return cs::test::dumpEveryTable(m_db.db()).toUtf8(); }

    void expectNoSecretIn(const QByteArray& haystack, const QString& where)
    {
        for (const QString& secret : secrets)
            QVERIFY2(!haystack.contains(secret.toUtf8()), qPrintable(secret + u" found in "_s + where));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        CS_VERIFY_RESULT(m_db.create());
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void everyPasswordPathLeavesNoClearText()
    {
        QCOMPARE(run(u"admin"_s, u"demo-pass-1"_s,
                     {u"staff"_s, u"add"_s, u"--login"_s, u"secretive"_s, u"--name"_s, u"S"_s, u"--role"_s, u"teller"_s,
                      u"--branch"_s, u"0001"_s},
                     {{u"COUNTERSIGN_NEW_PASSWORD"_s, u"Initial-Secret-81"_s}})
                     .exitCode,
                 0);
        QCOMPARE(run(u"secretive"_s, u"Wrong-Guess-Pw-3"_s, {u"setting"_s, u"list"_s}).exitCode, 3);
        QCOMPARE(run(u"nobody"_s, u"Wrong-Guess-Pw-3"_s, {u"setting"_s, u"list"_s}).exitCode, 3);
        QCOMPARE(run(u"admin"_s, u"demo-pass-1"_s, {u"staff"_s, u"reset-password"_s, u"--login"_s, u"secretive"_s},
                     {{u"COUNTERSIGN_NEW_PASSWORD"_s, u"Reset-Secret-52"_s}})
                     .exitCode,
                 0);
        auto session = m_db.signOn(u"secretive"_s, u"Reset-Secret-52"_s);
        CS_VERIFY_RESULT(session);
        CS_VERIFY_RESULT(cs::StaffService(m_db.db()).changeOwnPassword(*session, u"Reset-Secret-52"_s, u"Final-Secret-907"_s));
        QCOMPARE(run(u"secretive"_s, u"Final-Secret-907"_s, {u"setting"_s, u"list"_s}).exitCode, 3); // a teller: refused
        QVERIFY(m_db.count(u"SELECT COUNT(*) FROM audit_log"_s) >= 8);

        expectNoSecretIn(dumpAllTables(), u"a table"_s);
        expectNoSecretIn(m_printed, u"the CLI's output"_s);
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            expectNoSecretIn(f.readAll(), f.fileName());
        }
        if (m_db.db().dialect() == cs::Dialect::SQLite) {
            m_db.db().closeThreadConnection();
            const QString path = m_db.url().mid(7);
            for (const QString& file : QStringList{path, path + u"-wal"_s}) {
                QFile f(file);
                if (f.open(QIODevice::ReadOnly))
                    expectNoSecretIn(f.readAll(), file);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNoSecrets)
#include "tst_nosecrets.moc"
