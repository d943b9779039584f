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

// The sign-on screen: login, password, and the database and terminal it signs on to. Enter signs on,
// Esc (or Quit) asks to quit. The password check runs off the GUI thread; meanwhile the form is busy.
// "Connection…" opens the database connection settings (they apply at the next start).
// Object names: loginEdit, passwordEdit, signInButton, quitButton, errorLabel, busyIndicator,
// connectionLabel, connectionButton.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(Database db, QString terminalId, QWidget* parent = nullptr);

    QString terminalId() const { return m_terminalId; }
    bool isBusy() const { return m_call.isBusy(); }
    QString errorText() const;

public slots:
    // Signs on with what the fields hold; emits signedOn or shows the refusal. Ignored while busy.
    void submit();
    // Empties both fields and the error, and puts the cursor in the login field.
    void reset();
    // Esc and the Quit button: emits quitRequested and hides, unless a sign-on is running.
    void reject() override;
    // Opens the connection settings dialog (server, user, TLS mode; password to the system keychain).
    void editConnection();

signals:
    void signedOn(const cs::Session& session);
    void quitRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void finishSignOn(Result<Session> outcome);
    void showError(const Error& error);
    void retranslateUi();

    Database m_db;
    QString m_terminalId;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_loginLabel = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_busyIndicator = nullptr;
    QLabel* m_connection = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_quit = nullptr;
    QPushButton* m_connectionButton = nullptr;
    BackgroundCall m_call{this};
};

} // namespace cs::ui
