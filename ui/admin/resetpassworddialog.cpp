#include "admin/resetpassworddialog.h"

#include "widgets/formwidgets.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cs::ui {

ResetPasswordDialog::ResetPasswordDialog(Database db, Session session, StaffSummary staff, QWidget* parent)
    : StaffFormDialog(std::move(db), std::move(session), parent)
    , m_staff(std::move(staff))
    , m_passwordLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_password(createPasswordEdit(u"resetPasswordEdit"_s, this))
    , m_confirm(createPasswordEdit(u"resetConfirmEdit"_s, this))
{
    setObjectName(u"resetPasswordDialog"_s);
    addField(m_passwordLabel, m_password,
             {u"password"_s, u"temporaryPassword"_s, u"temporary_password"_s, u"newPassword"_s, u"new_password"_s},
             u"resetPasswordError"_s);
    addField(m_confirmLabel, m_confirm, {u"confirm"_s}, u"resetConfirmError"_s);
    setTabChain({m_password, m_confirm, okButton(), cancelButton()});
    retranslateUi();
    m_password->setFocus();
}

void ResetPasswordDialog::submit()
{
    if (!passwordsMatch(m_password, m_confirm, tr("The two passwords are not the same.")))
        return;
    runChange(m_staff.id, [password = m_password->text()](const StaffService& service, const Session& session,
                                                           qint64 staffId) {
        return service.resetPassword(session, staffId, password);
    });
}

QString ResetPasswordDialog::successMessage() const
{
    return tr("The password of %1 was reset. They must change it at the next sign-on.").arg(m_staff.login);
}

void ResetPasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Reset password"));
    m_intro->setText(tr("Give %1 (%2) a temporary password. They must change it at the next sign-on.")
                         .arg(m_staff.fullName, m_staff.login));
    m_passwordLabel->setText(tr("Temporary &password:"));
    m_confirmLabel->setText(tr("&Repeat password:"));
    okButton()->setText(tr("Reset password"));
    cancelButton()->setText(tr("Cancel"));
}

} // namespace cs::ui
