#include "shell/passwordchangedialog.h"

#include "services/staffservice.h"
#include "shell/appicon.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QLineEdit* passwordEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(256);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}

} // namespace

PasswordChangeDialog::PasswordChangeDialog(Database db, Session session, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_oldLabel(new QLabel(this))
    , m_newLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_old(passwordEdit(u"oldPasswordEdit"_s, this))
    , m_new(passwordEdit(u"newPasswordEdit"_s, this))
    , m_confirm(passwordEdit(u"confirmPasswordEdit"_s, this))
    , m_error(new QLabel(this))
    , m_busyIndicator(new QProgressBar(this))
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
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_intro->setObjectName(u"passwordChangeIntro"_s);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);

    m_oldLabel->setBuddy(m_old);
    m_newLabel->setBuddy(m_new);
    m_confirmLabel->setBuddy(m_confirm);

    m_error->setObjectName(u"passwordChangeError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    m_error->setPalette(errorPalette);

    m_busyIndicator->setObjectName(u"passwordChangeBusy"_s);
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setFixedHeight(6);
    QSizePolicy busyPolicy = m_busyIndicator->sizePolicy();
    busyPolicy.setRetainSizeWhenHidden(true);
    m_busyIndicator->setSizePolicy(busyPolicy);
    m_busyIndicator->hide();

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

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
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

    setTabOrder(m_old, m_new);
    setTabOrder(m_new, m_confirm);
    setTabOrder(m_confirm, m_change);
    setTabOrder(m_change, m_cancel);

    connect(m_change, &QPushButton::clicked, this, &PasswordChangeDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &PasswordChangeDialog::reject);

    retranslateUi();
    setMinimumWidth(480);
    m_old->setFocus();
}

PasswordChangeDialog::~PasswordChangeDialog()
{
    // The worker only touches its own copies; let it finish before the dialog goes away.
    if (m_worker)
        m_worker->wait();
}

QString PasswordChangeDialog::errorText() const
{
    return m_error->text();
}

void PasswordChangeDialog::submit()
{
    if (m_busy)
        return;
    m_error->clear();
    if (m_new->text() != m_confirm->text()) {
        showError(Error::invalid(u"password.mismatch"_s, u"confirm"_s,
                                 tr("The new password and its repetition are not the same.")));
        return;
    }
    setBusy(true);
    auto outcome = std::make_shared<std::optional<Status>>();
    QThread* worker = QThread::create([db = m_db, session = m_session, oldPassword = m_old->text(),
                                       newPassword = m_new->text(), outcome] {
        *outcome = StaffService(db).changeOwnPassword(session, oldPassword, newPassword);
    });
    worker->setObjectName(u"passwordChangeWorker"_s);
    // `finished` comes from the worker thread and is queued to this (GUI) thread.
    connect(worker, &QThread::finished, this, [this, outcome] {
        if (outcome->has_value())
            finish(std::move(**outcome));
        else
            finish(fail(Error::internal(u"password.no_result"_s, tr("The password change did not complete."))));
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    worker->start();
}

void PasswordChangeDialog::finish(Status outcome)
{
    setBusy(false);
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
    if (m_busy)
        return;
    emit cancelled();
    QDialog::reject();
}

void PasswordChangeDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_old->setEnabled(!busy);
    m_new->setEnabled(!busy);
    m_confirm->setEnabled(!busy);
    m_change->setEnabled(!busy);
    m_cancel->setEnabled(!busy);
    m_busyIndicator->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
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
