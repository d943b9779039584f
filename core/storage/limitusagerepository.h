#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>

namespace cs {

// Class II/III amounts used (account_limit_usage, 0003): a 'day' row keyed by the business date and a
// 'year' row keyed by 1 January of its year, per direction. Read through AccountRepository::limitUsage;
// written only by the PostingEngine's class limits, under the account's row lock.
class LimitUsageRepository {
public:
    explicit LimitUsageRepository(UnitOfWork& uow) : m_uow(uow) {}

    // Adds to the day and year rows (created on first use); zero amounts are skipped.
    Status add(qint64 accountId, const QDate& day, qint64 in, qint64 out);
    // Takes back from the day and year rows of `day` (a reversal), never below zero.
    Status giveBack(qint64 accountId, const QDate& day, qint64 in, qint64 out);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
