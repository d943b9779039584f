#pragma once

#include "admin/staffformdialog.h"
#include "services/staffservice.h"

class QComboBox;

namespace cs::ui {

// Change role (Ctrl+Shift+R): the new role, from the staff member's next sign-on; OK only once it
// differs from the current one. Object names: changeRoleDialog, roleCombo, roleError.
class ChangeRoleDialog : public StaffFormDialog {
    Q_OBJECT
public:
    ChangeRoleDialog(Database db, Session session, StaffSummary staff, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void retranslateUi() override;

private:
    StaffSummary m_staff;
    QLabel* m_roleLabel = nullptr;
    QComboBox* m_role = nullptr;
};

} // namespace cs::ui
