// countersign-bench posting: intra-bank transfers with a fee through PostingEngine::post from N
// connections for S seconds, optionally beside pgbench's TPC-B on the same server with the same
// connection count. The fee goes to the branch's fee income, a hot 'journal' account: if it made
// postings wait on one row, throughput would not grow with connections.
#include "benchcommon.h"

#include "auth/authservice.h"
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "services/demodata.h"
#include "services/internalaccounts.h"
#include "storage/database.h"
#include "storage/databaseurl.h"
#include "storage/migrator.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace cs::bench {
namespace {

constexpr qint64 yuan = 100;
constexpr qint64 openingBalance = 1'000'000 * yuan;

Money cny(qint64 minor) { return Money(minor, Currency::cny()); }

struct Pool {
    Session teller;
    BranchLedger ledger;
    QList<qint64> accounts;
};

// Customers with a passport and a Class I account each, funded once; request ids make a second run
// on the same database find them again instead of adding more.
Pool preparePool(const Database& db, int accounts)
{
    if (auto migrated = Migrator(db).migrate(); !migrated)
        die("migrate", migrated.error());
    if (auto seeded = DemoData::seed(db); !seeded)
        die("demo", seeded.error());
    auto teller = AuthService(db).signOn(u"teller1"_s, u"demo-pass-1"_s, u"BENCH"_s);
    if (!teller)
        die("sign on", teller.error());
    Pool pool{*teller, {}, {}};
    const CustomerService customers(db);
    const AccountService service(db);
    for (int i = 0; i < accounts; ++i) {
        NewCustomerRequest person;
        person.kind = u"person"_s;
        person.fullName = u"Bench %1"_s.arg(i);
        person.idType = u"passport"_s;
        person.idNumber = u"BENCH%1"_s.arg(i, 6, 10, QChar(u'0'));
        person.birthDate = QDate(1980, 1, 1).addDays(i);
        person.requestId = u"bench-customer-%1"_s.arg(i);
        auto customer = customers.add(pool.teller, person);
        if (!customer)
            die("customer", customer.error());
        auto opened = service.open(pool.teller, {*customer, u"demand"_s, u"I"_s, {}, u"bench-account-%1"_s.arg(i)});
        if (!opened)
            die("account", opened.error());
        pool.accounts.append(opened->accountId);
    }
    const Status funded = db.transact([&](UnitOfWork& uow) -> Status {
        auto ledger = InternalAccounts::ensure(uow, pool.teller.branchId);
        if (!ledger)
            return fail(ledger.error());
        pool.ledger = *ledger;
        for (qint64 account : std::as_const(pool.accounts)) {
            PostingRequest r;
            r.requestId = u"bench-fund-%1"_s.arg(account);
            r.kind = u"opening"_s;
            r.branchId = pool.teller.branchId;
            r.businessDate = pool.teller.businessDate;
            r.staffId = pool.teller.staffId;
            r.terminal = u"BENCH"_s;
            r.lines = {{pool.ledger.clearing, 'D', cny(openingBalance), {}}, {account, 'C', cny(openingBalance), {}}};
            if (auto posted = PostingEngine::post(uow, r); !posted)
                return fail(posted.error());
        }
        return {};
    });
    if (!funded)
        die("fund", funded.error());
    return pool;
}

struct Tally {
    std::atomic<qint64> posted{0};
    std::atomic<qint64> failed{0};
};

void postUntil(const Database& db, const Pool& pool, int worker, Clock::time_point deadline, Tally& tally)
{
    QRandomGenerator rng(quint32(worker * 7919 + 1));
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    for (qint64 n = 0; Clock::now() < deadline; ++n) {
        const qint64 from = pool.accounts.at(rng.bounded(int(pool.accounts.size())));
        qint64 to = from;
        while (to == from)
            to = pool.accounts.at(rng.bounded(int(pool.accounts.size())));
        const qint64 amount = 1 + rng.bounded(int(100 * yuan));
        const qint64 fee = 50;
        PostingRequest r;
        r.requestId = u"bench-%1-%2-%3"_s.arg(run).arg(worker).arg(n);
        r.kind = u"transfer"_s;
        r.branchId = pool.teller.branchId;
        r.businessDate = pool.teller.businessDate;
        r.staffId = pool.teller.staffId;
        r.terminal = u"BENCH"_s;
        r.lines = {{from, 'D', cny(amount + fee), {}}, {to, 'C', cny(amount), {}},
                   {pool.ledger.feeIncome, 'C', cny(fee), u"fee"_s}};
        const Status done = db.transact([&](UnitOfWork& uow) -> Status {
            auto posted = PostingEngine::post(uow, r);
            return posted ? Status{} : fail(posted.error());
        });
        if (done) {
            ++tally.posted;
        } else {
            ++tally.failed;
            std::fprintf(stderr, "posting failed: %s %s\n", qPrintable(done.error().code),
                         qPrintable(done.error().message));
        }
    }
    db.closeThreadConnection();
}

// pgbench -M prepared TPC-B on the same database (its own pgbench_* tables), scale = connections.
std::optional<double> pgbenchTps(const DatabaseUrl& url, int connections, int seconds)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, url.password);
    const QStringList target = {u"-h"_s, url.host, u"-p"_s, QString::number(url.port), u"-U"_s, url.user};
    auto run = [&](const QStringList& args) -> std::optional<QString> {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(u"pgbench"_s, args + target + QStringList{url.database});
        if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            std::fprintf(stderr, "pgbench failed: %s\n", p.readAllStandardError().constData());
            return std::nullopt;
        }
        return QString::fromLocal8Bit(p.readAllStandardOutput());
    };
    if (!run({u"-i"_s, u"-q"_s, u"-s"_s, QString::number(connections)}))
        return std::nullopt;
    const auto out = run({u"-M"_s, u"prepared"_s, u"-c"_s, QString::number(connections), u"-j"_s,
                             QString::number(connections), u"-T"_s, QString::number(seconds)});
    static const QRegularExpression tps(u"tps = ([0-9.]+) \\(without initial connection time\\)"_s);
    if (!out)
        return std::nullopt;
    const auto match = tps.match(*out);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

} // namespace

int runPosting(const Options& options)
{
    const auto urlText = options.value(u"--db"_s);
    if (!urlText)
        usage("--db URL is required");
    const int connections = options.integer(u"--connections"_s, 1);
    const int seconds = options.integer(u"--seconds"_s, 10);
    const int accounts = options.integer(u"--accounts"_s, 1000);
    auto url = DatabaseUrl::parse(*urlText);
    if (!url)
        die("url", url.error());
    auto db = Database::open(*url);
    if (!db)
        die("open", db.error());

    const auto setupStart = Clock::now();
    const Pool pool = preparePool(*db, accounts);
    std::printf("accounts=%lld setup_s=%.1f\n", qlonglong(pool.accounts.size()), secondsSince(setupStart));

    Tally tally;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(seconds);
    std::vector<std::thread> workers;
    for (int i = 0; i < connections; ++i)
        workers.emplace_back([&, i] { postUntil(*db, pool, i, deadline, tally); });
    for (std::thread& w : workers)
        w.join();
    const double elapsed = secondsSince(start);
    const double rate = double(tally.posted.load()) / elapsed;
    std::printf("connections=%d seconds=%.1f postings=%lld failed=%lld postings_per_s=%.0f\n", connections, elapsed,
                qlonglong(tally.posted.load()), qlonglong(tally.failed.load()), rate);

    if (options.flag(u"--pgbench"_s)) {
        if (url->dialect != Dialect::PostgreSQL)
            usage("--pgbench needs a PostgreSQL URL");
        const auto tps = pgbenchTps(*url, connections, seconds);
        if (!tps) {
            std::fprintf(stderr, "countersign-bench: pgbench did not report tps\n");
            return 1;
        }
        std::printf("pgbench_scale=%d pgbench_tps=%.0f ratio=%.2f\n", connections, *tps, rate / *tps);
    }
    std::fflush(stdout);
    return tally.failed.load() == 0 ? 0 : 1;
}

} // namespace cs::bench
