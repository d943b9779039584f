#include "print/reportcells.h"

#include "money/amountformat.h"
#include "money/money.h"

#include <QDate>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

// Thousands separators on an integer, as formatAmount puts them on money (locale-independent).
QString groupedInteger(qint64 value)
{
    QString digits = QString::number(value < 0 ? -static_cast<quint64>(value) : static_cast<quint64>(value));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return value < 0 ? u'-' + digits : digits;
}

} // namespace

bool reportColumnIsNumeric(ReportColumnKind kind)
{
    return kind == ReportColumnKind::Money || kind == ReportColumnKind::Integer || kind == ReportColumnKind::Rate;
}

QString reportCellText(const ReportTable& table, int column, const QVariant& value)
{
    if (value.isNull() || column < 0 || column >= table.columns.size())
        return value.isNull() ? QString() : value.toString();
    switch (table.columns.at(column).kind) {
    case ReportColumnKind::Text:
        return value.toString();
    case ReportColumnKind::Integer:
        return groupedInteger(value.toLongLong());
    case ReportColumnKind::Money:
        return formatAmount(Money(value.toLongLong(), table.currency));
    case ReportColumnKind::Date:
        return value.toDate().toString(Qt::ISODate);
    case ReportColumnKind::DateTime:
        return value.toDateTime().toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss");
    case ReportColumnKind::Rate: {
        // Basis points to a percentage with two decimals: 36 -> "0.36%".
        const qint64 bp = value.toLongLong();
        const qint64 magnitude = bp < 0 ? -bp : bp;
        return (bp < 0 ? u"-"_s : QString()) + QString::number(magnitude / 100) + u'.'
               + QString::number(magnitude % 100).rightJustified(2, u'0') + u'%';
    }
    }
    return value.toString();
}

QString reportPeriodText(const ReportHeader& header)
{
    const QString from = header.from.toString(Qt::ISODate);
    if (!header.to.isValid() || header.to == header.from)
        return from;
    return from + u" – "_s + header.to.toString(Qt::ISODate);
}

QString reportGeneratedText(const ReportHeader& header)
{
    return header.generatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss");
}

QString reportStaffText(const ReportHeader& header)
{
    if (header.staffName.isEmpty())
        return header.staffLogin;
    return header.staffName + u" ("_s + header.staffLogin + u')';
}

ReportColumnKind reportChartKind(const ReportTable& table)
{
    return table.series.isEmpty() ? ReportColumnKind::Money : table.series.constFirst().kind;
}

QString reportSeriesValueText(const ReportTable& table, qint64 value)
{
    if (reportChartKind(table) == ReportColumnKind::Money)
        return formatAmount(Money(value, table.currency));
    return groupedInteger(value);
}

} // namespace cs::ui
