#include "reports/reportsworkspace.h"

#include "print/reportcells.h"
#include "reports/reportchartview.h"
#include "reports/reportexport.h"
#include "reports/reporttablemodel.h"
#include "shell/workspaces.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString optionTeller = u"teller"_s;
const QString optionGranularity = u"granularity"_s;
const QString optionDimension = u"dimension"_s;
const QString optionQuery = u"query"_s;
const QString optionMerchant = u"merchant"_s;

// Which of the options of ReportRequest each report reads.
QStringList optionsOf(const QString& report)
{
    if (report == u"teller-journal" || report == u"teller-balancing")
        return {optionTeller};
    if (report == u"statistics")
        return {optionGranularity, optionDimension};
    if (report == u"audit")
        return {optionQuery};
    if (report == u"merchant-settlement")
        return {optionMerchant};
    return {};
}

// Whoever may read reports (report.read) gets the whole catalogue; a teller (report.own) their own
// journal and cash box balancing, the reports of any time of day; anyone else none.
QList<ReportInfo> reportsFor(const PermittedActions& permitted)
{
    QList<ReportInfo> reports;
    for (const ReportInfo& info : reportCatalogue()) {
        if (permitted.allows(u"report.read"_s) || (permitted.allows(u"report.own"_s) && info.anyTimeOfDay))
            reports.append(info);
    }
    return reports;
}

QDateEdit* createDateEdit(const QString& objectName, const QDate& date, QWidget* parent)
{
    auto* edit = new QDateEdit(date, parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    return edit;
}

void setUpReportView(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

} // namespace

ReportsWorkspace::ReportsWorkspace(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_model(new ReportTableModel(ReportTableModel::Part::Rows, this))
    , m_totalsModel(new ReportTableModel(ReportTableModel::Part::Totals, this))
    , m_title(new QLabel(this))
    , m_busy(createBusyIndicator(u"reportBusyIndicator"_s, this))
    , m_message(createMessageLabel(u"reportMessageLabel"_s, this))
    , m_header(createValueLabel(u"reportHeaderLabel"_s, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_view(new QTableView(this))
    , m_totalsView(new QTableView(this))
    , m_chart(new ReportChartView(this))
{
    setObjectName(workspaceKey(Workspace::Reports) + u"Page"_s);
    if (auto permitted = PermittedActions::load(m_db, m_session.role))
        m_permitted = std::move(*permitted);
    else
        showMessage(permitted.error().message, true);
    m_reports = reportsFor(m_permitted);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);
    m_header->setForegroundRole(QPalette::PlaceholderText);
    m_header->setWordWrap(true);

    m_view->setObjectName(u"reportTable"_s);
    m_view->setModel(m_model);
    setUpReportView(m_view);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // The totals stay in sight under the rows, however far the rows scroll; they follow the rows'
    // column widths and horizontal scrolling.
    m_totalsView->setObjectName(u"reportTotalsTable"_s);
    m_totalsView->setModel(m_totalsModel);
    setUpReportView(m_totalsView);
    m_totalsView->horizontalHeader()->hide();
    m_totalsView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totalsView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totalsView->setFocusPolicy(Qt::NoFocus);
    m_totalsView->setFixedHeight(m_totalsView->verticalHeader()->defaultSectionSize() + 2 * m_totalsView->frameWidth());
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, m_totalsView,
            [this](int column, int, int width) { m_totalsView->setColumnWidth(column, width); });
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged, m_totalsView->horizontalScrollBar(),
            &QScrollBar::setValue);

    m_runAction = createAction(u"runReportAction"_s, QKeySequence(Qt::Key_F5), &ReportsWorkspace::run);
    m_tableAction = createAction(u"focusReportTableAction"_s, QKeySequence(Qt::Key_F6), &ReportsWorkspace::focusTable);
    m_criteriaAction = createAction(u"focusReportCriteriaAction"_s, QKeySequence(Qt::CTRL | Qt::Key_F),
                                    &ReportsWorkspace::focusCriteria);
    m_csvAction = createAction(u"exportReportCsvAction"_s, QKeySequence(Qt::CTRL | Qt::Key_S),
                               &ReportsWorkspace::exportCsv);
    m_pdfAction = createAction(u"saveReportPdfAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                               &ReportsWorkspace::savePdf);
    m_previewAction = createAction(u"previewReportAction"_s, QKeySequence(Qt::CTRL | Qt::Key_P),
                                   &ReportsWorkspace::preview);
    m_printAction = createAction(u"printReportAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                                 &ReportsWorkspace::print);
    for (QAction* action : {m_csvAction, m_pdfAction, m_previewAction, m_printAction})
        m_view->addAction(action);
    m_criteria = createCriteria();

    auto* tables = new QWidget(this);
    auto* tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->setSpacing(0);
    tablesLayout->addWidget(m_view, 1);
    tablesLayout->addWidget(m_totalsView);
    m_splitter->setObjectName(u"reportSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(tables);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_chart->hide();
    m_totalsView->hide();

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(6);
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(createActionButton(m_csvAction, u"exportReportCsvButton"_s, this));
    titleRow->addWidget(createActionButton(m_pdfAction, u"saveReportPdfButton"_s, this));
    titleRow->addWidget(createActionButton(m_previewAction, u"previewReportButton"_s, this));
    titleRow->addWidget(createActionButton(m_printAction, u"printReportButton"_s, this));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 14, 12, 6);
    layout->setSpacing(8);
    layout->addLayout(titleRow);
    layout->addWidget(m_criteria);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addWidget(m_header);
    layout->addWidget(m_splitter, 1);

    m_call.setBusyIndicator(m_busy);
    m_call.setBusyWidgets({m_criteria});

    retranslateUi();
    reportChanged();
    updateActions();
    if (m_reports.isEmpty())
        showMessage(tr("Your role may not read reports."), false);
}

QAction* ReportsWorkspace::createAction(const QString& name, const QKeySequence& shortcut,
                                        void (ReportsWorkspace::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

QWidget* ReportsWorkspace::createCriteria()
{
    auto* criteria = new QWidget(this);
    criteria->setObjectName(u"reportCriteria"_s);
    const auto label = [criteria] { return new QLabel(criteria); };

    m_reportLabel = label();
    m_report = new QComboBox(criteria);
    m_report->setObjectName(u"reportCombo"_s);
    m_report->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const ReportInfo& info : std::as_const(m_reports))
        m_report->addItem(info.title, info.name);
    m_description = createValueLabel(u"reportDescriptionLabel"_s, criteria);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    m_fromLabel = label();
    m_from = createDateEdit(u"reportFromEdit"_s, m_session.businessDate, criteria);
    m_toLabel = label();
    m_to = createDateEdit(u"reportToEdit"_s, m_session.businessDate, criteria);
    m_tellerLabel = label();
    m_teller = createLoginEdit(u"reportTellerEdit"_s, criteria);
    // A teller's reports are their own.
    if (!m_permitted.allows(u"report.read"_s)) {
        m_teller->setText(m_session.login);
        m_teller->setReadOnly(true);
    }
    m_granularityLabel = label();
    m_granularity = new QComboBox(criteria);
    m_granularity->setObjectName(u"reportGranularityCombo"_s);
    for (const QString& key : {u"day"_s, u"month"_s, u"year"_s})
        m_granularity->addItem(QString(), key);
    m_dimensionLabel = label();
    m_dimension = new QComboBox(criteria);
    m_dimension->setObjectName(u"reportDimensionCombo"_s);
    for (const QString& key : {u"channel"_s, u"mode"_s, u"account_type"_s})
        m_dimension->addItem(QString(), key);
    m_queryLabel = label();
    m_query = new QLineEdit(criteria);
    m_query->setObjectName(u"reportQueryEdit"_s);
    m_query->setClearButtonEnabled(true);
    m_merchantLabel = label();
    m_merchant = new QLineEdit(criteria);
    m_merchant->setObjectName(u"reportMerchantEdit"_s);
    m_merchant->setClearButtonEnabled(true);

    auto* first = new QHBoxLayout;
    first->setSpacing(6);
    m_reportLabel->setBuddy(m_report);
    first->addWidget(m_reportLabel);
    first->addWidget(m_report);
    first->addSpacing(8);
    first->addWidget(m_description, 1);

    auto* second = new QHBoxLayout;
    second->setSpacing(6);
    for (auto [caption, field] : {std::pair<QLabel*, QWidget*>{m_fromLabel, m_from}, {m_toLabel, m_to},
                                  {m_tellerLabel, m_teller}, {m_granularityLabel, m_granularity},
                                  {m_dimensionLabel, m_dimension}, {m_queryLabel, m_query},
                                  {m_merchantLabel, m_merchant}}) {
        caption->setBuddy(field);
        second->addWidget(caption);
        second->addWidget(field);
        second->addSpacing(6);
    }
    second->addStretch(1);
    QPushButton* runButton = createActionButton(m_runAction, u"runReportButton"_s, criteria);
    second->addWidget(runButton);

    auto* layout = new QVBoxLayout(criteria);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(first);
    layout->addLayout(second);

    setTabChain({m_report, m_from, m_to, m_teller, m_granularity, m_dimension, m_query, m_merchant, runButton});
    connect(m_report, &QComboBox::currentIndexChanged, this, &ReportsWorkspace::reportChanged);
    return criteria;
}

QString ReportsWorkspace::currentReport() const
{
    return m_report->currentData().toString();
}

bool ReportsWorkspace::selectReport(const QString& name)
{
    const int index = m_report->findData(name);
    if (index < 0)
        return false;
    m_report->setCurrentIndex(index);
    return true;
}

void ReportsWorkspace::setPeriod(const QDate& from, const QDate& to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReportsWorkspace::setBusinessDate(const QDate& date)
{
    if (m_from->date() == m_session.businessDate && m_to->date() == m_session.businessDate)
        setPeriod(date, date);
    m_session.businessDate = date;
}

void ReportsWorkspace::reportChanged()
{
    const QString name = currentReport();
    const QStringList options = optionsOf(name);
    const auto info = std::find_if(m_reports.cbegin(), m_reports.cend(),
                                   [&name](const ReportInfo& r) { return r.name == name; });
    m_description->setText(info != m_reports.cend() ? info->description : QString());
    const std::pair<QString, std::pair<QLabel*, QWidget*>> fields[] = {
        {optionTeller, {m_tellerLabel, m_teller}},
        {optionGranularity, {m_granularityLabel, m_granularity}},
        {optionDimension, {m_dimensionLabel, m_dimension}},
        {optionQuery, {m_queryLabel, m_query}},
        {optionMerchant, {m_merchantLabel, m_merchant}},
    };
    for (const auto& [key, widgets] : fields) {
        widgets.first->setVisible(options.contains(key));
        widgets.second->setVisible(options.contains(key));
    }
    updateActions();
}

ReportRequest ReportsWorkspace::request() const
{
    ReportRequest r;
    r.name = currentReport();
    r.from = m_from->date();
    r.to = m_to->date();
    const QStringList options = optionsOf(r.name);
    const auto put = [&](const QString& key, const QString& value) {
        if (options.contains(key) && !value.trimmed().isEmpty())
            r.options.insert(key, value.trimmed());
    };
    put(optionTeller, m_teller->text());
    put(optionGranularity, m_granularity->currentData().toString());
    put(optionDimension, m_dimension->currentData().toString());
    put(optionQuery, m_query->text());
    put(optionMerchant, m_merchant->text());
    return r;
}

void ReportsWorkspace::run()
{
    if (isBusy() || m_reports.isEmpty())
        return;
    const ReportRequest r = request();
    if (r.to < r.from) {
        showMessage(tr("The period ends before it begins: %1 is after %2.")
                        .arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate)),
                    true);
        m_to->setFocus(Qt::OtherFocusReason);
        return;
    }
    showMessage(tr("Reading %1…").arg(m_report->currentText()), false);
    m_discardRunning = false;
    // The criteria are disabled while the report is read, which moves the focus away from them.
    QWidget* focus = QApplication::focusWidget();
    m_runFrom = focus && m_criteria->isAncestorOf(focus) ? focus : nullptr;
    m_call.start(
        u"reportWorker"_s, [db = m_db, session = m_session, r] { return ReportService(db).run(session, r); },
        Error::internal(u"report.no_result"_s, tr("The report could not be read.")),
        [this](Result<ReportTable> outcome) { showOutcome(std::move(outcome)); });
    updateActions();
}

void ReportsWorkspace::showOutcome(Result<ReportTable> outcome)
{
    if (m_runFrom && isVisible())
        m_runFrom->setFocus(Qt::OtherFocusReason);
    if (m_discardRunning) {
        m_discardRunning = false;
        updateActions();
        return;
    }
    if (!outcome) {
        showMessage(outcome.error().message, true);
        updateActions();
        return;
    }
    m_table = std::move(*outcome);
    m_model->setTable(*m_table);
    m_totalsModel->setTable(*m_table);
    m_totalsView->setVisible(!m_table->totals.isEmpty());
    m_chart->setTable(*m_table);
    m_chart->setVisible(m_chart->hasChart());
    fitColumns();

    const ReportHeader& h = m_table->header;
    m_header->setText(tr("%1 · %2 %3 · period %4 · generated %5 by %6")
                          .arg(h.title, h.branchCode, h.branchName, reportPeriodText(h), reportGeneratedText(h),
                               reportStaffText(h)));
    QString text = tr("%1: %n row(s).", nullptr, static_cast<int>(m_table->rows.size())).arg(h.title);
    if (!m_table->notes.isEmpty())
        text += u' ' + m_table->notes.join(u' ');
    showMessage(text, false);
    updateActions();
    emit reportShown(h.name);
}

// The columns fit the widest of their head, their rows and the totals; the table takes the width.
void ReportsWorkspace::fitColumns()
{
    QHeaderView* header = m_view->horizontalHeader();
    // QTableView hides the size hints its base class offers.
    const QAbstractItemView* rows = m_view;
    const QAbstractItemView* totals = m_totalsView;
    const int columns = m_model->columnCount();
    int used = 0;
    for (int c = 0; c < columns; ++c) {
        const int width = std::max({rows->sizeHintForColumn(c), totals->sizeHintForColumn(c),
                                    header->sectionSizeHint(c)}) + 12;
        m_view->setColumnWidth(c, width);
        used += width;
    }
    // What is left over goes to the last text column (a name, a memo or a description reads better wide).
    const int room = m_view->viewport()->width() - used;
    int wide = -1;
    for (int c = 0; c < columns && m_table; ++c) {
        if (m_table->columns.at(c).kind == ReportColumnKind::Text)
            wide = c;
    }
    if (room > 0 && wide >= 0)
        m_view->setColumnWidth(wide, m_view->columnWidth(wide) + room);
    for (int c = 0; c < columns; ++c)
        m_totalsView->setColumnWidth(c, m_view->columnWidth(c));
}

void ReportsWorkspace::updateActions()
{
    const bool shown = m_table.has_value() && !isBusy();
    m_runAction->setEnabled(!isBusy() && !m_reports.isEmpty());
    for (QAction* action : {m_csvAction, m_pdfAction, m_previewAction, m_printAction})
        action->setEnabled(shown);
}

QList<QAction*> ReportsWorkspace::workspaceActions() const
{
    return {m_runAction, m_tableAction, m_criteriaAction, m_csvAction, m_pdfAction, m_previewAction, m_printAction};
}

void ReportsWorkspace::exportCsv()
{
    if (!m_csvAction->isEnabled())
        return;
    if (const QString path = exportReportCsv(*m_table, this); !path.isEmpty())
        showMessage(tr("Saved as CSV: %1").arg(QDir::toNativeSeparators(path)), false);
}

void ReportsWorkspace::savePdf()
{
    if (!m_pdfAction->isEnabled())
        return;
    if (const QString path = exportReportPdf(*m_table, this); !path.isEmpty())
        showMessage(tr("Saved as PDF: %1").arg(QDir::toNativeSeparators(path)), false);
}

void ReportsWorkspace::preview()
{
    if (m_previewAction->isEnabled())
        previewReport(*m_table, this);
}

void ReportsWorkspace::print()
{
    if (m_printAction->isEnabled())
        printReport(*m_table, this);
}

void ReportsWorkspace::focusTable()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void ReportsWorkspace::focusCriteria()
{
    m_report->setFocus(Qt::ShortcutFocusReason);
}

QString ReportsWorkspace::messageText() const
{
    return m_message->text();
}

void ReportsWorkspace::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
    m_message->setVisible(!text.isEmpty());
}

void ReportsWorkspace::keyPressEvent(QKeyEvent* event)
{
    const QWidget* focus = QApplication::focusWidget();
    const bool inCriteria = focus && (focus == m_criteria || m_criteria->isAncestorOf(focus));
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && inCriteria) {
        run();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        if (isBusy() && !m_discardRunning) {
            // The read cannot be stopped half way; its result is dropped when it comes.
            m_discardRunning = true;
            showMessage(tr("Cancelled: the report being read will not be shown."), false);
        } else {
            focusCriteria();
        }
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ReportsWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    QTimer::singleShot(0, this, [this] {
        if (isVisible() && !QApplication::activeModalWidget() && !m_criteria->isAncestorOf(QApplication::focusWidget()))
            focusCriteria();
    });
}

void ReportsWorkspace::hideEvent(QHideEvent* event)
{
    // The lock screen replaced the workspaces: no print preview stays above it.
    if (!event->spontaneous()) {
        for (QDialog* dialog : findChildren<QDialog*>(Qt::FindDirectChildrenOnly))
            dialog->done(QDialog::Rejected);
    }
    QWidget::hideEvent(event);
}

void ReportsWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReportsWorkspace::retranslateUi()
{
    m_title->setText(workspaceTitle(Workspace::Reports));
    m_reportLabel->setText(tr("&Report:"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&To:"));
    m_tellerLabel->setText(tr("T&eller:"));
    m_teller->setPlaceholderText(tr("your own"));
    m_granularityLabel->setText(tr("&By:"));
    m_granularity->setItemText(0, tr("Day"));
    m_granularity->setItemText(1, tr("Month"));
    m_granularity->setItemText(2, tr("Year"));
    m_dimensionLabel->setText(tr("&Of:"));
    m_dimension->setItemText(0, tr("Channel"));
    m_dimension->setItemText(1, tr("Payment mode"));
    m_dimension->setItemText(2, tr("Account type"));
    m_queryLabel->setText(tr("&Search:"));
    m_query->setPlaceholderText(tr("entity, action or staff"));
    m_merchantLabel->setText(tr("&Merchant:"));
    m_merchant->setPlaceholderText(tr("all merchants"));
    m_view->setAccessibleName(tr("Report rows"));
    m_totalsView->setAccessibleName(tr("Report totals"));
    const auto setUp = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut + u')');
        action->setStatusTip(tip);
    };
    setUp(m_runAction, tr("Run"), tr("Read the report for the period"));
    setUp(m_tableAction, tr("Table"), tr("Go to the report's rows"));
    setUp(m_criteriaAction, tr("Criteria"), tr("Go to the choice of report and period"));
    setUp(m_csvAction, tr("Export CSV…"), tr("Save the report shown as a CSV file"));
    setUp(m_pdfAction, tr("Save PDF…"), tr("Save the report shown as a PDF file"));
    setUp(m_previewAction, tr("Print preview…"), tr("See the report's pages and print them"));
    setUp(m_printAction, tr("Print…"), tr("Print the report shown"));
}

} // namespace cs::ui
