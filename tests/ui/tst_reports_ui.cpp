// The Reports workspace driven through its real widgets on the demo branch with its history: an auditor
// runs the GL trial balance (Enter in the criteria), sees its rows and the totals row pinned in bold
// under them, exports it to CSV (Ctrl+S) and PDF (Ctrl+Shift+S) through the save dialog, and previews it
// (Ctrl+P); the CSV's totals equal the sums of its rows, the PDF holds the header and the totals (read
// back with pdftotext where it is installed). The auditor has no action that changes anything; a teller
// sees only their own journal and cash box balancing. Registered once per database (labels ui and the
// backend).
//
// With COUNTERSIGN_UI_SHOTS=<folder> the screenshots test saves PNGs of the workspace (table and chart),
// the print preview and, with pdftoppm, the PDF's first page there.

#include "uitestsupport.h"

#include "i18n/translations.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "print/reportcells.h"
#include "print/reportprinter.h"
#include "reports/reportchartview.h"
#include "reports/reportexport.h"
#include "reports/reportsworkspace.h"
#include "reports/reporttablemodel.h"
#include "shell/workspaces.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::ReportsWorkspace;
using cs::ui::ReportTableModel;

namespace {

const QString kTerminal = u"T-REPORTS"_s;

// RFC 4180 fields of one CSV line (quotes doubled inside quoted fields).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

// "1234.56" or "-0.05" to fen, exactly; nullopt when it is not such a decimal.
std::optional<qint64> fenOf(const QString& text)
{
    cs::AmountParseOptions options;
    options.allowNegative = true;
    auto parsed = cs::parseAmount(text, cs::Currency::cny(), options);
    return parsed ? std::optional<qint64>(parsed->minor()) : std::nullopt;
}

// The text of a PDF through pdftotext (poppler-utils), or nullopt when it is not installed.
std::optional<QString> pdfText(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (tool.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(tool, {u"-layout"_s, path, u"-"_s});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

// A daily journal of 150 deposits (¥1,234.56 times their number), with a line chart and a note.
cs::ReportTable journalTable()
{
    cs::ReportTable table;
    table.header = {u"daily-journal"_s, u"Daily journal"_s, u"0001"_s,
                    u"示范支行 Demo Branch"_s, QDate(2025, 3, 20), QDate(2025, 3, 20),
                    QDateTime(QDate(2025, 3, 20), QTime(9, 30), Qt::UTC), u"auditor1"_s, u"审计员 Auditor"_s};
    table.columns = {{u"txn"_s, u"Transaction"_s, cs::ReportColumnKind::Integer, false},
                     {u"memo"_s, u"Memo"_s, cs::ReportColumnKind::Text, false},
                     {u"amount"_s, u"Amount"_s, cs::ReportColumnKind::Money, true}};
    qint64 sum = 0;
    for (int i = 1; i <= 150; ++i) {
        table.rows.append({qint64(i), u"Deposit %1"_s.arg(i), qint64(i) * 123'456});
        sum += qint64(i) * 123'456;
    }
    table.totals = {QVariant(), u"Total"_s, sum};
    table.chart = cs::ReportChart::Line;
    table.series = {{u"Deposits"_s, {{u"09:00"_s, 1'250'000}, {u"10:00"_s, 3'400'000}, {u"11:00"_s, 2'100'000},
                                     {u"12:00"_s, 900'000}, {u"13:00"_s, 2'750'000}}, cs::ReportColumnKind::Money},
                    {u"Withdrawals"_s, {{u"09:00"_s, 400'000}, {u"10:00"_s, 1'100'000}, {u"11:00"_s, 1'900'000},
                                        {u"12:00"_s, 300'000}, {u"13:00"_s, 800'000}}, cs::ReportColumnKind::Money}};
    table.notes = {u"Balanced: yes"_s};
    return table;
}

} // namespace

class TestReportsUi : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void auditorRunsAndExportsTheTrialBalance();
    void auditorChangesNothing();
    void tellerSeesOnlyTheirOwnReports();
    void adminReadsNoReports();
    void periodEndingBeforeItBeginsIsRefused();
    void printerPaginatesWithHeaderAndPageNumbers();
    void screenshots();

private:
    ReportsWorkspace* openReports(const QString& login);
    void activate();
    // Enter in the criteria, then waits for the report.
    bool runWithEnter(ReportsWorkspace* page);
    // Triggers `shortcut` and answers the save dialog it opens with `path`.
    void saveThroughDialog(const QKeySequence& shortcut, const QString& path);
    void grabTo(QWidget* widget, const QString& name);

    cs::ui::MainWindow* m_window = nullptr;
};

void TestReportsUi::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, u"en"_s), u"en"_s);
    CS_VERIFY_RESULT(createDemoDatabaseOnTestBackend(cs::DemoData::Content::Everything));
}

void TestReportsUi::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestReportsUi::cleanup()
{
    m_window = nullptr;
    stopTerminal();
}

void TestReportsUi::activate()
{
    // The offscreen platform does not hand activation back to the window by itself.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        qWarning("window not active");
}

ReportsWorkspace* TestReportsUi::openReports(const QString& login)
{
    m_window = signInAs(login);
    if (!m_window || !QTest::qWaitForWindowActive(m_window))
        return nullptr;
    const int index = static_cast<int>(m_window->workspaces().indexOf(cs::ui::Workspace::Reports));
    if (index < 0)
        return nullptr;
    QTest::keyClick(m_window, Qt::Key(Qt::Key_1 + index), Qt::ControlModifier);
    if (m_window->currentWorkspace() != cs::ui::Workspace::Reports)
        return nullptr;
    return qobject_cast<ReportsWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Reports));
}

bool TestReportsUi::runWithEnter(ReportsWorkspace* page)
{
    auto* combo = child<QComboBox>(page, u"reportCombo"_s);
    combo->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(combo, Qt::Key_Return);
    if (!page->isBusy() && !page->table())
        qWarning("Enter did not start the report: %s", qPrintable(page->messageText()));
    return QTest::qWaitFor([page] { return !page->isBusy(); }, 30000) && page->table().has_value();
}

void TestReportsUi::saveThroughDialog(const QKeySequence& shortcut, const QString& path)
{
    activate();
    bool answered = false;
    QTimer::singleShot(0, this, [&answered, path] {
        // The dialog is modal: it is answered from inside its own event loop.
        const auto answer = [&answered, path] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return false;
            dialog->selectFile(path);
            QMetaObject::invokeMethod(dialog, &QDialog::accept);
            answered = true;
            return true;
        };
        if (!QTest::qWaitFor(answer, 10000))
            qWarning("no save dialog");
    });
    QTest::keySequence(m_window, shortcut);
    QTRY_VERIFY(answered);
}

void TestReportsUi::auditorRunsAndExportsTheTrialBalance()
{
    ReportsWorkspace* page = openReports(u"auditor1"_s);
    QVERIFY(page);
    QCOMPARE(page->objectName(), u"reportsPage"_s);
    QStringList names;
    for (const cs::ReportInfo& info : page->reports())
        names.append(info.name);
    QStringList catalogue;
    for (const cs::ReportInfo& info : cs::reportCatalogue())
        catalogue.append(info.name);
    QCOMPARE(names, catalogue);
    QVERIFY(names.contains(u"trial-balance"_s));
    // The period is the branch's business date until the auditor picks another.
    QCOMPARE(child<QDateEdit>(page, u"reportFromEdit"_s)->date(), m_window->session().businessDate);
    QCOMPARE(child<QDateEdit>(page, u"reportToEdit"_s)->date(), m_window->session().businessDate);
    QVERIFY(!child<QAction>(page, u"exportReportCsvAction"_s)->isEnabled());

    QVERIFY(page->selectReport(u"trial-balance"_s));
    QAbstractItemModelTester rowsTester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester totalsTester(page->totalsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(runWithEnter(page));
    const cs::ReportTable& table = *page->table();
    QCOMPARE(table.header.name, u"trial-balance"_s);
    QCOMPARE(table.header.branchCode, m_window->session().branchCode);
    QCOMPARE(table.header.staffLogin, u"auditor1"_s);
    QVERIFY2(!table.rows.isEmpty(), "the demo's history gives the trial balance rows");
    QCOMPARE(page->model()->rowCount(), table.rows.size());
    QVERIFY2(page->messageText().startsWith(table.header.title), qPrintable(page->messageText()));
    // The focus is back in the criteria for the next run; F6 goes to the rows, Esc back to the criteria.
    auto* combo = child<QComboBox>(page, u"reportCombo"_s);
    QTRY_COMPARE(QApplication::focusWidget(), combo);
    activate();
    QTest::keyClick(m_window, Qt::Key_F6);
    QCOMPARE(QApplication::focusWidget(), page->tableView());
    QVERIFY(page->tableView()->currentIndex().isValid());
    QTest::keyClick(page->tableView(), Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), combo);

    // The totals row under the rows, in bold, equal to the sums of its summed columns.
    QCOMPARE(page->totalsModel()->rowCount(), 1);
    QVERIFY(child<QTableView>(page, u"reportTotalsTable"_s)->isVisible());
    QVERIFY(page->totalsModel()->data(page->totalsModel()->index(0, 0), Qt::FontRole).value<QFont>().bold());
    int moneyColumn = -1;
    for (int c = 0; c < table.columns.size(); ++c) {
        if (!table.columns.at(c).summed)
            continue;
        qint64 sum = 0;
        for (const QVariantList& row : table.rows)
            sum += row.at(c).toLongLong();
        QCOMPARE(table.totals.at(c).toLongLong(), sum);
        if (table.columns.at(c).kind == cs::ReportColumnKind::Money && moneyColumn < 0)
            moneyColumn = c;
    }
    QVERIFY(moneyColumn >= 0);
    // Money shows grouped with its decimals, right-aligned; the raw fen stay underneath.
    const QModelIndex firstTotal = page->totalsModel()->index(0, moneyColumn);
    QCOMPARE(page->totalsModel()->data(firstTotal).toString(),
             cs::formatAmount(cs::Money(table.totals.at(moneyColumn).toLongLong(), table.currency)));
    QCOMPARE(page->totalsModel()->data(firstTotal, ReportTableModel::RawValueRole), table.totals.at(moneyColumn));
    QCOMPARE(page->model()->data(page->model()->index(0, moneyColumn), Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    if (table.chart != cs::ReportChart::None && !table.series.isEmpty()) {
        QVERIFY(page->chartView()->isVisible());
        QVERIFY(page->chartView()->pointCount() > 0);
    }

    // CSV through Ctrl+S and the save dialog.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csvPath = dir.filePath(u"tb.csv"_s);
    saveThroughDialog(QKeySequence(Qt::CTRL | Qt::Key_S), csvPath);
    QTRY_VERIFY(QFile::exists(csvPath));
    QVERIFY(page->messageText().contains(u"tb.csv"_s));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(csv.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QStringList lines;
    for (const QString& line : text.split(u"\r\n"_s, Qt::SkipEmptyParts)) {
        // The header block: "# key: value" lines (quoted where a value holds a comma).
        if (!csvFields(line).constFirst().startsWith(u'#'))
            lines.append(line);
    }
    QVERIFY(lines.size() >= 2);
    const QStringList keys = csvFields(lines.takeFirst());
    QCOMPARE(keys.size(), table.columns.size());
    const QStringList totals = csvFields(lines.takeLast());
    QCOMPARE(totals.first(), u"total"_s);
    QCOMPARE(lines.size(), table.rows.size());
    for (int c = 0; c < table.columns.size(); ++c) {
        if (!table.columns.at(c).summed || table.columns.at(c).kind != cs::ReportColumnKind::Money)
            continue;
        qint64 sum = 0;
        for (const QString& line : std::as_const(lines)) {
            const QString cell = csvFields(line).at(c);
            if (cell.isEmpty()) // an empty cell adds nothing
                continue;
            const auto fen = fenOf(cell);
            QVERIFY2(fen.has_value(), qPrintable(line));
            sum += *fen;
        }
        QCOMPARE(fenOf(totals.at(c)), std::optional<qint64>(sum));
        QCOMPARE(sum, table.totals.at(c).toLongLong());
    }

    // PDF through Ctrl+Shift+S.
    const QString pdfPath = dir.filePath(u"tb.pdf"_s);
    saveThroughDialog(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), pdfPath);
    QTRY_VERIFY(QFile::exists(pdfPath));
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
    QVERIFY(pdf.size() > 2000);
    if (const auto pdfContent = pdfText(pdfPath)) {
        QVERIFY2(pdfContent->contains(table.header.title), qPrintable(*pdfContent));
        QVERIFY(pdfContent->contains(u"Branch: "_s + table.header.branchCode));
        QVERIFY(pdfContent->contains(u"Period: "_s + cs::ui::reportPeriodText(table.header)));
        QVERIFY(pdfContent->contains(u"Staff: "_s + cs::ui::reportStaffText(table.header)));
        QVERIFY(pdfContent->contains(u"Generated: "_s + cs::ui::reportGeneratedText(table.header)));
        QVERIFY(pdfContent->contains(u"Page 1 of "_s));
        QVERIFY(pdfContent->contains(cs::ui::reportCellText(table, moneyColumn, table.totals.at(moneyColumn))));
    } else {
        qInfo("pdftotext is not installed: the PDF's text is not read back");
    }

    // Ctrl+P: the print preview, which Esc closes.
    activate();
    QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
    QPointer<QDialog> preview;
    QTRY_VERIFY((preview = page->findChild<QDialog*>(u"reportPreviewDialog"_s)) && preview->isVisible());
    QCOMPARE(preview->windowTitle(), table.header.title);
    preview->close();
    QTRY_VERIFY(preview.isNull());
}

void TestReportsUi::auditorChangesNothing()
{
    ReportsWorkspace* page = openReports(u"auditor1"_s);
    QVERIFY(page);
    // Every action of the workspace reads, runs or exports; none changes anything.
    QStringList actions;
    for (QAction* action : page->actions())
        actions.append(action->objectName());
    actions.sort();
    QCOMPARE(actions, (QStringList{u"exportReportCsvAction"_s, u"focusReportCriteriaAction"_s,
                                   u"focusReportTableAction"_s, u"previewReportAction"_s, u"printReportAction"_s,
                                   u"runReportAction"_s, u"saveReportPdfAction"_s}));
    // Closing the day is not the auditor's: no such action, and its shortcut does nothing.
    QVERIFY(!m_window->findChild<QAction*>(u"endOfDayAction"_s));
    activate();
    QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::qWait(50);
    QVERIFY(!m_window->findChild<QDialog*>(u"eodDialog"_s));
}

void TestReportsUi::tellerSeesOnlyTheirOwnReports()
{
    ReportsWorkspace* page = openReports(u"teller1"_s);
    QVERIFY(page);
    QStringList names;
    for (const cs::ReportInfo& info : page->reports())
        names.append(info.name);
    QCOMPARE(names, (QStringList{u"teller-journal"_s, u"teller-balancing"_s}));
    auto* combo = child<QComboBox>(page, u"reportCombo"_s);
    QCOMPARE(combo->count(), 2);
    QVERIFY(!page->selectReport(u"trial-balance"_s));
    // Their own, and nobody else's.
    auto* teller = child<QLineEdit>(page, u"reportTellerEdit"_s);
    QVERIFY(teller->isVisible());
    QVERIFY(teller->isReadOnly());
    QCOMPARE(teller->text(), u"teller1"_s);
    QCOMPARE(page->request().options.value(u"teller"_s), u"teller1"_s);

    QVERIFY(page->selectReport(u"teller-journal"_s));
    QVERIFY(runWithEnter(page));
    QCOMPARE(page->table()->header.name, u"teller-journal"_s);
    QCOMPARE(page->table()->header.staffLogin, u"teller1"_s);
    QVERIFY(!m_window->findChild<QAction*>(u"endOfDayAction"_s));
}

void TestReportsUi::adminReadsNoReports()
{
    // The administrator manages staff and settings; reports are not theirs (no report.read).
    ReportsWorkspace* page = openReports(u"admin"_s);
    QVERIFY(page);
    QVERIFY(page->reports().isEmpty());
    QCOMPARE(child<QComboBox>(page, u"reportCombo"_s)->count(), 0);
    QCOMPARE(page->messageText(), u"Your role may not read reports."_s);
    QVERIFY(!child<QAction>(page, u"runReportAction"_s)->isEnabled());
    page->run();
    QVERIFY(!page->isBusy());
    QVERIFY(!page->table());
}

void TestReportsUi::periodEndingBeforeItBeginsIsRefused()
{
    ReportsWorkspace* page = openReports(u"super1"_s);
    QVERIFY(page);
    const QDate day = m_window->session().businessDate;
    page->setPeriod(day, day.addDays(-1));
    auto* combo = child<QComboBox>(page, u"reportCombo"_s);
    combo->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(combo, Qt::Key_Return);
    QVERIFY(!page->isBusy());
    QVERIFY(!page->table());
    QCOMPARE(page->messageText(), u"The period ends before it begins: %1 is after %2."_s.arg(
                                      day.toString(Qt::ISODate), day.addDays(-1).toString(Qt::ISODate)));
    QCOMPARE(QApplication::focusWidget(), child<QDateEdit>(page, u"reportToEdit"_s));
}

void TestReportsUi::printerPaginatesWithHeaderAndPageNumbers()
{
    // 150 rows need several A4 pages, each with the header and "Page i of n"; the chart has its own.
    const cs::ReportTable table = journalTable();

    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.pdf"_s);
    CS_VERIFY_RESULT(cs::ui::writeReportPdf(table, path));
    QVERIFY(QFileInfo(path).size() > 2000);
    QCOMPARE(cs::ui::reportFileName(table, u"pdf"_s), u"daily-journal-0001-20250320.pdf"_s);
    QCOMPARE(cs::ui::reportCellText(table, 2, table.totals.at(2)), u"13,981,392.00"_s);
    QCOMPARE(cs::ui::reportPeriodText(table.header), u"2025-03-20"_s);

    // Nowhere to write: an error that names the file, nothing else.
    QTest::ignoreMessage(QtWarningMsg, "QPainter::begin(): Returned false");
    const auto failed = cs::ui::writeReportPdf(table, dir.filePath(u"missing/folder/journal.pdf"_s));
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, u"report.pdf_write"_s);
    QVERIFY(failed.error().message.contains(u"journal.pdf"_s));

    const auto text = pdfText(path);
    if (!text) {
        qInfo("pdftotext is not installed: the pages are not read back");
        return;
    }
    const qsizetype pages = text->count(u"Page "_s);
    QVERIFY2(pages >= 3, qPrintable(*text));
    for (qsizetype i = 1; i <= pages; ++i)
        QVERIFY2(text->contains(u"Page %1 of %2"_s.arg(i).arg(pages)), qPrintable(*text));
    QCOMPARE(text->count(u"Daily journal"_s), pages * 2); // the title above and in the footer
    QCOMPARE(text->count(u"Branch: 0001 示范支行 Demo Branch"_s), pages);
    QCOMPARE(text->count(u"Transaction"_s), pages - 1); // column heads on every page but the chart's
    QVERIFY(text->contains(u"13,981,392.00"_s));
    QVERIFY(text->contains(u"Balanced: yes"_s));
    QVERIFY(text->contains(u"Chart"_s));
}

void TestReportsUi::grabTo(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_UI_SHOTS");
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
}

void TestReportsUi::screenshots()
{
    if (qEnvironmentVariableIsEmpty("COUNTERSIGN_UI_SHOTS"))
        QSKIP("COUNTERSIGN_UI_SHOTS names no folder");
    const QDir folder(qEnvironmentVariable("COUNTERSIGN_UI_SHOTS"));
    ReportsWorkspace* page = openReports(u"super1"_s);
    QVERIFY(page);
    m_window->resize(1280, 800);
    const QDate day = m_window->session().businessDate;
    for (const QString& name : {u"trial-balance"_s, u"cash-position"_s, u"fee-income"_s, u"daily-journal"_s}) {
        if (!page->selectReport(name))
            continue;
        page->setPeriod(name == u"fee-income" || name == u"daily-journal" ? day.addDays(-30) : day, day);
        QVERIFY(runWithEnter(page));
        QTest::qWait(200);
        grabTo(m_window, u"reports-"_s + name);
        const QString pdf = folder.filePath(u"report-"_s + name + u".pdf"_s);
        CS_VERIFY_RESULT(cs::ui::writeReportPdf(*page->table(), pdf));
        const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
        if (!pdftoppm.isEmpty()) {
            QProcess::execute(pdftoppm, {u"-png"_s, u"-r"_s, u"80"_s, pdf,
                                         folder.filePath(u"report-"_s + name + u"-pdf"_s)});
        }
    }
    activate();
    QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
    QPointer<QDialog> preview;
    QTRY_VERIFY((preview = page->findChild<QDialog*>(u"reportPreviewDialog"_s)) && preview->isVisible());
    QTest::qWait(300);
    grabTo(preview, u"reports-preview"_s);
    preview->close();
    // A line chart of two series on paper.
    CS_VERIFY_RESULT(cs::ui::writeReportPdf(journalTable(), folder.filePath(u"report-journal.pdf"_s)));
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (!pdftoppm.isEmpty()) {
        QProcess::execute(pdftoppm, {u"-png"_s, u"-r"_s, u"80"_s, folder.filePath(u"report-journal.pdf"_s),
                                     folder.filePath(u"report-journal-pdf"_s)});
    }
}

QTEST_MAIN(TestReportsUi)
#include "tst_reports_ui.moc"
