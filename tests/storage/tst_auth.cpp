// Demo seeding and sign-on against a migrated database on the backend COUNTERSIGN_TEST_BACKEND names.
#include "auth/authservice.h"
#include "services/demodata.h"
#include "storage/migrator.h"
#include "support/testdatabase.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

class TestAuth : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    // Every demo row in a stable order, so two seedings can be compared whole.
    QStringList dump()
    {
        QStringList rows;
        auto conn = m_t->db().connection();
        for (const QString& sql :
             {u"SELECT code, name, bank_code, business_date, created_at FROM branches ORDER BY code"_s,
              u"SELECT login, full_name, role, password_hash, state, created_at FROM staff ORDER BY login"_s,
              u"SELECT id_type, id_number, full_name, kind, birth_date, phone, address, created_at FROM customers ORDER BY id_number"_s,
              u"SELECT business_date, state FROM business_days ORDER BY business_date"_s,
              u"SELECT number, class, state, balance, held, opened_on FROM accounts ORDER BY number"_s,
              u"SELECT id, request_id, kind, business_date, staff_id FROM journal_txns ORDER BY id"_s,
              u"SELECT staff_id, business_date, state, opening_minor, counted_minor, difference_minor FROM cashbox_sessions "
               "ORDER BY id"_s,
              u"SELECT txn_id, direction, amount, day_total FROM large_value_entries ORDER BY id"_s,
              u"SELECT account_id, period, period_start, direction, amount FROM account_limit_usage "
               "ORDER BY account_id, period, period_start, direction"_s,
              u"SELECT code, name, fee_plan, fee_rate_bp, cycle, settlement_days, created_at FROM merchants ORDER BY code"_s,
              u"SELECT merchant_id, order_number, state, amount, captured, refunded, fee, settle_on, txn_id "
               "FROM merchant_payments ORDER BY id"_s,
              u"SELECT payment_id, amount, txn_id FROM merchant_refunds ORDER BY id"_s,
              u"SELECT COUNT(*) FROM audit_log"_s}) {
            QSqlQuery q(*conn);
            if (!q.exec(sql))
                return {u"query failed: "_s + sql};
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < q.record().count(); ++i)
                    fields << q.value(i).toString();
                rows << fields.join(u'|');
            }
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        CS_VERIFY_RESULT(cs::Migrator(m_t->db()).migrate());
    }
    void cleanupTestCase() { m_t.reset(); }

    void seedingTwiceLeavesTheSameData()
    {
        const auto first = cs::DemoData::seed(m_t->db());
        CS_VERIFY_RESULT(first);
        QCOMPARE(first->branches, 1);
        QCOMPARE(first->staff, 6);
        QCOMPARE(first->customers, 7);
        // Customer and internal accounts (DemoLedger), the vault delivery and three days of teller cash,
        // and today the merchants' four payments (one authorised, then captured) and a refund.
        QCOMPARE(first->accounts, 9 + 9);
        QCOMPARE(first->transactions, 33 + 5);
        QCOMPARE(first->merchants, 2);
        QCOMPARE(first->inserted, 1 + 6 + 7 + 18 + 38 + 2);
        const QStringList before = dump();
        // branch, staff, customers, 3 closed days and today, accounts, transactions, 6 box sessions, one
        // large-value entry, Class II usage (in on day 1, out on day 2, each with its year row), merchants,
        // their payments and refund, audit count
        QCOMPARE(before.size(), 1 + 6 + 7 + 4 + 18 + 38 + 6 + 1 + 4 + 2 + 4 + 1 + 1);

        const auto second = cs::DemoData::seed(m_t->db());
        CS_VERIFY_RESULT(second);
        QCOMPARE(second->inserted, 0);
        QCOMPARE(second->staff, 6);
        QCOMPARE(dump(), before);
    }

    void signOnWithTheDemoPassword_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<cs::Role>("role");
        QTest::newRow("teller") << u"teller1"_s << cs::Role::Teller;
        QTest::newRow("supervisor, typed in upper case") << u" SUPER1 "_s << cs::Role::Supervisor;
        QTest::newRow("auditor") << u"auditor1"_s << cs::Role::Auditor;
        QTest::newRow("admin") << u"admin"_s << cs::Role::Admin;
    }
    void signOnWithTheDemoPassword()
    {
        QFETCH(QString, login);
        QFETCH(cs::Role, role);
        const cs::AuthService auth(m_t->db());
        const auto session = auth.signOn(login, u"demo-pass-1"_s, u"T01"_s);
        CS_VERIFY_RESULT(session);
        QCOMPARE(session->login, login.trimmed().toLower());
        QCOMPARE(session->role, role);
        QCOMPARE(session->branchCode, u"0001"_s);
        QCOMPARE(session->terminal, u"T01"_s);
        QCOMPARE(session->businessDate, QDate::currentDate());
        QVERIFY(session->staffId > 0);
        CS_VERIFY_RESULT(auth.confirm(*session, u"demo-pass-1"_s));
        const auto wrong = auth.confirm(*session, u"demo-pass-2"_s);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, u"auth.bad_password"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<cs::ErrorKind>("kind");
        QTest::newRow("wrong password") << u"teller1"_s << u"demo-pass-2"_s << u"auth.bad_credentials"_s
                                        << u"password"_s << cs::ErrorKind::Refused;
        QTest::newRow("unknown login, same answer") << u"nobody"_s << u"demo-pass-1"_s << u"auth.bad_credentials"_s
                                                    << u"password"_s << cs::ErrorKind::Refused;
        QTest::newRow("empty login") << u"  "_s << u"demo-pass-1"_s << u"auth.empty_login"_s << u"login"_s
                                     << cs::ErrorKind::Invalid;
        QTest::newRow("empty password") << u"teller1"_s << QString() << u"auth.empty_password"_s << u"password"_s
                                        << cs::ErrorKind::Invalid;
        QTest::newRow("password is case sensitive") << u"teller1"_s << u"DEMO-PASS-1"_s
                                                    << u"auth.bad_credentials"_s << u"password"_s
                                                    << cs::ErrorKind::Refused;
    }
    void refusals()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(cs::ErrorKind, kind);
        const auto session = cs::AuthService(m_t->db()).signOn(login, password, u"T01"_s);
        QVERIFY(!session);
        QCOMPARE(session.error().code, code);
        QCOMPARE(session.error().field, field);
        QCOMPARE(session.error().kind, kind);
        QVERIFY(!session.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
