#pragma once

#include "auth/session.h"
#include "storage/database.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace cs::ui {

class LoginDialog;
class MainWindow;
class PasswordChangeDialog;

// Drives one terminal: the sign-in screen, then (when the session must change an initial or reset
// password) the password change, then the main window of the signed-on session; signing off or
// cancelling the password change returns to the sign-in screen, quitting (from the sign-in screen or
// the main window) ends the program.
class TerminalController : public QObject {
    Q_OBJECT
public:
    TerminalController(Database db, QString terminalId, QObject* parent = nullptr);
    ~TerminalController() override;

    // Shows the sign-in screen.
    void start();

    // The window of the signed-on session, or nullptr while nobody is signed on.
    MainWindow* mainWindow() const;
    // The sign-in screen (created by start(); hidden while a session runs).
    LoginDialog* loginDialog() const;
    // The forced password change after signing on, or nullptr while none is shown.
    PasswordChangeDialog* passwordChangeDialog() const;

    QString terminalId() const { return m_terminalId; }
    // The idle time after which the main window of a session locks (MainWindow::setIdleLockTimeout),
    // read at each sign-on from the setting security.idle_lock_minutes times idleLockMinute(); zero
    // never locks. setIdleLockTimeout() overrides the setting for the current and every later session.
    std::chrono::milliseconds idleLockTimeout() const;
    void setIdleLockTimeout(std::chrono::milliseconds timeout);
    // How long one minute of the setting lasts: 60 s. Tests shorten it to see the lock come.
    std::chrono::milliseconds idleLockMinute() const { return m_idleLockMinute; }
    void setIdleLockMinute(std::chrono::milliseconds minute);

public slots:
    // Closes the main window and shows the sign-in screen again.
    void signOff();
    // Closes every window and quits the application's event loop.
    void quit();

signals:
    void signedOn(const cs::Session& session);
    void signedOff();
    void quitRequested();

private:
    void openSession(const Session& session);
    void openMainWindow(const Session& session);
    void cancelPasswordChange();
    void closePasswordChange();

    Database m_db;
    QString m_terminalId;
    std::optional<std::chrono::milliseconds> m_idleLockOverride;
    std::chrono::milliseconds m_idleLockMinute{std::chrono::minutes(1)};
    std::unique_ptr<LoginDialog> m_login;
    QPointer<PasswordChangeDialog> m_passwordChange;
    QPointer<MainWindow> m_main;
};

} // namespace cs::ui
