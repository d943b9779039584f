// Sign-on, lockout, password rules and staff administration on SQLite and PostgreSQL.
#include "security/passwordhasher.h"
#include "services/staffservice.h"
#include "support/demodb.h"

using cs::test::DemoDb;

class TestStaff : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_admin;

    qint64 staffId(const QString& login) { return m_db.count(u"SELECT id FROM staff WHERE login = '%1'"_s.arg(login)); }
    QString state(const QString& login) { return m_db.scalar(u"SELECT state FROM staff WHERE login = '%1'"_s.arg(login)).toString(); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto admin = m_db.signOn(u"admin"_s);
        CS_VERIFY_RESULT(admin);
        m_admin = *admin;
    }
    void cleanupTestCase() { m_db.reset(); }

    void fiveWrongPasswordsLock()
    {
        const qint64 refusedBefore = m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'auth.sign_on' "
                                                "AND outcome = 'refused' AND login = 'teller2'"_s);
        for (int i = 1; i <= 4; ++i) {
            const auto wrong = m_db.signOn(u"teller2"_s, u"wrong-pass-%1"_s.arg(i));
            QVERIFY(!wrong);
            QCOMPARE(wrong.error().code, u"auth.bad_credentials"_s);
            QCOMPARE(m_db.count(u"SELECT failed_logins FROM staff WHERE login = 'teller2'"_s), i);
            QCOMPARE(state(u"teller2"_s), u"active"_s);
        }
        const auto fifth = m_db.signOn(u"teller2"_s, u"wrong-pass-5"_s);
        QVERIFY(!fifth);
        QCOMPARE(fifth.error().code, u"auth.locked_now"_s);
        QCOMPARE(state(u"teller2"_s), u"locked"_s);
        // Now even the right password is refused, and the count does not move.
        const auto right = m_db.signOn(u"teller2"_s);
        QVERIFY(!right);
        QCOMPARE(right.error().code, u"auth.locked"_s);
        QCOMPARE(m_db.count(u"SELECT failed_logins FROM staff WHERE login = 'teller2'"_s), 5);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'auth.sign_on' AND outcome = 'refused' "
                            "AND login = 'teller2'"_s) - refusedBefore,
                 6);

        const cs::StaffService staff(m_db.db());
        CS_VERIFY_RESULT(staff.unlock(*m_admin, staffId(u"teller2"_s)));
        QCOMPARE(state(u"teller2"_s), u"active"_s);
        QCOMPARE(m_db.count(u"SELECT failed_logins FROM staff WHERE login = 'teller2'"_s), 0);
        CS_VERIFY_RESULT(m_db.signOn(u"teller2"_s));
        const auto again = staff.unlock(*m_admin, staffId(u"teller2"_s));
        QVERIFY(!again);
        QCOMPARE(again.error().code, u"staff.state"_s);
    }

    void successClearsTheCount()
    {
        QVERIFY(!m_db.signOn(u"teller1"_s, u"nope-nope-1"_s));
        QVERIFY(!m_db.signOn(u"teller1"_s, u"nope-nope-2"_s));
        QCOMPARE(m_db.count(u"SELECT failed_logins FROM staff WHERE login = 'teller1'"_s), 2);
        CS_VERIFY_RESULT(m_db.signOn(u"teller1"_s));
        QCOMPARE(m_db.count(u"SELECT failed_logins FROM staff WHERE login = 'teller1'"_s), 0);
        QVERIFY(!m_db.scalar(u"SELECT last_login_at FROM staff WHERE login = 'teller1'"_s).isNull());
    }

    void hashIsNotThePasswordAndSaltsDiffer()
    {
        const cs::StaffService staff(m_db.db());
        const QString pw = u"Same-secret-77"_s;
        CS_VERIFY_RESULT(staff.add(*m_admin, {u"twin_a"_s, u"Twin A"_s, cs::Role::Teller, u"0001"_s, pw, {}}));
        CS_VERIFY_RESULT(staff.add(*m_admin, {u"twin_b"_s, u"Twin B"_s, cs::Role::Teller, u"0001"_s, pw, {}}));
        const QString a = m_db.scalar(u"SELECT password_hash FROM staff WHERE login = 'twin_a'"_s).toString();
        const QString b = m_db.scalar(u"SELECT password_hash FROM staff WHERE login = 'twin_b'"_s).toString();
        QVERIFY(a.startsWith(u"$scrypt$ln=15,r=8,p=1$"_s));
        QVERIFY(!a.contains(pw));
        QVERIFY(a != b);
        QVERIFY(cs::PasswordHasher::verify(pw, a) && cs::PasswordHasher::verify(pw, b));
        // Neither the password nor a hash ever reaches the audit trail.
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE after_value LIKE '%%1%' OR after_value LIKE '%$scrypt$%' "
                            "OR before_value LIKE '%$scrypt$%'"_s.arg(pw)),
                 0);
    }

    void initialPasswordMustBeChanged()
    {
        const cs::StaffService staff(m_db.db());
        CS_VERIFY_RESULT(staff.add(*m_admin, {u"newbie"_s, u"New Teller"_s, cs::Role::Teller, u"0001"_s,
                                              u"Temporary-9-pass"_s, {}}));
        auto first = m_db.signOn(u"newbie"_s, u"Temporary-9-pass"_s);
        CS_VERIFY_RESULT(first);
        QVERIFY(first->mustChangePassword);
        const auto wrongOld = staff.changeOwnPassword(*first, u"not-the-old-1"_s, u"Brand-new-pass-1"_s);
        QVERIFY(!wrongOld);
        QCOMPARE(wrongOld.error().code, u"auth.bad_password"_s);
        QCOMPARE(wrongOld.error().field, u"old_password"_s);
        const auto same = staff.changeOwnPassword(*first, u"Temporary-9-pass"_s, u"Temporary-9-pass"_s);
        QVERIFY(!same);
        QCOMPARE(same.error().code, u"password.reused"_s);
        CS_VERIFY_RESULT(staff.changeOwnPassword(*first, u"Temporary-9-pass"_s, u"Brand-new-pass-1"_s));
        auto second = m_db.signOn(u"newbie"_s, u"Brand-new-pass-1"_s);
        CS_VERIFY_RESULT(second);
        QVERIFY(!second->mustChangePassword);
        QVERIFY(!m_db.signOn(u"newbie"_s, u"Temporary-9-pass"_s));
    }

    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("code");
        QTest::newRow("too short") << u"Short-1"_s << u"password.too_short"_s;
        QTest::newRow("contains the login") << u"xx-RULESMAN-xx"_s << u"password.contains_login"_s;
        QTest::newRow("one character") << u"aaaaaaaaaaaa"_s << u"password.repeated"_s;
        QTest::newRow("good") << u"Long-enough-42"_s << QString();
    }
    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(QString, code);
        const cs::Status status = cs::checkPasswordRules(u"rulesman"_s, password, 10);
        QCOMPARE(status ? QString() : status.error().code, code);
        if (!status) {
            QCOMPARE(status.error().field, u"password"_s);
            QCOMPARE(status.error().kind, cs::ErrorKind::Invalid);
        }
        const auto added = cs::StaffService(m_db.db()).add(*m_admin, {u"rulesman"_s, u"Rules"_s, cs::Role::Teller,
                                                                      u"0001"_s, password, {}});
        QCOMPARE(added ? QString() : added.error().code, code);
        if (added)
            QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM staff WHERE login = 'rulesman'"_s), 1);
    }

    void addIsIdempotentUnderItsRequestId()
    {
        const cs::StaffService staff(m_db.db());
        const cs::NewStaffRequest request{u"once"_s, u"Only Once"_s, cs::Role::Auditor, u"0001"_s, u"Single-shot-pass-1"_s,
                                          u"7b1f6f0e-2a53-4c1e-9d55-3d8c1b7f0a11"_s};
        const auto first = staff.add(*m_admin, request);
        CS_VERIFY_RESULT(first);
        const auto second = staff.add(*m_admin, request);
        CS_VERIFY_RESULT(second);
        QCOMPARE(*second, *first);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM staff WHERE login = 'once'"_s), 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'staff.add' AND entity_id = '%1'"_s.arg(*first)), 1);
        const auto taken = staff.add(*m_admin, {u"once"_s, u"Again"_s, cs::Role::Teller, u"0001"_s, u"Single-shot-pass-1"_s, {}});
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, u"staff.login_taken"_s);
        QCOMPARE(taken.error().field, u"login"_s);
    }

    void disableRoleAndResetAreAudited()
    {
        const cs::StaffService staff(m_db.db());
        const qint64 id = staffId(u"super2"_s);
        const auto noReason = staff.disable(*m_admin, id, u"  "_s);
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().field, u"reason"_s);
        CS_VERIFY_RESULT(staff.disable(*m_admin, id, u"left the branch"_s));
        const auto disabled = m_db.signOn(u"super2"_s);
        QVERIFY(!disabled);
        QCOMPARE(disabled.error().code, u"auth.disabled"_s);
        CS_VERIFY_RESULT(staff.enable(*m_admin, id));
        CS_VERIFY_RESULT(staff.changeRole(*m_admin, id, cs::Role::Auditor));
        QCOMPARE(m_db.scalar(u"SELECT role FROM staff WHERE id = %1"_s.arg(id)).toString(), u"auditor"_s);
        CS_VERIFY_RESULT(staff.resetPassword(*m_admin, id, u"Reset-pass-2024"_s));
        auto after = m_db.signOn(u"super2"_s, u"Reset-pass-2024"_s);
        CS_VERIFY_RESULT(after);
        QVERIFY(after->mustChangePassword);
        QCOMPARE(after->role, cs::Role::Auditor);
        const QString roleChange = m_db.scalar(u"SELECT before_value || ' -> ' || after_value FROM audit_log "
                                               "WHERE action = 'staff.change_role' AND entity_id = '%1'"_s.arg(id)).toString();
        QVERIFY2(roleChange.contains(u"\"role\":\"supervisor\""_s) && roleChange.contains(u"\"role\":\"auditor\""_s),
                 qPrintable(roleChange));

        const auto self = staff.disable(*m_admin, m_admin->staffId, u"oops"_s);
        QVERIFY(!self);
        QCOMPARE(self.error().code, u"staff.self"_s);
        const auto missing = staff.unlock(*m_admin, 999999);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, u"staff.not_found"_s);
    }
};

QTEST_GUILESS_MAIN(TestStaff)
#include "tst_staff.moc"
