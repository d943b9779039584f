#pragma once

#include "admin/staffformdialog.h"
#include "services/staffservice.h"

namespace cs::ui {

// Disable (Ctrl+D): the reason, recorded in the audit trail; OK only once one is typed.
// Object names: disableStaffDialog, disableReasonEdit, disableReasonError.
class DisableStaffDialog : public StaffFormDialog {
    Q_OBJECT
public:
    DisableStaffDialog(Database db, Session session, StaffSummary staff, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void retranslateUi() override;

private:
    StaffSummary m_staff;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
};

} // namespace cs::ui
