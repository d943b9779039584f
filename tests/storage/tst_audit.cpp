// The hash-chained audit trail (DESIGN rule 8) on the backend COUNTERSIGN_TEST_BACKEND names: appends
// make valid chains, one per terminal, in the caller's transaction; verifyAudit() names the first
// edited, deleted or reordered record after a DBA got past the append-only triggers.
#include "security/auditlog.h"
#include "services/demodata.h"
#include "storage/migrator.h"
#include "support/testdatabase.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

namespace {

const QString zeros(64, u'0');

} // namespace

class TestAudit : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    cs::AuditVerification m_baseline; // what the demo seeding left (nothing, today)
    cs::AuditActor m_teller;

    bool isPg() const { return TestDatabase::backend() == u"postgresql"_s; }

    // A statement as a DBA types it; an empty string when it worked, else the error.
    QString exec(const QString& sql)
    {
        auto conn = m_t->db().connection();
        if (!conn)
            return conn.error().message;
        QSqlQuery q(*conn);
        if (!q.exec(sql))
            return q.lastError().text();
        return {};
    }

    QVariant scalar(const QString& sql)
    {
        auto conn = m_t->db().connection();
        if (!conn)
            return {};
        QSqlQuery q(*conn);
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

    QStringList rows(const QString& sql)
    {
        QStringList result;
        auto conn = m_t->db().connection();
        if (!conn)
            return {u"no connection"_s};
        QSqlQuery q(*conn);
        if (!q.exec(sql))
            return {q.lastError().text()};
        const int columns = q.record().count();
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < columns; ++i)
                fields << (q.value(i).isNull() ? u"NULL"_s : q.value(i).toString());
            result << fields.join(u'|');
        }
        return result;
    }

    // What a DBA does to get past the append-only rules (the test role owns the tables).
    void disableAppendOnlyTriggers()
    {
        const QStringList statements = isPg()
            ? QStringList{u"ALTER TABLE audit_log DISABLE TRIGGER USER"_s, u"ALTER TABLE audit_chains DISABLE TRIGGER USER"_s}
            : QStringList{u"DROP TRIGGER audit_log_no_update"_s, u"DROP TRIGGER audit_log_no_delete"_s,
                          u"DROP TRIGGER audit_chains_forward_only"_s};
        for (const QString& sql : statements)
            QCOMPARE(exec(sql), QString());
    }

    cs::AuditActor at(const QString& terminal) const
    {
        cs::AuditActor actor = m_teller;
        actor.terminal = terminal;
        return actor;
    }

    static cs::AuditEntry entry(int n)
    {
        cs::AuditEntry e;
        e.action = u"setting.set"_s;
        e.entityType = u"setting"_s;
        e.entityId = u"limits.teller_single_max"_s;
        e.before = QJsonObject{{u"value"_s, QString::number(5000000 + n - 1)}};
        e.after = QJsonObject{{u"value"_s, QString::number(5000000 + n)}};
        return e;
    }

    void appendMany(const QString& terminal, int count)
    {
        for (int n = 1; n <= count; ++n)
            CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), at(terminal), entry(n)));
    }

    cs::AuditVerification verify()
    {
        const auto v = cs::verifyAudit(m_t->db());
        if (!v) {
            qWarning("%s", qPrintable(v.error().message));
            return {0, 0, false, 0, u"verifyAudit failed"_s, v.error().message};
        }
        return *v;
    }

    qint64 idOf(const QString& chain, int seq)
    {
        return scalar(u"SELECT id FROM audit_log WHERE chain = '%1' AND seq = %2"_s.arg(chain).arg(seq)).toLongLong();
    }

private slots:
    void init()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        CS_VERIFY_RESULT(cs::Migrator(m_t->db()).migrate());
        CS_VERIFY_RESULT(cs::DemoData::seed(m_t->db()));
        m_teller = {scalar(u"SELECT id FROM staff WHERE login = 'teller1'"_s).toLongLong(), u"teller1"_s, {},
                    scalar(u"SELECT branch_id FROM staff WHERE login = 'teller1'"_s).toLongLong()};
        QVERIFY(m_teller.staffId > 0);
        QVERIFY(m_teller.branchId > 0);
        m_baseline = verify();
        QVERIFY(m_baseline.ok);
        // Nothing below uses the chains a seeding may have made.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE terminal IN ('T01', 'T02', 'T10', 'T99')"_s).toLongLong(), 0);
    }
    void cleanup() { m_t.reset(); }

    void appendsMakeAValidChain()
    {
        appendMany(u"T01"_s, 5);
        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + 5);
        QCOMPARE(v.chains, m_baseline.chains + 1);
        QCOMPARE(v.firstBad, QString());
        QCOMPARE(v.firstBadId, 0);
        QCOMPARE(v.problem, QString());

        const QStringList stored = rows(
            u"SELECT seq, staff_id, login, terminal, branch_id, action, entity_type, entity_id, outcome, detail, "
            "before_value, after_value FROM audit_log WHERE chain = 'terminal:T01' ORDER BY seq"_s);
        QCOMPARE(stored.size(), 5);
        QCOMPARE(stored.at(0), u"1|%1|teller1|T01|%2|setting.set|setting|limits.teller_single_max|success|NULL|"
                               "{\"value\":\"5000000\"}|{\"value\":\"5000001\"}"_s
                                   .arg(m_teller.staffId)
                                   .arg(m_teller.branchId));
        const QStringList links = rows(u"SELECT seq, prev_hash, hash FROM audit_log WHERE chain = 'terminal:T01' ORDER BY seq"_s);
        QString previous = zeros;
        static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
        for (int i = 0; i < links.size(); ++i) {
            const QStringList f = links.at(i).split(u'|');
            QCOMPARE(f.at(0).toInt(), i + 1);
            QCOMPARE(f.at(1), previous);
            QVERIFY(hex.match(f.at(2)).hasMatch());
            previous = f.at(2);
        }
        QCOMPARE(rows(u"SELECT last_seq, last_hash FROM audit_chains WHERE chain = 'terminal:T01'"_s),
                 QStringList{u"5|"_s + previous});
    }

    // The documented serialisation (core/security/auditlog.cpp), recomputed here from the stored values.
    void hashFollowsTheDocumentedFormat()
    {
        cs::AuditEntry e;
        e.action = u"customer.add"_s;
        e.entityType = u"customer"_s;
        e.entityId = u"客户:42|S3:x"_s; // separators and non-ASCII must not confuse the framing
        e.detail = u""_s;             // empty: stored as NULL
        e.after = QJsonObject{{u"name"_s, u"张三"_s}, {u"amount"_s, u"1234.56"_s}};
        cs::AuditActor actor{0, {}, u"T01"_s, 0}; // nobody signed on: NULL staff, login and branch
        CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), actor, e));

        const QString at = isPg()
            ? scalar(u"SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM audit_log "
                     "WHERE chain = 'terminal:T01'"_s).toString()
            : scalar(u"SELECT at FROM audit_log WHERE chain = 'terminal:T01'"_s).toString();
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s).match(at).hasMatch(), qPrintable(at));
        const QString after = scalar(u"SELECT after_value FROM audit_log WHERE chain = 'terminal:T01'"_s).toString();
        QCOMPARE(after, u"{\"amount\":\"1234.56\",\"name\":\"张三\"}"_s);

        auto field = [](const QString& s) -> QByteArray {
            const QByteArray b = s.toUtf8();
            return "S" + QByteArray::number(b.size()) + ":" + b;
        };
        QByteArray canonical = "countersign-audit-v1\n";
        canonical += field(zeros) + field(u"terminal:T01"_s) + field(u"1"_s) + "N" + "N" + field(u"T01"_s) + "N"
            + field(at) + field(u"customer.add"_s) + field(u"customer"_s) + field(e.entityId) + field(u"success"_s)
            + "N" + "N" + field(after);
        const QString expected = QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
        QCOMPARE(rows(u"SELECT staff_id, login, branch_id, detail, before_value, hash FROM audit_log "
                      "WHERE chain = 'terminal:T01'"_s),
                 QStringList{u"NULL|NULL|NULL|NULL|NULL|"_s + expected});
        QVERIFY(verify().ok);
    }

    void twoTerminalsMakeTwoChains()
    {
        for (int n = 1; n <= 3; ++n) {
            CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), at(u"T01"_s), entry(n)));
            if (n <= 2)
                CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), at(u"T02"_s), entry(n)));
        }
        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + 5);
        QCOMPARE(v.chains, m_baseline.chains + 2);
        QCOMPARE(rows(u"SELECT chain, last_seq FROM audit_chains WHERE chain IN ('terminal:T01', 'terminal:T02') "
                      "ORDER BY chain"_s),
                 (QStringList{u"terminal:T01|3"_s, u"terminal:T02|2"_s}));
        QCOMPARE(rows(u"SELECT chain, seq FROM audit_log WHERE terminal = 'T02' ORDER BY seq"_s),
                 (QStringList{u"terminal:T02|1"_s, u"terminal:T02|2"_s}));
    }

    void aRefusalIsStoredAsRefused()
    {
        cs::AuditEntry e;
        e.action = u"auth.sign_on"_s;
        e.entityType = u"staff"_s;
        e.entityId = u"nobody"_s;
        e.success = false;
        e.detail = u"auth.bad_credentials"_s;
        CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), cs::AuditActor{0, u"nobody"_s, u"T01"_s, 0}, e));
        CS_VERIFY_RESULT(cs::AuditLog::appendAlone(m_t->db(), at(u"T01"_s), entry(1)));
        QCOMPARE(rows(u"SELECT seq, staff_id, login, action, outcome, detail, after_value FROM audit_log "
                      "WHERE chain = 'terminal:T01' ORDER BY seq"_s),
                 (QStringList{u"1|NULL|nobody|auth.sign_on|refused|auth.bad_credentials|NULL"_s,
                              u"2|%1|teller1|setting.set|success|NULL|{\"value\":\"5000001\"}"_s.arg(m_teller.staffId)}));
        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + 2);
    }

    void appendsInOneTransactionChainInOrder()
    {
        CS_VERIFY_RESULT(m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            for (int n = 1; n <= 3; ++n) {
                if (auto s = cs::AuditLog::append(uow, at(u"T01"_s), entry(n)); !s)
                    return s;
            }
            return {};
        }));
        QCOMPARE(rows(u"SELECT seq FROM audit_log WHERE chain = 'terminal:T01' ORDER BY seq"_s),
                 (QStringList{u"1"_s, u"2"_s, u"3"_s}));
        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + 3);
    }

    void aRolledBackAppendLeavesNothing()
    {
        appendMany(u"T01"_s, 2);
        const QStringList head = rows(u"SELECT last_seq, last_hash FROM audit_chains WHERE chain = 'terminal:T01'"_s);
        QCOMPARE(head.size(), 1);
        for (const QString& terminal : {u"T01"_s, u"T99"_s}) { // an existing chain, and a new one
            const cs::Status s = m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
                if (auto appended = cs::AuditLog::append(uow, at(terminal), entry(3)); !appended)
                    return appended;
                return cs::fail(cs::Error::refused(u"test.rule"_s, {}, u"refused after the audit record"_s));
            });
            QVERIFY(!s);
            QCOMPARE(s.error().code, u"test.rule"_s);
        }
        QCOMPARE(rows(u"SELECT last_seq, last_hash FROM audit_chains WHERE chain = 'terminal:T01'"_s), head);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_chains WHERE chain = 'terminal:T99'"_s).toLongLong(), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE terminal IN ('T01', 'T99')"_s).toLongLong(), 2);
        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + 2);
        QCOMPARE(v.chains, m_baseline.chains + 1);
    }

    void anAppendWithoutTerminalIsRefused()
    {
        const cs::Status s = cs::AuditLog::appendAlone(m_t->db(), at(QString()), entry(1));
        QVERIFY(!s);
        QCOMPARE(s.error().code, u"audit.no_terminal"_s);
        QCOMPARE(s.error().field, u"terminal"_s);
        QCOMPARE(verify().records, m_baseline.records);
    }

    // Chains T01, T02 and T10 of 5 records each; one tampering; the first bad record by chain name, then seq.
    void tamperingIsFoundAndNamed_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::addColumn<QString>("firstBad");
        QTest::addColumn<int>("idOfSeq"); // T-chain seq whose id is first_bad_id; 0: the record is gone
        QTest::addColumn<qint64>("records");
        QTest::addColumn<QString>("problem");
        const QString t01 = u"chain = 'terminal:T01'"_s;
        const QString t02 = u"chain = 'terminal:T02'"_s;
        QTest::newRow("edited action") << QStringList{u"UPDATE audit_log SET action = 'setting.delete' WHERE %1 AND seq = 2"_s.arg(t01)}
                                       << u"terminal:T01#2"_s << 2 << qint64(15) << u"The record was edited"_s;
        QTest::newRow("edited after_value")
            << QStringList{u"UPDATE audit_log SET after_value = '{\"value\":\"99999999\"}' WHERE %1 AND seq = 3"_s.arg(t02)}
            << u"terminal:T02#3"_s << 3 << qint64(15) << u"The record was edited"_s;
        QTest::newRow("edited staff") << QStringList{u"UPDATE audit_log SET staff_id = NULL WHERE %1 AND seq = 5"_s.arg(t02)}
                                      << u"terminal:T02#5"_s << 5 << qint64(15) << u"The record was edited"_s;
        QTest::newRow("edited time") << QStringList{u"UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE %1 AND seq = 4"_s.arg(t01)}
                                     << u"terminal:T01#4"_s << 4 << qint64(15) << u"The record was edited"_s;
        if (isPg()) // TIMESTAMPTZ keeps microseconds, which the program never writes: they must not hide
            QTest::newRow("edited time by a microsecond")
                << QStringList{u"UPDATE audit_log SET at = at + interval '1 microsecond' WHERE %1 AND seq = 3"_s.arg(t02)}
                << u"terminal:T02#3"_s << 3 << qint64(15) << u"The record was edited"_s;
        QTest::newRow("deleted in the middle") << QStringList{u"DELETE FROM audit_log WHERE %1 AND seq = 3"_s.arg(t01)}
                                               << u"terminal:T01#3"_s << 0 << qint64(14) << u"The record is missing"_s;
        QTest::newRow("deleted the first") << QStringList{u"DELETE FROM audit_log WHERE %1 AND seq = 1"_s.arg(t02)}
                                           << u"terminal:T02#1"_s << 0 << qint64(14) << u"The record is missing"_s;
        QTest::newRow("deleted the last") << QStringList{u"DELETE FROM audit_log WHERE %1 AND seq = 5"_s.arg(t01)}
                                          << u"terminal:T01#5"_s << 0 << qint64(14) << u"The last records"_s;
        QTest::newRow("deleted the last two") << QStringList{u"DELETE FROM audit_log WHERE %1 AND seq >= 4"_s.arg(t02)}
                                              << u"terminal:T02#4"_s << 0 << qint64(13) << u"The last records"_s;
        QTest::newRow("swapped seq numbers")
            << QStringList{u"UPDATE audit_log SET seq = 1000 WHERE %1 AND seq = 2"_s.arg(t01),
                           u"UPDATE audit_log SET seq = 2 WHERE %1 AND seq = 3"_s.arg(t01),
                           u"UPDATE audit_log SET seq = 3 WHERE %1 AND seq = 1000"_s.arg(t01)}
            << u"terminal:T01#2"_s << 2 << qint64(15) << u"The record does not link"_s;
        // Rows 3 and 4 of T02 exchange what they say (action, entity, values) but keep their links.
        QTest::newRow("swapped contents")
            << QStringList{u"UPDATE audit_log SET before_value = (SELECT before_value FROM audit_log WHERE %1 AND seq = 4), "
                           "after_value = (SELECT after_value FROM audit_log WHERE %1 AND seq = 4), "
                           "action = 'x.tmp' WHERE %1 AND seq = 3"_s.arg(t02),
                           u"UPDATE audit_log SET before_value = '{\"value\":\"5000002\"}', "
                           "after_value = '{\"value\":\"5000003\"}' WHERE %1 AND seq = 4"_s.arg(t02),
                           u"UPDATE audit_log SET action = 'setting.set' WHERE %1 AND seq = 3"_s.arg(t02)}
            << u"terminal:T02#3"_s << 3 << qint64(15) << u"The record was edited"_s;
        QTest::newRow("head moved back") << QStringList{u"UPDATE audit_chains SET last_seq = 3 WHERE %1"_s.arg(t01)}
                                         << u"terminal:T01#4"_s << 4 << qint64(15) << u"The record lies beyond"_s;
        QTest::newRow("head hash replaced")
            << QStringList{u"UPDATE audit_chains SET last_hash = '%1' WHERE %2"_s.arg(QString(64, u'a'), t02)}
            << u"terminal:T02#5"_s << 5 << qint64(15) << u"The head of the chain"_s;
        // Two bad chains: the first in chain-name order is named ("terminal:T02" < "terminal:T10").
        QTest::newRow("first by chain name")
            << QStringList{u"UPDATE audit_log SET action = 'x' WHERE chain = 'terminal:T10' AND seq = 1"_s,
                           u"UPDATE audit_log SET entity_id = 'x' WHERE %1 AND seq = 4"_s.arg(t02)}
            << u"terminal:T02#4"_s << 4 << qint64(15) << u"The record was edited"_s;
        QTest::newRow("first by seq")
            << QStringList{u"UPDATE audit_log SET action = 'x' WHERE %1 AND seq = 5"_s.arg(t01),
                           u"DELETE FROM audit_log WHERE %1 AND seq = 4"_s.arg(t01)}
            << u"terminal:T01#4"_s << 0 << qint64(14) << u"The record is missing"_s;
    }
    void tamperingIsFoundAndNamed()
    {
        QFETCH(QStringList, tamper);
        QFETCH(QString, firstBad);
        QFETCH(int, idOfSeq);
        QFETCH(qint64, records);
        QFETCH(QString, problem);
        for (const QString& terminal : {u"T10"_s, u"T02"_s, u"T01"_s})
            appendMany(terminal, 5);
        QVERIFY(verify().ok);
        const QString chain = firstBad.section(u'#', 0, 0);
        const qint64 expectedId = idOfSeq == 0 ? 0 : idOf(chain, idOfSeq);
        // The id before tampering: a swap moves seq numbers, not ids.
        const qint64 idBefore = idOfSeq == 0 ? 0 : (qstrcmp(QTest::currentDataTag(), "swapped seq numbers") == 0 ? idOf(chain, 3) : expectedId);

        disableAppendOnlyTriggers();
        for (const QString& sql : tamper)
            QCOMPARE(exec(sql), QString());

        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, false);
        QCOMPARE(v.firstBad, firstBad);
        QCOMPARE(v.firstBadId, idBefore);
        QVERIFY2(v.problem.startsWith(problem), qPrintable(v.problem));
        QCOMPARE(v.records, m_baseline.records + records);
        QCOMPARE(v.chains, m_baseline.chains + 3);
    }

    // 4 threads x 50 appends on 2 terminals (two threads per chain contend for its head).
    void concurrentAppendsKeepTheChainsIntact()
    {
        constexpr int threads = 4;
        constexpr int perThread = 50;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> workers;
        const cs::Database db = m_t->db();
        for (int i = 0; i < threads; ++i) {
            const cs::AuditActor actor = at(i % 2 == 0 ? u"T01"_s : u"T02"_s);
            workers.emplace_back(QThread::create([db, actor, &failures] {
                for (int n = 1; n <= perThread; ++n) {
                    if (!cs::AuditLog::appendAlone(db, actor, entry(n)))
                        ++failures;
                }
            }));
            workers.back()->start();
        }
        for (auto& w : workers)
            QVERIFY(w->wait(300000));
        QCOMPARE(failures.load(), 0);
        const cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + threads * perThread);
        QCOMPARE(v.chains, m_baseline.chains + 2);
        QCOMPARE(rows(u"SELECT chain, last_seq FROM audit_chains WHERE chain IN ('terminal:T01', 'terminal:T02') "
                      "ORDER BY chain"_s),
                 (QStringList{u"terminal:T01|100"_s, u"terminal:T02|100"_s}));
    }

    // More records than one page of the verifying walk (1000), so the paging is exercised.
    void verificationPagesThroughLongChains()
    {
        CS_VERIFY_RESULT(m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            for (int n = 1; n <= 2105; ++n) {
                if (auto s = cs::AuditLog::append(uow, at(u"T01"_s), entry(n)); !s)
                    return s;
            }
            return {};
        }));
        cs::AuditVerification v = verify();
        QCOMPARE(v.ok, true);
        QCOMPARE(v.records, m_baseline.records + 2105);
        disableAppendOnlyTriggers();
        QCOMPARE(exec(u"DELETE FROM audit_log WHERE chain = 'terminal:T01' AND seq = 2001"_s), QString());
        v = verify();
        QCOMPARE(v.ok, false);
        QCOMPARE(v.firstBad, u"terminal:T01#2001"_s);
        QCOMPARE(v.records, m_baseline.records + 2104);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
