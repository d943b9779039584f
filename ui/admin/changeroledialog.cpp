#include "admin/changeroledialog.h"

#include "admin/rolecombo.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cs::ui {

ChangeRoleDialog::ChangeRoleDialog(Database db, Session session, StaffSummary staff, QWidget* parent)
    : StaffFormDialog(std::move(db), std::move(session), parent)
    , m_staff(std::move(staff))
    , m_roleLabel(new QLabel(this))
    , m_role(new QComboBox(this))
{
    setObjectName(u"changeRoleDialog"_s);
    m_role->setObjectName(u"roleCombo"_s);
    fillRoleCombo(m_role);
    m_role->setCurrentIndex(m_role->findData(roleKey(m_staff.role)));
    addField(m_roleLabel, m_role, {u"role"_s}, u"roleError"_s);
    okButton()->setEnabled(false);
    connect(m_role, &QComboBox::currentIndexChanged, this,
            [this] { okButton()->setEnabled(comboRole(m_role) != m_staff.role); });
    retranslateUi();
    m_role->setFocus();
}

void ChangeRoleDialog::submit()
{
    if (comboRole(m_role) == m_staff.role)
        return;
    runChange(m_staff.id, [role = comboRole(m_role)](const StaffService& service, const Session& session,
                                                      qint64 staffId) {
        return service.changeRole(session, staffId, role);
    });
}

QString ChangeRoleDialog::successMessage() const
{
    return tr("The role of %1 is now %2.").arg(m_staff.login, roleDisplayName(comboRole(m_role)));
}

void ChangeRoleDialog::retranslateUi()
{
    setWindowTitle(tr("Change role"));
    m_intro->setText(tr("Current role of %1 (%2): %3. A new role applies from their next sign-on.")
                         .arg(m_staff.fullName, m_staff.login, roleDisplayName(m_staff.role)));
    m_roleLabel->setText(tr("New &role:"));
    retranslateRoleCombo(m_role);
    okButton()->setText(tr("Change role"));
    cancelButton()->setText(tr("Cancel"));
}

} // namespace cs::ui
