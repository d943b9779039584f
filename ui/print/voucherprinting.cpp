#include "print/voucherprinting.h"

#include "print/voucher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cs::ui {

void previewVoucherSheet(const VoucherSheet& sheet, QWidget* parent)
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(sheet.title);
    auto* dialog = new QPrintPreviewDialog(printer, parent);
    dialog->setObjectName(u"voucherPreviewDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(sheet.title);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                     [sheet](QPrinter* target) { printVoucherSheet(sheet, *target); });
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    dialog->resize(900, 700);
    dialog->open();
}

bool exportVoucherSheetPdf(const VoucherSheet& sheet, const QString& fileName, QWidget* parent)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("cs::ui::Voucher", "Save the voucher as PDF"),
        QDir(folder).filePath(fileName), QCoreApplication::translate("cs::ui::Voucher", "PDF (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (const Status written = writeVoucherSheetPdf(sheet, path); !written) {
        QMessageBox::warning(parent, QCoreApplication::translate("cs::ui::Voucher", "Voucher not saved"),
                             written.error().message);
        return false;
    }
    return true;
}

void previewVoucher(const CashReceipt& receipt, QWidget* parent)
{
    previewVoucherSheet(voucherSheet(receipt), parent);
}

bool exportVoucherPdf(const CashReceipt& receipt, QWidget* parent)
{
    return exportVoucherSheetPdf(voucherSheet(receipt), voucherFileName(receipt), parent);
}

void previewTransferVoucher(const TransferVoucher& voucher, QWidget* parent)
{
    previewVoucherSheet(transferVoucherSheet(voucher), parent);
}

bool exportTransferVoucherPdf(const TransferVoucher& voucher, QWidget* parent)
{
    return exportVoucherSheetPdf(transferVoucherSheet(voucher), transferVoucherFileName(voucher.transfer), parent);
}

void previewCardVoucher(const CardVoucher& voucher, QWidget* parent)
{
    previewVoucherSheet(cardVoucherSheet(voucher), parent);
}

bool exportCardVoucherPdf(const CardVoucher& voucher, QWidget* parent)
{
    return exportVoucherSheetPdf(cardVoucherSheet(voucher), cardVoucherFileName(voucher), parent);
}

} // namespace cs::ui
