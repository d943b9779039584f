#pragma once

#include "admin/staffformdialog.h"

class QComboBox;

namespace cs::ui {

// Add (Ctrl+N): login, name, role and an initial password, which the new staff member must change at
// the first sign-on; the branch is the administrator's. Object names: addStaffDialog,
// newStaffLoginEdit, newStaffNameEdit, newStaffRoleCombo, newStaffBranchLabel, newStaffPasswordEdit,
// newStaffConfirmEdit and, under each, the error line newStaff…Error.
class AddStaffDialog : public StaffFormDialog {
    Q_OBJECT
public:
    AddStaffDialog(Database db, Session session, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void renewRequestId() override;
    void retranslateUi() override;

private:
    QString m_requestId;
    QLabel* m_loginLabel = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_roleLabel = nullptr;
    QLabel* m_branchLabel = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_role = nullptr;
    QLabel* m_branch = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
};

} // namespace cs::ui
