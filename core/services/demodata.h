#pragma once

#include "common/result.h"
#include "storage/database.h"

namespace cs {

// Rows present after seeding, and how many of them this run inserted.
struct DemoSummary {
    qint64 branches = 0;
    qint64 staff = 0;
    qint64 customers = 0;
    qint64 accounts = 0;
    qint64 inserted = 0;
};

// The demo branch (0001) with staff for every role (password demo-pass-1), customers and accounts,
// from :/db/demo. Running it again changes nothing: every row is keyed and inserted only when absent.
class DemoData {
public:
    static constexpr const char16_t* password = u"demo-pass-1";
    static Result<DemoSummary> seed(const Database& db);
    // The embedded demo database at `path`: created, migrated and seeded on first use.
    static Result<Database> open(const QString& path);
    // Where `countersign --demo` keeps it: the user's data directory.
    static QString defaultPath();
};

} // namespace cs
