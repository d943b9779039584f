#pragma once

#include "common/result.h"
#include "ledger/postingengine.h"
#include "storage/accountrepository.h"
#include "storage/unitofwork.h"

#include <QList>

namespace cs {

// What one posting does to one Class II or III account, and to its bound Class I account in the same
// posting (moves between the two do not count against the limits).
struct ClassLimitMove {
    AccountRecord account; // locked by the engine
    qint64 debits = 0;
    qint64 credits = 0;
    qint64 boundDebits = 0;  // lines on the bound Class I account in this posting
    qint64 boundCredits = 0;
};

// The PBOC rules of personal Class II and III accounts (DOMAIN: account classes), for every posting,
// with the amounts used kept in account_limit_usage in the posting's transaction:
//   Class II  in (credits not from the bound account, cash deposits) <= class2.daily_in / yearly_in,
//             out (debits not to the bound account, cash) <= class2.daily_out / yearly_out;
//   Class III no cash at all, balance <= class3.balance_cap, out <= class3.daily_out / yearly_out.
// A reversal is not checked: it gives the original's usage back (never below zero). Interest the bank
// credits (kind interest) counts against nothing.
// Refused (field "amount"): limit.class2_daily_in, limit.class2_yearly_in, limit.class2_daily_out,
// limit.class2_yearly_out, limit.class3_no_cash, limit.class3_balance_cap, limit.class3_daily_out,
// limit.class3_yearly_out.
class ClassLimits {
public:
    // Only these accounts cost the engine anything more (a settings read, the usage, its update).
    static bool applies(const AccountRecord& account);
    static Status apply(UnitOfWork& uow, const PostingRequest& request, const QList<ClassLimitMove>& moves);
    // The same rules for a posting still to come (a transfer waiting for approval), writing no usage.
    static Status check(UnitOfWork& uow, const PostingRequest& request, const QList<ClassLimitMove>& moves);

private:
    static Status run(UnitOfWork& uow, const PostingRequest& request, const QList<ClassLimitMove>& moves, bool record);
};

} // namespace cs
