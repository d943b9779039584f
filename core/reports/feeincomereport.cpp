#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// Fee income: what the branch's fee income account took in the period, by the kind of transaction that
// charged it (transfer fees, remote cash fees, card fees, merchant fees), less what went back (reversals).
namespace cs::reports {

Status feeIncome(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"kind"_s, QCoreApplication::translate("cs::Reports", "Kind")),
                     textColumn(u"name"_s, QCoreApplication::translate("cs::Reports", "Name")),
                     integerColumn(u"transactions"_s, QCoreApplication::translate("cs::Reports", "Transactions"), true),
                     moneyColumn(u"fees"_s, QCoreApplication::translate("cs::Reports", "Fees")),
                     moneyColumn(u"refunded"_s, QCoreApplication::translate("cs::Reports", "Given back")),
                     moneyColumn(u"net"_s, QCoreApplication::translate("cs::Reports", "Net"))};
    auto kinds = ReportRepository(context.uow).feeIncome(context.session.branchId, context.from, context.to,
                                                         table.currency.code());
    if (!kinds)
        return fail(kinds.error());
    ReportSeries net{QCoreApplication::translate("cs::Reports", "Net fee income"), {}, ReportColumnKind::Money};
    for (const FeeIncomeByKind& k : std::as_const(*kinds)) {
        const QString name = journalKindLabel(k.kind);
        table.rows.append({k.kind, name, k.transactions, k.credits, k.debits, k.credits - k.debits});
        net.points.append({name, k.credits - k.debits});
    }
    addTotals(table);
    table.notes = {QCoreApplication::translate("cs::Reports", "Net fee income: %1.")
                       .arg(amountText(table.totals.at(columnIndex(table, u"net"_s)).toLongLong(), table))};
    table.chart = ReportChart::Bar;
    table.series = {net};
    return {};
}

} // namespace cs::reports
