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

void previewVoucher(const CashReceipt& receipt, QWidget* parent)
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(voucherTitle(receipt));
    auto* dialog = new QPrintPreviewDialog(printer, parent);
    dialog->setObjectName(u"voucherPreviewDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(voucherTitle(receipt));
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                     [receipt](QPrinter* target) { printVoucher(receipt, *target); });
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    dialog->resize(900, 700);
    dialog->open();
}

bool exportVoucherPdf(const CashReceipt& receipt, QWidget* parent)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("cs::ui::Voucher", "Save the voucher as PDF"),
        QDir(folder).filePath(voucherFileName(receipt)), QCoreApplication::translate("cs::ui::Voucher", "PDF (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (const Status written = writeVoucherPdf(receipt, path); !written) {
        QMessageBox::warning(parent, QCoreApplication::translate("cs::ui::Voucher", "Voucher not saved"),
                             written.error().message);
        return false;
    }
    return true;
}

} // namespace cs::ui
