// countersign-bench statement: an account with N journal lines (built once per database through the
// PostingEngine, 1,000 lines per posting), then the time to open the Counter's statement model on it:
// construction, the first page read, and the cells of a first screen formatted.
#include "benchcommon.h"

#include "auth/authservice.h"
#include "counter/statementmodel.h"
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "services/demodata.h"
#include "services/internalaccounts.h"
#include "storage/database.h"
#include "storage/migrator.h"

using namespace Qt::StringLiterals;

namespace cs::bench {
namespace {

constexpr int linesPerPosting = 1000;
constexpr int screenRows = 40;

struct StatementAccount {
    Session teller;
    QString number;
    qint64 id = 0;
};

StatementAccount prepareAccount(const Database& db, int lines)
{
    if (auto migrated = Migrator(db).migrate(); !migrated)
        die("migrate", migrated.error());
    if (auto seeded = DemoData::seed(db); !seeded)
        die("demo", seeded.error());
    auto teller = AuthService(db).signOn(u"teller1"_s, u"demo-pass-1"_s, u"BENCH"_s);
    if (!teller)
        die("sign on", teller.error());
    NewCustomerRequest person;
    person.kind = u"person"_s;
    person.fullName = u"Statement %1"_s.arg(lines);
    person.idType = u"passport"_s;
    person.idNumber = u"STMT%1"_s.arg(lines, 9, 10, QChar(u'0'));
    person.birthDate = QDate(1970, 1, 1);
    person.requestId = u"bench-statement-customer-%1"_s.arg(lines);
    auto customer = CustomerService(db).add(*teller, person);
    if (!customer)
        die("customer", customer.error());
    auto opened = AccountService(db).open(*teller, {*customer, u"demand"_s, u"I"_s, {}, u"bench-statement-account-%1"_s.arg(lines)});
    if (!opened)
        die("account", opened.error());
    return {*teller, opened->number, opened->accountId};
}

// Postings of 1,000 one-fen credits each until the account has `lines` lines; a second run on the
// same database finds them there.
void fill(const Database& db, const StatementAccount& a, int lines)
{
    auto have = AccountService(db).statementLineCount(a.teller, a.number, {}, {});
    if (!have)
        die("count", have.error());
    const auto start = Clock::now();
    for (qint64 done = *have; done < lines;) {
        const int n = int(std::min<qint64>(linesPerPosting, lines - done));
        const Status posted = db.transact([&](UnitOfWork& uow) -> Status {
            auto ledger = InternalAccounts::ensure(uow, a.teller.branchId);
            if (!ledger)
                return fail(ledger.error());
            PostingRequest r;
            r.requestId = u"bench-statement-%1-%2"_s.arg(a.id).arg(done);
            r.kind = u"opening"_s;
            r.branchId = a.teller.branchId;
            r.businessDate = a.teller.businessDate;
            r.staffId = a.teller.staffId;
            r.terminal = u"BENCH"_s;
            r.lines.reserve(n + 1);
            r.lines.append({ledger->clearing, 'D', Money(n, Currency::cny()), {}});
            for (int i = 0; i < n; ++i)
                r.lines.append({a.id, 'C', Money(1, Currency::cny()), {}});
            auto result = PostingEngine::post(uow, r);
            return result ? Status{} : fail(result.error());
        });
        if (!posted)
            die("post", posted.error());
        done += n;
    }
    std::printf("lines=%d built_s=%.1f\n", lines, secondsSince(start));
}

} // namespace

int runStatement(const Options& options)
{
    const auto url = options.value(u"--db"_s);
    if (!url)
        usage("--db URL is required");
    const int lines = options.integer(u"--lines"_s, 1'000'000);
    auto db = Database::open(*url);
    if (!db)
        die("open", db.error());
    const StatementAccount account = prepareAccount(*db, lines);
    fill(*db, account, lines);

    // Three openings; the first pays for preparing the statements on this connection, as a terminal's
    // first statement does, and is the figure reported.
    double first = 0;
    double best = 0;
    for (int round = 0; round < 3; ++round) {
        const auto start = Clock::now();
        ui::StatementModel model(*db, account.teller, account.number);
        if (auto loaded = model.load(); !loaded)
            die("load", loaded.error());
        const int rows = std::min(screenRows, model.rowCount());
        qint64 cells = 0;
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < model.columnCount(); ++column)
                cells += model.data(model.index(row, column)).toString().size();
        }
        const double ms = secondsSince(start) * 1000.0;
        if (rows != screenRows || cells == 0)
            usage("the statement's first screen is empty");
        std::printf("round=%d rows_loaded=%d first_screen_ms=%.1f\n", round + 1, model.rowCount(), ms);
        if (round == 0)
            first = best = ms;
        best = std::min(best, ms);
    }
    std::printf("first_screen_ms=%.1f warm_ms=%.1f\n", first, best);
    return 0;
}

} // namespace cs::bench
