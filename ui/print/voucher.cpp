#include "print/voucher.h"

#include "money/amountformat.h"
#include "widgets/amountedit.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QList>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

// One row of the voucher's grid: two label/value pairs, or one pair whose value spans the row.
struct GridRow {
    QString label;
    QString value;
    QString label2;
    QString value2;
    qreal heightMm = 9.0;
    bool emphasised = false; // the amount: larger and bold
};

QString figures(const Money& amount)
{
    if (amount.currency() == Currency::cny())
        return u"¥"_s + formatAmount(amount);
    return formatAmount(amount, AmountFormat{.grouping = true, .withCode = true});
}

QString staffText(const CashReceipt& r)
{
    if (r.tellerName.isEmpty())
        return r.tellerLogin;
    return u"%1 (%2)"_s.arg(r.tellerName, r.tellerLogin);
}

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

QString voucherTitle(const CashReceipt& receipt)
{
    return receipt.direction == CashDirection::Deposit
               ? QCoreApplication::translate("cs::ui::Voucher", "Cash deposit voucher")
               : QCoreApplication::translate("cs::ui::Voucher", "Cash withdrawal voucher");
}

QString voucherFileName(const CashReceipt& receipt)
{
    return u"voucher-%1-%2.pdf"_s.arg(receipt.txnId).arg(receipt.businessDate.toString(u"yyyyMMdd"));
}

void paintVoucher(QPainter& painter, const QRectF& page, const CashReceipt& r)
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
    drawText(painter, QRectF(area.left(), y, area.width(), 7 * mm),
             r.branchCode.isEmpty() ? r.branchName : u"%1  %2"_s.arg(r.branchName, r.branchCode), Qt::AlignHCenter);
    y += 7 * mm;
    const QString title = voucherTitle(r);
    painter.setFont(sized(base, 17, true));
    drawText(painter, QRectF(area.left(), y, area.width(), 11 * mm), title, Qt::AlignHCenter);
    const qreal titleWidth = QFontMetricsF(painter.font(), painter.device()).horizontalAdvance(title) + 10 * mm;
    const qreal x0 = area.center().x() - titleWidth / 2;
    painter.drawLine(QPointF(x0, y + 11 * mm), QPointF(x0 + titleWidth, y + 11 * mm));
    painter.drawLine(QPointF(x0, y + 12 * mm), QPointF(x0 + titleWidth, y + 12 * mm));
    y += 15 * mm;

    // When, on which business day, which transaction.
    painter.setFont(sized(base, 9, false));
    const QRectF info(area.left(), y, area.width(), 6 * mm);
    drawText(painter, info,
             QCoreApplication::translate("cs::ui::Voucher", "Date: %1")
                 .arg(r.postedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss")),
             Qt::AlignLeft);
    drawText(painter, info,
             QCoreApplication::translate("cs::ui::Voucher", "Business date: %1").arg(r.businessDate.toString(u"yyyy-MM-dd")),
             Qt::AlignHCenter);
    drawText(painter, info, QCoreApplication::translate("cs::ui::Voucher", "Transaction no.: %1").arg(r.txnId),
             Qt::AlignRight);
    y += 7 * mm;

    const QString direction = r.direction == CashDirection::Deposit
                                  ? QCoreApplication::translate("cs::ui::Voucher", "Cash deposit")
                                  : QCoreApplication::translate("cs::ui::Voucher", "Cash withdrawal");
    const QString name = r.customerName.isEmpty() ? r.accountTitle : r.customerName;
    QList<GridRow> rows{
        {QCoreApplication::translate("cs::ui::Voucher", "Account"), r.accountNumber,
         QCoreApplication::translate("cs::ui::Voucher", "Name"), name},
        {QCoreApplication::translate("cs::ui::Voucher", "Transaction"), direction,
         QCoreApplication::translate("cs::ui::Voucher", "Currency"), r.amount.currency().code()},
        {QCoreApplication::translate("cs::ui::Voucher", "Amount in capitals"), capitalsText(r.amount), {}, {}, 11, true},
        {QCoreApplication::translate("cs::ui::Voucher", "Amount"), figures(r.amount),
         QCoreApplication::translate("cs::ui::Voucher", "Fee"), figures(r.fee), 10, true},
        {QCoreApplication::translate("cs::ui::Voucher", "Balance after"), figures(r.balanceAfter),
         QCoreApplication::translate("cs::ui::Voucher", "Terminal"), r.terminal},
        {QCoreApplication::translate("cs::ui::Voucher", "Memo"), r.memo, {}, {}},
    };

    // The label column fits its longest label (in any language), within reason.
    painter.setFont(sized(base, 9.5, false));
    qreal longest = 0;
    for (const GridRow& row : std::as_const(rows)) {
        const QFontMetricsF metrics(painter.font(), painter.device());
        longest = std::max({longest, metrics.horizontalAdvance(row.label), metrics.horizontalAdvance(row.label2)});
    }
    const qreal pad = 2 * mm;
    const qreal labelWidth = std::clamp(longest + 2 * pad + 2 * mm, 22 * mm, 45 * mm);
    const qreal half = area.width() / 2;
    const qreal gridTop = y;
    for (const GridRow& row : std::as_const(rows)) {
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
    drawText(painter, footer.adjusted(0, 0, -half, 0),
             QCoreApplication::translate("cs::ui::Voucher", "Teller: %1").arg(staffText(r)), Qt::AlignLeft);
    const QString signature = QCoreApplication::translate("cs::ui::Voucher", "Customer signature:");
    const qreal signatureWidth = QFontMetricsF(painter.font(), painter.device()).horizontalAdvance(signature);
    const QRectF signatureRect(area.left() + half, y, half, 7 * mm);
    drawText(painter, signatureRect, signature, Qt::AlignLeft);
    painter.drawLine(QPointF(signatureRect.left() + signatureWidth + 2 * mm, signatureRect.bottom() - 1 * mm),
                     QPointF(area.right(), signatureRect.bottom() - 1 * mm));

    // The request id finds the transaction again from the paper.
    painter.setFont(sized(base, 7, false));
    painter.setPen(QPen(Qt::darkGray));
    drawText(painter, QRectF(area.left(), area.bottom() - 5 * mm, area.width(), 5 * mm),
             QCoreApplication::translate("cs::ui::Voucher", "Request %1").arg(r.requestId), Qt::AlignLeft);
    painter.restore();
}

Status printVoucher(const CashReceipt& receipt, QPagedPaintDevice& device)
{
    device.setPageSize(QPageSize(QPageSize::A5));
    device.setPageOrientation(QPageLayout::Landscape);
    QPainter painter;
    if (!painter.begin(&device))
        return fail(Error::unavailable(u"voucher.print"_s,
                                       QCoreApplication::translate("cs::ui::Voucher", "The voucher could not be printed.")));
    const QRect paintRect = device.pageLayout().paintRectPixels(device.logicalDpiX());
    paintVoucher(painter, QRectF(QPointF(0, 0), QSizeF(paintRect.size())), receipt);
    painter.end();
    return {};
}

Status writeVoucherPdf(const CashReceipt& receipt, const QString& path)
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
        writer.setTitle(voucherTitle(receipt));
        writer.setCreator(u"Countersign"_s);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        if (!printVoucher(receipt, writer))
            return failed();
    }
    if (QFileInfo(path).size() == 0)
        return failed();
    return {};
}

} // namespace cs::ui
