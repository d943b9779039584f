#pragma once

#include "auth/session.h"
#include "shell/workspaces.h"
#include "storage/database.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <chrono>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTimer;

namespace cs::ui {

class BackgroundNoticeSender;
class EodDialog;
class LockScreen;

// The window of a signed-on session: a navigation list of the workspaces the role may use (Ctrl+1..6)
// beside one page per workspace, the File and Help menus, and a status bar naming branch, staff,
// business date and database. A supervisor (eod.run) closes the branch's day from File > End of day
// (Ctrl+Shift+E, EodDialog); the business date in the status bar follows. Object names: workspaceList,
// workspaceStack, branchLabel, staffLabel, businessDateLabel, databaseLabel, terminalLabel; actions
// signOffAction, lockAction, quitAction, aboutAction, workspaceAction_<key>, endOfDayAction (only for
// a role that may close the day). The terminal sends the customers' SMS notices due in the background
// (BackgroundNoticeSender) while it is signed on.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Database db, Session session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Session& session() const { return m_session; }
    const Database& database() const { return m_db; }

    QList<Workspace> workspaces() const { return m_workspaces; }
    Workspace currentWorkspace() const;
    // The page of `workspace`, or nullptr when the role may not use it.
    QWidget* workspacePage(Workspace workspace) const;

    bool isLocked() const { return m_locked; }
    BackgroundNoticeSender* noticeSender() const { return m_noticeSender; }
    // Locks the terminal after `timeout` without keyboard or mouse input; zero (the default) never does.
    void setIdleLockTimeout(std::chrono::milliseconds timeout);

public slots:
    // Shows `workspace`; false (and nothing changes) when the role may not use it or the terminal is locked.
    bool showWorkspace(cs::ui::Workspace workspace);
    // Hides the workspaces behind the lock screen until the same staff member's password is given.
    void lock();
    // Opens the end of day (only for a role that may close the day). Object name of the dialog: eodDialog.
    void endOfDay();
    // The day was closed: the status bar and the workspaces follow.
    void setBusinessDate(const QDate& date);

signals:
    void signOffRequested();
    void quitRequested();
    void lockedChanged(bool locked);
    void currentWorkspaceChanged(cs::ui::Workspace workspace);
    void businessDateChanged(const QDate& date);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void retranslateUi();
    void unlock();
    void showAbout();

    Database m_db;
    Session m_session;
    QList<Workspace> m_workspaces;
    bool m_locked = false;

    QStackedWidget* m_screens = nullptr;   // the workspace area, or the lock screen
    QWidget* m_workArea = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    LockScreen* m_lockScreen = nullptr;
    QTimer* m_idleTimer = nullptr;
    BackgroundNoticeSender* m_noticeSender = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_signOffAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_endOfDayAction = nullptr; // null when the role may not close the day
    QList<QAction*> m_workspaceActions;

    QLabel* m_branchLabel = nullptr;
    QLabel* m_staffLabel = nullptr;
    QLabel* m_businessDateLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_terminalLabel = nullptr;
    QPointer<EodDialog> m_eodDialog;
};

} // namespace cs::ui
