#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

struct DormancyCandidate {
    qint64 id = 0;
    QString number;
};

// Dormant accounts (久悬): which customer demand accounts have been still, and their state changes.
// An account is still since the latest of its opening, its last reactivation and its last customer
// movement: any journal line on it except interest the bank credits (kind 'interest').
class DormancyRepository {
public:
    explicit DormancyRepository(UnitOfWork& uow) : m_uow(uow) {}

    // The branch's normal customer demand accounts still since `cutoff` or earlier, in ascending id
    // order (the order the PostingEngine locks in).
    Result<QList<DormancyCandidate>> candidates(qint64 branchId, const QDate& cutoff);
    // Since when the account has been still.
    Result<QDate> stillSince(qint64 accountId);
    // normal -> dormant; false when the account was not normal.
    Result<bool> markDormant(qint64 accountId);
    // dormant -> normal on the business day `on`; false when the account was not dormant.
    Result<bool> reactivate(qint64 accountId, const QDate& on);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
