// `--as` sign-on and the staff and setting commands of countersign-batch, on both backends.
#include "cli/batchrunner.h"

#include <QJsonArray>
#include "support/demodb.h"

using cs::test::DemoDb;
using cs::test::runBatch;

class TestStaffCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;

    cs::test::BatchRun as(const QString& login, const QString& password, const QStringList& command,
                          const QMap<QString, QString>& extraEnv = {})
    {
        QMap<QString, QString> env = extraEnv;
        if (!password.isNull())
            env.insert(u"COUNTERSIGN_PASSWORD"_s, password);
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command, env);
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void actingNeedsLoginAndPassword()
    {
        const auto noAs = runBatch({u"--db"_s, m_db.url(), u"staff"_s, u"list"_s});
        QCOMPARE(noAs.exitCode, 2);
        QCOMPARE(noAs.err.value(u"error"_s).toString(), u"usage.no_staff"_s);
        const auto noPassword = as(u"admin"_s, QString(), {u"staff"_s, u"list"_s});
        QCOMPARE(noPassword.exitCode, 2);
        QCOMPARE(noPassword.err.value(u"error"_s).toString(), u"usage.no_password"_s);
        const auto wrong = as(u"admin"_s, u"not-the-password"_s, {u"staff"_s, u"list"_s});
        QCOMPARE(wrong.exitCode, 3);
        QCOMPARE(wrong.err.value(u"error"_s).toString(), u"auth.bad_credentials"_s);
        QCOMPARE(wrong.err.value(u"field"_s).toString(), u"password"_s);
    }

    void adminAddsStaffWhoMustChangeTheirPassword()
    {
        const auto added = as(u"admin"_s, u"demo-pass-1"_s,
                              {u"staff"_s, u"add"_s, u"--login"_s, u"teller9"_s, u"--name"_s, u"张三 Zhang San"_s,
                               u"--role"_s, u"teller"_s, u"--branch"_s, u"0001"_s},
                              {{u"COUNTERSIGN_NEW_PASSWORD"_s, u"First-pass-1234"_s}});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.value(u"login"_s).toString(), u"teller9"_s);
        QVERIFY(added.out.value(u"staff_id"_s).toInteger() > 0);
        QCOMPARE(added.out.value(u"must_change_password"_s).toBool(), true);
        QCOMPARE(m_db.scalar(u"SELECT full_name FROM staff WHERE login = 'teller9'"_s).toString(), u"张三 Zhang San"_s);

        const auto acting = as(u"teller9"_s, u"First-pass-1234"_s, {u"setting"_s, u"list"_s});
        QCOMPARE(acting.exitCode, 3);
        QCOMPARE(acting.err.value(u"error"_s).toString(), u"auth.password_change_required"_s);

        const auto noPassword = as(u"admin"_s, u"demo-pass-1"_s,
                                   {u"staff"_s, u"add"_s, u"--login"_s, u"teller8"_s, u"--name"_s, u"X"_s, u"--role"_s,
                                    u"teller"_s, u"--branch"_s, u"0001"_s});
        QCOMPARE(noPassword.exitCode, 2);
        QCOMPARE(noPassword.err.value(u"error"_s).toString(), u"usage.no_new_password"_s);
        const auto badRole = as(u"admin"_s, u"demo-pass-1"_s,
                                {u"staff"_s, u"add"_s, u"--login"_s, u"teller8"_s, u"--name"_s, u"X"_s, u"--role"_s,
                                 u"boss"_s, u"--branch"_s, u"0001"_s},
                                {{u"COUNTERSIGN_NEW_PASSWORD"_s, u"First-pass-1234"_s}});
        QCOMPARE(badRole.exitCode, 2);
        QCOMPARE(badRole.err.value(u"field"_s).toString(), u"role"_s);
    }

    void aTellerMayNotManageStaff()
    {
        const auto refused = as(u"teller1"_s, u"demo-pass-1"_s,
                                {u"staff"_s, u"add"_s, u"--login"_s, u"sneaky"_s, u"--name"_s, u"S"_s, u"--role"_s,
                                 u"admin"_s, u"--branch"_s, u"0001"_s},
                                {{u"COUNTERSIGN_NEW_PASSWORD"_s, u"Sneaky-pass-123"_s}});
        QCOMPARE(refused.exitCode, 3);
        QCOMPARE(refused.err.value(u"error"_s).toString(), u"permission.denied"_s);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM staff WHERE login = 'sneaky'"_s), 0);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'staff.add' AND outcome = 'refused' "
                            "AND login = 'teller1' AND terminal = 'CLI1'"_s), 1);
    }

    void lockAndUnlockFromTheCommandLine()
    {
        for (int i = 0; i < 5; ++i)
            as(u"auditor1"_s, u"bad-bad-bad"_s, {u"setting"_s, u"list"_s});
        QCOMPARE(m_db.scalar(u"SELECT state FROM staff WHERE login = 'auditor1'"_s).toString(), u"locked"_s);
        const auto unlocked = as(u"admin"_s, u"demo-pass-1"_s, {u"staff"_s, u"unlock"_s, u"--login"_s, u"auditor1"_s});
        QCOMPARE(unlocked.exitCode, 0);
        QCOMPARE(unlocked.out.value(u"state"_s).toString(), u"active"_s);
        QCOMPARE(unlocked.out.value(u"failed_logins"_s).toInt(), 0);
        const auto list = as(u"auditor1"_s, u"demo-pass-1"_s, {u"setting"_s, u"list"_s});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.value(u"settings"_s).toArray().size() > 10);
    }

    void settingsFromTheCommandLine()
    {
        const auto set = as(u"admin"_s, u"demo-pass-1"_s,
                            {u"setting"_s, u"set"_s, u"--key"_s, u"limits.teller_single_max"_s, u"--value"_s, u"45000.50"_s});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.out.value(u"value"_s).toString(), u"45000.50"_s);
        const auto get = as(u"super1"_s, u"demo-pass-1"_s, {u"setting"_s, u"get"_s, u"--key"_s, u"limits.teller_single_max"_s});
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.out.value(u"value"_s).toString(), u"45000.50"_s);
        const auto bad = as(u"admin"_s, u"demo-pass-1"_s,
                            {u"setting"_s, u"set"_s, u"--key"_s, u"limits.teller_single_max"_s, u"--value"_s, u"1.234"_s});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.err.value(u"field"_s).toString(), u"value"_s);
        const auto notAllowed = as(u"super1"_s, u"demo-pass-1"_s,
                                   {u"setting"_s, u"set"_s, u"--key"_s, u"security.idle_lock_minutes"_s, u"--value"_s, u"9"_s});
        QCOMPARE(notAllowed.exitCode, 3);
        QCOMPARE(m_db.scalar(u"SELECT value FROM settings WHERE key = 'limits.teller_single_max'"_s).toString(), u"4500050"_s);
    }
};

QTEST_GUILESS_MAIN(TestStaffCli)
#include "tst_staffcli.moc"
