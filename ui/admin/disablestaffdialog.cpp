#include "admin/disablestaffdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cs::ui {

DisableStaffDialog::DisableStaffDialog(Database db, Session session, StaffSummary staff, QWidget* parent)
    : StaffFormDialog(std::move(db), std::move(session), parent)
    , m_staff(std::move(staff))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QLineEdit(this))
{
    setObjectName(u"disableStaffDialog"_s);
    m_reason->setObjectName(u"disableReasonEdit"_s);
    m_reason->setMaxLength(200);
    addField(m_reasonLabel, m_reason, {u"reason"_s}, u"disableReasonError"_s);
    okButton()->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString& text) { okButton()->setEnabled(!text.trimmed().isEmpty()); });
    retranslateUi();
    m_reason->setFocus();
}

void DisableStaffDialog::submit()
{
    if (m_reason->text().trimmed().isEmpty())
        return;
    runChange(m_staff.id, [reason = m_reason->text().trimmed()](const StaffService& service, const Session& session,
                                                                 qint64 staffId) {
        return service.disable(session, staffId, reason);
    });
}

QString DisableStaffDialog::successMessage() const
{
    return tr("%1 was disabled.").arg(m_staff.login);
}

void DisableStaffDialog::retranslateUi()
{
    setWindowTitle(tr("Disable staff member"));
    m_intro->setText(tr("%1 (%2) can no longer sign on until an administrator enables the account again.")
                         .arg(m_staff.fullName, m_staff.login));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Recorded in the audit trail"));
    okButton()->setText(tr("Disable"));
    cancelButton()->setText(tr("Cancel"));
}

} // namespace cs::ui
