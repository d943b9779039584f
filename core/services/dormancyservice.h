#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace cs {

struct DormancySweep {
    QDate asOf;
    int afterDays = 0;    // accounts.dormant_after_days
    QStringList accounts; // numbers marked dormant now
    int count() const { return static_cast<int>(accounts.size()); }
};

// Dormant accounts (久悬). A customer demand account in state normal without a customer movement in
// the last accounts.dormant_after_days days (since it was opened, when it never moved) becomes dormant;
// the PostingEngine refuses postings to it (posting.account_dormant) until a teller reactivates it with
// the customer present.
class DormancyService {
public:
    explicit DormancyService(Database db);

    // Marks the session's branch's accounts that have been still for the setting's days on `asOf`
    // (invalid: the branch's business date; never after it: Invalid dormancy.as_of, field as_of): an
    // account whose last movement is exactly that many days before asOf is dormant, one day less is not.
    // One audited transaction (account.dormancy_sweep) with an audit record per account marked.
    Result<DormancySweep> sweep(const Session& session, const QDate& asOf = {}) const;

    // Back to normal (account.reactivate, teller). Invalid account.reason_empty (field reason); Refused
    // account.not_dormant; NotFound account.not_found.
    Status reactivate(const Session& session, const QString& number, const QString& reason,
                      const QString& requestId = {}) const;

private:
    Database m_db;
};

} // namespace cs
