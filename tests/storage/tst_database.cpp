// Connections, units of work and retries on the backend COUNTERSIGN_TEST_BACKEND names.
#include "storage/database.h"
#include "support/testdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

class TestDatabaseStorage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    qint64 scalar(const QString& sql)
    {
        auto conn = m_t->db().connection();
        QSqlQuery q(*conn);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    void execOrFail(const QString& sql)
    {
        auto conn = m_t->db().connection();
        QSqlQuery q(*conn);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }

private slots:
    void init()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        execOrFail(u"CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"_s);
        execOrFail(u"INSERT INTO counter (id, n) VALUES (1, 0)"_s);
    }
    void cleanup() { m_t.reset(); }

    void dialectMatchesTheBackend()
    {
        QCOMPARE(m_t->db().dialect(),
                 TestDatabase::backend() == u"sqlite"_s ? cs::Dialect::SQLite : cs::Dialect::PostgreSQL);
        QVERIFY(!m_t->db().displayName().isEmpty());
    }

    void unitOfWorkRollsBackUnlessCommitted()
    {
        {
            auto conn = m_t->db().connection();
            cs::UnitOfWork uow(*conn, m_t->db().dialect());
            CS_VERIFY_RESULT(uow.begin());
            CS_VERIFY_RESULT(uow.exec(u"UPDATE counter SET n = ? WHERE id = 1"_s, {41}));
        } // destroyed without commit
        QCOMPARE(scalar(u"SELECT n FROM counter WHERE id = 1"_s), 0);
        {
            auto conn = m_t->db().connection();
            cs::UnitOfWork uow(*conn, m_t->db().dialect());
            CS_VERIFY_RESULT(uow.begin());
            CS_VERIFY_RESULT(uow.exec(u"UPDATE counter SET n = ? WHERE id = 1"_s, {42}));
            CS_VERIFY_RESULT(uow.commit());
            QVERIFY(!uow.isActive());
        }
        QCOMPARE(scalar(u"SELECT n FROM counter WHERE id = 1"_s), 42);
    }

    void transactCommitsOnSuccessAndRollsBackOnError()
    {
        const cs::Status ok = m_t->db().transact([](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE counter SET n = n + ? WHERE id = 1"_s, {5});
            if (!q)
                return cs::fail(q.error());
            return {};
        });
        CS_VERIFY_RESULT(ok);
        const cs::Status refused = m_t->db().transact([](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE counter SET n = n + ? WHERE id = 1"_s, {100});
            if (!q)
                return cs::fail(q.error());
            return cs::fail(cs::Error::refused(u"test.refused"_s, u"amount"_s, u"no"_s));
        });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"test.refused"_s);
        QCOMPARE(refused.error().field, u"amount"_s);
        QCOMPARE(scalar(u"SELECT n FROM counter WHERE id = 1"_s), 5);
    }

    void badStatementIsAnErrorValue()
    {
        const cs::Status status = m_t->db().transact([](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"SELECT nothing FROM no_such_table"_s);
            return q ? cs::Status() : cs::fail(q.error());
        });
        QVERIFY(!status);
        QCOMPARE(status.error().kind, cs::ErrorKind::Internal);
        QCOMPARE(status.error().code, u"db.error"_s);
    }

    void constraintViolationIsARefusal()
    {
        const cs::Status status = m_t->db().transact([](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"INSERT INTO counter (id, n) VALUES (?, ?)"_s, {1, 3});
            return q ? cs::Status() : cs::fail(q.error());
        });
        QVERIFY(!status);
        QCOMPARE(status.error().kind, cs::ErrorKind::Refused);
        QCOMPARE(status.error().code, u"db.constraint"_s);
    }

    void retriesAConflictAndGivesUpAfterTheLimit()
    {
        int calls = 0;
        const cs::Status eventually = m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            ++calls;
            auto q = uow.exec(u"UPDATE counter SET n = n + 1 WHERE id = 1"_s);
            if (!q)
                return cs::fail(q.error());
            if (calls < 3)
                return cs::fail(cs::Error::conflict(u"db.conflict"_s, u"simulated"_s));
            return {};
        });
        CS_VERIFY_RESULT(eventually);
        QCOMPARE(calls, 3);
        QCOMPARE(scalar(u"SELECT n FROM counter WHERE id = 1"_s), 1); // the two failed tries rolled back

        calls = 0;
        const cs::Status never = m_t->db().transact(
            [&](cs::UnitOfWork&) -> cs::Status {
                ++calls;
                return cs::fail(cs::Error::conflict(u"db.conflict"_s, u"simulated"_s));
            },
            cs::UnitOfWork::Isolation::ReadCommitted, 4);
        QVERIFY(!never);
        QCOMPARE(never.error().kind, cs::ErrorKind::Conflict);
        QCOMPARE(calls, 4);
    }

    void eachThreadHasItsOwnConnection()
    {
        auto mine = m_t->db().connection();
        CS_VERIFY_RESULT(mine);
        QString other;
        qint64 seen = -1;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto conn = m_t->db().connection();
            if (!conn)
                return;
            other = conn->connectionName();
            QSqlQuery q(*conn);
            if (q.exec(u"SELECT n FROM counter WHERE id = 1"_s) && q.next())
                seen = q.value(0).toLongLong();
        }));
        thread->start();
        QVERIFY(thread->wait(30000));
        QVERIFY(!other.isEmpty());
        QVERIFY(other != mine->connectionName());
        QCOMPARE(seen, 0);
        // The thread's connection closes with the thread (its thread-local destructor may run just after
        // wait() returns).
        QTRY_VERIFY(!QSqlDatabase::contains(other));
    }

    // Read-modify-write from several threads at SERIALIZABLE: conflicts are retried, no update is lost.
    void concurrentWritersLoseNoUpdate()
    {
        constexpr int threads = 4;
        constexpr int perThread = 40;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> workers;
        for (int i = 0; i < threads; ++i) {
            workers.emplace_back(QThread::create([&] {
                for (int k = 0; k < perThread; ++k) {
                    const cs::Status s = m_t->db().transact(
                        [](cs::UnitOfWork& uow) -> cs::Status {
                            auto read = uow.exec(u"SELECT n FROM counter WHERE id = 1"_s);
                            if (!read)
                                return cs::fail(read.error());
                            read->next();
                            const qint64 n = read->value(0).toLongLong();
                            read->finish();
                            auto write = uow.exec(u"UPDATE counter SET n = ? WHERE id = 1"_s, {n + 1});
                            return write ? cs::Status() : cs::fail(write.error());
                        },
                        cs::UnitOfWork::Isolation::Serializable, 50);
                    if (!s)
                        ++failures;
                }
            }));
            workers.back()->start();
        }
        for (auto& w : workers)
            QVERIFY(w->wait(120000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(scalar(u"SELECT n FROM counter WHERE id = 1"_s), threads * perThread);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseStorage)
#include "tst_database.moc"
