#include "services/endofdayservice.h"

#include "security/permissions.h"
#include "services/eodsteps.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/eodrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString actionRun = u"eod.run"_s;
const QString lastStep = u"settle_interest"_s;
const QString closeStep = u"close_day"_s;

// Which day this run closes: a day closed by a run that was killed before its last step is finished
// first (the branch already stands on the next day); otherwise the branch's business date.
struct Plan {
    QDate closing;
    QHash<QString, EodStepRecord> done;
};

Result<Plan> planOf(UnitOfWork& uow, const Session& session)
{
    if (auto allowed = Permissions::require(uow, session.role, actionRun); !allowed)
        return fail(allowed.error());
    AccountRepository accounts(uow);
    auto branch = accounts.branch(session.branchId);
    if (!branch)
        return fail(branch.error());
    if (!branch->has_value())
        return fail(Error::notFound(u"branch.not_found"_s, u"branch"_s,
                                    QCoreApplication::translate("cs::EndOfDay", "There is no such branch.")));
    EodRepository eod(uow);
    auto unfinished = eod.unfinishedClosedDate(session.branchId, lastStep);
    if (!unfinished)
        return fail(unfinished.error());
    Plan plan;
    plan.closing = unfinished->value_or((*branch)->businessDate);
    auto done = eod.steps(session.branchId, plan.closing);
    if (!done)
        return fail(done.error());
    plan.done = std::move(*done);
    return plan;
}

Error dateMoved()
{
    return Error::conflict(u"eod.running"_s, QCoreApplication::translate("cs::EndOfDay",
                                                                         "Another end of day is closing this business "
                                                                         "day; wait for it to finish."));
}

} // namespace

EndOfDayService::EndOfDayService(Database db) : m_db(std::move(db)) {}

Result<QList<EodBlocker>> EndOfDayService::blockers(const Session& session) const
{
    QList<EodBlocker> found;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRun); !allowed)
                return allowed;
            auto list = eod::blockersIn(uow, session.branchId);
            if (!list)
                return fail(list.error());
            found = std::move(*list);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return found;
}

Result<EodResult> EndOfDayService::run(const Session& session, const std::function<void(const EodStep&)>& progress) const
{
    Plan plan;
    const Status planned = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto p = planOf(uow, session);
            if (!p)
                return fail(p.error());
            plan = std::move(*p);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!planned)
        return fail(planned.error());

    EodResult result;
    result.closedDate = plan.closing;
    result.businessDate = plan.closing.addDays(1);
    result.resumed = !plan.done.isEmpty();
    const QDate next = result.businessDate;
    const bool dayClosed = plan.done.contains(closeStep);
    const QString entity = u"%1:%2"_s.arg(session.branchCode, plan.closing.toString(Qt::ISODate));

    for (const QString& key : eod::stepKeys()) {
        EodStep step{key, eod::stepLabel(key), {}, {}};
        const bool recorded = plan.done.contains(key);
        // A day not yet closed is checked again on every run: a cash box opened or an approval
        // submitted since an interrupted run keeps it open.
        if (recorded && (key != u"check"_s || dayClosed)) {
            step.state = u"done_before"_s;
            step.detail = plan.done.value(key).detail;
            result.steps.append(step);
            if (progress)
                progress(step);
            continue;
        }
        bool doneBefore = recorded;
        auto detail = performAudited(
            m_db, session, actionRun, {u"eod."_s + key, u"business_day"_s, entity, {}},
            [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
                EodRepository eod(uow);
                auto date = eod.lockBranch(session.branchId);
                if (!date)
                    return fail(date.error());
                const QDate expected = key == lastStep ? next : plan.closing;
                auto rows = eod.steps(session.branchId, plan.closing);
                if (!rows)
                    return fail(rows.error());
                doneBefore = rows->contains(key);
                if (doneBefore && key != u"check"_s) {
                    // Another run did it while this one waited for the branch.
                    audit.detail = u"done_before"_s;
                    return rows->value(key).detail;
                }
                if (!date->has_value() || **date != expected)
                    return fail(dateMoved());
                Session acting = session;
                acting.businessDate = expected;
                Result<QJsonObject> work = QJsonObject();
                if (key == u"check"_s)
                    work = eod::check(uow, acting);
                else if (key == u"expire"_s)
                    work = eod::expire(uow, acting);
                else if (key == u"accrue_interest"_s)
                    work = eod::accrueInterest(uow, acting);
                else if (key == u"mature_deposits"_s)
                    work = eod::matureDeposits(uow, acting, next);
                else if (key == u"settle_merchants"_s)
                    work = eod::settleMerchants(uow, acting);
                else if (key == u"large_value"_s)
                    work = eod::largeValue(uow, acting);
                else if (key == u"notices"_s)
                    work = eod::notices(uow, acting);
                else if (key == u"verify_ledger"_s)
                    work = eod::verifyLedger(uow, acting);
                else if (key == closeStep)
                    work = eod::closeDay(uow, acting, next);
                else
                    work = eod::settleInterest(uow, acting, plan.closing);
                if (!work)
                    return fail(work.error());
                if (doneBefore) {
                    // check, run again on a day an interrupted run had already checked: nothing to record.
                    audit.detail = u"checked_again"_s;
                    return rows->value(key).detail;
                }
                if (auto recordedNow = eod.recordStep(session.branchId, plan.closing, key, session.staffId, *work);
                    !recordedNow)
                    return fail(recordedNow.error());
                audit.after = *work;
                audit.after.insert(u"step"_s, key);
                if (m_beforeCommit)
                    m_beforeCommit(key);
                return work;
            });
        if (!detail)
            return fail(detail.error());
        step.detail = *detail;
        step.state = doneBefore ? u"done_before"_s
                                : (detail->value(u"skipped"_s).toBool() ? u"skipped"_s : u"done"_s);
        result.steps.append(step);
        if (progress)
            progress(step);
    }
    return result;
}

} // namespace cs
