#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// Trial balance (试算平衡表) of the branch's ledger: one row per account group (a customer product, or an
// internal account role), its balance before the period on the debit or credit side, the period's debits
// and credits, and its balance at the end. Both sides agree in every pair when the ledger balances.
namespace cs::reports {
namespace {

// A net balance on its side: (debit, credit), one of them null.
std::pair<QVariant, QVariant> sides(qint64 net)
{
    return net >= 0 ? std::pair<QVariant, QVariant>{net, QVariant()} : std::pair<QVariant, QVariant>{QVariant(), -net};
}

} // namespace

Status trialBalance(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"group"_s, QCoreApplication::translate("cs::Reports", "Group")),
                     textColumn(u"name"_s, QCoreApplication::translate("cs::Reports", "Name")),
                     moneyColumn(u"opening_debit"_s, QCoreApplication::translate("cs::Reports", "Opening debit")),
                     moneyColumn(u"opening_credit"_s, QCoreApplication::translate("cs::Reports", "Opening credit")),
                     moneyColumn(u"debits"_s, QCoreApplication::translate("cs::Reports", "Debits")),
                     moneyColumn(u"credits"_s, QCoreApplication::translate("cs::Reports", "Credits")),
                     moneyColumn(u"closing_debit"_s, QCoreApplication::translate("cs::Reports", "Closing debit")),
                     moneyColumn(u"closing_credit"_s, QCoreApplication::translate("cs::Reports", "Closing credit"))};
    auto groups = ReportRepository(context.uow).ledgerGroups(context.session.branchId, context.from, context.to,
                                                             table.currency.code());
    if (!groups)
        return fail(groups.error());
    for (const LedgerGroupTotals& g : std::as_const(*groups)) {
        const bool internal = g.accountKind == u"internal"_s;
        const qint64 opening = g.openingDebits - g.openingCredits;
        const qint64 closing = opening + g.debits - g.credits;
        const auto [openingDebit, openingCredit] = sides(opening);
        const auto [closingDebit, closingCredit] = sides(closing);
        table.rows.append({internal ? g.internalRole : g.productCode,
                           internal ? internalRoleLabel(g.internalRole) : g.productName, openingDebit, openingCredit,
                           g.debits, g.credits, closingDebit, closingCredit});
    }
    addTotals(table);
    const auto total = [&](const QString& key) { return table.totals.at(columnIndex(table, key)).toLongLong(); };
    const bool balanced = total(u"opening_debit"_s) == total(u"opening_credit"_s)
                          && total(u"debits"_s) == total(u"credits"_s)
                          && total(u"closing_debit"_s) == total(u"closing_credit"_s);
    table.notes = {QCoreApplication::translate("cs::Reports", "Balanced: %1.").arg(yesNo(balanced)),
                   QCoreApplication::translate("cs::Reports", "Debits %1, credits %2 in the period.")
                       .arg(amountText(total(u"debits"_s), table), amountText(total(u"credits"_s), table))};
    return {};
}

} // namespace cs::reports
