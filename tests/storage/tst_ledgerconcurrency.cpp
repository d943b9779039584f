// Many tellers at once (DESIGN rule 12, issue 4 "Done when"): 8 threads, each with its own connection,
// post random deposits, withdrawals and intra-bank transfers (some with a fee to the hot 'journal'
// fee income account) through the PostingEngine, about 10% of them again under an earlier request
// id, and every 40th one under a request id all threads post at the same moment. Afterwards every
// balance equals its journal, every transaction balances, money is conserved, no request id is posted
// twice, and no caller saw an error other than a legitimate refusal for insufficient funds.
//
// Operations per thread: 2,000 on PostgreSQL, 200 on SQLite (one writer at a time); override with
// COUNTERSIGN_LEDGER_OPS. Isolation: READ COMMITTED with the engine's row locks (what the services
// use); COUNTERSIGN_LEDGER_ISOLATION=serializable runs the same under SERIALIZABLE, where the request-id
// look-ups and hot rows cause many serialization failures, so it allows 20 attempts instead of 5.
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/internalaccounts.h"
#include "support/demodb.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRandomGenerator>
#include <QThread>

#include <atomic>

using cs::test::DemoDb;

namespace {

constexpr int threadCount = 8;
constexpr qint64 yuan = 100;
constexpr qint64 openingDeposit = 20'000 * yuan;
constexpr int contestEvery = 40;

cs::Money cny(qint64 minor) { return cs::Money(minor, cs::Currency::cny()); }

struct Outcome {
    qint64 txnId = 0;
    bool replayed = false;
};

// What every thread reports, under one mutex.
struct Shared {
    QMutex mutex;
    QList<cs::PostingRequest> posted;               // requests that posted (for repeats)
    QHash<QString, qint64> txnOfRequest;            // request id -> the txn it posted
    QHash<QString, QList<Outcome>> contested;       // contested request id -> what each thread got
    QStringList errors;                             // anything a caller should never see
    qint64 netCash = 0;                             // deposits - withdrawals that posted
    qint64 fees = 0;
    int postedCount = 0;
    int replays = 0;
    int badReplays = 0;
    int insufficient = 0;
    int retries = 0; // transactions run again by Database::transact (conflicts, deadlocks, same request id)
};

} // namespace

class TestLedgerConcurrency : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QList<cs::Session> m_tellers;
    cs::BranchLedger m_ledger;
    QList<qint64> m_cashBoxes; // one per teller
    QList<qint64> m_pool;      // customer accounts
    qint64 m_initialCash = 0;

    static int opsPerThread()
    {
        const int configured = qEnvironmentVariableIntValue("COUNTERSIGN_LEDGER_OPS");
        if (configured > 0)
            return configured;
        return cs::test::TestDatabase::backend() == u"postgresql"_s ? 2000 : 200;
    }

    cs::PostingRequest base(const cs::Session& teller, const QString& requestId, const QString& kind,
                            QList<cs::PostingLine> lines, const QString& terminal)
    {
        cs::PostingRequest r;
        r.requestId = requestId;
        r.kind = kind;
        r.branchId = teller.branchId;
        r.businessDate = teller.businessDate;
        r.staffId = teller.staffId;
        r.terminal = terminal;
        r.lines = std::move(lines);
        return r;
    }

    static cs::UnitOfWork::Isolation isolation()
    {
        return qgetenv("COUNTERSIGN_LEDGER_ISOLATION") == "serializable" ? cs::UnitOfWork::Isolation::Serializable
                                                                         : cs::UnitOfWork::Isolation::ReadCommitted;
    }

    cs::Status postOnce(const cs::PostingRequest& r, Outcome* outcome, int* attempts = nullptr)
    {
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            if (attempts)
                ++*attempts;
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            *outcome = {posted->txnId, posted->replayed};
            return {};
        }, isolation(), isolation() == cs::UnitOfWork::Isolation::Serializable ? 20 : 5);
    }

    // The effect on customer money of a request that posted: cash in minus cash out, and fees.
    static void account(const cs::PostingRequest& r, Shared& shared, qint64 feeIncome)
    {
        if (r.kind == u"cash_deposit"_s)
            shared.netCash += r.lines.constFirst().amount.minor();
        else if (r.kind == u"cash_withdrawal"_s)
            shared.netCash -= r.lines.constFirst().amount.minor();
        for (const cs::PostingLine& line : r.lines) {
            if (line.accountId == feeIncome)
                shared.fees += line.amount.minor();
        }
    }

    // The request all threads post as their k-th contested one: the same for everyone.
    cs::PostingRequest contestedRequest(int k)
    {
        QRandomGenerator rng(quint32(1000 + k));
        const qint64 from = m_pool.at(rng.bounded(int(m_pool.size())));
        qint64 to = from;
        while (to == from)
            to = m_pool.at(rng.bounded(int(m_pool.size())));
        const qint64 amount = 1 + rng.bounded(100 * yuan);
        return base(m_tellers.at(k % 2), u"contested-%1"_s.arg(k), u"transfer"_s,
                    {{from, 'D', cny(amount), {}}, {to, 'C', cny(amount), {}}}, u"T-contest"_s);
    }

    void runThread(int index, int ops, Shared& shared)
    {
        QRandomGenerator rng(quint32(7 + index));
        const cs::Session& teller = m_tellers.at(index % 2);
        const qint64 cashBox = m_cashBoxes.at(index % 2);
        const QString terminal = u"T%1"_s.arg(index, 2, 10, QChar(u'0'));
        for (int i = 0; i < ops; ++i) {
            // A request all threads post at once: one posts, the others get its result.
            if (i % contestEvery == contestEvery - 1) {
                const cs::PostingRequest r = contestedRequest(i / contestEvery);
                Outcome outcome;
                int attempts = 0;
                const cs::Status done = postOnce(r, &outcome, &attempts);
                QMutexLocker lock(&shared.mutex);
                shared.retries += attempts - 1;
                if (!done) {
                    if (done.error().code == u"posting.insufficient_funds"_s)
                        ++shared.insufficient;
                    else
                        shared.errors.append(r.requestId + u": "_s + done.error().code + u" "_s + done.error().message);
                    continue;
                }
                shared.contested[r.requestId].append(outcome);
                if (!outcome.replayed) {
                    shared.txnOfRequest.insert(r.requestId, outcome.txnId);
                    ++shared.postedCount;
                    account(r, shared, m_ledger.feeIncome);
                }
                continue;
            }
            // About one in ten: a request posted before (by any thread) sent again.
            if (rng.bounded(10) == 0) {
                std::optional<cs::PostingRequest> again;
                {
                    QMutexLocker lock(&shared.mutex);
                    if (!shared.posted.isEmpty())
                        again = shared.posted.at(rng.bounded(int(shared.posted.size())));
                }
                if (again) {
                    Outcome outcome;
                    int attempts = 0;
                    const cs::Status done = postOnce(*again, &outcome, &attempts);
                    QMutexLocker lock(&shared.mutex);
                    shared.retries += attempts - 1;
                    ++shared.replays;
                    if (!done)
                        shared.errors.append(again->requestId + u" (repeat): "_s + done.error().code + u" "_s
                                             + done.error().message);
                    else if (!outcome.replayed || outcome.txnId != shared.txnOfRequest.value(again->requestId))
                        ++shared.badReplays;
                    continue;
                }
            }
            const QString requestId = u"op-%1-%2"_s.arg(index).arg(i);
            const qint64 amount = 1 + rng.bounded(2000 * yuan);
            const qint64 a = m_pool.at(rng.bounded(int(m_pool.size())));
            cs::PostingRequest r;
            const int kind = rng.bounded(100);
            if (kind < 35) {
                r = base(teller, requestId, u"cash_deposit"_s, {{cashBox, 'D', cny(amount), {}}, {a, 'C', cny(amount), {}}},
                         terminal);
            } else if (kind < 70) {
                r = base(teller, requestId, u"cash_withdrawal"_s, {{a, 'D', cny(amount), {}}, {cashBox, 'C', cny(amount), {}}},
                         terminal);
            } else {
                qint64 b = a;
                while (b == a)
                    b = m_pool.at(rng.bounded(int(m_pool.size())));
                if (kind < 85) {
                    r = base(teller, requestId, u"transfer"_s, {{a, 'D', cny(amount), {}}, {b, 'C', cny(amount), {}}},
                             terminal);
                } else {
                    const qint64 fee = 1 + amount / 1000;
                    r = base(teller, requestId, u"transfer"_s,
                             {{a, 'D', cny(amount + fee), {}}, {b, 'C', cny(amount), {}},
                              {m_ledger.feeIncome, 'C', cny(fee), u"fee"_s}},
                             terminal);
                }
            }
            Outcome outcome;
            int attempts = 0;
            const cs::Status done = postOnce(r, &outcome, &attempts);
            QMutexLocker lock(&shared.mutex);
            shared.retries += attempts - 1;
            if (!done) {
                if (done.error().code == u"posting.insufficient_funds"_s)
                    ++shared.insufficient;
                else
                    shared.errors.append(requestId + u": "_s + done.error().code + u" "_s + done.error().message);
                continue;
            }
            if (outcome.replayed) {
                shared.errors.append(requestId + u": a new request answered as a replay"_s);
                continue;
            }
            ++shared.postedCount;
            shared.posted.append(r);
            shared.txnOfRequest.insert(requestId, outcome.txnId);
            account(r, shared, m_ledger.feeIncome);
        }
        m_db.db().closeThreadConnection();
    }

    qint64 sum(const QString& sql) { return m_db.count(sql); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        for (const QString& login : {u"teller1"_s, u"teller2"_s}) {
            auto teller = m_db.signOn(login);
            CS_VERIFY_RESULT(teller);
            m_tellers.append(*teller);
        }
        const cs::Status ledger = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto l = cs::InternalAccounts::ensure(uow, m_tellers.first().branchId);
            if (!l)
                return cs::fail(l.error());
            m_ledger = *l;
            m_cashBoxes.clear();
            for (const cs::Session& teller : std::as_const(m_tellers)) {
                auto box = cs::InternalAccounts::ensureCashBox(uow, teller.branchId, teller.staffId);
                if (!box)
                    return cs::fail(box.error());
                m_cashBoxes.append(*box);
            }
            return {};
        });
        CS_VERIFY_RESULT(ledger);

        // Five persons with a Class I and a Class II each, two companies: twelve accounts.
        const cs::AccountService service(m_db.db());
        auto conn = m_db.db().connection();
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT id, kind FROM customers ORDER BY id"_s));
        QList<std::pair<qint64, QString>> customers;
        while (q.next())
            customers.append({q.value(0).toLongLong(), q.value(1).toString()});
        q.finish();
        for (const auto& [id, kind] : std::as_const(customers)) {
            if (kind == u"company"_s) {
                auto corp = service.open(m_tellers.first(), {id, u"corp"_s, {}, {}, {}});
                CS_VERIFY_RESULT(corp);
                m_pool.append(corp->accountId);
                continue;
            }
            // The demo may already have opened the person's Class I.
            auto first = service.open(m_tellers.first(), {id, u"demand"_s, u"I"_s, {}, {}});
            if (!first && first.error().code == u"account.class1_exists"_s) {
                const qint64 existing = sum(u"SELECT id FROM accounts WHERE customer_id = %1 AND class = 'I'"_s.arg(id));
                first = cs::AccountOpened{existing, m_db.scalar(u"SELECT number FROM accounts WHERE id = %1"_s.arg(existing))
                                                        .toString()};
            }
            CS_VERIFY_RESULT(first);
            auto second = service.open(m_tellers.first(), {id, u"demand"_s, u"II"_s, first->number, {}});
            CS_VERIFY_RESULT(second);
            m_pool << first->accountId << second->accountId;
        }
        QCOMPARE(m_pool.size(), 12);

        // The Class II limits (ledger/classlimits.h) stay in the path, recording usage under the same
        // row locks, but so high that only insufficient funds refuse.
        QVERIFY(q.exec(u"UPDATE settings SET value = '10000000000' WHERE key LIKE 'class2.%'"_s));
        q.finish();

        // Cash in the vault and both boxes, and an opening deposit on every account.
        Outcome outcome;
        const cs::Session& t = m_tellers.first();
        CS_VERIFY_RESULT(postOnce(base(t, u"setup-vault"_s, u"opening"_s,
                                       {{m_ledger.vault, 'D', cny(100'000'000 * yuan), {}},
                                        {m_ledger.suspensePayable, 'C', cny(100'000'000 * yuan), {}}},
                                       u"T00"_s),
                                  &outcome));
        for (int i = 0; i < m_cashBoxes.size(); ++i)
            CS_VERIFY_RESULT(postOnce(base(t, u"setup-box-%1"_s.arg(i), u"cash_issue"_s,
                                           {{m_cashBoxes.at(i), 'D', cny(10'000'000 * yuan), {}},
                                            {m_ledger.vault, 'C', cny(10'000'000 * yuan), {}}},
                                           u"T00"_s),
                                      &outcome));
        for (qint64 account : std::as_const(m_pool))
            CS_VERIFY_RESULT(postOnce(base(t, u"setup-deposit-%1"_s.arg(account), u"cash_deposit"_s,
                                           {{m_cashBoxes.first(), 'D', cny(openingDeposit), {}},
                                            {account, 'C', cny(openingDeposit), {}}},
                                           u"T00"_s),
                                      &outcome));
        m_initialCash = sum(u"SELECT SUM(balance) FROM accounts WHERE internal_role IN ('cash_box', 'vault')"_s);
    }
    void cleanupTestCase() { m_db.reset(); }

    void eightTellersAtOnce()
    {
        const int ops = opsPerThread();
        const qint64 txnsBefore = sum(u"SELECT COUNT(*) FROM journal_txns"_s);
        Shared shared;
        QList<QThread*> threads;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < threadCount; ++i)
            threads.append(QThread::create([this, i, ops, &shared] { runThread(i, ops, shared); }));
        for (QThread* thread : std::as_const(threads))
            thread->start();
        for (QThread* thread : std::as_const(threads)) {
            QVERIFY(thread->wait(QDeadlineTimer(15 * 60 * 1000)));
            delete thread;
        }
        const qint64 ms = clock.elapsed();
        qInfo("%s, %s: %d threads x %d operations in %lld ms (%.0f postings/s); posted %d, repeats %d, "
              "insufficient funds %d, transactions retried %d",
              qPrintable(cs::test::TestDatabase::backend()),
              isolation() == cs::UnitOfWork::Isolation::Serializable ? "serializable" : "read committed", threadCount, ops, ms,
              shared.postedCount * 1000.0 / double(std::max<qint64>(ms, 1)), shared.postedCount, shared.replays,
              shared.insufficient, shared.retries);

        // No caller saw anything but a legitimate refusal; every repeat got the first answer.
        QVERIFY2(shared.errors.isEmpty(), qPrintable(shared.errors.mid(0, 10).join(u'\n')));
        QCOMPARE(shared.badReplays, 0);
        QVERIFY(shared.replays > threadCount * ops / 20);
        QVERIFY(shared.postedCount > threadCount * ops / 2);

        // Each contested request id posted once; everyone else got that same transaction.
        QVERIFY(!shared.contested.isEmpty());
        for (auto it = shared.contested.cbegin(); it != shared.contested.cend(); ++it) {
            int firsts = 0;
            for (const Outcome& o : it.value()) {
                firsts += o.replayed ? 0 : 1;
                QCOMPARE(o.txnId, it.value().constFirst().txnId);
            }
            QCOMPARE(firsts, 1);
        }

        // The journal holds exactly the postings the callers were told about, each request once.
        QCOMPARE(sum(u"SELECT COUNT(*) FROM journal_txns"_s) - txnsBefore, qint64(shared.postedCount));
        QCOMPARE(sum(u"SELECT COUNT(*) FROM (SELECT request_id FROM journal_txns GROUP BY request_id "
                     "HAVING COUNT(*) > 1) x"_s),
                 0);
        for (auto it = shared.txnOfRequest.cbegin(); it != shared.txnOfRequest.cend(); ++it)
            QCOMPARE(m_db.scalar(u"SELECT request_id FROM journal_txns WHERE id = %1"_s.arg(it.value())).toString(), it.key());

        // Every transaction balances and has its declared lines.
        QCOMPARE(sum(u"SELECT COUNT(*) FROM (SELECT txn_id FROM journal_lines GROUP BY txn_id, currency "
                     "HAVING SUM(CASE WHEN side = 'D' THEN amount ELSE 0 END) <> "
                     "SUM(CASE WHEN side = 'C' THEN amount ELSE 0 END)) x"_s),
                 0);
        QCOMPARE(sum(u"SELECT COUNT(*) FROM journal_txns t WHERE t.line_count <> "
                     "(SELECT COUNT(*) FROM journal_lines l WHERE l.txn_id = t.id)"_s),
                 0);

        // Every balance equals the sum of its journal lines; 'journal' accounts keep 0 in the row.
        const QString journalOf = u"(SELECT COALESCE(SUM(CASE WHEN l.side = a.normal_side THEN l.amount ELSE -l.amount END), 0) "
                                  "FROM journal_lines l WHERE l.account_id = a.id)"_s;
        QCOMPARE(sum(u"SELECT COUNT(*) FROM accounts a WHERE a.balance_mode = 'row' AND a.balance <> "_s + journalOf), 0);
        QCOMPARE(sum(u"SELECT COUNT(*) FROM accounts a WHERE a.balance_mode = 'journal' AND a.balance <> 0"_s), 0);
        QCOMPARE(sum(u"SELECT COUNT(*) FROM accounts WHERE kind = 'customer' AND balance - held < -overdraft_limit"_s), 0);
        QCOMPARE(sum(u"SELECT COUNT(*) FROM accounts WHERE internal_role IN ('cash_box', 'vault') AND balance < 0"_s), 0);
        // Class II usage in equals the account's credits that did not come from its bound Class I: no
        // concurrent posting lost an update of the usage rows.
        QCOMPARE(sum(u"SELECT COUNT(*) FROM accounts a WHERE a.class = 'II' AND "
                     "(SELECT COALESCE(SUM(l.amount), 0) FROM journal_lines l WHERE l.account_id = a.id AND l.side = 'C' "
                     "AND NOT EXISTS (SELECT 1 FROM journal_lines b WHERE b.txn_id = l.txn_id "
                     "AND b.account_id = a.bound_account_id)) <> "
                     "COALESCE((SELECT SUM(u.amount) FROM account_limit_usage u WHERE u.account_id = a.id "
                     "AND u.period = 'day' AND u.direction = 'in'), 0)"_s),
                 0);

        // Money is conserved: debit-normal and credit-normal balances are equal, customer money moved
        // only by the cash that came in and went out, and fees are exactly what was charged.
        QCOMPARE(sum(u"SELECT SUM(CASE WHEN a.normal_side = 'D' THEN "_s + journalOf + u" ELSE -"_s + journalOf
                     + u" END) FROM accounts a"_s),
                 0);
        const qint64 customers = sum(u"SELECT SUM(balance) FROM accounts WHERE kind = 'customer'"_s);
        const auto fees = [&] {
            qint64 out = 0;
            const cs::Status read = m_db.db().transact(
                [&](cs::UnitOfWork& uow) -> cs::Status {
                    auto b = cs::PostingEngine::journalBalance(uow, m_ledger.feeIncome);
                    if (!b)
                        return cs::fail(b.error());
                    out = *b;
                    return {};
                },
                cs::UnitOfWork::Isolation::ReadOnly);
            return read ? out : -1;
        }();
        QCOMPARE(fees, shared.fees);
        QCOMPARE(customers + fees, qint64(m_pool.size()) * openingDeposit + shared.netCash);
        QCOMPARE(sum(u"SELECT SUM(balance) FROM accounts WHERE internal_role IN ('cash_box', 'vault')"_s),
                 m_initialCash + shared.netCash);
    }
};

QTEST_GUILESS_MAIN(TestLedgerConcurrency)
#include "tst_ledgerconcurrency.moc"
