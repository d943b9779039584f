#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

// Large-value transactions (大额交易, PBOC order 2016 No. 3): the entries of the period, each with the
// criterion it met, its direction, the customer, the amount and the customer's day total. One
// transaction meeting two criteria has two entries.
namespace cs::reports {
namespace {

QString criterionLabel(const QString& criterion)
{
    static const QHash<QString, const char*> labels = {
        {u"cash"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash")},
        {u"person_transfer"_s, QT_TRANSLATE_NOOP("cs::Reports", "Person's transfer")},
        {u"company_transfer"_s, QT_TRANSLATE_NOOP("cs::Reports", "Company transfer")},
        {u"cross_border"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cross-border transfer")},
    };
    const auto it = labels.constFind(criterion);
    return it == labels.cend() ? criterion : QCoreApplication::translate("cs::Reports", it.value());
}

} // namespace

Status largeValue(ReportContext& context, ReportTable& table)
{
    table.columns = {dateColumn(u"date"_s, QCoreApplication::translate("cs::Reports", "Business date")),
                     textColumn(u"customer"_s, QCoreApplication::translate("cs::Reports", "Customer")),
                     textColumn(u"id_number"_s, QCoreApplication::translate("cs::Reports", "ID number")),
                     textColumn(u"criterion"_s, QCoreApplication::translate("cs::Reports", "Criterion")),
                     textColumn(u"direction"_s, QCoreApplication::translate("cs::Reports", "Direction")),
                     moneyColumn(u"amount"_s, QCoreApplication::translate("cs::Reports", "Amount")),
                     moneyColumn(u"day_total"_s, QCoreApplication::translate("cs::Reports", "Day total"), false),
                     integerColumn(u"txn"_s, QCoreApplication::translate("cs::Reports", "Transaction"))};
    auto entries = ReportRepository(context.uow).largeValueEntries(context.session.branchId, context.from, context.to);
    if (!entries)
        return fail(entries.error());
    int foreign = 0;
    for (const ReportLargeValue& e : std::as_const(*entries)) {
        if (e.currency != table.currency.code()) {
            ++foreign; // another currency's amounts do not add to these
            continue;
        }
        table.rows.append({e.businessDate, e.customerName, e.idNumber, criterionLabel(e.criterion),
                           e.direction == u"in"_s ? QCoreApplication::translate("cs::Reports", "in") : QCoreApplication::translate("cs::Reports", "out"), e.amount, e.dayTotal, e.txnId});
    }
    addTotals(table);
    table.notes = {QCoreApplication::translate("cs::Reports", "Entries: %1. Each is reported within 5 working days.").arg(table.rows.size())};
    if (foreign > 0)
        table.notes.append(QCoreApplication::translate("cs::Reports", "Entries in other currencies, not listed here: %1.").arg(foreign));
    return {};
}

} // namespace cs::reports
