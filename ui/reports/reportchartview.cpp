#include "reports/reportchartview.h"

#include "print/reportcells.h"
#include "print/reportchartpainter.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHash>
#include <QLegend>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

// Chart coordinates are doubles: money in minor units to whole units for the axis only, never for a
// sum; counts as they are.
qreal chartValue(const ReportTable& table, qint64 value)
{
    if (reportChartKind(table) != ReportColumnKind::Money)
        return static_cast<qreal>(value);
    return static_cast<qreal>(value) / static_cast<qreal>(table.currency.minorPerMajor());
}

QValueAxis* valueAxis()
{
    auto* axis = new QValueAxis;
    axis->setLabelFormat(u"%.2f"_s);
    return axis;
}

// Counts, and money once the axis reaches ten thousand, in whole units: decimals add nothing there but
// width.
void fitLabels(const ReportTable& table, QValueAxis* axis)
{
    if (reportChartKind(table) != ReportColumnKind::Money
        || std::max(std::abs(axis->min()), std::abs(axis->max())) >= 10000)
        axis->setLabelFormat(u"%.0f"_s);
}

} // namespace

ReportChartView::ReportChartView(QWidget* parent)
    : QChartView(parent)
{
    setObjectName(u"reportChart"_s);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    clear();
}

void ReportChartView::clear()
{
    auto* chart = new QChart;
    chart->legend()->hide();
    setChart(chart); // the view owns and deletes the previous chart
    m_hasChart = false;
    m_points = 0;
}

void ReportChartView::setTable(const ReportTable& table)
{
    clear();
    const QStringList categories = reportCategories(table);
    if (table.chart == ReportChart::None || categories.isEmpty())
        return;
    m_hasChart = true;
    chart()->setTitle(table.header.title);
    chart()->legend()->setVisible(true);
    chart()->legend()->setAlignment(table.chart == ReportChart::Pie ? Qt::AlignRight : Qt::AlignBottom);
    switch (table.chart) {
    case ReportChart::Bar:
        showBars(table, categories);
        break;
    case ReportChart::Line:
        showLines(table, categories);
        break;
    case ReportChart::Pie:
        showPie(table);
        break;
    case ReportChart::None:
        break;
    }
}

void ReportChartView::showBars(const ReportTable& table, const QStringList& categories)
{
    auto* bars = new QBarSeries;
    for (int s = 0; s < table.series.size(); ++s) {
        const ReportSeries& series = table.series.at(s);
        QHash<QString, qint64> values;
        for (const auto& point : series.points)
            values.insert(point.first, point.second);
        auto* set = new QBarSet(series.name);
        set->setColor(reportSeriesColor(s));
        for (const QString& category : categories)
            set->append(chartValue(table, values.value(category)));
        bars->append(set);
        m_points += static_cast<int>(series.points.size());
    }
    chart()->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart()->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    QValueAxis* y = valueAxis();
    chart()->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    y->applyNiceNumbers();
    fitLabels(table, y);
}

void ReportChartView::showLines(const ReportTable& table, const QStringList& categories)
{
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart()->addAxis(x, Qt::AlignBottom);
    QValueAxis* y = valueAxis();
    chart()->addAxis(y, Qt::AlignLeft);
    qreal low = 0;
    qreal high = 0;
    for (int s = 0; s < table.series.size(); ++s) {
        const ReportSeries& series = table.series.at(s);
        auto* line = new QLineSeries;
        line->setName(series.name);
        line->setColor(reportSeriesColor(s));
        line->setPointsVisible(true);
        for (const auto& point : series.points) {
            const qreal value = chartValue(table, point.second);
            line->append(static_cast<qreal>(categories.indexOf(point.first)), value);
            low = std::min(low, value);
            high = std::max(high, value);
        }
        chart()->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        m_points += static_cast<int>(series.points.size());
    }
    y->setRange(low, high > low ? high : low + 1);
    y->applyNiceNumbers();
    fitLabels(table, y);
}

void ReportChartView::showPie(const ReportTable& table)
{
    auto* pie = new QPieSeries;
    const ReportSeries& series = table.series.constFirst();
    for (const auto& point : series.points) {
        if (point.second <= 0)
            continue;
        QPieSlice* slice = pie->append(point.first + u": "_s + reportSeriesValueText(table, point.second),
                                       chartValue(table, point.second));
        slice->setColor(reportSeriesColor(static_cast<int>(pie->count()) - 1));
        ++m_points;
    }
    pie->setName(series.name);
    chart()->addSeries(pie);
}

} // namespace cs::ui
