#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

// Teller journal (柜员流水): one row per transaction the teller posted in the period, at any time of day:
// its customer accounts, its amount (the sum of its debits) and the cash it moved in and out of a box.
namespace cs::reports {

Status tellerJournal(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"teller"_s, QCoreApplication::translate("cs::Reports", "Teller")),
                     dateColumn(u"date"_s, QCoreApplication::translate("cs::Reports", "Business date")),
                     integerColumn(u"txn"_s, QCoreApplication::translate("cs::Reports", "Transaction")),
                     textColumn(u"kind"_s, QCoreApplication::translate("cs::Reports", "Kind")),
                     textColumn(u"account"_s, QCoreApplication::translate("cs::Reports", "Account")),
                     textColumn(u"holder"_s, QCoreApplication::translate("cs::Reports", "Holder")),
                     moneyColumn(u"amount"_s, QCoreApplication::translate("cs::Reports", "Amount")),
                     moneyColumn(u"cash_in"_s, QCoreApplication::translate("cs::Reports", "Cash in")),
                     moneyColumn(u"cash_out"_s, QCoreApplication::translate("cs::Reports", "Cash out")),
                     textColumn(u"reversal"_s, QCoreApplication::translate("cs::Reports", "Reversal"))};
    auto lines = ReportRepository(context.uow).journalLines(context.session.branchId, context.from, context.to,
                                                            context.tellerId);
    if (!lines)
        return fail(lines.error());
    // Without a teller (every teller), a supervisor's or end of day's postings count too.
    int reversed = 0;
    for (qsizetype i = 0; i < lines->size();) {
        const ReportJournalLine& first = lines->at(i);
        QStringList accounts;
        QStringList holders;
        qint64 amount = 0;
        qint64 cashIn = 0;
        qint64 cashOut = 0;
        for (; i < lines->size() && lines->at(i).txnId == first.txnId; ++i) {
            const ReportJournalLine& line = lines->at(i);
            if (line.side == u"D"_s)
                amount += line.amount;
            if (line.internalRole == u"cash_box"_s)
                (line.side == u"D"_s ? cashIn : cashOut) += line.amount;
            if (line.accountKind == u"customer"_s && !accounts.contains(line.accountNumber)) {
                accounts.append(line.accountNumber);
                if (!holders.contains(line.holder))
                    holders.append(line.holder);
            }
        }
        QString reversal;
        if (first.reversesTxnId > 0)
            reversal = QCoreApplication::translate("cs::Reports", "reverses %1").arg(first.reversesTxnId);
        else if (first.reversedByTxnId > 0) {
            reversal = QCoreApplication::translate("cs::Reports", "reversed by %1").arg(first.reversedByTxnId);
            ++reversed;
        }
        table.rows.append({first.staffLogin, first.businessDate, first.txnId,
                           journalKindLabel(first.kind), accounts.join(u", "_s), holders.join(u", "_s), amount, cashIn,
                           cashOut, reversal});
    }
    addTotals(table);
    const qsizetype in = columnIndex(table, u"cash_in"_s);
    const qsizetype out = columnIndex(table, u"cash_out"_s);
    table.notes = {QCoreApplication::translate("cs::Reports", "Transactions: %1 (reversed later: %2).").arg(table.rows.size()).arg(reversed),
                   QCoreApplication::translate("cs::Reports", "Net cash into the box: %1.")
                       .arg(amountText(table.totals.at(in).toLongLong() - table.totals.at(out).toLongLong(), table))};
    return {};
}

} // namespace cs::reports
