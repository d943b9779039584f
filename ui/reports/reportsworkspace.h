#pragma once

#include "auth/session.h"
#include "reports/reportservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"
#include "widgets/permittedactions.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QTableView;

namespace cs::ui {

class ReportChartView;
class ReportTableModel;

// The Reports workspace (issue 7) for auditors and supervisors, and for tellers their own journal and
// cash box balancing: pick a report of the catalogue (those the role may run), a period of business
// dates (the branch's business date by default) and the report's options (teller, granularity,
// dimension, query, merchant), Run; the ReportTable shows as a table with its totals row pinned under
// the rows in bold, and as a chart (Qt Charts) when the report has one. It exports to CSV and PDF,
// previews and prints. It reads only: no action here changes anything.
// Keyboard: Enter in the criteria runs the report, Esc drops a report still being read (its result is
// discarded) or goes back to the report list. Actions with shortcuts while the workspace is shown: Run
// (F5), Table (F6), Criteria (Ctrl+F), Export CSV (Ctrl+S), Save PDF (Ctrl+Shift+S), Print preview
// (Ctrl+P), Print (Ctrl+Shift+P).
// Object names: reportsPage, reportCombo, reportDescriptionLabel, reportFromEdit, reportToEdit,
// reportTellerEdit, reportGranularityCombo, reportDimensionCombo, reportQueryEdit, reportMerchantEdit,
// reportMessageLabel, reportHeaderLabel, reportTable, reportTotalsTable, reportChart, reportSplitter,
// reportBusyIndicator; actions runReportAction, focusReportTableAction, focusReportCriteriaAction,
// exportReportCsvAction, saveReportPdfAction, previewReportAction, printReportAction and their buttons
// (…Button).
class ReportsWorkspace : public QWidget {
    Q_OBJECT
public:
    ReportsWorkspace(Database db, Session session, QWidget* parent = nullptr);

    // The reports this role may run, in catalogue order.
    const QList<ReportInfo>& reports() const { return m_reports; }
    QString currentReport() const;
    bool selectReport(const QString& name);
    void setPeriod(const QDate& from, const QDate& to);
    // The request Run would send.
    ReportRequest request() const;

    // The report shown, as the service gave it.
    const std::optional<ReportTable>& table() const { return m_table; }
    ReportTableModel* model() const { return m_model; }
    ReportTableModel* totalsModel() const { return m_totalsModel; }
    ReportChartView* chartView() const { return m_chart; }
    QTableView* tableView() const { return m_view; }
    QString messageText() const;
    bool isBusy() const { return m_call.isBusy(); }
    // Every action of the workspace (all of them read).
    QList<QAction*> workspaceActions() const;

public slots:
    void run();
    void exportCsv();
    void savePdf();
    void preview();
    void print();
    void focusTable();
    void focusCriteria();
    // The day was closed: a period still on the old business date moves to the new one.
    void setBusinessDate(const QDate& date);

signals:
    // A report was read and is shown.
    void reportShown(const QString& name);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (ReportsWorkspace::*slot)());
    QWidget* createCriteria();
    void reportChanged();
    void showOutcome(Result<ReportTable> outcome);
    void showMessage(const QString& text, bool error);
    void fitColumns();
    void updateActions();
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    QList<ReportInfo> m_reports;
    std::optional<ReportTable> m_table;
    bool m_discardRunning = false;
    QPointer<QWidget> m_runFrom; // where Run was asked for: the focus goes back there

    ReportTableModel* m_model = nullptr;
    ReportTableModel* m_totalsModel = nullptr;

    QLabel* m_title = nullptr;
    QWidget* m_criteria = nullptr;
    QLabel* m_reportLabel = nullptr;
    QComboBox* m_report = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_tellerLabel = nullptr;
    QLineEdit* m_teller = nullptr;
    QLabel* m_granularityLabel = nullptr;
    QComboBox* m_granularity = nullptr;
    QLabel* m_dimensionLabel = nullptr;
    QComboBox* m_dimension = nullptr;
    QLabel* m_queryLabel = nullptr;
    QLineEdit* m_query = nullptr;
    QLabel* m_merchantLabel = nullptr;
    QLineEdit* m_merchant = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_header = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_view = nullptr;
    QTableView* m_totalsView = nullptr;
    ReportChartView* m_chart = nullptr;

    QAction* m_runAction = nullptr;
    QAction* m_tableAction = nullptr;
    QAction* m_criteriaAction = nullptr;
    QAction* m_csvAction = nullptr;
    QAction* m_pdfAction = nullptr;
    QAction* m_previewAction = nullptr;
    QAction* m_printAction = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
