#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

using namespace Qt::StringLiterals;

// Statistics of merchant payments (DOMAIN: merchant reports by channel, payment mode and account type,
// over days, months and years): per period and value of the dimension, the payments counted and their
// amounts, refunds and fees; one chart series per value (a line over days, bars over months or years).
// Options: "granularity" day (default) | month | year, "dimension" channel (default) | mode | account_type.
namespace cs::reports {
namespace {

QString valueLabel(const QString& value)
{
    static const QHash<QString, const char*> labels = {
        {u"counter"_s, QT_TRANSLATE_NOOP("cs::Reports", "Counter")},
        {u"online"_s, QT_TRANSLATE_NOOP("cs::Reports", "Online")},
        {u"pos"_s, QT_TRANSLATE_NOOP("cs::Reports", "POS")},
        {u"immediate"_s, QT_TRANSLATE_NOOP("cs::Reports", "Immediate")},
        {u"delayed"_s, QT_TRANSLATE_NOOP("cs::Reports", "Delayed")},
        {u"authorised"_s, QT_TRANSLATE_NOOP("cs::Reports", "Authorised")},
        {u"debit"_s, QT_TRANSLATE_NOOP("cs::Reports", "Debit card")},
        {u"quasi"_s, QT_TRANSLATE_NOOP("cs::Reports", "Quasi-credit card")},
        {u"credit"_s, QT_TRANSLATE_NOOP("cs::Reports", "Credit card")},
        {u"demand"_s, QT_TRANSLATE_NOOP("cs::Reports", "Demand account")},
        {u"corporate"_s, QT_TRANSLATE_NOOP("cs::Reports", "Corporate account")},
        {u"time"_s, QT_TRANSLATE_NOOP("cs::Reports", "Time deposit")},
    };
    const auto it = labels.constFind(value);
    return it == labels.cend() ? value : QCoreApplication::translate("cs::Reports", it.value());
}

QString bucketOf(const QDate& date, const QString& granularity)
{
    if (granularity == u"year"_s)
        return QString::number(date.year());
    if (granularity == u"month"_s)
        return date.toString(u"yyyy-MM"_s);
    return date.toString(Qt::ISODate);
}

struct Sums {
    qint64 payments = 0;
    qint64 amount = 0;
    qint64 refunded = 0;
    qint64 fees = 0;
};

} // namespace

Status statistics(ReportContext& context, ReportTable& table)
{
    const QString granularity = context.option(u"granularity"_s).isEmpty() ? u"day"_s : context.option(u"granularity"_s);
    const QString dimension = context.option(u"dimension"_s).isEmpty() ? u"channel"_s : context.option(u"dimension"_s);
    if (granularity != u"day"_s && granularity != u"month"_s && granularity != u"year"_s)
        return fail(Error::invalid(u"report.option"_s, u"granularity"_s,
                                   QCoreApplication::translate("cs::Reports", "The granularity is day, month or year.")));
    if (dimension != u"channel"_s && dimension != u"mode"_s && dimension != u"account_type"_s)
        return fail(Error::invalid(u"report.option"_s, u"dimension"_s,
                                   QCoreApplication::translate("cs::Reports", "The dimension is channel, mode or account_type.")));
    table.columns = {textColumn(u"period"_s, QCoreApplication::translate("cs::Reports", "Period")),
                     textColumn(dimension, dimension == u"channel"_s ? QCoreApplication::translate("cs::Reports", "Channel")
                                           : dimension == u"mode"_s  ? QCoreApplication::translate("cs::Reports", "Payment mode")
                                                                     : QCoreApplication::translate("cs::Reports", "Account type")),
                     integerColumn(u"payments"_s, QCoreApplication::translate("cs::Reports", "Payments"), true),
                     moneyColumn(u"amount"_s, QCoreApplication::translate("cs::Reports", "Amount")),
                     moneyColumn(u"refunded"_s, QCoreApplication::translate("cs::Reports", "Refunded")),
                     moneyColumn(u"fees"_s, QCoreApplication::translate("cs::Reports", "Fees"))};
    auto groups = ReportRepository(context.uow).merchantPaymentsByDay(context.session.branchId, context.from, context.to,
                                                                      dimension, table.currency.code());
    if (!groups)
        return fail(groups.error());
    QMap<QString, QMap<QString, Sums>> byPeriod; // period -> value -> sums
    QMap<QString, bool> values;
    for (const PaymentDayGroup& g : std::as_const(*groups)) {
        Sums& s = byPeriod[bucketOf(g.businessDate, granularity)][g.value];
        s.payments += g.payments;
        s.amount += g.amount;
        s.refunded += g.refunded;
        s.fees += g.fees;
        values.insert(g.value, true);
    }
    QMap<QString, ReportSeries> series;
    for (auto period = byPeriod.cbegin(); period != byPeriod.cend(); ++period) {
        for (auto it = period->cbegin(); it != period->cend(); ++it)
            table.rows.append({period.key(), valueLabel(it.key()), it->payments, it->amount, it->refunded, it->fees});
        // Every series has a point for every period (zero where nothing was paid), so lines join up.
        for (auto v = values.cbegin(); v != values.cend(); ++v) {
            ReportSeries& s = series[v.key()];
            s.name = valueLabel(v.key());
            s.kind = ReportColumnKind::Money;
            s.points.append({period.key(), period->value(v.key()).amount});
        }
    }
    addTotals(table);
    table.chart = granularity == u"day"_s ? ReportChart::Line : ReportChart::Bar;
    table.series = series.values();
    table.notes = {QCoreApplication::translate("cs::Reports", "Merchant payments by %1 per %2, voided authorisations left out.")
                       .arg(table.columns.at(1).label.toLower(),
                            granularity == u"day"_s     ? QCoreApplication::translate("cs::Reports", "day")
                            : granularity == u"month"_s ? QCoreApplication::translate("cs::Reports", "month")
                                                        : QCoreApplication::translate("cs::Reports", "year"))};
    return {};
}

} // namespace cs::reports
