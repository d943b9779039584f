#pragma once

#include "common/result.h"
#include "security/cardvault.h"
#include "storage/database.h"

namespace cs {

// Rows present after seeding, and how many of them this run inserted.
struct DemoSummary {
    qint64 branches = 0;
    qint64 staff = 0;
    qint64 customers = 0;
    qint64 accounts = 0;
    qint64 transactions = 0; // journal transactions
    qint64 cards = 0;
    qint64 merchants = 0;
    qint64 inserted = 0;
};

// The demo branch (0001) with staff for every role (password demo-pass-1), customers, their accounts,
// a funded vault and past business days of teller cash (DemoLedger), merchants with a few payments on
// the open day (DemoMerchants), and cards with their demo PINs (DemoCards), from :/db/demo. Running it
// again changes nothing: every row is keyed and inserted only when absent.
class DemoData {
public:
    // People: the branch, staff and customers only (what most tests build on); Everything: also the
    // accounts, the vault and the history, with the branch starting that many days before today.
    enum class Content { People, Everything };
    static constexpr const char16_t* password = u"demo-pass-1";
    // Cards need the database's card vault; without one (or with People) none are issued.
    static Result<DemoSummary> seed(const Database& db, Content content = Content::Everything,
                                    const CardVault* vault = nullptr);
    // The embedded demo database at `path`: created, migrated and seeded on first use, its card key in
    // `<path>.keys` beside it (cardKeyStoreFor), created with it.
    static Result<Database> open(const QString& path);
    // Where `countersign --demo` keeps it: the user's data directory.
    static QString defaultPath();
};

} // namespace cs
