#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cs::ui {

// The forced change of an initial or reset password, after a sign-on whose session must change it and
// before the main window: the current password, the new one twice. StaffService::changeOwnPassword
// checks the rules (length, not the login) and the refusal is shown as it comes, translated. The
// check runs off the GUI thread. Cancel (Esc) signs off, back to the sign-in screen.
// Object names: passwordChangeDialog, oldPasswordEdit, newPasswordEdit, confirmPasswordEdit,
// passwordChangeError, changePasswordButton, cancelPasswordChangeButton.
class PasswordChangeDialog : public QDialog {
    Q_OBJECT
public:
    PasswordChangeDialog(Database db, Session session, QWidget* parent = nullptr);

    const Session& session() const { return m_session; }
    bool isBusy() const { return m_call.isBusy(); }
    QString errorText() const;

public slots:
    // Changes the password with what the fields hold; emits passwordChanged or shows the refusal.
    void submit();
    // Esc and Cancel: emits cancelled (the caller signs off), unless the change is running.
    void reject() override;

signals:
    // The password was changed; `session` no longer has to change it.
    void passwordChanged(const cs::Session& session);
    void cancelled();

protected:
    void changeEvent(QEvent* event) override;

private:
    void finish(Status outcome);
    void showError(const Error& error);
    void retranslateUi();

    Database m_db;
    Session m_session;

    QLabel* m_title = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_oldLabel = nullptr;
    QLabel* m_newLabel = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_old = nullptr;
    QLineEdit* m_new = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_busyIndicator = nullptr;
    QPushButton* m_change = nullptr;
    QPushButton* m_cancel = nullptr;
    BackgroundCall m_call{this};
};

} // namespace cs::ui
