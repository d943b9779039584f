#include "print/vouchersheet.h"

#include "money/amountformat.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QFont sized(const QFont& base, qreal points, bool bold)
{
    QFont font(base);
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

void drawText(QPainter& painter, const QRectF& rect, const QString& text, Qt::Alignment alignment)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    painter.drawText(rect, alignment | Qt::AlignVCenter | Qt::TextSingleLine,
                     metrics.elidedText(text, Qt::ElideRight, rect.width()));
}

} // namespace

QString voucherFigures(const Money& amount)
{
    if (amount.currency() == Currency::cny())
        return u"¥"_s + formatAmount(amount);
    return formatAmount(amount, AmountFormat{.grouping = true, .withCode = true});
}

void paintVoucherSheet(QPainter& painter, const QRectF& page, const VoucherSheet& sheet)
{
    const qreal mm = painter.device()->logicalDpiX() / 25.4;
    const QFont base = painter.font();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, 0.25 * mm));

    const QRectF area = page.adjusted(12 * mm, 9 * mm, -12 * mm, -9 * mm);
    qreal y = area.top();

    // The bank branch and the title, underlined twice as paper vouchers are.
    painter.setFont(sized(base, 11, false));
    drawText(painter, QRectF(area.left(), y, area.width(), 7 * mm), sheet.header, Qt::AlignHCenter);
    y += 7 * mm;
    painter.setFont(sized(base, 17, true));
    drawText(painter, QRectF(area.left(), y, area.width(), 11 * mm), sheet.title, Qt::AlignHCenter);
    const qreal titleWidth = QFontMetricsF(painter.font(), painter.device()).horizontalAdvance(sheet.title) + 10 * mm;
    const qreal x0 = area.center().x() - titleWidth / 2;
    painter.drawLine(QPointF(x0, y + 11 * mm), QPointF(x0 + titleWidth, y + 11 * mm));
    painter.drawLine(QPointF(x0, y + 12 * mm), QPointF(x0 + titleWidth, y + 12 * mm));
    y += 15 * mm;

    // When, on which business day, which transaction.
    painter.setFont(sized(base, 9, false));
    const QRectF info(area.left(), y, area.width(), 6 * mm);
    drawText(painter, info, sheet.infoLeft, Qt::AlignLeft);
    drawText(painter, info, sheet.infoCentre, Qt::AlignHCenter);
    drawText(painter, info, sheet.infoRight, Qt::AlignRight);
    y += 7 * mm;

    // The label column fits its longest label (in any language), within reason.
    painter.setFont(sized(base, 9.5, false));
    qreal longest = 0;
    for (const VoucherRow& row : sheet.rows) {
        const QFontMetricsF metrics(painter.font(), painter.device());
        longest = std::max({longest, metrics.horizontalAdvance(row.label), metrics.horizontalAdvance(row.label2)});
    }
    const qreal pad = 2 * mm;
    const qreal labelWidth = std::clamp(longest + 2 * pad + 2 * mm, 22 * mm, 45 * mm);
    const qreal half = area.width() / 2;
    const qreal gridTop = y;
    for (const VoucherRow& row : sheet.rows) {
        const qreal h = row.heightMm * mm;
        const bool split = !row.label2.isEmpty();
        const QRectF label1(area.left(), y, labelWidth, h);
        const QRectF value1(area.left() + labelWidth, y, (split ? half : area.width()) - labelWidth, h);
        painter.setFont(sized(base, 9.5, false));
        drawText(painter, label1.adjusted(pad, 0, -pad, 0), row.label, Qt::AlignLeft);
        painter.setFont(sized(base, row.emphasised ? 12 : 10, row.emphasised));
        drawText(painter, value1.adjusted(pad, 0, -pad, 0), row.value, Qt::AlignLeft);
        painter.drawLine(label1.topRight(), label1.bottomRight());
        if (split) {
            const QRectF label2(area.left() + half, y, labelWidth, h);
            const QRectF value2(area.left() + half + labelWidth, y, half - labelWidth, h);
            painter.setFont(sized(base, 9.5, false));
            drawText(painter, label2.adjusted(pad, 0, -pad, 0), row.label2, Qt::AlignLeft);
            painter.setFont(sized(base, 10, false));
            drawText(painter, value2.adjusted(pad, 0, -pad, 0), row.value2, Qt::AlignLeft);
            painter.drawLine(label2.topLeft(), label2.bottomLeft());
            painter.drawLine(label2.topRight(), label2.bottomRight());
        }
        y += h;
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    painter.drawRect(QRectF(area.left(), gridTop, area.width(), y - gridTop));

    // Who served, where, and the customer's signature.
    y += 8 * mm;
    painter.setFont(sized(base, 9.5, false));
    const QRectF footer(area.left(), y, area.width(), 7 * mm);
    drawText(painter, footer.adjusted(0, 0, -half, 0), sheet.footer, Qt::AlignLeft);
    const qreal signatureWidth = QFontMetricsF(painter.font(), painter.device()).horizontalAdvance(sheet.signature);
    const QRectF signatureRect(area.left() + half, y, half, 7 * mm);
    drawText(painter, signatureRect, sheet.signature, Qt::AlignLeft);
    painter.drawLine(QPointF(signatureRect.left() + signatureWidth + 2 * mm, signatureRect.bottom() - 1 * mm),
                     QPointF(area.right(), signatureRect.bottom() - 1 * mm));

    // The request id finds the transaction again from the paper.
    painter.setFont(sized(base, 7, false));
    painter.setPen(QPen(Qt::darkGray));
    drawText(painter, QRectF(area.left(), area.bottom() - 5 * mm, area.width(), 5 * mm), sheet.footnote, Qt::AlignLeft);
    painter.restore();
}

Status printVoucherSheet(const VoucherSheet& sheet, QPagedPaintDevice& device)
{
    device.setPageSize(QPageSize(QPageSize::A5));
    device.setPageOrientation(QPageLayout::Landscape);
    QPainter painter;
    if (!painter.begin(&device))
        return fail(Error::unavailable(u"voucher.print"_s,
                                       QCoreApplication::translate("cs::ui::Voucher", "The voucher could not be printed.")));
    const QRect paintRect = device.pageLayout().paintRectPixels(device.logicalDpiX());
    paintVoucherSheet(painter, QRectF(QPointF(0, 0), QSizeF(paintRect.size())), sheet);
    painter.end();
    return {};
}

Status writeVoucherSheetPdf(const VoucherSheet& sheet, const QString& path)
{
    const auto failed = [&path] {
        return fail(Error::unavailable(u"voucher.pdf_write"_s,
                                       QCoreApplication::translate("cs::ui::Voucher",
                                                                   "The voucher could not be written to %1.")
                                           .arg(QFileInfo(path).absoluteFilePath())));
    };
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(sheet.title);
        writer.setCreator(u"Countersign"_s);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        if (!printVoucherSheet(sheet, writer))
            return failed();
    }
    if (QFileInfo(path).size() == 0)
        return failed();
    return {};
}

} // namespace cs::ui
