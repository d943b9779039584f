#include "admin/addstaffdialog.h"

#include "admin/requestid.h"
#include "admin/rolecombo.h"
#include "services/staffservice.h"
#include "widgets/formwidgets.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cs::ui {

AddStaffDialog::AddStaffDialog(Database db, Session session, QWidget* parent)
    : StaffFormDialog(std::move(db), std::move(session), parent)
    , m_requestId(newRequestId())
    , m_loginLabel(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_roleLabel(new QLabel(this))
    , m_branchLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_login(createLoginEdit(u"newStaffLoginEdit"_s, this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_branch(new QLabel(this))
    , m_password(createPasswordEdit(u"newStaffPasswordEdit"_s, this))
    , m_confirm(createPasswordEdit(u"newStaffConfirmEdit"_s, this))
{
    setObjectName(u"addStaffDialog"_s);
    m_name->setObjectName(u"newStaffNameEdit"_s);
    m_name->setMaxLength(128);
    m_role->setObjectName(u"newStaffRoleCombo"_s);
    fillRoleCombo(m_role);
    m_branch->setObjectName(u"newStaffBranchLabel"_s);
    m_branch->setTextFormat(Qt::PlainText);
    m_branch->setText(this->session().branchCode + u' ' + this->session().branchName);

    addField(m_loginLabel, m_login, {u"login"_s}, u"newStaffLoginError"_s);
    addField(m_nameLabel, m_name, {u"fullName"_s, u"full_name"_s, u"name"_s}, u"newStaffNameError"_s);
    addField(m_roleLabel, m_role, {u"role"_s}, u"newStaffRoleError"_s);
    addField(m_branchLabel, m_branch, {u"branch"_s, u"branchCode"_s, u"branch_code"_s}, u"newStaffBranchError"_s);
    addField(m_passwordLabel, m_password,
             {u"password"_s, u"initialPassword"_s, u"initial_password"_s, u"newPassword"_s, u"new_password"_s},
             u"newStaffPasswordError"_s);
    addField(m_confirmLabel, m_confirm, {u"confirm"_s}, u"newStaffConfirmError"_s);

    setTabChain({m_login, m_name, m_role, m_password, m_confirm, okButton(), cancelButton()});

    retranslateUi();
    m_login->setFocus();
}

void AddStaffDialog::submit()
{
    if (!passwordsMatch(m_password, m_confirm, tr("The two passwords are not the same.")))
        return;
    NewStaffRequest request;
    request.login = m_login->text().trimmed();
    request.fullName = m_name->text().trimmed();
    request.role = comboRole(m_role);
    request.branchCode = session().branchCode;
    request.initialPassword = m_password->text();
    request.requestId = m_requestId;
    run([request](const StaffService& service, const Session& session) { return service.add(session, request); });
}

QString AddStaffDialog::successMessage() const
{
    return tr("%1 was added. They must change the password at the first sign-on.").arg(m_login->text().trimmed());
}

void AddStaffDialog::renewRequestId()
{
    m_requestId = newRequestId();
}

void AddStaffDialog::retranslateUi()
{
    setWindowTitle(tr("Add staff member"));
    m_intro->setText(tr("The new staff member signs on with this initial password once and must then choose "
                        "their own."));
    m_loginLabel->setText(tr("&Login:"));
    m_nameLabel->setText(tr("&Name:"));
    m_roleLabel->setText(tr("&Role:"));
    m_branchLabel->setText(tr("Branch:"));
    m_passwordLabel->setText(tr("Initial &password:"));
    m_confirmLabel->setText(tr("&Repeat password:"));
    retranslateRoleCombo(m_role);
    okButton()->setText(tr("Add"));
    cancelButton()->setText(tr("Cancel"));
}

} // namespace cs::ui
