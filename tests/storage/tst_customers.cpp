// Customers on SQLite and PostgreSQL: adding persons and companies, one customer per ID, the USCC
// confirmation by a supervisor, search by every key, audited edits, permissions and idempotency.
#include "domain/residentid.h"
#include "services/customerservice.h"
#include "support/demodb.h"

#include <QThread>

#include <atomic>

using cs::test::DemoDb;

class TestCustomers : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_teller;
    std::optional<cs::Session> m_teller2;
    std::optional<cs::Session> m_super;
    std::optional<cs::Session> m_auditor;

    cs::CustomerService service() { return cs::CustomerService(m_db.db()); }

    static cs::NewCustomerRequest person(const QString& name, const QString& idNumber, const QString& phone = {})
    {
        cs::NewCustomerRequest r;
        r.fullName = name;
        r.idType = u"resident"_s;
        r.idNumber = idNumber;
        r.phone = phone;
        return r;
    }
    static cs::NewCustomerRequest company(const QString& name, const QString& code)
    {
        cs::NewCustomerRequest r;
        r.fullName = name;
        r.idType = u"uscc"_s;
        r.idNumber = code;
        return r;
    }
    qint64 customers() { return m_db.count(u"SELECT COUNT(*) FROM customers"_s); }
    QString column(qint64 id, const QString& name)
    {
        return m_db.scalar(u"SELECT %1 FROM customers WHERE id = %2"_s.arg(name).arg(id)).toString();
    }
    QString auditAfter(const QString& action, qint64 id)
    {
        return m_db.scalar(u"SELECT after_value FROM audit_log WHERE action = '%1' AND entity_id = '%2' "
                           "AND outcome = 'success' ORDER BY id DESC"_s.arg(action).arg(id)).toString();
    }
    QList<qint64> ids(const cs::Result<QList<cs::CustomerSummary>>& found)
    {
        QList<qint64> out;
        if (found) {
            for (const cs::CustomerSummary& s : *found)
                out.append(s.id);
        }
        return out;
    }
    qint64 idOf(const QString& idNumber)
    {
        return m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        for (auto [login, slot] : {std::pair{u"teller1"_s, &m_teller}, std::pair{u"teller2"_s, &m_teller2},
                                   std::pair{u"super1"_s, &m_super}, std::pair{u"auditor1"_s, &m_auditor}}) {
            auto session = m_db.signOn(login);
            CS_VERIFY_RESULT(session);
            *slot = *session;
        }
    }
    void cleanupTestCase() { m_db.reset(); }

    void demoSeedStillWorks()
    {
        QCOMPARE(customers(), 7);
        QCOMPARE(m_db.scalar(u"SELECT birth_date FROM customers WHERE id_number = '32010219680904771X'"_s)
                     .toString().left(10),
                 u"1968-09-04"_s);
        const auto again = cs::DemoData::seed(m_db.db(), cs::DemoData::Content::People);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->inserted, 0);
        QCOMPARE(customers(), 7);
    }

    void addPerson()
    {
        auto request = person(u"  测试  男 "_s, u"110101199912310035"_s, u"138-0000 1111"_s);
        request.address = u"北京市东城区 1 号"_s;
        request.idExpiresOn = QDate(2099, 12, 31);
        const auto id = service().add(*m_teller, request);
        CS_VERIFY_RESULT(id);
        QCOMPARE(column(*id, u"kind"_s), u"person"_s);
        QCOMPARE(column(*id, u"full_name"_s), u"测试 男"_s);
        QCOMPARE(column(*id, u"phone"_s), u"13800001111"_s);
        QCOMPARE(column(*id, u"birth_date"_s).left(10), u"1999-12-31"_s);
        QCOMPARE(column(*id, u"id_expires_on"_s).left(10), u"2099-12-31"_s);
        QCOMPARE(column(*id, u"kyc_state"_s), u"verified"_s);
        QCOMPARE(m_db.scalar(u"SELECT b.code FROM customers c JOIN branches b ON b.id = c.branch_id WHERE c.id = %1"_s
                                 .arg(*id)).toString(),
                 u"0001"_s);
        QCOMPARE(auditAfter(u"customer.add"_s, *id),
                 u"{\"address\":\"北京市东城区 1 号\",\"birth_date\":\"1999-12-31\",\"full_name\":\"测试 男\","
                 "\"id_expires_on\":\"2099-12-31\",\"id_number\":\"110101199912310035\",\"id_type\":\"resident\","
                 "\"kind\":\"person\",\"phone\":\"13800001111\"}"_s);

        const auto detail = service().get(*m_auditor, *id);
        CS_VERIFY_RESULT(detail);
        QCOMPARE(detail->summary.id, *id);
        QCOMPARE(detail->summary.fullName, u"测试 男"_s);
        QCOMPARE(detail->summary.idNumber, u"110101199912310035"_s);
        QCOMPARE(detail->birthDate, QDate(1999, 12, 31));
        QCOMPARE(detail->age, std::optional<int>(cs::ageInYears(QDate(1999, 12, 31), QDate::currentDate())));
        QCOMPARE(detail->idExpiresOn, QDate(2099, 12, 31));
        QCOMPARE(detail->branchCode, u"0001"_s);
        QCOMPARE(detail->kycState, u"verified"_s);
        QVERIFY(detail->idCheckConfirmedBy.isEmpty());
        QVERIFY(detail->createdAt.isValid());
    }

    void addPersonWithLowerCaseX()
    {
        const auto id = service().add(*m_teller, person(u"Xu Lowercase"_s, u"11010519491231002x"_s));
        CS_VERIFY_RESULT(id);
        QCOMPARE(column(*id, u"id_number"_s), u"11010519491231002X"_s);
        QVERIFY(m_db.scalar(u"SELECT phone FROM customers WHERE id = %1"_s.arg(*id)).isNull());
    }

    void addCompany()
    {
        const auto id = service().add(*m_teller, company(u"福州示范有限公司"_s, u" 91350100m000100y43 "_s));
        CS_VERIFY_RESULT(id);
        QCOMPARE(column(*id, u"kind"_s), u"company"_s);
        QCOMPARE(column(*id, u"id_type"_s), u"uscc"_s);
        QCOMPARE(column(*id, u"id_number"_s), u"91350100M000100Y43"_s);
        QVERIFY(m_db.scalar(u"SELECT birth_date FROM customers WHERE id = %1"_s.arg(*id)).isNull());
        QVERIFY(m_db.scalar(u"SELECT id_check_confirmed_by FROM customers WHERE id = %1"_s.arg(*id)).isNull());
        const auto detail = service().get(*m_teller, *id);
        CS_VERIFY_RESULT(detail);
        QCOMPARE(detail->age, std::optional<int>());
    }

    void addPassport()
    {
        cs::NewCustomerRequest r;
        r.fullName = u"John Smith"_s;
        r.idType = u"passport"_s;
        r.idNumber = u"e12345678"_s;
        const auto missing = service().add(*m_teller, r);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, u"customer.birth_date_missing"_s);
        QCOMPARE(missing.error().field, u"birth_date"_s);
        QCOMPARE(missing.error().kind, cs::ErrorKind::Invalid);
        r.birthDate = QDate::currentDate().addDays(1);
        const auto future = service().add(*m_teller, r);
        QVERIFY(!future);
        QCOMPARE(future.error().code, u"customer.birth_date_future"_s);
        QCOMPARE(future.error().field, u"birth_date"_s);
        r.birthDate = QDate(1985, 5, 20);
        const auto id = service().add(*m_teller, r);
        CS_VERIFY_RESULT(id);
        QCOMPARE(column(*id, u"id_number"_s), u"E12345678"_s);
        QCOMPARE(column(*id, u"birth_date"_s).left(10), u"1985-05-20"_s);
        QCOMPARE(column(*id, u"kind"_s), u"person"_s);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("idType");
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("expires");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("errorKind");
        const QString good = u"440305199001013219"_s;
        const int invalid = int(cs::ErrorKind::Invalid);
        QTest::newRow("check digit") << QString() << u"resident"_s << u"440305199001013218"_s << u"A"_s << QString() << QDate() << QDate() << u"id.check_digit"_s << u"id_number"_s << invalid;
        QTest::newRow("length") << QString() << u"resident"_s << u"4403051990010132"_s << u"A"_s << QString() << QDate() << QDate() << u"id.length"_s << u"id_number"_s << invalid;
        QTest::newRow("id type") << QString() << u"driving"_s << good << u"A"_s << QString() << QDate() << QDate() << u"customer.id_type"_s << u"id_type"_s << invalid;
        QTest::newRow("company with a resident ID") << u"company"_s << u"resident"_s << good << u"A"_s << QString() << QDate() << QDate() << u"customer.kind"_s << u"kind"_s << invalid;
        QTest::newRow("empty name") << QString() << u"resident"_s << good << u"   "_s << QString() << QDate() << QDate() << u"customer.name_empty"_s << u"full_name"_s << invalid;
        QTest::newRow("101 characters") << QString() << u"resident"_s << good << QString(101, u'名') << QString() << QDate() << QDate() << u"customer.name_too_long"_s << u"full_name"_s << invalid;
        QTest::newRow("short phone") << QString() << u"resident"_s << good << u"A"_s << u"123456"_s << QDate() << QDate() << u"customer.phone"_s << u"phone"_s << invalid;
        QTest::newRow("16-digit phone") << QString() << u"resident"_s << good << u"A"_s << u"1234567890123456"_s << QDate() << QDate() << u"customer.phone"_s << u"phone"_s << invalid;
        QTest::newRow("letters in phone") << QString() << u"resident"_s << good << u"A"_s << u"138001380AB"_s << QDate() << QDate() << u"customer.phone"_s << u"phone"_s << invalid;
        QTest::newRow("+ inside phone") << QString() << u"resident"_s << good << u"A"_s << u"138+0013800"_s << QDate() << QDate() << u"customer.phone"_s << u"phone"_s << invalid;
        QTest::newRow("birth date differs") << QString() << u"resident"_s << good << u"A"_s << QString() << QDate(1990, 1, 2) << QDate() << u"customer.birth_date_mismatch"_s << u"birth_date"_s << invalid;
        QTest::newRow("company birth date") << QString() << u"uscc"_s << u"91110000600037341L"_s << u"A"_s << QString() << QDate(1990, 1, 2) << QDate() << u"customer.birth_date_company"_s << u"birth_date"_s << invalid;
        QTest::newRow("uscc letter I") << QString() << u"uscc"_s << u"9111000060003734IL"_s << u"A"_s << QString() << QDate() << QDate() << u"id.characters"_s << u"id_number"_s << invalid;
        QTest::newRow("passport too short") << QString() << u"passport"_s << u"E123"_s << u"A"_s << QString() << QDate(1980, 1, 1) << QDate() << u"id.length"_s << u"id_number"_s << invalid;
        QTest::newRow("passport hyphen") << QString() << u"passport"_s << u"E-12345"_s << u"A"_s << QString() << QDate(1980, 1, 1) << QDate() << u"id.characters"_s << u"id_number"_s << invalid;
        QTest::newRow("expired ID") << QString() << u"resident"_s << good << u"A"_s << QString() << QDate() << QDate(2020, 1, 1) << u"customer.id_expired"_s << u"id_expires_on"_s << int(cs::ErrorKind::Refused);
    }
    void badInputChangesNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QString, idType);
        QFETCH(QString, idNumber);
        QFETCH(QString, name);
        QFETCH(QString, phone);
        QFETCH(QDate, birth);
        QFETCH(QDate, expires);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(int, errorKind);
        const qint64 before = customers();
        cs::NewCustomerRequest r;
        r.kind = kind;
        r.idType = idType;
        r.idNumber = idNumber;
        r.fullName = name;
        r.phone = phone;
        r.birthDate = birth;
        r.idExpiresOn = expires;
        const auto added = service().add(*m_teller, r);
        QVERIFY(!added);
        QCOMPARE(added.error().code, code);
        QCOMPARE(added.error().field, field);
        QCOMPARE(int(added.error().kind), errorKind);
        QVERIFY(!added.error().message.isEmpty());
        QCOMPARE(customers(), before);
    }

    void oneCustomerPerId()
    {
        const qint64 existing = idOf(u"110101198003151239"_s);
        QVERIFY(existing > 0);
        const qint64 before = customers();
        const auto again = service().add(*m_teller, person(u"Somebody Else"_s, u"110101198003151239"_s));
        QVERIFY(!again);
        QCOMPARE(again.error().code, u"customer.duplicate"_s);
        QCOMPARE(again.error().field, u"id_number"_s);
        QCOMPARE(again.error().kind, cs::ErrorKind::Refused);
        QVERIFY2(again.error().message.contains(QString::number(existing)), qPrintable(again.error().message));
        QCOMPARE(customers(), before);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'customer.add' AND outcome = 'refused' "
                            "AND detail = 'customer.duplicate' AND login = 'teller1'"_s),
                 1);
        // The same with a lower-case x and spaces: the normalised number is the key.
        const auto x = service().add(*m_teller2, person(u"Sun Again"_s, u" 32010219680904771x"_s));
        QVERIFY(!x);
        QCOMPARE(x.error().code, u"customer.duplicate"_s);
        QVERIFY(x.error().message.contains(QString::number(idOf(u"32010219680904771X"_s))));
    }

    void failingUsccNeedsAnotherSupervisor()
    {
        const QString code = u"91110000600037341A"_s; // the right check character is L
        const qint64 before = customers();
        auto request = company(u"北京校验失败有限公司"_s, code);
        const auto refused = service().add(*m_teller, request);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"customer.uscc_check_digit"_s);
        QCOMPARE(refused.error().field, u"id_number"_s);
        QCOMPARE(refused.error().kind, cs::ErrorKind::Refused);

        request.supervisorConfirmation = *m_teller2;
        const auto byTeller = service().add(*m_teller, request);
        QVERIFY(!byTeller);
        QCOMPARE(byTeller.error().code, u"customer.confirmer_not_supervisor"_s);
        QCOMPARE(byTeller.error().field, u"confirm_as"_s);
        QCOMPARE(byTeller.error().kind, cs::ErrorKind::Refused);

        // A session that claims the supervisor role does not make a teller one: the staff table decides.
        cs::Session forged = *m_teller2;
        forged.role = cs::Role::Supervisor;
        request.supervisorConfirmation = forged;
        const auto byForged = service().add(*m_teller, request);
        QVERIFY(!byForged);
        QCOMPARE(byForged.error().code, u"customer.confirmer_not_supervisor"_s);

        request.supervisorConfirmation = *m_teller;
        const auto byMaker = service().add(*m_teller, request);
        QVERIFY(!byMaker);
        QCOMPARE(byMaker.error().code, u"customer.confirmer_is_maker"_s);
        QCOMPARE(byMaker.error().field, u"confirm_as"_s);
        QCOMPARE(customers(), before);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'customer.add' AND outcome = 'refused' "
                            "AND detail IN ('customer.uscc_check_digit', 'customer.confirmer_not_supervisor', "
                            "'customer.confirmer_is_maker')"_s),
                 4);

        request.supervisorConfirmation = *m_super;
        const auto confirmed = service().add(*m_teller, request);
        CS_VERIFY_RESULT(confirmed);
        QCOMPARE(m_db.count(u"SELECT id_check_confirmed_by FROM customers WHERE id = %1"_s.arg(*confirmed)),
                 m_super->staffId);
        QCOMPARE(auditAfter(u"customer.add"_s, *confirmed),
                 u"{\"full_name\":\"北京校验失败有限公司\",\"id_check_confirmed_by\":\"super1\","
                 "\"id_number\":\"91110000600037341A\",\"id_type\":\"uscc\",\"kind\":\"company\"}"_s);
        const auto detail = service().get(*m_teller, *confirmed);
        CS_VERIFY_RESULT(detail);
        QCOMPARE(detail->idCheckConfirmedBy, u"super1"_s);

        // A confirmation is not needed, and not recorded, for a code that passes its check.
        auto valid = company(u"北京校验通过有限公司"_s, u"91110000600037341L"_s);
        valid.supervisorConfirmation = *m_super;
        const auto plain = service().add(*m_teller, valid);
        CS_VERIFY_RESULT(plain);
        QVERIFY(m_db.scalar(u"SELECT id_check_confirmed_by FROM customers WHERE id = %1"_s.arg(*plain)).isNull());
    }

    void findByEachKey()
    {
        const qint64 zhang = idOf(u"110101198003151239"_s);
        const qint64 li = idOf(u"310104199207082467"_s);
        const qint64 sun = idOf(u"32010219680904771X"_s);
        const qint64 shanghai = idOf(u"91310000MA1FL8X7QN"_s);
        const qint64 branch = m_db.count(u"SELECT id FROM branches WHERE code = '0001'"_s);
        const QString date = m_db.scalar(u"SELECT business_date FROM branches WHERE code = '0001'"_s).toString().left(10);
        const cs::Status inserted = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"INSERT INTO accounts (number, branch_id, customer_id, product_code, kind, class, "
                              "currency, normal_side, opened_on) VALUES ('6229000000001234', %1, %2, 'demand', "
                              "'customer', 'I', 'CNY', 'C', '%3')"_s.arg(branch).arg(li).arg(date));
            if (!q)
                return cs::fail(q.error());
            return {};
        });
        CS_VERIFY_RESULT(inserted);

        const cs::CustomerService customers = service();
        QCOMPARE(ids(customers.find(*m_teller, u"110101198003151239"_s)), QList<qint64>{zhang});
        QCOMPARE(ids(customers.find(*m_teller, u" 32010219680904771x "_s)), QList<qint64>{sun});
        QCOMPARE(ids(customers.find(*m_teller, u"91310000ma1fl8x7qn"_s)), QList<qint64>{shanghai});
        QCOMPARE(ids(customers.find(*m_teller, u"6229000000001234"_s)), QList<qint64>{li});
        QCOMPARE(ids(customers.find(*m_teller, u"13900139000"_s)), QList<qint64>{li});
        QCOMPARE(ids(customers.find(*m_teller, u"139-0013 9000"_s)), QList<qint64>{li});
        // An ID number is matched whole, not as part of one.
        QCOMPARE(ids(customers.find(*m_teller, u"11010119800315123"_s)), QList<qint64>{});
        QCOMPARE(ids(customers.find(*m_teller, u"6229000000009999"_s)), QList<qint64>{});

        const auto byName = customers.find(*m_auditor, u"张伟"_s);
        CS_VERIFY_RESULT(byName);
        QCOMPARE(byName->size(), 1);
        const cs::CustomerSummary& s = byName->constFirst();
        QCOMPARE(s.id, zhang);
        QCOMPARE(s.fullName, u"张伟"_s);
        QCOMPARE(s.kind, u"person"_s);
        QCOMPARE(s.idType, u"resident"_s);
        QCOMPARE(s.idNumber, u"110101198003151239"_s);
        QCOMPARE(s.phone, u"13800138000"_s);
        QCOMPARE(ids(customers.find(*m_teller, u"示范"_s)),
                 (QList<qint64>{shanghai, idOf(u"91440300MA5G2KJH4N"_s), idOf(u"91350100M000100Y43"_s)}));
        QCOMPARE(ids(customers.find(*m_teller, u"示范"_s, 1)), QList<qint64>{shanghai});
        QCOMPARE(ids(customers.find(*m_teller, u"nobody like this"_s)), QList<qint64>{});

        const auto empty = customers.find(*m_teller, u"  "_s);
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, u"customer.query_empty"_s);
        QCOMPARE(empty.error().field, u"query"_s);
    }

    void findByNameIgnoresCaseAndWildcards()
    {
        cs::NewCustomerRequest r;
        r.idType = u"passport"_s;
        r.birthDate = QDate(1970, 1, 1);
        QList<qint64> added;
        for (const auto& [name, passport] : {std::pair{u"Alice Percent%Sign"_s, u"P0000001"_s},
                                             std::pair{u"Bob Under_Score"_s, u"P0000002"_s},
                                             std::pair{u"Carol Plain"_s, u"P0000003"_s},
                                             std::pair{u"Dave Bang!Name"_s, u"P0000004"_s}}) {
            r.fullName = name;
            r.idNumber = passport;
            const auto id = service().add(*m_teller, r);
            CS_VERIFY_RESULT(id);
            added.append(*id);
        }
        const cs::CustomerService customers = service();
        QCOMPARE(ids(customers.find(*m_teller, u"ALICE"_s)), QList<qint64>{added[0]});
        QCOMPARE(ids(customers.find(*m_teller, u"percent%s"_s)), QList<qint64>{added[0]});
        QCOMPARE(ids(customers.find(*m_teller, u"%"_s)), QList<qint64>{added[0]});
        QCOMPARE(ids(customers.find(*m_teller, u"_"_s)), QList<qint64>{added[1]});
        QCOMPARE(ids(customers.find(*m_teller, u"r_s"_s)), QList<qint64>{added[1]});
        // Unescaped, "r%s" and "n_s" would match several of these names.
        QCOMPARE(ids(customers.find(*m_teller, u"r%s"_s)), QList<qint64>{});
        QCOMPARE(ids(customers.find(*m_teller, u"n_s"_s)), QList<qint64>{});
        QCOMPARE(ids(customers.find(*m_teller, u"!"_s)), QList<qint64>{added[3]});
        QCOMPARE(ids(customers.find(*m_teller, u"plain"_s)), QList<qint64>{added[2]});
        // Passport numbers are ID numbers too.
        QCOMPARE(ids(customers.find(*m_teller, u"p0000003"_s)), QList<qint64>{added[2]});
    }

    void editIsAuditedWithTheChangedFieldsOnly()
    {
        const auto id = service().add(*m_teller, person(u"Edit Me"_s, u"110105198005151019"_s, u"13800001234"_s));
        CS_VERIFY_RESULT(id);
        cs::CustomerEdit changes;
        changes.fullName = u"Edit Me"_s; // unchanged: not in the audit
        changes.phone = u"+86 139 1111 2222"_s;
        changes.address = u"新地址 2 号"_s;
        CS_VERIFY_RESULT(service().edit(*m_teller2, *id, changes));
        QCOMPARE(column(*id, u"phone"_s), u"+8613911112222"_s);
        QCOMPARE(column(*id, u"address"_s), u"新地址 2 号"_s);
        QCOMPARE(column(*id, u"id_number"_s), u"110105198005151019"_s);
        const QString audit = m_db.scalar(u"SELECT before_value || ' -> ' || after_value FROM audit_log "
                                          "WHERE action = 'customer.edit' AND entity_id = '%1' AND entity_type = 'customer' "
                                          "AND outcome = 'success' AND login = 'teller2'"_s.arg(*id)).toString();
        QCOMPARE(audit, u"{\"address\":null,\"phone\":\"13800001234\"} -> "
                        "{\"address\":\"新地址 2 号\",\"phone\":\"+8613911112222\"}"_s);

        cs::CustomerEdit rename;
        rename.fullName = u"Edited Name"_s;
        rename.phone = QString(); // removes the phone
        CS_VERIFY_RESULT(service().edit(*m_teller, *id, rename, u"0f7a3c1e-5b2d-4e8f-9a61-2c3d4e5f6a70"_s));
        QVERIFY(m_db.scalar(u"SELECT phone FROM customers WHERE id = %1"_s.arg(*id)).isNull());
        QCOMPARE(m_db.scalar(u"SELECT before_value || ' -> ' || after_value FROM audit_log WHERE action = 'customer.edit' "
                             "AND entity_id = '%1' ORDER BY id DESC"_s.arg(*id)).toString(),
                 u"{\"full_name\":\"Edit Me\",\"phone\":\"+8613911112222\"} -> {\"full_name\":\"Edited Name\",\"phone\":null}"_s);
        // The same request id again changes and audits nothing more.
        CS_VERIFY_RESULT(service().edit(*m_teller, *id, rename, u"0f7a3c1e-5b2d-4e8f-9a61-2c3d4e5f6a70"_s));
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'customer.edit' AND entity_id = '%1'"_s.arg(*id)), 2);

        const auto same = service().edit(*m_teller, *id, rename);
        QVERIFY(!same);
        QCOMPARE(same.error().code, u"customer.no_change"_s);
        QCOMPARE(same.error().kind, cs::ErrorKind::Invalid);

        cs::CustomerEdit badPhone;
        badPhone.phone = u"12"_s;
        const auto bad = service().edit(*m_teller, *id, badPhone);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"customer.phone"_s);
        QCOMPARE(bad.error().field, u"phone"_s);
        cs::CustomerEdit noName;
        noName.fullName = u" "_s;
        const auto empty = service().edit(*m_teller, *id, noName);
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, u"customer.name_empty"_s);
        QCOMPARE(empty.error().field, u"full_name"_s);
        QCOMPARE(column(*id, u"full_name"_s), u"Edited Name"_s);

        const auto missing = service().edit(*m_teller, 999999, rename);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, u"customer.not_found"_s);
        QCOMPARE(missing.error().kind, cs::ErrorKind::NotFound);
        const auto notThere = service().get(*m_teller, 999999);
        QVERIFY(!notThere);
        QCOMPARE(notThere.error().code, u"customer.not_found"_s);
        QCOMPARE(notThere.error().field, u"customer"_s);
    }

    void anAuditorMayFindButNotChange()
    {
        const auto found = service().find(*m_auditor, u"13800138000"_s);
        CS_VERIFY_RESULT(found);
        QCOMPARE(found->size(), 1);
        const qint64 before = customers();
        const auto added = service().add(*m_auditor, person(u"Not Allowed"_s, u"110101199912310035"_s));
        QVERIFY(!added);
        QCOMPARE(added.error().code, u"permission.denied"_s);
        QCOMPARE(added.error().kind, cs::ErrorKind::Refused);
        QCOMPARE(customers(), before);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'customer.add' AND outcome = 'refused' "
                            "AND login = 'auditor1' AND detail = 'permission.denied'"_s),
                 1);
        cs::CustomerEdit changes;
        changes.phone = u"13012345678"_s;
        const auto edited = service().edit(*m_super, found->constFirst().id, changes);
        QVERIFY(!edited);
        QCOMPARE(edited.error().code, u"permission.denied"_s);
        QCOMPARE(ids(service().find(*m_super, u"13800138000"_s)), QList<qint64>{found->constFirst().id});
    }

    void addIsIdempotentUnderItsRequestId()
    {
        auto request = person(u"Only Once"_s, u"110105200001010032"_s);
        request.requestId = u"3c9d2e41-7a6b-4f0c-8e15-9b2a4d6c8e01"_s;
        const auto first = service().add(*m_teller, request);
        CS_VERIFY_RESULT(first);
        const auto second = service().add(*m_teller, request);
        CS_VERIFY_RESULT(second);
        QCOMPARE(*second, *first);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM customers WHERE id_number = '110105200001010032'"_s), 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'customer.add' AND entity_id = '%1'"_s.arg(*first)), 1);
        // Without the request id the second attempt is a duplicate.
        request.requestId.clear();
        const auto again = service().add(*m_teller, request);
        QVERIFY(!again);
        QCOMPARE(again.error().code, u"customer.duplicate"_s);
    }
    // Terminals adding the same document at the same moment: one customer, every other attempt a
    // clean duplicate refusal (never a raw constraint error).
    void concurrentAddsOfOneDocument()
    {
        constexpr int threads = 4;
        constexpr int documents = 10;
        std::atomic<int> added{0};
        std::atomic<int> duplicates{0};
        std::atomic<int> others{0};
        const cs::Database db = m_db.db();
        std::vector<std::unique_ptr<QThread>> workers;
        for (int t = 0; t < threads; ++t) {
            cs::Session session = t % 2 == 0 ? *m_teller : *m_teller2;
            session.terminal = u"RACE%1"_s.arg(t);
            workers.emplace_back(QThread::create([db, session, &added, &duplicates, &others] {
                const cs::CustomerService customers(db);
                for (int n = 0; n < documents; ++n) {
                    cs::NewCustomerRequest r;
                    r.fullName = u"Race %1"_s.arg(n);
                    r.idType = u"passport"_s;
                    r.idNumber = u"RACE%1"_s.arg(n, 4, 10, QChar(u'0'));
                    r.birthDate = QDate(1990, 1, 1);
                    const auto id = customers.add(session, r);
                    if (id)
                        ++added;
                    else if (id.error().code == u"customer.duplicate"_s)
                        ++duplicates;
                    else {
                        qWarning("%s: %s", qPrintable(id.error().code), qPrintable(id.error().message));
                        ++others;
                    }
                }
                db.closeThreadConnection();
            }));
            workers.back()->start();
        }
        for (auto& w : workers)
            QVERIFY(w->wait(300000));
        QCOMPARE(others.load(), 0);
        QCOMPARE(added.load(), documents);
        QCOMPARE(duplicates.load(), documents * (threads - 1));
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM customers WHERE id_number LIKE 'RACE%'"_s), documents);
    }
};

QTEST_GUILESS_MAIN(TestCustomers)
#include "tst_customers.moc"
