#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// Merchant settlement: per merchant and in total, what the period's settlements paid: gross, fees,
// refunds and net (gross - fees - refunds), with the payments and settlements counted. Option
// "merchant": one merchant's code.
namespace cs::reports {

Status merchantSettlement(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"merchant"_s, QCoreApplication::translate("cs::Reports", "Merchant")),
                     textColumn(u"name"_s, QCoreApplication::translate("cs::Reports", "Name")),
                     integerColumn(u"settlements"_s, QCoreApplication::translate("cs::Reports", "Settlements"), true),
                     integerColumn(u"payments"_s, QCoreApplication::translate("cs::Reports", "Payments"), true),
                     moneyColumn(u"gross"_s, QCoreApplication::translate("cs::Reports", "Gross")),
                     moneyColumn(u"fees"_s, QCoreApplication::translate("cs::Reports", "Fees")),
                     moneyColumn(u"refunds"_s, QCoreApplication::translate("cs::Reports", "Refunds")),
                     moneyColumn(u"net"_s, QCoreApplication::translate("cs::Reports", "Net"))};
    auto rows = ReportRepository(context.uow).merchantSettlements(context.session.branchId, context.from, context.to,
                                                                  context.option(u"merchant"_s).toUpper());
    if (!rows)
        return fail(rows.error());
    ReportSeries net{QCoreApplication::translate("cs::Reports", "Net settled"), {}, ReportColumnKind::Money};
    for (const MerchantSettlementTotals& m : std::as_const(*rows)) {
        table.rows.append({m.code, m.name, m.settlements, m.payments, m.gross, m.fees, m.refunds, m.net});
        net.points.append({m.name, m.net});
    }
    addTotals(table);
    const auto total = [&](const QString& key) { return table.totals.at(columnIndex(table, key)).toLongLong(); };
    table.notes = {QCoreApplication::translate("cs::Reports", "Gross %1 - fees %2 - refunds %3 = net %4.")
                       .arg(amountText(total(u"gross"_s), table), amountText(total(u"fees"_s), table),
                            amountText(total(u"refunds"_s), table), amountText(total(u"net"_s), table))};
    table.chart = ReportChart::Bar;
    table.series = {net};
    return {};
}

} // namespace cs::reports
