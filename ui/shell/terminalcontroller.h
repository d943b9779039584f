#pragma once

#include "auth/session.h"
#include "storage/database.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <memory>

namespace cs::ui {

class LoginDialog;
class MainWindow;

// Drives one terminal: the sign-in screen, then the main window of the signed-on session; signing off
// returns to the sign-in screen, quitting (from the sign-in screen or the main window) ends the program.
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

    QString terminalId() const { return m_terminalId; }
    // Passed to every main window (MainWindow::setIdleLockTimeout); zero never locks.
    void setIdleLockTimeout(std::chrono::milliseconds timeout);

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

    Database m_db;
    QString m_terminalId;
    std::chrono::milliseconds m_idleLockTimeout{0};
    std::unique_ptr<LoginDialog> m_login;
    QPointer<MainWindow> m_main;
};

} // namespace cs::ui
