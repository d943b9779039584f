// Throughput of the audit trail on SQLite: 20,000 appends, each in a transaction of its own as a
// service call makes them (two terminals, alternating), then one verification of them all. Built with
// the tests, run by hand: it checks what it measures (a failed append, or a verification that is not
// ok or does not count every record, aborts) but its figures are not a pass/fail.
#include "security/auditlog.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kRecords = 20'000;

double seconds(Clock::duration elapsed) { return std::chrono::duration<double>(elapsed).count(); }

[[noreturn]] void die(const char* what, const cs::Error& error)
{
    std::fprintf(stderr, "%s: %s %s\n", what, qPrintable(error.code), qPrintable(error.message));
    std::exit(1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    auto db = cs::Database::open(u"sqlite:"_s + dir.filePath(u"bench-audit.db"_s));
    if (!db)
        die("open", db.error());
    if (auto migrated = cs::Migrator(*db).migrate(); !migrated)
        die("migrate", migrated.error());

    const cs::AuditActor actors[2] = {{0, u"bench"_s, u"T01"_s, 0}, {0, u"bench"_s, u"T02"_s, 0}};
    const auto appendStart = Clock::now();
    for (int n = 0; n < kRecords; ++n) {
        cs::AuditEntry entry;
        entry.action = u"cash.deposit"_s;
        entry.entityType = u"account"_s;
        entry.entityId = u"6222%1"_s.arg(n, 12, 10, QChar(u'0'));
        entry.before = QJsonObject{{u"balance"_s, QString::number(n * 100)}};
        entry.after = QJsonObject{{u"balance"_s, QString::number(n * 100 + 100)}};
        if (auto appended = cs::AuditLog::appendAlone(*db, actors[n % 2], entry); !appended)
            die("append", appended.error());
    }
    const double appendSeconds = seconds(Clock::now() - appendStart);

    const auto verifyStart = Clock::now();
    const auto verification = cs::verifyAudit(*db);
    const double verifySeconds = seconds(Clock::now() - verifyStart);
    if (!verification)
        die("verify", verification.error());
    if (!verification->ok || verification->records != kRecords || verification->chains != 2) {
        std::fprintf(stderr, "verification: ok=%d records=%lld chains=%d first_bad=%s\n", verification->ok,
                     static_cast<long long>(verification->records), verification->chains,
                     qPrintable(verification->firstBad));
        return 1;
    }

    std::printf("audit append (own transaction each, SQLite WAL, synchronous=FULL): %d records in %.2f s = %.0f appends/s\n",
                kRecords, appendSeconds, kRecords / appendSeconds);
    std::printf("audit verify: %lld records in %d chains in %.3f s = %.0f records/s\n",
                static_cast<long long>(verification->records), verification->chains, verifySeconds,
                static_cast<double>(verification->records) / verifySeconds);
    return 0;
}
