#include "reports/reportbuilding.h"
#include "storage/cashrepository.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>

#include <limits>

using namespace Qt::StringLiterals;

// Cash box balancing (轧账): one row per cash box session of the period. opening + in - out = expected
// closing, against the count; the difference is an over or a short, each booked on its own (never
// netted). A closed session's figures stop at its last transaction before the closing postings, as the
// CashBoxService shows it; an open one's run to now (available at any time of day).
namespace cs::reports {

Status tellerBalancing(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"teller"_s, QCoreApplication::translate("cs::Reports", "Teller")),
                     dateColumn(u"date"_s, QCoreApplication::translate("cs::Reports", "Business date")),
                     textColumn(u"state"_s, QCoreApplication::translate("cs::Reports", "State")),
                     moneyColumn(u"opening"_s, QCoreApplication::translate("cs::Reports", "Opening")),
                     moneyColumn(u"cash_in"_s, QCoreApplication::translate("cs::Reports", "Cash in")),
                     moneyColumn(u"cash_out"_s, QCoreApplication::translate("cs::Reports", "Cash out")),
                     moneyColumn(u"closing"_s, QCoreApplication::translate("cs::Reports", "Closing (expected)")),
                     moneyColumn(u"counted"_s, QCoreApplication::translate("cs::Reports", "Counted")),
                     moneyColumn(u"over"_s, QCoreApplication::translate("cs::Reports", "Over")),
                     moneyColumn(u"short"_s, QCoreApplication::translate("cs::Reports", "Short"))};
    auto sessions = ReportRepository(context.uow).cashBoxSessions(context.session.branchId, context.from, context.to,
                                                                  context.tellerId);
    if (!sessions)
        return fail(sessions.error());
    CashRepository cash(context.uow);
    int unbalanced = 0;
    int open = 0;
    for (const ReportCashBoxSession& s : std::as_const(*sessions)) {
        const bool closed = s.state == u"closed"_s;
        auto moved = cash.movements(s.accountId, s.afterTxnId, closed ? s.lastTxnId : std::numeric_limits<qint64>::max());
        if (!moved)
            return fail(moved.error());
        const qint64 expected = s.opening + moved->debits - moved->credits;
        std::optional<qint64> difference;
        if (closed && s.difference)
            difference = *s.difference;
        else if (s.counted)
            difference = *s.counted - expected;
        if (difference && *difference != 0)
            ++unbalanced;
        if (!closed)
            ++open;
        const QVariant none;
        table.rows.append({s.login, s.businessDate,
                           closed ? QCoreApplication::translate("cs::Reports", "closed") : QCoreApplication::translate("cs::Reports", "open"), s.opening, moved->debits, moved->credits, expected,
                           s.counted ? QVariant(*s.counted) : none,
                           difference ? QVariant(std::max<qint64>(*difference, 0)) : none,
                           difference ? QVariant(std::max<qint64>(-*difference, 0)) : none});
    }
    addTotals(table);
    const auto total = [&](const QString& key) { return table.totals.at(columnIndex(table, key)).toLongLong(); };
    table.notes = {QCoreApplication::translate("cs::Reports", "Opening + in - out = closing: %1 + %2 - %3 = %4.")
                       .arg(amountText(total(u"opening"_s), table), amountText(total(u"cash_in"_s), table),
                            amountText(total(u"cash_out"_s), table), amountText(total(u"closing"_s), table)),
                   QCoreApplication::translate("cs::Reports", "Overs %1 to suspense payable, shorts %2 to suspense receivable, never netted.")
                       .arg(amountText(total(u"over"_s), table), amountText(total(u"short"_s), table)),
                   QCoreApplication::translate("cs::Reports", "Sessions: %1, not balanced: %2, still open: %3.").arg(table.rows.size()).arg(unbalanced).arg(open)};
    return {};
}

} // namespace cs::reports
