#include "shell/passwordchangedialog.h"

#include "services/staffservice.h"
#include "shell/appicon.h"
#include "widgets/formwidgets.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

PasswordChangeDialog::PasswordChangeDialog(Database db, Session session, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_oldLabel(new QLabel(this))
    , m_newLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_old(createPasswordEdit(u"oldPasswordEdit"_s, this))
    , m_new(createPasswordEdit(u"newPasswordEdit"_s, this))
    , m_confirm(createPasswordEdit(u"confirmPasswordEdit"_s, this))
    , m_error(createErrorLabel(u"passwordChangeError"_s, this))
    , m_busyIndicator(createBusyIndicator(u"passwordChangeBusy"_s, this))
    , m_change(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(u"passwordChangeDialog"_s);
    setWindowIcon(applicationIcon());
    setModal(false);

    auto* logo = new QLabel(this);
    logo->setPixmap(applicationIcon().pixmap(48, 48));
    logo->setFixedSize(48, 48);

    m_title->setObjectName(u"passwordChangeTitle"_s);
    setTitleFont(m_title, 1.4);
    m_intro->setObjectName(u"passwordChangeIntro"_s);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);

    m_oldLabel->setBuddy(m_old);
    m_newLabel->setBuddy(m_new);
    m_confirmLabel->setBuddy(m_confirm);

    m_change->setObjectName(u"changePasswordButton"_s);
    m_change->setDefault(true);
    m_change->setAutoDefault(true);
    m_cancel->setObjectName(u"cancelPasswordChangeButton"_s);
    m_cancel->setAutoDefault(false);

    auto* heading = new QVBoxLayout;
    heading->setSpacing(4);
    heading->addWidget(m_title);
    heading->addWidget(m_intro);
    auto* header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addLayout(heading, 1);

    auto* form = createFormLayout();
    form->addRow(m_oldLabel, m_old);
    form->addRow(m_newLabel, m_new);
    form->addRow(m_confirmLabel, m_confirm);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_change);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busyIndicator);
    layout->addSpacing(4);
    layout->addLayout(buttons);

    setTabChain({m_old, m_new, m_confirm, m_change, m_cancel});

    m_call.setBusyWidgets({m_old, m_new, m_confirm, m_change, m_cancel});
    m_call.setBusyIndicator(m_busyIndicator);

    connect(m_change, &QPushButton::clicked, this, &PasswordChangeDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &PasswordChangeDialog::reject);

    retranslateUi();
    setMinimumWidth(480);
    m_old->setFocus();
}

QString PasswordChangeDialog::errorText() const
{
    return m_error->text();
}

void PasswordChangeDialog::submit()
{
    if (isBusy())
        return;
    m_error->clear();
    if (m_new->text() != m_confirm->text()) {
        showError(Error::invalid(u"password.mismatch"_s, u"confirm"_s,
                                 tr("The new password and its repetition are not the same.")));
        return;
    }
    m_call.start(
        u"passwordChangeWorker"_s,
        [db = m_db, session = m_session, oldPassword = m_old->text(), newPassword = m_new->text()] {
            return StaffService(db).changeOwnPassword(session, oldPassword, newPassword);
        },
        Error::internal(u"password.no_result"_s, tr("The password change did not complete.")),
        [this](Status outcome) { finish(std::move(outcome)); });
}

void PasswordChangeDialog::finish(Status outcome)
{
    if (!outcome) {
        showError(outcome.error());
        return;
    }
    m_old->clear();
    m_new->clear();
    m_confirm->clear();
    m_error->clear();
    Session changed = m_session;
    changed.mustChangePassword = false;
    emit passwordChanged(changed);
}

void PasswordChangeDialog::showError(const Error& error)
{
    m_error->setText(error.message);
    // A refused password is never left in its field.
    const bool aboutOldPassword = error.field == u"oldPassword" || error.field == u"old_password"
                                  || error.field == u"currentPassword" || error.code.startsWith(u"auth.");
    if (aboutOldPassword) {
        m_old->clear();
        m_old->setFocus(Qt::OtherFocusReason);
    } else {
        m_new->clear();
        m_confirm->clear();
        m_new->setFocus(Qt::OtherFocusReason);
    }
}

void PasswordChangeDialog::reject()
{
    if (isBusy())
        return;
    emit cancelled();
    QDialog::reject();
}

void PasswordChangeDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PasswordChangeDialog::retranslateUi()
{
    setWindowTitle(tr("Change password — Countersign"));
    m_title->setText(tr("Choose your own password"));
    m_intro->setText(tr("%1 (%2): your password was set by an administrator. Choose your own before you "
                        "continue; it must not contain your login.")
                         .arg(m_session.fullName, m_session.login));
    m_oldLabel->setText(tr("&Current password:"));
    m_newLabel->setText(tr("&New password:"));
    m_confirmLabel->setText(tr("&Repeat new password:"));
    m_old->setAccessibleName(tr("Current password"));
    m_new->setAccessibleName(tr("New password"));
    m_confirm->setAccessibleName(tr("Repeat new password"));
    m_error->setAccessibleName(tr("Password change error"));
    m_busyIndicator->setAccessibleName(tr("Changing the password"));
    m_change->setText(tr("Change password"));
    m_change->setToolTip(tr("Change the password and continue (Enter)"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Sign off without changing the password (Esc)"));
}

} // namespace cs::ui
