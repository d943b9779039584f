#include "print/reportchartpainter.h"

#include "print/reportcells.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QFont sized(const QFont& base, qreal points, bool bold = false)
{
    QFont font(base);
    font.setPointSizeF(points);
    font.setBold(bold);
    // No ligatures ("ff" as one glyph): the PDF's text stays searchable and copyable as it reads.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// A step of 1, 2 or 5 times a power of ten (in fen) that cuts `span` into about `parts` pieces.
qint64 niceStep(qint64 span, int parts)
{
    const double raw = std::max(1.0, static_cast<double>(span) / parts);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return std::max<qint64>(1, static_cast<qint64>(std::llround(nice * magnitude)));
}

struct ValueAxis {
    qint64 low = 0;
    qint64 high = 1;
    qint64 step = 1;
};

// The value axis always includes zero, so that bars start from it.
ValueAxis valueAxis(const ReportTable& table)
{
    qint64 low = 0;
    qint64 high = 0;
    for (const ReportSeries& series : table.series) {
        for (const auto& point : series.points) {
            low = std::min(low, point.second);
            high = std::max(high, point.second);
        }
    }
    if (low == high)
        high = low + 100; // an empty or all-zero chart still gets an axis of ¥1.00
    ValueAxis axis;
    axis.step = niceStep(high - low, 5);
    axis.low = (low / axis.step - (low % axis.step != 0 && low < 0 ? 1 : 0)) * axis.step;
    axis.high = (high / axis.step + (high % axis.step != 0 && high > 0 ? 1 : 0)) * axis.step;
    return axis;
}

void drawLegendEntry(QPainter& painter, const QPointF& at, qreal box, const QColor& color, const QString& text)
{
    painter.fillRect(QRectF(at.x(), at.y() + box * 0.15, box, box * 0.7), color);
    painter.drawText(QPointF(at.x() + box * 1.4, at.y() + box * 0.78), text);
}

// The series names in one row above the plot; returns the height used.
qreal paintSeriesLegend(QPainter& painter, const QRectF& area, const ReportTable& table, qreal mm)
{
    if (table.series.size() < 2 && (table.series.isEmpty() || table.series.constFirst().name.isEmpty()))
        return 0;
    const QFontMetricsF metrics(painter.font(), painter.device());
    const qreal box = metrics.height();
    qreal x = area.left();
    qreal y = area.top();
    for (int i = 0; i < table.series.size(); ++i) {
        const QString& name = table.series.at(i).name;
        const qreal width = box * 1.4 + metrics.horizontalAdvance(name) + 6 * mm;
        if (x + width > area.right() && x > area.left()) {
            x = area.left();
            y += box * 1.3;
        }
        drawLegendEntry(painter, QPointF(x, y), box, reportSeriesColor(i), name);
        x += width;
    }
    return y - area.top() + box * 1.3 + 2 * mm;
}

void paintAxesChart(QPainter& painter, const QRectF& area, const ReportTable& table, qreal mm)
{
    const QStringList categories = reportCategories(table);
    const ValueAxis axis = valueAxis(table);
    const QFontMetricsF metrics(painter.font(), painter.device());

    const qreal legendHeight = paintSeriesLegend(painter, area, table, mm);
    qreal labelWidth = 0;
    for (qint64 v = axis.low; v <= axis.high; v += axis.step)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(reportSeriesValueText(table, v)));
    const QRectF plot(area.left() + labelWidth + 3 * mm, area.top() + legendHeight + metrics.height() / 2,
                      area.width() - labelWidth - 3 * mm, area.height() - legendHeight - metrics.height() * 2.5);
    const auto yOf = [&](qint64 v) {
        const double share = static_cast<double>(v - axis.low) / static_cast<double>(axis.high - axis.low);
        return plot.bottom() - plot.height() * share;
    };

    // Grid lines with their values on the left.
    painter.save();
    for (qint64 v = axis.low; v <= axis.high; v += axis.step) {
        const qreal y = yOf(v);
        painter.setPen(QPen(v == 0 ? QColor(Qt::black) : QColor(0xcc, 0xcc, 0xcc), (v == 0 ? 0.3 : 0.15) * mm));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(area.left(), y - metrics.height() / 2, labelWidth, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, reportSeriesValueText(table, v));
    }
    painter.setPen(QPen(Qt::black, 0.3 * mm));
    painter.drawLine(plot.topLeft(), plot.bottomLeft());
    painter.restore();
    if (categories.isEmpty())
        return;

    // Category labels under their slots; every k-th one when they would overlap.
    const qreal slot = plot.width() / categories.size();
    qreal widest = 0;
    for (const QString& c : categories)
        widest = std::max(widest, metrics.horizontalAdvance(c));
    const int every = std::max(1, static_cast<int>(std::ceil((widest + 2 * mm) / slot)));
    for (int i = 0; i < categories.size(); i += every) {
        const QRectF label(plot.left() + slot * i + slot / 2 - widest / 2 - mm, plot.bottom() + mm, widest + 2 * mm,
                           metrics.height() * 1.2);
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, categories.at(i));
    }

    const int seriesCount = static_cast<int>(table.series.size());
    const qreal zeroY = yOf(std::clamp<qint64>(0, axis.low, axis.high));
    for (int s = 0; s < seriesCount; ++s) {
        const ReportSeries& series = table.series.at(s);
        QHash<QString, qint64> values;
        for (const auto& point : series.points)
            values.insert(point.first, point.second);
        const QColor color = reportSeriesColor(s);
        if (table.chart == ReportChart::Bar) {
            const qreal group = slot * 0.8;
            const qreal bar = group / seriesCount;
            for (int i = 0; i < categories.size(); ++i) {
                const auto found = values.constFind(categories.at(i));
                if (found == values.constEnd())
                    continue;
                const qreal x = plot.left() + slot * i + (slot - group) / 2 + bar * s;
                const qreal y = yOf(*found);
                painter.fillRect(QRectF(QPointF(x, std::min(y, zeroY)), QPointF(x + bar * 0.92, std::max(y, zeroY))),
                                 color);
            }
        } else {
            QPainterPath path;
            QList<QPointF> dots;
            for (int i = 0; i < categories.size(); ++i) {
                const auto found = values.constFind(categories.at(i));
                if (found == values.constEnd())
                    continue;
                const QPointF p(plot.left() + slot * i + slot / 2, yOf(*found));
                if (path.elementCount() == 0)
                    path.moveTo(p);
                else
                    path.lineTo(p);
                dots.append(p);
            }
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(color, 0.6 * mm));
            painter.drawPath(path);
            painter.setBrush(color);
            painter.setPen(Qt::NoPen);
            for (const QPointF& p : std::as_const(dots))
                painter.drawEllipse(p, 0.9 * mm, 0.9 * mm);
            painter.restore();
        }
    }
}

// A pie of the first series' positive points, its legend on the right with each slice's value and share.
void paintPieChart(QPainter& painter, const QRectF& area, const ReportTable& table, qreal mm)
{
    if (table.series.isEmpty())
        return;
    QList<QPair<QString, qint64>> slices;
    qint64 total = 0;
    for (const auto& point : table.series.constFirst().points) {
        if (point.second > 0) {
            slices.append(point);
            total += point.second;
        }
    }
    if (total <= 0)
        return;
    const QFontMetricsF metrics(painter.font(), painter.device());
    const qreal diameter = std::min(area.height(), area.width() * 0.55);
    const QRectF pie(area.left(), area.top() + (area.height() - diameter) / 2, diameter, diameter);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 0.3 * mm));
    int start = 90 * 16; // from twelve o'clock, clockwise
    qint64 done = 0;
    for (int i = 0; i < slices.size(); ++i) {
        done += slices.at(i).second;
        // The last slice closes the circle, so rounding never leaves a gap.
        const double share = static_cast<double>(done) / static_cast<double>(total);
        const int end = 90 * 16 - static_cast<int>(std::llround(5760.0 * share));
        painter.setBrush(reportSeriesColor(i));
        painter.drawPie(pie, start, end - start);
        start = end;
    }
    painter.restore();

    const qreal box = metrics.height();
    qreal y = area.top() + std::max<qreal>(0, (area.height() - slices.size() * box * 1.4) / 2);
    const qreal x = pie.right() + 8 * mm;
    for (int i = 0; i < slices.size(); ++i) {
        const qint64 permille = (slices.at(i).second * 1000 + total / 2) / total;
        const QString share = QString::number(permille / 10) + u'.' + QString::number(permille % 10) + u'%';
        const QString text = slices.at(i).first + u": "_s + reportSeriesValueText(table, slices.at(i).second) + u" ("_s
                             + share + u')';
        drawLegendEntry(painter, QPointF(x, y), box,  reportSeriesColor(i),
                        metrics.elidedText(text, Qt::ElideRight, area.right() - x - box * 1.4));
        y += box * 1.4;
    }
}

} // namespace

QColor reportSeriesColor(int index)
{
    static const QColor palette[] = {QColor(0x2b, 0x6c, 0xb0), QColor(0xdd, 0x6b, 0x20), QColor(0x38, 0xa1, 0x69),
                                     QColor(0xc5, 0x30, 0x30), QColor(0x80, 0x5a, 0xd5), QColor(0xb7, 0x79, 0x1f),
                                     QColor(0x31, 0x97, 0x95), QColor(0x71, 0x80, 0x96)};
    constexpr int count = sizeof(palette) / sizeof(palette[0]);
    return palette[((index % count) + count) % count];
}

QStringList reportCategories(const ReportTable& table)
{
    QStringList categories;
    for (const ReportSeries& series : table.series) {
        for (const auto& point : series.points) {
            if (!categories.contains(point.first))
                categories.append(point.first);
        }
    }
    return categories;
}

void paintReportChart(QPainter& painter, const QRectF& area, const ReportTable& table)
{
    const qreal mm = painter.device()->logicalDpiX() / 25.4;
    painter.save();
    painter.setFont(sized(painter.font(), 8.5));
    painter.setPen(Qt::black);
    if (reportCategories(table).isEmpty()) {
        painter.drawText(area, Qt::AlignCenter,
                         QCoreApplication::translate("cs::ui::ReportPrinter", "No figures to chart for this period."));
    } else if (table.chart == ReportChart::Pie) {
        paintPieChart(painter, area, table, mm);
    } else {
        paintAxesChart(painter, area, table, mm);
    }
    painter.restore();
}

} // namespace cs::ui
