#include "print/reportprinter.h"

#include "print/reportcells.h"
#include "print/reportchartpainter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <numeric>

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

// What goes on one sheet: a run of rows (with the column heads), maybe the totals row and the notes, or
// the chart.
struct PagePlan {
    bool chart = false;
    int firstRow = 0;
    int rowCount = 0;
    bool heads = false;
    bool totals = false;
    bool notes = false;
    bool empty = false; // the table has no rows: say so
};

// Sizes in device pixels, worked out once for every page alike.
struct Layout {
    qreal mm = 1;
    QRectF page;        // the printable area, origin top left
    QFont headerFont;   // branch, period, generated, staff
    QFont titleFont;
    QFont tableFont;
    QFont headsFont;
    QFont totalsFont;
    qreal headerHeight = 0;
    qreal footerHeight = 0;
    qreal rowHeight = 0;
    qreal headsHeight = 0;
    qreal notesHeight = 0;
    qreal padding = 0;
    QList<qreal> widths; // of each column, summing to page.width()
    QRectF body() const { return page.adjusted(0, headerHeight, 0, -footerHeight); }
};

// Every cell's text, so that measuring and painting agree.
struct Texts {
    QList<QStringList> rows;
    QStringList totals;
};

Texts cellTexts(const ReportTable& table)
{
    Texts texts;
    texts.rows.reserve(table.rows.size());
    for (const QVariantList& row : table.rows) {
        QStringList cells;
        for (int c = 0; c < table.columns.size(); ++c)
            cells.append(reportCellText(table, c, c < row.size() ? row.at(c) : QVariant()));
        texts.rows.append(cells);
    }
    for (int c = 0; c < table.columns.size() && !table.totals.isEmpty(); ++c)
        texts.totals.append(reportCellText(table, c, c < table.totals.size() ? table.totals.at(c) : QVariant()));
    return texts;
}

// The width each column needs for its head and its widest cell.
QList<qreal> naturalWidths(const ReportTable& table, const Texts& texts, const Layout& layout,
                          const QPaintDevice* device)
{
    const QFontMetricsF cells(layout.tableFont, device);
    const QFontMetricsF heads(layout.headsFont, device);
    const QFontMetricsF totals(layout.totalsFont, device);
    QList<qreal> widths;
    for (int c = 0; c < table.columns.size(); ++c) {
        qreal w = heads.horizontalAdvance(table.columns.at(c).label);
        for (const QStringList& row : texts.rows)
            w = std::max(w, cells.horizontalAdvance(row.at(c)));
        if (c < texts.totals.size())
            w = std::max(w, totals.horizontalAdvance(texts.totals.at(c)));
        widths.append(w + 2 * layout.padding);
    }
    return widths;
}

// Columns fill the width: money and counts keep what they need, text columns give way (and elide) when
// the page is too narrow and take what is left over when it is wide.
QList<qreal> fitWidths(const ReportTable& table, QList<qreal> widths, qreal available, qreal mm)
{
    if (widths.isEmpty())
        return widths;
    const qreal natural = std::accumulate(widths.cbegin(), widths.cend(), qreal(0));
    qreal flexible = 0;
    for (int c = 0; c < widths.size(); ++c) {
        if (!reportColumnIsNumeric(table.columns.at(c).kind))
            flexible += widths.at(c);
    }
    const qreal fixed = natural - flexible;
    if (flexible > 0 && (natural <= available || fixed + widths.size() * 12 * mm <= available)) {
        const qreal scale = (available - fixed) / flexible;
        for (int c = 0; c < widths.size(); ++c) {
            if (!reportColumnIsNumeric(table.columns.at(c).kind))
                widths[c] *= scale;
        }
    } else {
        const qreal scale = available / natural;
        for (qreal& w : widths)
            w *= scale;
    }
    return widths;
}

Layout makeLayout(const ReportTable& table, const Texts& texts, QPagedPaintDevice& device, const QFont& base)
{
    Layout layout;
    layout.mm = device.logicalDpiX() / 25.4;
    layout.headerFont = sized(base, 8.5);
    layout.titleFont = sized(base, 15, true);
    layout.tableFont = sized(base, 8.5);
    layout.headsFont = sized(base, 8.5, true);
    layout.totalsFont = sized(base, 8.5, true);
    layout.padding = 1.5 * layout.mm;

    // Landscape when the columns would not fit upright.
    const QList<qreal> natural = naturalWidths(table, texts, layout, &device);
    const qreal needed = std::accumulate(natural.cbegin(), natural.cend(), qreal(0));
    device.setPageSize(QPageSize(QPageSize::A4));
    device.setPageOrientation(QPageLayout::Portrait);
    device.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
    if (needed > device.pageLayout().paintRectPixels(device.logicalDpiX()).width() && table.columns.size() > 4)
        device.setPageOrientation(QPageLayout::Landscape);
    const QRect paint = device.pageLayout().paintRectPixels(device.logicalDpiX());
    layout.page = QRectF(QPointF(0, 0), QSizeF(paint.size()));

    const QFontMetricsF header(layout.headerFont, &device);
    const QFontMetricsF title(layout.titleFont, &device);
    const QFontMetricsF cells(layout.tableFont, &device);
    layout.headerHeight = header.height() * 1.3 * 3 + title.height() * 1.4 + 4 * layout.mm;
    layout.footerHeight = header.height() * 1.3 + 3 * layout.mm;
    layout.rowHeight = cells.height() * 1.55;
    layout.headsHeight = layout.rowHeight * 1.2;
    layout.notesHeight = table.notes.isEmpty() ? 0 : 3 * layout.mm + table.notes.size() * header.height() * 1.35;
    layout.widths = fitWidths(table, natural, layout.page.width(), layout.mm);
    return layout;
}

// Rows page by page; the totals row and the notes go where there is still room, the chart last.
QList<PagePlan> planPages(const ReportTable& table, const Layout& layout)
{
    QList<PagePlan> pages;
    const qreal bodyHeight = layout.body().height();
    const int perPage = std::max(1, static_cast<int>((bodyHeight - layout.headsHeight) / layout.rowHeight));
    const int rows = static_cast<int>(table.rows.size());
    int next = 0;
    do {
        PagePlan page;
        page.heads = true;
        page.firstRow = next;
        page.rowCount = std::min(perPage, rows - next);
        page.empty = rows == 0;
        next += page.rowCount;
        pages.append(page);
    } while (next < rows);

    PagePlan& last = pages.last();
    qreal used = layout.headsHeight + std::max(last.rowCount, last.empty ? 1 : 0) * layout.rowHeight;
    if (!table.totals.isEmpty()) {
        if (used + layout.rowHeight * 1.2 > bodyHeight) {
            pages.append(PagePlan{.heads = true});
            used = layout.headsHeight;
        }
        pages.last().totals = true;
        used += layout.rowHeight * 1.2;
    }
    if (!table.notes.isEmpty()) {
        if (used + layout.notesHeight > bodyHeight)
            pages.append(PagePlan{});
        pages.last().notes = true;
    }
    // A chart with nothing in it (no figures in the period) gets no page.
    if (table.chart != ReportChart::None && !reportCategories(table).isEmpty())
        pages.append(PagePlan{.chart = true});
    return pages;
}

void drawCell(QPainter& painter, const QRectF& cell, const QString& text, bool numeric, qreal padding)
{
    const QRectF inner = cell.adjusted(padding, 0, -padding, 0);
    const QFontMetricsF metrics(painter.font(), painter.device());
    painter.drawText(inner, (numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | Qt::TextSingleLine,
                     metrics.elidedText(text, Qt::ElideRight, inner.width()));
}

void paintHeader(QPainter& painter, const ReportTable& table, const Layout& layout)
{
    const ReportHeader& h = table.header;
    const QRectF page = layout.page;
    const qreal half = page.width() / 2;
    painter.setFont(layout.headerFont);
    const qreal line = QFontMetricsF(layout.headerFont, painter.device()).height() * 1.3;
    qreal y = page.top();
    const QRectF first(page.left(), y, page.width(), line);
    const QString branch = QCoreApplication::translate("cs::ui::ReportPrinter", "Branch: %1 %2");
    const QString generated = QCoreApplication::translate("cs::ui::ReportPrinter", "Generated: %1");
    drawCell(painter, first.adjusted(0, 0, -half, 0), branch.arg(h.branchCode, h.branchName), false, 0);
    drawCell(painter, first.adjusted(half, 0, 0, 0), generated.arg(reportGeneratedText(h)), true, 0);
    y += line;
    painter.setFont(layout.titleFont);
    const qreal titleHeight = QFontMetricsF(layout.titleFont, painter.device()).height() * 1.4;
    painter.drawText(QRectF(page.left(), y, page.width(), titleHeight), Qt::AlignCenter | Qt::TextSingleLine, h.title);
    y += titleHeight;
    painter.setFont(layout.headerFont);
    const QString period = QCoreApplication::translate("cs::ui::ReportPrinter", "Period: %1");
    painter.drawText(QRectF(page.left(), y, page.width(), line), Qt::AlignCenter | Qt::TextSingleLine,
                     period.arg(reportPeriodText(h)));
    y += line;
    const QRectF last(page.left(), y, page.width(), line);
    const QString staff = QCoreApplication::translate("cs::ui::ReportPrinter", "Staff: %1");
    const QString currency = QCoreApplication::translate("cs::ui::ReportPrinter", "Currency: %1");
    drawCell(painter, last.adjusted(0, 0, -half, 0), staff.arg(reportStaffText(h)), false, 0);
    drawCell(painter, last.adjusted(half, 0, 0, 0), currency.arg(table.currency.code()), true, 0);
    y += line + 1.5 * layout.mm;
    painter.setPen(QPen(Qt::black, 0.35 * layout.mm));
    painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
    painter.setPen(Qt::black);
}

void paintFooter(QPainter& painter, const ReportTable& table, const Layout& layout, int page, int pages)
{
    const QRectF area(layout.page.left(), layout.page.bottom() - layout.footerHeight, layout.page.width(),
                      layout.footerHeight);
    painter.setPen(QPen(Qt::black, 0.2 * layout.mm));
    painter.drawLine(QPointF(area.left(), area.top() + layout.mm), QPointF(area.right(), area.top() + layout.mm));
    painter.setFont(layout.headerFont);
    const QRectF text = area.adjusted(0, 2 * layout.mm, 0, 0);
    drawCell(painter, text.adjusted(0, 0, -area.width() / 2, 0), table.header.title, false, 0);
    const QString pageOf = QCoreApplication::translate("cs::ui::ReportPrinter", "Page %1 of %2");
    drawCell(painter, text.adjusted(area.width() / 2, 0, 0, 0), pageOf.arg(page).arg(pages), true, 0);
}

// One line of cells across the page, from the left edge.
void paintRow(QPainter& painter, const ReportTable& table, const Layout& layout, qreal y, qreal height,
              const QStringList& cells)
{
    qreal x = layout.page.left();
    for (int c = 0; c < layout.widths.size(); ++c) {
        const qreal w = layout.widths.at(c);
        drawCell(painter, QRectF(x, y, w, height), c < cells.size() ? cells.at(c) : QString(),
                 reportColumnIsNumeric(table.columns.at(c).kind), layout.padding);
        x += w;
    }
}

void paintTablePage(QPainter& painter, const ReportTable& table, const Texts& texts, const Layout& layout,
                    const PagePlan& plan)
{
    const QRectF body = layout.body();
    qreal y = body.top();
    const qreal thin = 0.15 * layout.mm;
    if (plan.heads) {
        QStringList labels;
        for (const ReportColumn& column : table.columns)
            labels.append(column.label);
        painter.setFont(layout.headsFont);
        paintRow(painter, table, layout, y, layout.headsHeight, labels);
        y += layout.headsHeight;
        painter.setPen(QPen(Qt::black, 0.25 * layout.mm));
        painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y));
        painter.setPen(Qt::black);
    }
    painter.setFont(layout.tableFont);
    if (plan.empty) {
        painter.drawText(QRectF(body.left(), y, body.width(), layout.rowHeight), Qt::AlignCenter,
                         QCoreApplication::translate("cs::ui::ReportPrinter", "No entries in this period."));
        y += layout.rowHeight;
    }
    for (int r = plan.firstRow; r < plan.firstRow + plan.rowCount; ++r) {
        // Faint bands every other row keep a long line readable across the page.
        if ((r - plan.firstRow) % 2 == 1)
            painter.fillRect(QRectF(body.left(), y, body.width(), layout.rowHeight), QColor(0xf0, 0xf0, 0xf0));
        paintRow(painter, table, layout, y, layout.rowHeight, texts.rows.at(r));
        y += layout.rowHeight;
    }
    if (plan.totals) {
        // Ruled above, double-ruled below, as totals are on accounting paper.
        painter.setPen(QPen(Qt::black, 0.25 * layout.mm));
        painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y));
        const qreal h = layout.rowHeight * 1.2;
        painter.setPen(Qt::black);
        painter.setFont(layout.totalsFont);
        paintRow(painter, table, layout, y, h, texts.totals);
        painter.setPen(QPen(Qt::black, thin * 2));
        painter.drawLine(QPointF(body.left(), y + h - layout.mm * 0.6), QPointF(body.right(), y + h - layout.mm * 0.6));
        painter.drawLine(QPointF(body.left(), y + h), QPointF(body.right(), y + h));
        painter.setPen(Qt::black);
        y += h;
    }
    if (plan.notes) {
        y += 3 * layout.mm;
        painter.setFont(layout.headerFont);
        const qreal line = QFontMetricsF(layout.headerFont, painter.device()).height() * 1.35;
        for (const QString& note : table.notes) {
            drawCell(painter, QRectF(body.left(), y, body.width(), line), note, false, 0);
            y += line;
        }
    }
}

void paintChartPage(QPainter& painter, const ReportTable& table, const Layout& layout)
{
    const QRectF body = layout.body().adjusted(0, 4 * layout.mm, 0, -4 * layout.mm);
    painter.setFont(layout.headsFont);
    const qreal heading = QFontMetricsF(layout.headsFont, painter.device()).height() * 1.6;
    painter.drawText(QRectF(body.left(), body.top(), body.width(), heading), Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("cs::ui::ReportPrinter", "Chart"));
    painter.setFont(layout.tableFont);
    // Not taller than a landscape picture of the page's width: a bar stretched down a whole page
    // misleads the eye.
    QRectF area = body.adjusted(0, heading + 2 * layout.mm, 0, 0);
    area.setHeight(std::min(area.height(), area.width() * 0.7));
    paintReportChart(painter, area, table);
}

} // namespace

void paintReport(const ReportTable& table, QPagedPaintDevice& device)
{
    const Texts texts = cellTexts(table);
    // The default font of the application (a CJK-capable one on a Chinese desktop) prints the names.
    const Layout layout = makeLayout(table, texts, device, QFont());
    // Counting first, so that every page can say "of n".
    const QList<PagePlan> pages = planPages(table, layout);

    QPainter painter;
    if (!painter.begin(&device))
        return;
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0)
            device.newPage();
        paintHeader(painter, table, layout);
        if (pages.at(i).chart)
            paintChartPage(painter, table, layout);
        else
            paintTablePage(painter, table, texts, layout, pages.at(i));
        paintFooter(painter, table, layout, i + 1, static_cast<int>(pages.size()));
    }
    painter.end();
}

Status writeReportPdf(const ReportTable& table, const QString& path)
{
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(table.header.title);
        writer.setCreator(u"Countersign"_s);
        paintReport(table, writer);
    }
    if (QFileInfo(path).size() == 0) {
        const QString message = QCoreApplication::translate("cs::ui::ReportPrinter",
                                                            "The report could not be written to %1.");
        return fail(Error::unavailable(u"report.pdf_write"_s, message.arg(QFileInfo(path).absoluteFilePath())));
    }
    return {};
}

} // namespace cs::ui
