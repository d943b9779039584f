#include "shell/mainwindow.h"

#include "admin/adminworkspace.h"
#include "approvals/approvalsworkspace.h"
#include "cashbox/cashboxworkspace.h"
#include "counter/counterworkspace.h"
#include "domain/role.h"
#include "eod/eoddialog.h"
#include "notify/backgroundnoticesender.h"
#include "reports/reportsworkspace.h"
#include "shell/appicon.h"
#include "shell/lockscreen.h"
#include "shell/workspacepage.h"
#include "transfers/transfersworkspace.h"
#include "widgets/elidedlabel.h"
#include "widgets/permittedactions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

constexpr int kWorkspaceRole = Qt::UserRole;
constexpr int kMaxWorkspaceShortcuts = 9;

QLabel* statusLabel(const QString& objectName, Qt::TextElideMode mode, QWidget* parent)
{
    auto* label = new ElidedLabel(mode, parent);
    label->setObjectName(objectName);
    label->setContentsMargins(6, 0, 6, 0);
    return label;
}

void setStatusText(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setToolTip(text);
}

// Draws a navigation entry as a full-width band with its title indented.
class NavigationDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
        const QRect textRect = opt.rect.adjusted(kPadding, 0, -kPadding / 2, 0);
        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        const QString text = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, textRect.width());
        painter->save();
        painter->setFont(opt.font);
        style->drawItemText(painter, textRect, Qt::AlignLeft | Qt::AlignVCenter, opt.palette,
                            opt.state.testFlag(QStyle::State_Enabled), text,
                            selected ? QPalette::HighlightedText : QPalette::Text);
        painter->restore();
    }

private:
    static constexpr int kPadding = 16;
};

// The page of a workspace: its own widget where there is one, otherwise a placeholder naming it.
QWidget* createWorkspacePage(Workspace workspace, const Database& db, const Session& session)
{
    switch (workspace) {
    case Workspace::Administration:
        return new AdminWorkspace(db, session);
    case Workspace::Counter:
        return new CounterWorkspace(db, session);
    case Workspace::CashBox:
        return new CashBoxWorkspace(db, session);
    case Workspace::Transfers:
        return new TransfersWorkspace(db, session);
    case Workspace::Approvals:
        return new ApprovalsWorkspace(db, session);
    case Workspace::Reports:
        return new ReportsWorkspace(db, session);
    }
    return new WorkspacePage(workspace);
}

} // namespace

MainWindow::MainWindow(Database db, Session session, QWidget* parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_workspaces(workspacesFor(m_session.role))
    , m_idleTimer(new QTimer(this))
    , m_noticeSender(new BackgroundNoticeSender(m_db, m_session, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(applicationIcon());

    createActions();
    createMenus();
    createCentralArea();
    createStatusBar();

    m_idleTimer->setSingleShot(true);
    connect(m_idleTimer, &QTimer::timeout, this, &MainWindow::lock);

    retranslateUi();
    resize(1180, 740);
    if (!m_workspaces.isEmpty())
        m_navigation->setCurrentRow(0);
    m_navigation->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::createActions()
{
    m_signOffAction = new QAction(this);
    m_signOffAction->setObjectName(u"signOffAction"_s);
    m_signOffAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    connect(m_signOffAction, &QAction::triggered, this, &MainWindow::signOffRequested);

    m_lockAction = new QAction(this);
    m_lockAction->setObjectName(u"lockAction"_s);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Closing the day is the supervisor's; other roles do not see the action at all.
    if (auto permitted = PermittedActions::load(m_db, m_session.role); permitted && permitted->allows(u"eod.run"_s)) {
        m_endOfDayAction = new QAction(this);
        m_endOfDayAction->setObjectName(u"endOfDayAction"_s);
        m_endOfDayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        m_endOfDayAction->setShortcutContext(Qt::WindowShortcut);
        connect(m_endOfDayAction, &QAction::triggered, this, &MainWindow::endOfDay);
        addAction(m_endOfDayAction);
    }

    // Ctrl+1.. follows the navigation order of this role's workspaces.
    for (qsizetype i = 0; i < m_workspaces.size() && i < kMaxWorkspaceShortcuts; ++i) {
        const Workspace workspace = m_workspaces.at(i);
        auto* action = new QAction(this);
        action->setObjectName(u"workspaceAction_"_s + workspaceKey(workspace));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, workspace] { showWorkspace(workspace); });
        addAction(action);
        m_workspaceActions.append(action);
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(u"fileMenu"_s);
    if (m_endOfDayAction) {
        m_fileMenu->addAction(m_endOfDayAction);
        m_fileMenu->addSeparator();
    }
    m_fileMenu->addAction(m_signOffAction);
    m_fileMenu->addAction(m_lockAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createCentralArea()
{
    m_navigation = new QListWidget;
    m_navigation->setObjectName(u"workspaceList"_s);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setFixedWidth(200);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.15);
    m_navigation->setFont(navigationFont);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"workspaceStack"_s);

    for (const Workspace workspace : std::as_const(m_workspaces)) {
        auto* item = new QListWidgetItem(m_navigation);
        item->setData(kWorkspaceRole, static_cast<int>(workspace));
        item->setSizeHint(QSize(0, 40));
        // Later issues replace the placeholders with the real workspaces, in createWorkspacePage().
        m_pages->addWidget(createWorkspacePage(workspace, m_db, m_session));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_pages->count())
            return;
        m_pages->setCurrentIndex(row);
        emit currentWorkspaceChanged(m_workspaces.at(row));
    });

    m_workArea = new QWidget;
    m_workArea->setObjectName(u"workArea"_s);
    auto* layout = new QHBoxLayout(m_workArea);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);

    m_lockScreen = new LockScreen(m_db, m_session);
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(m_lockScreen, &LockScreen::signOffRequested, this, &MainWindow::signOffRequested);

    m_screens = new QStackedWidget;
    m_screens->setObjectName(u"screens"_s);
    m_screens->addWidget(m_workArea);
    m_screens->addWidget(m_lockScreen);
    setCentralWidget(m_screens);
}

void MainWindow::createStatusBar()
{
    m_branchLabel = statusLabel(u"branchLabel"_s, Qt::ElideRight, this);
    m_staffLabel = statusLabel(u"staffLabel"_s, Qt::ElideRight, this);
    m_businessDateLabel = statusLabel(u"businessDateLabel"_s, Qt::ElideRight, this);
    m_databaseLabel = statusLabel(u"databaseLabel"_s, Qt::ElideMiddle, this);
    m_terminalLabel = statusLabel(u"terminalLabel"_s, Qt::ElideRight, this);
    // Only the database name gives way when the window is narrow (retranslateUi fixes the other widths).
    for (QLabel* label : {m_branchLabel, m_staffLabel, m_businessDateLabel, m_terminalLabel, m_databaseLabel})
        statusBar()->addPermanentWidget(label);
}

Workspace MainWindow::currentWorkspace() const
{
    const int row = m_pages->currentIndex();
    return row >= 0 && row < m_workspaces.size() ? m_workspaces.at(row) : Workspace::Counter;
}

QWidget* MainWindow::workspacePage(Workspace workspace) const
{
    const qsizetype index = m_workspaces.indexOf(workspace);
    return index < 0 ? nullptr : m_pages->widget(static_cast<int>(index));
}

bool MainWindow::showWorkspace(Workspace workspace)
{
    const qsizetype index = m_workspaces.indexOf(workspace);
    if (index < 0 || m_locked)
        return false;
    m_navigation->setCurrentRow(static_cast<int>(index));
    return true;
}

void MainWindow::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_idleTimer->stop();
    m_lockAction->setEnabled(false);
    for (QAction* action : std::as_const(m_workspaceActions))
        action->setEnabled(false);
    if (m_endOfDayAction)
        m_endOfDayAction->setEnabled(false);
    // A finished or idle end of day closes; a running one cannot stop and stays until it ends.
    if (m_eodDialog && !m_eodDialog->isRunning())
        m_eodDialog->reject();
    m_screens->setCurrentWidget(m_lockScreen);
    m_lockScreen->prepare();
    emit lockedChanged(true);
}

void MainWindow::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    m_lockAction->setEnabled(true);
    for (QAction* action : std::as_const(m_workspaceActions))
        action->setEnabled(true);
    if (m_endOfDayAction)
        m_endOfDayAction->setEnabled(true);
    m_screens->setCurrentWidget(m_workArea);
    m_navigation->setFocus(Qt::OtherFocusReason);
    if (m_idleTimer->interval() > 0)
        m_idleTimer->start();
    emit lockedChanged(false);
}

void MainWindow::endOfDay()
{
    if (!m_endOfDayAction || m_locked)
        return;
    if (m_eodDialog) {
        m_eodDialog->raise();
        m_eodDialog->activateWindow();
        return;
    }
    m_eodDialog = new EodDialog(m_db, m_session, this);
    m_eodDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_eodDialog->setWindowModality(Qt::WindowModal);
    connect(m_eodDialog, &EodDialog::dayClosed, this, &MainWindow::setBusinessDate);
    m_eodDialog->open();
}

void MainWindow::setBusinessDate(const QDate& date)
{
    if (date == m_session.businessDate)
        return;
    m_session.businessDate = date;
    if (auto* reports = qobject_cast<ReportsWorkspace*>(workspacePage(Workspace::Reports)))
        reports->setBusinessDate(date);
    retranslateUi();
    emit businessDateChanged(date);
}

void MainWindow::setIdleLockTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimer->stop();
    qApp->removeEventFilter(this);
    m_idleTimer->setInterval(timeout);
    if (timeout.count() > 0) {
        qApp->installEventFilter(this);
        if (!m_locked)
            m_idleTimer->start();
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!m_locked && m_idleTimer->interval() > 0)
            m_idleTimer->start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Closing the window ends the program, as File > Quit does.
    event->accept();
    emit quitRequested();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Countersign"),
        tr("<h3>Countersign %1</h3><p>Bank branch terminal for tellers, supervisors and auditors.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QString::fromLatin1(COUNTERSIGN_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Countersign — %1").arg(m_session.branchName));

    m_fileMenu->setTitle(tr("&File"));
    m_helpMenu->setTitle(tr("&Help"));
    m_signOffAction->setText(tr("&Sign off"));
    m_signOffAction->setStatusTip(tr("End this session and return to the sign-in screen"));
    m_lockAction->setText(tr("&Lock terminal"));
    m_lockAction->setStatusTip(tr("Hide the workspaces until your password is given again"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Countersign"));
    if (m_endOfDayAction) {
        m_endOfDayAction->setText(tr("&End of day…"));
        m_endOfDayAction->setStatusTip(tr("Close the branch's business day and move to the next one"));
    }

    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem* item = m_navigation->item(row);
        const auto workspace = static_cast<Workspace>(item->data(kWorkspaceRole).toInt());
        item->setText(workspaceTitle(workspace));
        QString tip = workspaceDescription(workspace);
        if (row < m_workspaceActions.size())
            tip += u" ("_s + m_workspaceActions.at(row)->shortcut().toString(QKeySequence::NativeText) + u')';
        item->setToolTip(tip);
    }
    for (qsizetype i = 0; i < m_workspaceActions.size(); ++i)
        m_workspaceActions.at(i)->setText(workspaceTitle(m_workspaces.at(i)));

    setStatusText(m_branchLabel, tr("Branch: %1 %2").arg(m_session.branchCode, m_session.branchName));
    setStatusText(m_staffLabel, tr("Staff: %1 (%2, %3)")
                                    .arg(m_session.fullName, m_session.login, roleDisplayName(m_session.role)));
    setStatusText(m_businessDateLabel,
                  tr("Business date: %1").arg(m_session.businessDate.toString(u"yyyy-MM-dd")));
    for (QLabel* label : {m_branchLabel, m_staffLabel, m_businessDateLabel, m_terminalLabel})
        label->setMinimumWidth(label->sizeHint().width());
    setStatusText(m_databaseLabel, tr("Database: %1").arg(m_db.displayName()));
    setStatusText(m_terminalLabel, tr("Terminal: %1").arg(m_session.terminal));
}

} // namespace cs::ui
