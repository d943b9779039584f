#include "reports/reportbuilding.h"
#include "storage/reportrepository.h"

#include <QCoreApplication>
#include <QMap>

using namespace Qt::StringLiterals;

// Interest paid: interest credited to customers in the period, per account (by product), from the
// transactions that touch the interest expense account. In an interest posting the customer lines on
// the other side are the interest; in a time deposit's payout or early withdrawal the expense line is,
// earned by the deposit account (the customer line on the expense's side). A reversal counts negative.
namespace cs::reports {
namespace {

struct Earned {
    QString productCode;
    QString productName;
    QString holder;
    qint64 interest = 0;
    qint64 postings = 0;
};

} // namespace

Status interestPaid(ReportContext& context, ReportTable& table)
{
    table.columns = {textColumn(u"product"_s, QCoreApplication::translate("cs::Reports", "Product")),
                     textColumn(u"account"_s, QCoreApplication::translate("cs::Reports", "Account")),
                     textColumn(u"holder"_s, QCoreApplication::translate("cs::Reports", "Holder")),
                     integerColumn(u"postings"_s, QCoreApplication::translate("cs::Reports", "Postings"), true),
                     moneyColumn(u"interest"_s, QCoreApplication::translate("cs::Reports", "Interest"))};
    auto lines = ReportRepository(context.uow).interestLines(context.session.branchId, context.from, context.to,
                                                             table.currency.code());
    if (!lines)
        return fail(lines.error());
    // Keyed by product, then account, so that the rows come grouped by product.
    QMap<QString, Earned> earned;
    const auto credit = [&](const InterestLine& line, qint64 amount) {
        Earned& e = earned[line.productCode + u'\x1f' + line.accountNumber];
        e.productCode = line.productCode;
        e.productName = line.productName;
        e.holder = line.holder;
        e.interest += amount;
        e.postings += 1;
    };
    for (qsizetype i = 0; i < lines->size();) {
        const qsizetype begin = i;
        const qint64 txn = lines->at(i).txnId;
        while (i < lines->size() && lines->at(i).txnId == txn)
            ++i;
        QString expenseSide;
        qint64 expense = 0;
        qint64 opposite = 0;
        for (qsizetype k = begin; k < i; ++k) {
            const InterestLine& l = lines->at(k);
            if (l.internalRole == u"interest_expense"_s) {
                expenseSide = l.side;
                expense += l.amount;
            }
        }
        for (qsizetype k = begin; k < i; ++k) {
            const InterestLine& l = lines->at(k);
            if (l.accountKind == u"customer"_s && l.side != expenseSide)
                opposite += l.amount;
        }
        const qint64 sign = expenseSide == u"D"_s ? 1 : -1;
        if (opposite == expense) {
            for (qsizetype k = begin; k < i; ++k) {
                const InterestLine& l = lines->at(k);
                if (l.accountKind == u"customer"_s && l.side != expenseSide)
                    credit(l, sign * l.amount);
            }
            continue;
        }
        for (qsizetype k = begin; k < i; ++k) {
            const InterestLine& l = lines->at(k);
            if (l.accountKind == u"customer"_s && l.side == expenseSide) {
                credit(l, sign * expense);
                break;
            }
        }
    }
    QMap<QString, qint64> byProduct;
    for (auto it = earned.cbegin(); it != earned.cend(); ++it) {
        const QString account = it.key().section(u'\x1f', 1);
        table.rows.append({it->productCode, account, it->holder, it->postings, it->interest});
        byProduct[it->productName] += it->interest;
    }
    addTotals(table);
    ReportSeries series{QCoreApplication::translate("cs::Reports", "Interest by product"), {}, ReportColumnKind::Money};
    for (auto it = byProduct.cbegin(); it != byProduct.cend(); ++it) {
        table.notes.append(QCoreApplication::translate("cs::Reports", "%1: %2.").arg(it.key(), amountText(it.value(), table)));
        series.points.append({it.key(), it.value()});
    }
    table.notes.append(QCoreApplication::translate("cs::Reports", "Interest paid: %1.")
                           .arg(amountText(table.totals.at(columnIndex(table, u"interest"_s)).toLongLong(), table)));
    table.chart = ReportChart::Bar;
    table.series = {series};
    return {};
}

} // namespace cs::reports
