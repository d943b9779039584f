// Settings: typed, validated, shown as a person types them, and every change audited.
#include "services/settingsservice.h"
#include "support/demodb.h"

using cs::test::DemoDb;

class TestSettings : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_admin;

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto admin = m_db.signOn(u"admin"_s);
        CS_VERIFY_RESULT(admin);
        m_admin = *admin;
    }
    void cleanupTestCase() { m_db.reset(); }

    void everyDefinitionHasItsRow()
    {
        const auto all = cs::SettingsService(m_db.db()).list(*m_admin);
        CS_VERIFY_RESULT(all);
        QCOMPARE(all->size(), cs::settingDefinitions().size());
        for (const cs::SettingValue& v : std::as_const(*all))
            QVERIFY2(!v.label.isEmpty() && !v.description.isEmpty(), qPrintable(v.definition.key));
    }

    void defaultsAreShownAsTyped_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<qint64>("stored");
        QTest::newRow("teller limit") << u"limits.teller_single_max"_s << u"50000.00"_s << qint64(5000000);
        QTest::newRow("lockout") << u"security.lockout_failures"_s << u"5"_s << qint64(5);
        QTest::newRow("idle lock") << u"security.idle_lock_minutes"_s << u"5"_s << qint64(5);
        QTest::newRow("class III cap") << u"class3.balance_cap"_s << u"2000.00"_s << qint64(200000);
        QTest::newRow("reversal approval") << u"approvals.required.reversal"_s << u"1"_s << qint64(1);
        QTest::newRow("interbank approval") << u"approvals.required.transfer_interbank"_s << u"1"_s << qint64(1);
    }
    void defaultsAreShownAsTyped()
    {
        QFETCH(QString, key);
        QFETCH(QString, shown);
        QFETCH(qint64, stored);
        const cs::SettingsService settings(m_db.db());
        const auto value = settings.get(*m_admin, key);
        CS_VERIFY_RESULT(value);
        QCOMPARE(value->value, shown);
        const auto integer = settings.integer(key);
        CS_VERIFY_RESULT(integer);
        QCOMPARE(*integer, stored);
    }

    void setValidatesStoresAndAudits()
    {
        const cs::SettingsService settings(m_db.db());
        CS_VERIFY_RESULT(settings.set(*m_admin, u"limits.teller_single_max"_s, u"60,000.00"_s));
        QCOMPARE(*settings.integer(u"limits.teller_single_max"_s), 6000000);
        QCOMPARE(settings.get(*m_admin, u"limits.teller_single_max"_s)->value, u"60000.00"_s);
        QCOMPARE(settings.get(*m_admin, u"limits.teller_single_max"_s)->updatedBy, u"admin"_s);
        QCOMPARE(m_db.scalar(u"SELECT before_value || ' -> ' || after_value FROM audit_log "
                             "WHERE action = 'setting.set' AND entity_id = 'limits.teller_single_max'"_s).toString(),
                 u"{\"value\":\"50000.00\"} -> {\"value\":\"60000.00\"}"_s);
        CS_VERIFY_RESULT(settings.set(*m_admin, u"clearing.hvps_cutoff"_s, u"16:45"_s));
        QCOMPARE(settings.get(*m_admin, u"clearing.hvps_cutoff"_s)->value, u"16:45"_s);
    }

    void badValuesChangeNothing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("three decimals") << u"limits.teller_single_max"_s << u"60000.005"_s << u"amount.too_many_decimals"_s;
        QTest::newRow("bad grouping") << u"limits.teller_single_max"_s << u"60,000.5,"_s << u"amount.malformed"_s;
        QTest::newRow("negative money") << u"limits.teller_single_max"_s << u"-1"_s << u"amount.negative"_s;
        QTest::newRow("exponent") << u"aml.cash_large_value"_s << u"1e3"_s << u"amount.malformed"_s;
        QTest::newRow("lockout below range") << u"security.lockout_failures"_s << u"2"_s << u"setting.out_of_range"_s;
        QTest::newRow("lockout not a number") << u"security.lockout_failures"_s << u"five"_s << u"setting.out_of_range"_s;
        QTest::newRow("minutes fraction") << u"security.idle_lock_minutes"_s << u"1.5"_s << u"setting.out_of_range"_s;
        QTest::newRow("approval flag above 1") << u"approvals.required.account_freeze"_s << u"2"_s << u"setting.out_of_range"_s;
        QTest::newRow("time 24:00") << u"clearing.hvps_cutoff"_s << u"24:00"_s << u"setting.invalid"_s;
        QTest::newRow("unknown key") << u"no.such_setting"_s << u"1"_s << u"setting.unknown"_s;
    }
    void badValuesChangeNothing()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, code);
        const qint64 before = m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'setting.set'"_s);
        const QString stored = m_db.scalar(u"SELECT value FROM settings WHERE key = '%1'"_s.arg(key)).toString();
        const cs::Status status = cs::SettingsService(m_db.db()).set(*m_admin, key, value);
        QVERIFY(!status);
        QCOMPARE(status.error().code, code);
        QVERIFY(!status.error().message.isEmpty());
        QCOMPARE(m_db.scalar(u"SELECT value FROM settings WHERE key = '%1'"_s.arg(key)).toString(), stored);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'setting.set'"_s), before);
    }

    void lockoutFollowsTheSetting()
    {
        CS_VERIFY_RESULT(cs::SettingsService(m_db.db()).set(*m_admin, u"security.lockout_failures"_s, u"3"_s));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_db.signOn(u"teller1"_s, u"wrong-wrong"_s).error().code, u"auth.bad_credentials"_s);
        QCOMPARE(m_db.signOn(u"teller1"_s, u"wrong-wrong"_s).error().code, u"auth.locked_now"_s);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
