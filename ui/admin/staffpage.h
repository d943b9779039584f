#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cs {
class StaffService;
struct StaffSummary;
} // namespace cs

namespace cs::ui {

class StaffFormDialog;
class StaffModel;

// The staff of the branch database: a filterable, sortable table and the administrator's actions on
// the selected row: Add (Ctrl+N), Disable (Ctrl+D), Enable (Ctrl+E), Unlock (Ctrl+U), Reset password
// (Ctrl+R), Change role (Ctrl+Shift+R), Reload (F5), Find (Ctrl+F). Each has a shortcut, active while
// the page is shown, and a button, and is enabled only where it applies (nothing on one's own row);
// actions that ask for more (add, disable, reset password, change role) open a window-modal dialog
// that shows the service's refusal next to the field it names. After each action the list is fetched
// again and the same staff member stays selected.
// Object names: staffFilterEdit, staffTable, staffMessage; actions and buttons addStaffAction/-Button,
// disableStaffAction/-Button, enableStaffAction/-Button, unlockStaffAction/-Button,
// resetPasswordAction/-Button, changeRoleAction/-Button, reloadStaffAction/-Button; dialogs
// addStaffDialog, disableStaffDialog, resetPasswordDialog, changeRoleDialog.
class StaffPage : public QWidget {
    Q_OBJECT
public:
    StaffPage(Database db, Session session, QWidget* parent = nullptr);

    StaffModel* model() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QTableView* view() const { return m_view; }

    // The staff member of the selected row, or 0 when none is selected.
    qint64 selectedStaffId() const;
    // Selects the row of `staffId` (if the filter shows it); false when it is not shown.
    bool selectStaff(qint64 staffId);
    QString messageText() const;

public slots:
    void reload();
    void addStaff();
    void disableStaff();
    void enableStaff();
    void unlockStaff();
    void resetPassword();
    void changeRole();

protected:
    void changeEvent(QEvent* event) override;
    // The terminal locked: an open dialog (typed passwords and all) must not stay above the lock screen.
    void hideEvent(QHideEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (StaffPage::*slot)());
    // The staff member of the selected row, when `action` applies to them; else null.
    const StaffSummary* selectedFor(const QAction* action) const;
    // Enable and Unlock: no dialog, the change is made at once and the row stays selected. `done` says
    // what was done, %1 being the login.
    void changeSelected(const QAction* action, const std::function<Status(const StaffService&, qint64)>& change,
                        const QString& done);
    void updateActions();
    void reloadAndSelect(qint64 staffId);
    void showMessage(const QString& text, bool error);
    void openDialog(StaffFormDialog* dialog);
    void retranslateUi();

    Database m_db;
    Session m_session;
    StaffModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;

    QLabel* m_filterLabel = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_message = nullptr;
    bool m_messageIsError = false;

    QAction* m_addAction = nullptr;
    QAction* m_disableAction = nullptr;
    QAction* m_enableAction = nullptr;
    QAction* m_unlockAction = nullptr;
    QAction* m_resetPasswordAction = nullptr;
    QAction* m_changeRoleAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_findAction = nullptr;
};

} // namespace cs::ui
