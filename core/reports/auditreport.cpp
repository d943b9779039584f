#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// Audit trail search: the branch's audit records written while the period's business days were open
// (from the first one's opening to the last one's closing), found by entity ("card:12" or "card"), action
// ("cash.deposit", or "cash" for all cash actions) or staff login (option "query").
namespace cs::reports {

Status audit(ReportContext& context, ReportTable& table)
{
    table.columns = {dateTimeColumn(u"at"_s, QCoreApplication::translate("cs::Reports", "At")),
                     textColumn(u"staff"_s, QCoreApplication::translate("cs::Reports", "Staff")),
                     textColumn(u"terminal"_s, QCoreApplication::translate("cs::Reports", "Terminal")),
                     textColumn(u"action"_s, QCoreApplication::translate("cs::Reports", "Action")),
                     textColumn(u"entity"_s, QCoreApplication::translate("cs::Reports", "Entity")),
                     textColumn(u"outcome"_s, QCoreApplication::translate("cs::Reports", "Outcome")),
                     textColumn(u"detail"_s, QCoreApplication::translate("cs::Reports", "Detail")),
                     integerColumn(u"record"_s, QCoreApplication::translate("cs::Reports", "Record"))};
    ReportRepository repository(context.uow);
    auto span = repository.businessDaySpan(context.session.branchId, context.from, context.to);
    if (!span)
        return fail(span.error());
    const QString query = context.option(u"query"_s);
    int refused = 0;
    if (span->has_value()) {
        // Timestamps come back to the millisecond: the end is widened by one so the last record counts.
        const QDateTime end = (*span)->closedAt.isValid() ? (*span)->closedAt.addMSecs(1) : QDateTime();
        auto records = repository.auditRecords(context.session.branchId, (*span)->openedAt, end, query);
        if (!records)
            return fail(records.error());
        for (const ReportAuditRecord& r : std::as_const(*records)) {
            if (r.outcome != u"success"_s)
                ++refused;
            table.rows.append({r.at, r.login, r.terminal, r.action, r.entity,
                               r.outcome == u"success"_s ? QCoreApplication::translate("cs::Reports", "success") : QCoreApplication::translate("cs::Reports", "refused"), r.detail, r.id});
        }
    }
    addTotals(table);
    table.notes = {QCoreApplication::translate("cs::Reports", "Records: %1, refused: %2.").arg(table.rows.size()).arg(refused)};
    if (!query.isEmpty())
        table.notes.append(QCoreApplication::translate("cs::Reports", "Search: %1.").arg(query));
    return {};
}

} // namespace cs::reports
