#include "reports/reportbuilding.h"
#include "security/permissions.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>
#include <QMap>

using namespace Qt::StringLiterals;

// Approvals (maker-checker): those made on the period's business days, decided or not, and those still
// pending from before, with maker, checker, times and state.
namespace cs::reports {

Status approvals(ReportContext& context, ReportTable& table)
{
    table.columns = {integerColumn(u"id"_s, QCoreApplication::translate("cs::Reports", "Approval")),
                     dateColumn(u"date"_s, QCoreApplication::translate("cs::Reports", "Business date")),
                     textColumn(u"action"_s, QCoreApplication::translate("cs::Reports", "Action")),
                     textColumn(u"entity"_s, QCoreApplication::translate("cs::Reports", "Entity")),
                     moneyColumn(u"amount"_s, QCoreApplication::translate("cs::Reports", "Amount")),
                     textColumn(u"maker"_s, QCoreApplication::translate("cs::Reports", "Maker")),
                     dateTimeColumn(u"made_at"_s, QCoreApplication::translate("cs::Reports", "Made at")),
                     textColumn(u"checker"_s, QCoreApplication::translate("cs::Reports", "Checker")),
                     dateTimeColumn(u"decided_at"_s, QCoreApplication::translate("cs::Reports", "Decided at")),
                     textColumn(u"state"_s, QCoreApplication::translate("cs::Reports", "State")),
                     textColumn(u"reason"_s, QCoreApplication::translate("cs::Reports", "Reason"))};
    auto rows = ReportRepository(context.uow).approvals(context.session.branchId, context.from, context.to);
    if (!rows)
        return fail(rows.error());
    QMap<QString, int> byState;
    const QVariant none;
    for (const ReportApproval& a : std::as_const(*rows)) {
        ++byState[a.state];
        const bool counted = a.amount && a.currency == table.currency.code();
        table.rows.append({a.id, a.businessDate, Permissions::displayName(a.action), a.entity,
                           counted ? QVariant(*a.amount) : none, a.makerLogin, a.createdAt,
                           a.checkerLogin.isEmpty() ? none : QVariant(a.checkerLogin),
                           a.decidedAt.isValid() ? QVariant(a.decidedAt) : none, a.state,
                           a.reason.isEmpty() ? none : QVariant(a.reason)});
    }
    addTotals(table);
    QStringList states;
    for (auto it = byState.cbegin(); it != byState.cend(); ++it)
        states.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    table.notes = {QCoreApplication::translate("cs::Reports", "Approvals: %1 (%2).").arg(table.rows.size()).arg(states.join(u", "_s))};
    return {};
}

} // namespace cs::reports
