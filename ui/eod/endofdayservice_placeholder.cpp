// Placeholder until wip-eod commits EndOfDayService: no blockers, and a run that reports each step and
// moves the business date, so that the dialog can be built and looked at. Deleted at the merge.

#include "services/endofdayservice.h"

#include "storage/branchrepository.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace cs {

EndOfDayService::EndOfDayService(Database db)
    : m_db(std::move(db))
{
}

Result<QList<EodBlocker>> EndOfDayService::blockers(const Session&) const
{
    return QList<EodBlocker>{};
}

Result<EodResult> EndOfDayService::run(const Session& session, const std::function<void(const EodStep&)>& progress) const
{
    EodResult result;
    result.closedDate = session.businessDate;
    result.businessDate = session.businessDate.addDays(1);
    for (const char* key : {"check", "expire", "accrue_interest", "mature_deposits", "settle_merchants",
                            "large_value", "notices", "verify_ledger", "close_day", "settle_interest"}) {
        EodStep step{QString::fromLatin1(key), QString::fromLatin1(key), u"done"_s, {{u"accounts"_s, 3}}};
        if (step.key == u"close_day") {
            const Status moved = m_db.transact([&](UnitOfWork& uow) {
                return BranchRepository(uow).advanceBusinessDate(session.branchId, result.closedDate,
                                                                 result.businessDate, session.staffId);
            });
            if (!moved)
                return fail(moved.error());
        }
        if (step.key == u"settle_interest")
            step.state = u"skipped"_s;
        QThread::msleep(120);
        if (progress)
            progress(step);
        result.steps.append(step);
    }
    return result;
}

} // namespace cs
