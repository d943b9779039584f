// `countersign-batch customer add|find|show|edit` on both backends: answers, exit codes and errors.
#include "cli/batchrunner.h"

#include <QJsonArray>
#include "support/demodb.h"

using cs::test::DemoDb;
using cs::test::runBatch;

class TestCustomerCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;

    cs::test::BatchRun as(const QString& login, const QStringList& command, const QMap<QString, QString>& extraEnv = {})
    {
        QMap<QString, QString> env = extraEnv;
        env.insert(u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s);
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command, env);
    }
    cs::test::BatchRun customer(const QStringList& command, const QMap<QString, QString>& env = {})
    {
        return as(u"teller1"_s, QStringList{u"customer"_s} + command, env);
    }
    static QString describe(const cs::test::BatchRun& run)
    {
        return QString::fromUtf8(run.rawOut + run.rawErr);
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void addShowAndFind()
    {
        const auto added = customer({u"add"_s, u"--name"_s, u"赵六"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s,
                                     u"11010519491231002x"_s, u"--phone"_s, u"13312345678"_s, u"--address"_s,
                                     u"北京市朝阳区 9 号"_s});
        QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
        const qint64 id = added.out.value(u"customer_id"_s).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(added.out.value(u"id"_s).toInteger(), id);
        QCOMPARE(added.out.value(u"name"_s).toString(), u"赵六"_s);
        QCOMPARE(added.out.value(u"kind"_s).toString(), u"person"_s);
        QCOMPARE(added.out.value(u"id_type"_s).toString(), u"resident"_s);
        QCOMPARE(added.out.value(u"id_number"_s).toString(), u"11010519491231002X"_s);
        QCOMPARE(added.out.value(u"birth_date"_s).toString(), u"1949-12-31"_s);
        QVERIFY(added.out.value(u"age"_s).toInt() >= 74);
        QCOMPARE(added.out.value(u"phone"_s).toString(), u"13312345678"_s);
        QCOMPARE(added.out.value(u"branch"_s).toString(), u"0001"_s);

        const auto shown = as(u"auditor1"_s, {u"customer"_s, u"show"_s, u"--id"_s, QString::number(id)});
        QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
        QCOMPARE(shown.out.value(u"address"_s).toString(), u"北京市朝阳区 9 号"_s);
        QCOMPARE(shown.out.value(u"kyc_state"_s).toString(), u"verified"_s);
        QVERIFY(shown.out.value(u"id_check_confirmed_by"_s).isNull());

        const QJsonArray expected{QJsonObject{{u"id"_s, id}, {u"name"_s, u"赵六"_s}, {u"id_type"_s, u"resident"_s},
                                              {u"id_number"_s, u"11010519491231002X"_s}, {u"phone"_s, u"13312345678"_s},
                                              {u"kind"_s, u"person"_s}}};
        for (const QString& query : {u"11010519491231002x"_s, u"13312345678"_s, u"赵六"_s}) {
            const auto found = customer({u"find"_s, u"--query"_s, query});
            QVERIFY2(found.exitCode == 0, qPrintable(describe(found)));
            QCOMPARE(found.out.value(u"customers"_s).toArray(), expected);
        }
        const auto none = customer({u"find"_s, u"--query"_s, u"无此人"_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out.value(u"customers"_s).toArray(), QJsonArray());
    }

    void passportAndCompany()
    {
        const auto passport = customer({u"add"_s, u"--name"_s, u"Jane Roe"_s, u"--id-type"_s, u"passport"_s,
                                        u"--id-number"_s, u"k7654321"_s, u"--birth-date"_s, u"1988-02-29"_s});
        QVERIFY2(passport.exitCode == 0, qPrintable(describe(passport)));
        QCOMPARE(passport.out.value(u"id_number"_s).toString(), u"K7654321"_s);
        QCOMPARE(passport.out.value(u"birth_date"_s).toString(), u"1988-02-29"_s);
        const auto company = customer({u"add"_s, u"--name"_s, u"福州示范有限公司"_s, u"--id-type"_s, u"uscc"_s,
                                       u"--id-number"_s, u"91350100M000100Y43"_s});
        QVERIFY2(company.exitCode == 0, qPrintable(describe(company)));
        QCOMPARE(company.out.value(u"kind"_s).toString(), u"company"_s);
        QVERIFY(company.out.value(u"birth_date"_s).isNull());
        QVERIFY(company.out.value(u"age"_s).isNull());
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << QStringList{u"add"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s, u"440305199001013219"_s}
                                 << u"usage.missing_option"_s << u"name"_s;
        QTest::newRow("check digit") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s, u"440305199001013218"_s}
                                     << u"id.check_digit"_s << u"id_number"_s;
        QTest::newRow("future") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s, u"110101209912310015"_s}
                                << u"id.future"_s << u"id_number"_s;
        QTest::newRow("id type") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"license"_s, u"--id-number"_s, u"440305199001013219"_s}
                                 << u"customer.id_type"_s << u"id_type"_s;
        QTest::newRow("phone") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s, u"440305199001013219"_s, u"--phone"_s, u"12-34"_s}
                               << u"customer.phone"_s << u"phone"_s;
        QTest::newRow("birth date format") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"passport"_s, u"--id-number"_s, u"E1234567"_s, u"--birth-date"_s, u"1988-02-30"_s}
                                           << u"usage.bad_date"_s << u"birth_date"_s;
        QTest::newRow("passport without birth date") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"passport"_s, u"--id-number"_s, u"E1234567"_s}
                                                     << u"customer.birth_date_missing"_s << u"birth_date"_s;
        QTest::newRow("empty query") << QStringList{u"find"_s, u"--query"_s, u" "_s} << u"customer.query_empty"_s << u"query"_s;
        QTest::newRow("no query") << QStringList{u"find"_s} << u"usage.missing_option"_s << u"query"_s;
        QTest::newRow("bad id") << QStringList{u"show"_s, u"--id"_s, u"abc"_s} << u"usage.bad_number"_s << u"id"_s;
        QTest::newRow("confirmer without password") << QStringList{u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s, u"uscc"_s, u"--id-number"_s, u"91110000600037341A"_s, u"--confirm-as"_s, u"super1"_s}
                                                    << u"usage.no_confirm_password"_s << u"confirm_as"_s;
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, error);
        QFETCH(QString, field);
        const qint64 before = m_db.count(u"SELECT COUNT(*) FROM customers"_s);
        const auto run = customer(command);
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QCOMPARE(run.err.value(u"error"_s).toString(), error);
        QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(!run.err.value(u"message"_s).toString().isEmpty());
        QVERIFY(run.rawOut.isEmpty());
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM customers"_s), before);
    }

    void refusalsExitThree()
    {
        const qint64 before = m_db.count(u"SELECT COUNT(*) FROM customers"_s);
        const auto duplicate = customer({u"add"_s, u"--name"_s, u"Copy"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s,
                                         u"110101198003151239"_s});
        QCOMPARE(duplicate.exitCode, 3);
        QCOMPARE(duplicate.err.value(u"error"_s).toString(), u"customer.duplicate"_s);
        QCOMPARE(duplicate.err.value(u"field"_s).toString(), u"id_number"_s);
        const QString existing = m_db.scalar(u"SELECT id FROM customers WHERE id_number = '110101198003151239'"_s).toString();
        QVERIFY(duplicate.err.value(u"message"_s).toString().contains(existing));

        const auto auditor = as(u"auditor1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"A"_s, u"--id-type"_s,
                                                u"resident"_s, u"--id-number"_s, u"440305199001013219"_s});
        QCOMPARE(auditor.exitCode, 3);
        QCOMPARE(auditor.err.value(u"error"_s).toString(), u"permission.denied"_s);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM customers"_s), before);

        const auto missing = customer({u"show"_s, u"--id"_s, u"999999"_s});
        QCOMPARE(missing.exitCode, 4);
        QCOMPARE(missing.err.value(u"error"_s).toString(), u"customer.not_found"_s);
        QCOMPARE(missing.err.value(u"field"_s).toString(), u"customer"_s);
    }

    void failingUsccWithASupervisor()
    {
        const QStringList add{u"add"_s, u"--name"_s, u"校验失败公司"_s, u"--id-type"_s, u"uscc"_s,
                              u"--id-number"_s, u"91110000600037341A"_s};
        const auto refused = customer(add);
        QCOMPARE(refused.exitCode, 3);
        QCOMPARE(refused.err.value(u"error"_s).toString(), u"customer.uscc_check_digit"_s);
        QCOMPARE(refused.err.value(u"field"_s).toString(), u"id_number"_s);

        const auto byTeller = customer(add + QStringList{u"--confirm-as"_s, u"teller2"_s},
                                       {{u"COUNTERSIGN_CONFIRM_PASSWORD"_s, u"demo-pass-1"_s}});
        QCOMPARE(byTeller.exitCode, 3);
        QCOMPARE(byTeller.err.value(u"error"_s).toString(), u"customer.confirmer_not_supervisor"_s);
        QCOMPARE(byTeller.err.value(u"field"_s).toString(), u"confirm_as"_s);

        const auto byMaker = customer(add + QStringList{u"--confirm-as"_s, u"teller1"_s},
                                      {{u"COUNTERSIGN_CONFIRM_PASSWORD"_s, u"demo-pass-1"_s}});
        QCOMPARE(byMaker.exitCode, 3);
        QCOMPARE(byMaker.err.value(u"error"_s).toString(), u"customer.confirmer_is_maker"_s);

        const auto wrongPassword = customer(add + QStringList{u"--confirm-as"_s, u"super1"_s},
                                            {{u"COUNTERSIGN_CONFIRM_PASSWORD"_s, u"not-the-password"_s}});
        QCOMPARE(wrongPassword.exitCode, 3);
        QCOMPARE(wrongPassword.err.value(u"error"_s).toString(), u"auth.bad_credentials"_s);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM customers WHERE id_number = '91110000600037341A'"_s), 0);

        const auto confirmed = customer(add + QStringList{u"--confirm-as"_s, u"super1"_s},
                                        {{u"COUNTERSIGN_CONFIRM_PASSWORD"_s, u"demo-pass-1"_s}});
        QVERIFY2(confirmed.exitCode == 0, qPrintable(describe(confirmed)));
        QCOMPARE(confirmed.out.value(u"id_check_confirmed_by"_s).toString(), u"super1"_s);
        QCOMPARE(confirmed.out.value(u"kind"_s).toString(), u"company"_s);
    }

    void editAndIdempotentAdd()
    {
        const QStringList add{u"add"_s, u"--name"_s, u"Once Only"_s, u"--id-type"_s, u"resident"_s, u"--id-number"_s,
                              u"110105198005151019"_s, u"--request-id"_s, u"5d0c8f3a-1e2b-4c6d-9f70-8a1b2c3d4e5f"_s};
        const auto first = customer(add);
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const auto second = customer(add);
        QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
        QCOMPARE(second.out.value(u"customer_id"_s), first.out.value(u"customer_id"_s));
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM customers WHERE id_number = '110105198005151019'"_s), 1);

        const QString id = QString::number(first.out.value(u"customer_id"_s).toInteger());
        const auto edited = customer({u"edit"_s, u"--id"_s, id, u"--phone"_s, u"13500001111"_s, u"--address"_s, u"新址"_s});
        QVERIFY2(edited.exitCode == 0, qPrintable(describe(edited)));
        QCOMPARE(edited.out.value(u"phone"_s).toString(), u"13500001111"_s);
        QCOMPARE(edited.out.value(u"address"_s).toString(), u"新址"_s);
        QCOMPARE(edited.out.value(u"name"_s).toString(), u"Once Only"_s);
        QCOMPARE(m_db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'customer.edit' AND entity_id = '%1' "
                             "AND terminal = 'CLI1'"_s.arg(id)).toString(),
                 u"{\"address\":\"新址\",\"phone\":\"13500001111\"}"_s);
        const auto unchanged = customer({u"edit"_s, u"--id"_s, id, u"--phone"_s, u"13500001111"_s});
        QCOMPARE(unchanged.exitCode, 2);
        QCOMPARE(unchanged.err.value(u"error"_s).toString(), u"customer.no_change"_s);

        const auto unknown = customer({u"merge"_s});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err.value(u"error"_s).toString(), u"usage.unknown_command"_s);
    }
};

QTEST_GUILESS_MAIN(TestCustomerCli)
#include "tst_customercli.moc"
