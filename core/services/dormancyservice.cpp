#include "services/dormancyservice.h"

#include "domain/accountnumber.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/dormancyrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString actionSweep = u"account.dormancy_sweep"_s;
const QString actionReactivate = u"account.reactivate"_s;
const QString settingDays = u"accounts.dormant_after_days"_s;
constexpr int defaultDays = 365;

Result<int> dormantAfterDays(UnitOfWork& uow)
{
    auto stored = SettingsRepository(uow).find(settingDays);
    if (!stored)
        return fail(stored.error());
    if (!stored->has_value())
        return defaultDays;
    bool ok = false;
    const int days = (*stored)->value.toInt(&ok);
    if (!ok || days <= 0)
        return fail(Error::internal(u"setting.not_a_number"_s,
                                    QCoreApplication::translate("cs::Settings", "The setting %1 is not a number.")
                                        .arg(settingDays)));
    return days;
}

} // namespace

DormancyService::DormancyService(Database db) : m_db(std::move(db)) {}

Result<DormancySweep> DormancyService::sweep(const Session& session, const QDate& asOf) const
{
    const AuditActor actor = AuditActor::of(session);
    DormancySweep result;
    auto response = performAudited(
        m_db, session, {actionSweep, u"branch"_s, session.branchCode, {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            result = {};
            AccountRepository accounts(uow);
            DormancyRepository dormancy(uow);
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            result.asOf = asOf.isValid() ? asOf : branch->businessDate;
            if (result.asOf > branch->businessDate)
                return fail(Error::invalid(u"dormancy.as_of"_s, u"as_of"_s,
                                           QCoreApplication::translate("cs::DormancyService",
                                                                       "The sweep date %1 is after the business date %2.")
                                               .arg(result.asOf.toString(Qt::ISODate),
                                                    branch->businessDate.toString(Qt::ISODate))));
            auto days = dormantAfterDays(uow);
            if (!days)
                return fail(days.error());
            result.afterDays = *days;
            const QDate cutoff = result.asOf.addDays(-result.afterDays);
            auto candidates = dormancy.candidates(session.branchId, cutoff);
            if (!candidates)
                return fail(candidates.error());
            for (const DormancyCandidate& candidate : std::as_const(*candidates)) {
                // Under the account's lock a posting committed since the candidates were read is seen.
                auto locked = accounts.lockById(candidate.id);
                if (!locked)
                    return fail(locked.error());
                if (!locked->has_value() || (*locked)->state != u"normal"_s)
                    continue;
                auto still = dormancy.stillSince(candidate.id);
                if (!still)
                    return fail(still.error());
                if (*still > cutoff)
                    continue;
                auto marked = dormancy.markDormant(candidate.id);
                if (!marked)
                    return fail(marked.error());
                if (!*marked)
                    continue;
                const AuditEntry entry{actionSweep,
                                       u"account"_s,
                                       candidate.number,
                                       true,
                                       {},
                                       {{u"number"_s, candidate.number}, {u"state"_s, u"normal"_s}},
                                       {{u"state"_s, u"dormant"_s}, {u"still_since"_s, still->toString(Qt::ISODate)}}};
                if (auto audited = AuditLog::append(uow, actor, entry); !audited)
                    return fail(audited.error());
                result.accounts.append(candidate.number);
            }
            audit.after = {{u"as_of"_s, result.asOf.toString(Qt::ISODate)},
                           {u"dormant_after_days"_s, result.afterDays},
                           {u"marked"_s, result.count()}};
            return QJsonObject{{u"as_of"_s, result.asOf.toString(Qt::ISODate)},
                               {u"accounts"_s, QJsonArray::fromStringList(result.accounts)}};
        });
    if (!response)
        return fail(response.error());
    return result;
}

Status DormancyService::reactivate(const Session& session, const QString& typed, const QString& reason,
                                   const QString& requestId) const
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalid(u"account.reason_empty"_s, u"reason"_s,
                                   QCoreApplication::translate("cs::AccountService", "Give the reason.")));
    auto number = AccountNumber::normalize(typed);
    if (!number)
        return fail(number.error());
    auto response = performAudited(
        m_db, session, {actionReactivate, u"account"_s, *number, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            AccountRepository accounts(uow);
            auto account = accounts.lockByNumber(*number);
            if (!account)
                return fail(account.error());
            if (!account->has_value())
                return fail(Error::notFound(u"account.not_found"_s, u"account"_s,
                                            QCoreApplication::translate("cs::AccountService", "There is no account %1.")
                                                .arg(*number)));
            if ((*account)->state != u"dormant"_s)
                return fail(Error::refused(u"account.not_dormant"_s, u"account"_s,
                                           QCoreApplication::translate("cs::DormancyService",
                                                                       "Account %1 is not dormant.")
                                               .arg(*number)));
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            auto changed = DormancyRepository(uow).reactivate((*account)->id, branch->businessDate);
            if (!changed)
                return fail(changed.error());
            audit.before = {{u"number"_s, *number}, {u"state"_s, u"dormant"_s}};
            audit.after = {{u"state"_s, u"normal"_s}, {u"reason"_s, why}, {u"customer_present"_s, true},
                           {u"reactivated_on"_s, branch->businessDate.toString(Qt::ISODate)}};
            return QJsonObject{{u"account"_s, *number}, {u"state"_s, u"normal"_s}};
        });
    if (!response)
        return fail(response.error());
    return {};
}

} // namespace cs
