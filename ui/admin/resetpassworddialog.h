#pragma once

#include "admin/staffformdialog.h"
#include "services/staffservice.h"

namespace cs::ui {

// Reset password (Ctrl+R): a temporary password, typed twice, which the staff member must change at
// the next sign-on. Object names: resetPasswordDialog, resetPasswordEdit, resetConfirmEdit,
// resetPasswordError, resetConfirmError.
class ResetPasswordDialog : public StaffFormDialog {
    Q_OBJECT
public:
    ResetPasswordDialog(Database db, Session session, StaffSummary staff, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void retranslateUi() override;

private:
    StaffSummary m_staff;
    QLabel* m_passwordLabel = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
};

} // namespace cs::ui
