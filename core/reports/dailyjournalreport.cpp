#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

// Daily journal (日记账): every line the branch posted in the period, in posting order, with its account,
// debit and credit. Each transaction balances, so the debits equal the credits.
namespace cs::reports {

Status dailyJournal(ReportContext& context, ReportTable& table)
{
    table.columns = {dateColumn(u"date"_s, QCoreApplication::translate("cs::Reports", "Business date")),
                     integerColumn(u"txn"_s, QCoreApplication::translate("cs::Reports", "Transaction")),
                     integerColumn(u"line"_s, QCoreApplication::translate("cs::Reports", "Line")),
                     textColumn(u"kind"_s, QCoreApplication::translate("cs::Reports", "Kind")),
                     textColumn(u"staff"_s, QCoreApplication::translate("cs::Reports", "Staff")),
                     textColumn(u"account"_s, QCoreApplication::translate("cs::Reports", "Account")),
                     textColumn(u"holder"_s, QCoreApplication::translate("cs::Reports", "Holder")),
                     moneyColumn(u"debit"_s, QCoreApplication::translate("cs::Reports", "Debit")),
                     moneyColumn(u"credit"_s, QCoreApplication::translate("cs::Reports", "Credit")),
                     textColumn(u"memo"_s, QCoreApplication::translate("cs::Reports", "Memo"))};
    auto lines = ReportRepository(context.uow).journalLines(context.session.branchId, context.from, context.to);
    if (!lines)
        return fail(lines.error());
    table.rows.reserve(lines->size());
    qint64 transactions = 0;
    qint64 lastTxn = 0;
    const QVariant none;
    // Labels looked up once per kind, not once per line (a day may have a million lines).
    QHash<QString, QString> kinds;
    QHash<QString, QString> roles;
    for (const ReportJournalLine& l : std::as_const(*lines)) {
        if (l.txnId != lastTxn) {
            ++transactions;
            lastTxn = l.txnId;
        }
        const bool debit = l.side == u"D"_s;
        auto kind = kinds.constFind(l.kind);
        if (kind == kinds.cend())
            kind = kinds.insert(l.kind, journalKindLabel(l.kind));
        QString holder = l.holder;
        if (l.accountKind == u"internal"_s && l.internalRole != u"cash_box"_s) {
            auto role = roles.constFind(l.internalRole);
            if (role == roles.cend())
                role = roles.insert(l.internalRole, internalRoleLabel(l.internalRole));
            holder = *role;
        }
        table.rows.append({l.businessDate, l.txnId, l.lineNo, *kind, l.staffLogin, l.accountNumber,
                           holder, debit ? QVariant(l.amount) : none, debit ? none : QVariant(l.amount),
                           l.lineMemo.isEmpty() ? l.txnMemo : l.lineMemo});
    }
    addTotals(table);
    const qint64 debits = table.totals.at(columnIndex(table, u"debit"_s)).toLongLong();
    const qint64 credits = table.totals.at(columnIndex(table, u"credit"_s)).toLongLong();
    table.notes = {QCoreApplication::translate("cs::Reports", "Transactions: %1, lines: %2.").arg(transactions).arg(table.rows.size()),
                   QCoreApplication::translate("cs::Reports", "Debits equal credits: %1.").arg(yesNo(debits == credits))};
    return {};
}

} // namespace cs::reports
