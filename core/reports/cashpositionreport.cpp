#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// Branch cash position: the vault and every teller's cash box, with the cash at the start of the period,
// what came in and went out, and the cash at its end. The balance at the end of a past day is today's
// balance less what moved after it.
namespace cs::reports {

Status cashPosition(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"holder"_s, QCoreApplication::translate("cs::Reports", "Held by")),
                     textColumn(u"account"_s, QCoreApplication::translate("cs::Reports", "Account")),
                     moneyColumn(u"opening"_s, QCoreApplication::translate("cs::Reports", "Opening")),
                     moneyColumn(u"cash_in"_s, QCoreApplication::translate("cs::Reports", "Cash in")),
                     moneyColumn(u"cash_out"_s, QCoreApplication::translate("cs::Reports", "Cash out")),
                     moneyColumn(u"closing"_s, QCoreApplication::translate("cs::Reports", "Closing"))};
    auto accounts = ReportRepository(context.uow).cashAccounts(context.session.branchId, context.from, context.to,
                                                               table.currency.code());
    if (!accounts)
        return fail(accounts.error());
    ReportSeries closingSeries{QCoreApplication::translate("cs::Reports", "Cash at the end of the period"), {}, ReportColumnKind::Money};
    for (const CashAccountMovements& a : std::as_const(*accounts)) {
        // Cash is on the debit side: it grows with debits.
        const qint64 closing = a.balance - (a.debitsAfter - a.creditsAfter);
        const qint64 opening = closing - (a.debits - a.credits);
        const bool vault = a.internalRole == u"vault"_s;
        if (!vault && opening == 0 && closing == 0 && a.debits == 0 && a.credits == 0)
            continue; // a box that held nothing in the period
        const QString holder = vault ? QCoreApplication::translate("cs::Reports", "Vault") : QCoreApplication::translate("cs::Reports", "Cash box of %1 (%2)").arg(a.ownerName, a.ownerLogin);
        table.rows.append({holder, a.number, opening, a.debits, a.credits, closing});
        closingSeries.points.append({vault ? QCoreApplication::translate("cs::Reports", "Vault") : a.ownerLogin, closing});
    }
    addTotals(table);
    const qsizetype closing = columnIndex(table, u"closing"_s);
    table.notes = {QCoreApplication::translate("cs::Reports", "Cash in the branch at the end of %1: %2.")
                       .arg(context.to.toString(Qt::ISODate), amountText(table.totals.at(closing).toLongLong(), table))};
    table.chart = ReportChart::Pie;
    table.series = {closingSeries};
    return {};
}

} // namespace cs::reports
