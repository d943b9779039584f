// countersign-bench eod: a branch with A customer accounts and L journal lines spread over D business
// days (the last a quarter's settlement day, 2031-03-20), then one end of day timed step by step:
// accrual over every account, the day's notices, the ledger verified over all L lines, the date moved,
// and the quarter's interest credited to every account. Built once per database (a second run finds it
// and times the next day, an ordinary one).
#include "benchcommon.h"

#include "auth/authservice.h"
#include "ledger/postingengine.h"
#include "services/demodata.h"
#include "services/endofdayservice.h"
#include "services/internalaccounts.h"
#include "storage/branchrepository.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/sqlvalues.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace cs::bench {
namespace {

constexpr int accountsPerStatement = 1000;
constexpr int linesPerPosting = 1000;
const QDate lastDay(2031, 3, 20);
const QString numberPrefix = u"8888"_s; // bench accounts: 8888 + 12 digits

qint64 scalar(const Database& db, const QString& sql, const QVariantList& values = {})
{
    qint64 value = 0;
    const Status read = db.transact([&](UnitOfWork& uow) -> Status {
        auto v = uow.scalar(sql, values);
        if (!v)
            return fail(v.error());
        value = v->toLongLong();
        return {};
    });
    if (!read)
        die("read", read.error());
    return value;
}

QDate businessDate(const Database& db, qint64 branchId)
{
    QDate date;
    const Status read = db.transact([&](UnitOfWork& uow) -> Status {
        auto v = uow.scalar(u"SELECT business_date FROM branches WHERE id = ?"_s, {branchId});
        if (!v)
            return fail(v.error());
        date = sql::toDate(*v);
        return {};
    });
    if (!read)
        die("date", read.error());
    return date;
}

void moveTo(const Database& db, qint64 branchId, qint64 staffId, const QDate& to)
{
    const QDate from = businessDate(db, branchId);
    if (from >= to)
        return;
    const Status moved = db.transact([&](UnitOfWork& uow) -> Status {
        return BranchRepository(uow).advanceBusinessDate(branchId, from, to, staffId);
    });
    if (!moved)
        die("move date", moved.error());
}

// The accounts in bulk (the bench's setup, not the counter's way): corporate accounts of a demo company.
QList<qint64> createAccounts(const Database& db, const Session& teller, int count)
{
    const qint64 have = scalar(db, u"SELECT COUNT(*) FROM accounts WHERE number LIKE '8888%'"_s);
    const qint64 company = scalar(db, u"SELECT id FROM customers WHERE id_number = '91310000MA1FL8X7QN'"_s);
    const QString opened = sql::date(businessDate(db, teller.branchId));
    const auto start = Clock::now();
    for (qint64 done = have; done < count;) {
        const int n = int(std::min<qint64>(accountsPerStatement, count - done));
        QString sqlText = u"INSERT INTO accounts (number, title, branch_id, customer_id, product_code, kind, currency, "
                          "normal_side, opened_on) VALUES "_s;
        QVariantList values;
        for (int i = 0; i < n; ++i) {
            sqlText += i == 0 ? u"(?, 'bench', ?, ?, 'corp', 'customer', 'CNY', 'C', ?)"_s
                              : u", (?, 'bench', ?, ?, 'corp', 'customer', 'CNY', 'C', ?)"_s;
            values << QString(numberPrefix + u"%1"_s.arg(done + i, 12, 10, QChar(u'0'))) << teller.branchId << company
                   << opened;
        }
        const Status inserted = db.transact([&](UnitOfWork& uow) -> Status {
            auto q = uow.execList(sqlText, values);
            return q ? Status{} : fail(q.error());
        });
        if (!inserted)
            die("accounts", inserted.error());
        done += n;
    }
    if (have < count)
        std::printf("accounts=%d built_s=%.1f\n", count, secondsSince(start));
    QList<qint64> ids;
    const Status read = db.transact([&](UnitOfWork& uow) -> Status {
        auto q = uow.exec(u"SELECT id FROM accounts WHERE number LIKE '8888%' ORDER BY id"_s);
        if (!q)
            return fail(q.error());
        while (q->next())
            ids.append(q->value(0).toLongLong());
        return {};
    });
    if (!read)
        die("accounts", read.error());
    return ids;
}

// The first `count` bench accounts subscribed to movement notices (短信通), as most
// customers are: their postings queue notices as they post, the day's interest credits included.
void subscribeAccounts(const Database& db, const Session& teller, int count)
{
    if (count <= 0 || scalar(db, u"SELECT COUNT(*) FROM notice_subscriptions"_s) > 0)
        return;
    const Status subscribed = db.transact([&](UnitOfWork& uow) -> Status {
        auto q = uow.exec(u"INSERT INTO notice_subscriptions (customer_id, account_id, phone, created_on, created_by) "
                          "SELECT customer_id, id, '13800138000', opened_on, ? FROM accounts "
                          "WHERE number LIKE '8888%' ORDER BY id LIMIT ?"_s,
                          {teller.staffId, count});
        return q ? Status{} : fail(q.error());
    });
    if (!subscribed)
        die("subscriptions", subscribed.error());
    std::printf("subscribed=%d\n", count);
}

// `lines` journal lines over `days` business days ending on lastDay: postings of 1,000 lines (clearing
// against 999 accounts taken in turn), each day moved on without an end of day.
void fillJournal(const Database& db, const Session& teller, const QList<qint64>& accounts, int lines, int days)
{
    if (scalar(db, u"SELECT COUNT(*) FROM journal_txns WHERE kind = 'bench'"_s) > 0)
        return;
    moveTo(db, teller.branchId, teller.staffId, lastDay.addDays(-(days - 1)));
    const auto start = Clock::now();
    qint64 next = 0;
    const int perDay = lines / days;
    for (int day = 0; day < days; ++day) {
        const QDate date = lastDay.addDays(-(days - 1 - day));
        moveTo(db, teller.branchId, teller.staffId, date);
        for (int done = 0; done < perDay;) {
            const int credits = std::min(linesPerPosting, perDay - done) - 1;
            const Status posted = db.transact([&](UnitOfWork& uow) -> Status {
                auto ledger = InternalAccounts::ensure(uow, teller.branchId);
                if (!ledger)
                    return fail(ledger.error());
                PostingRequest r;
                r.requestId = u"bench-eod-%1-%2"_s.arg(date.toString(u"yyyyMMdd"_s)).arg(done);
                r.kind = u"bench"_s;
                r.branchId = teller.branchId;
                r.businessDate = date;
                r.staffId = teller.staffId;
                r.terminal = u"BENCH"_s;
                r.lines.append({ledger->clearing, 'D', Money(qint64(credits) * 10'000, Currency::cny()), {}});
                for (int i = 0; i < credits; ++i)
                    r.lines.append({accounts.at(int(next++ % accounts.size())), 'C', Money(10'000, Currency::cny()), {}});
                auto result = PostingEngine::post(uow, r);
                return result ? Status{} : fail(result.error());
            });
            if (!posted)
                die("post", posted.error());
            done += credits + 1;
        }
    }
    std::printf("lines=%d days=%d built_s=%.1f\n", lines, days, secondsSince(start));
}

} // namespace

int runEod(const Options& options)
{
    const auto url = options.value(u"--db"_s);
    if (!url)
        usage("--db URL is required");
    const int accountCount = options.integer(u"--accounts"_s, 100'000);
    const int lines = options.integer(u"--lines"_s, 1'000'000);
    const int days = options.integer(u"--days"_s, 10);
    auto db = Database::open(*url);
    if (!db)
        die("open", db.error());
    if (auto migrated = Migrator(*db).migrate(); !migrated)
        die("migrate", migrated.error());
    if (auto seeded = DemoData::seed(*db, DemoData::Content::People); !seeded)
        die("demo", seeded.error());
    auto teller = AuthService(*db).signOn(u"teller1"_s, u"demo-pass-1"_s, u"BENCH"_s);
    if (!teller)
        die("sign on", teller.error());
    const QList<qint64> accounts = createAccounts(*db, *teller, accountCount);
    subscribeAccounts(*db, *teller, options.integer(u"--subscribed"_s, accountCount));
    fillJournal(*db, *teller, accounts, lines, days);

    auto super = AuthService(*db).signOn(u"super1"_s, u"demo-pass-1"_s, u"BENCH"_s);
    if (!super)
        die("sign on", super.error());
    const qint64 total = scalar(*db, u"SELECT COUNT(*) FROM journal_lines"_s);
    QElapsedTimer step;
    step.start();
    const auto start = Clock::now();
    auto result = EndOfDayService(*db).run(*super, [&](const EodStep& s) {
        std::printf("step=%s state=%s s=%.2f\n", qPrintable(s.key), qPrintable(s.state), double(step.restart()) / 1000.0);
    });
    const double seconds = secondsSince(start);
    if (!result)
        die("eod", result.error());
    std::printf("eod closed=%s accounts=%lld journal_lines=%lld notices_of_the_day=%lld eod_s=%.1f\n",
                qPrintable(result->closedDate.toString(Qt::ISODate)),
                scalar(*db, u"SELECT COUNT(*) FROM accounts WHERE kind = 'customer'"_s), total,
                scalar(*db, u"SELECT COUNT(*) FROM notice_outbox WHERE business_date >= '%1'"_s.arg(sql::date(result->closedDate))),
                seconds);
    return 0;
}

} // namespace cs::bench
