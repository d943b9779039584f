#include "reports/reporttable.h"

#include "money/amountformat.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QString kindKey(ReportColumnKind kind)
{
    switch (kind) {
    case ReportColumnKind::Text: return u"text"_s;
    case ReportColumnKind::Integer: return u"integer"_s;
    case ReportColumnKind::Money: return u"money"_s;
    case ReportColumnKind::Date: return u"date"_s;
    case ReportColumnKind::DateTime: return u"datetime"_s;
    case ReportColumnKind::Rate: return u"rate"_s;
    }
    return u"text"_s;
}

QString chartKey(ReportChart chart)
{
    switch (chart) {
    case ReportChart::None: return u"none"_s;
    case ReportChart::Bar: return u"bar"_s;
    case ReportChart::Line: return u"line"_s;
    case ReportChart::Pie: return u"pie"_s;
    }
    return u"none"_s;
}

// Basis points as a percent with two decimals (36 -> "0.36"), in integers so nothing rounds.
QString percent(qint64 bp)
{
    const bool negative = bp < 0;
    const quint64 magnitude = negative ? 0 - quint64(bp) : quint64(bp);
    return (negative ? u"-"_s : QString()) + QString::number(magnitude / 100) + u'.'
        + QString::number(magnitude % 100).rightJustified(2, u'0');
}

// A cell as plain text: what CSV writes and what JSON writes for everything but integers.
QString plainCell(const QVariant& cell, ReportColumnKind kind, Currency currency)
{
    if (cell.isNull())
        return {};
    switch (kind) {
    case ReportColumnKind::Text: return cell.toString();
    case ReportColumnKind::Integer: return QString::number(cell.toLongLong());
    case ReportColumnKind::Money:
        return formatAmount(Money(cell.toLongLong(), currency), {.grouping = false, .withCode = false});
    case ReportColumnKind::Date: return cell.toDate().toString(Qt::ISODate);
    case ReportColumnKind::DateTime: return cell.toDateTime().toUTC().toString(Qt::ISODate);
    case ReportColumnKind::Rate: return percent(cell.toLongLong());
    }
    return cell.toString();
}

QJsonValue jsonCell(const QVariant& cell, ReportColumnKind kind, Currency currency)
{
    if (cell.isNull())
        return QJsonValue::Null;
    if (kind == ReportColumnKind::Integer)
        return cell.toLongLong();
    return plainCell(cell, kind, currency);
}

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

void csvLine(QString& out, const QStringList& fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString& f : fields)
        quoted.append(csvField(f));
    out += quoted.join(u',');
    out += u"\r\n"_s;
}

QList<QPair<QString, QString>> headerPairs(const ReportTable& t)
{
    const ReportHeader& h = t.header;
    return {{u"report"_s, h.name},
            {u"title"_s, h.title},
            {u"branch"_s, h.branchCode},
            {u"branch_name"_s, h.branchName},
            {u"from"_s, h.from.toString(Qt::ISODate)},
            {u"to"_s, h.to.toString(Qt::ISODate)},
            {u"generated_at"_s, h.generatedAt.toUTC().toString(Qt::ISODate)},
            {u"staff"_s, h.staffLogin},
            {u"staff_name"_s, h.staffName},
            {u"currency"_s, t.currency.code()}};
}

} // namespace

QByteArray reportCsv(const ReportTable& table)
{
    QString out;
    for (const auto& [key, value] : headerPairs(table))
        csvLine(out, {u"# "_s + key + u": "_s + value});
    for (const QString& note : table.notes)
        csvLine(out, {u"# note: "_s + note});
    QStringList keys;
    for (const ReportColumn& c : table.columns)
        keys.append(c.key);
    csvLine(out, keys);
    for (const QVariantList& row : table.rows) {
        QStringList fields;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            fields.append(plainCell(row.value(i), table.columns.at(i).kind, table.currency));
        csvLine(out, fields);
    }
    if (!table.totals.isEmpty()) {
        QStringList fields;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            fields.append(i == 0 ? u"total"_s : plainCell(table.totals.value(i), table.columns.at(i).kind, table.currency));
        csvLine(out, fields);
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

QJsonObject reportJson(const ReportTable& table)
{
    QJsonObject json;
    for (const auto& [key, value] : headerPairs(table))
        json.insert(key, value);
    QJsonArray columns;
    for (const ReportColumn& c : table.columns)
        columns.append(QJsonObject{{u"key"_s, c.key}, {u"label"_s, c.label}, {u"kind"_s, kindKey(c.kind)},
                                   {u"summed"_s, c.summed}});
    json.insert(u"columns"_s, columns);
    const auto object = [&](const QVariantList& cells) {
        QJsonObject o;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            o.insert(table.columns.at(i).key, jsonCell(cells.value(i), table.columns.at(i).kind, table.currency));
        return o;
    };
    QJsonArray rows;
    for (const QVariantList& row : table.rows)
        rows.append(object(row));
    json.insert(u"rows"_s, rows);
    if (!table.totals.isEmpty())
        json.insert(u"totals"_s, object(table.totals));
    json.insert(u"notes"_s, QJsonArray::fromStringList(table.notes));
    json.insert(u"chart"_s, chartKey(table.chart));
    QJsonArray series;
    for (const ReportSeries& s : table.series) {
        QJsonArray points;
        for (const auto& [label, value] : s.points)
            points.append(QJsonObject{{u"label"_s, label}, {u"value"_s, jsonCell(value, s.kind, table.currency)}});
        series.append(QJsonObject{{u"name"_s, s.name}, {u"kind"_s, kindKey(s.kind)}, {u"points"_s, points}});
    }
    json.insert(u"series"_s, series);
    return json;
}

} // namespace cs
