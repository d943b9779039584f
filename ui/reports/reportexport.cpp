#include "reports/reportexport.h"

#include "print/reportprinter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

// Where the next report is offered: the folder the last one went to, else the documents folder.
QString& lastFolder()
{
    static QString folder;
    return folder;
}

// Asks for the file (offering reportFileName where the last report went) and writes it with `write`.
QString saveAs(const ReportTable& table, const QString& extension, const QString& caption, const QString& filter,
               Status (*write)(const ReportTable&, const QString&), QWidget* parent)
{
    QString folder = lastFolder();
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(parent, caption,
                                                      QDir(folder).filePath(reportFileName(table, extension)), filter);
    if (path.isEmpty())
        return {};
    lastFolder() = QFileInfo(path).absolutePath();
    if (const Status written = write(table, path); !written) {
        QMessageBox::warning(parent, QCoreApplication::translate("cs::ui::ReportExport", "Report not saved"),
                             written.error().message);
        return {};
    }
    return path;
}

} // namespace

QString reportFileName(const ReportTable& table, const QString& extension)
{
    const ReportHeader& h = table.header;
    QString name = h.name + u'-' + h.branchCode + u'-' + h.from.toString(u"yyyyMMdd");
    if (h.to.isValid() && h.to != h.from)
        name += u'-' + h.to.toString(u"yyyyMMdd");
    return name + u'.' + extension;
}

Status writeReportCsv(const ReportTable& table, const QString& path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(reportCsv(table));
        if (file.commit())
            return {};
    }
    return fail(Error::unavailable(u"report.csv_write"_s,
                                   QCoreApplication::translate("cs::ui::ReportExport",
                                                               "The report could not be written to %1: %2")
                                       .arg(QFileInfo(path).absoluteFilePath(), file.errorString())));
}

QString exportReportCsv(const ReportTable& table, QWidget* parent)
{
    return saveAs(table, u"csv"_s, QCoreApplication::translate("cs::ui::ReportExport", "Export the report as CSV"),
                  QCoreApplication::translate("cs::ui::ReportExport", "CSV (*.csv)"), &writeReportCsv, parent);
}

QString exportReportPdf(const ReportTable& table, QWidget* parent)
{
    return saveAs(table, u"pdf"_s, QCoreApplication::translate("cs::ui::ReportExport", "Save the report as PDF"),
                  QCoreApplication::translate("cs::ui::ReportExport", "PDF (*.pdf)"), &writeReportPdf, parent);
}

void previewReport(const ReportTable& table, QWidget* parent)
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(table.header.title);
    auto* dialog = new QPrintPreviewDialog(printer, parent);
    dialog->setObjectName(u"reportPreviewDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(table.header.title);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                     [table](QPrinter* target) { paintReport(table, *target); });
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    dialog->resize(900, 760);
    dialog->open();
}

void printReport(const ReportTable& table, QWidget* parent)
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(table.header.title);
    auto* dialog = new QPrintDialog(printer, parent);
    dialog->setObjectName(u"reportPrintDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, qOverload<QPrinter*>(&QPrintDialog::accepted), dialog,
                     [table](QPrinter* target) { paintReport(table, *target); });
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    dialog->open();
}

} // namespace cs::ui
