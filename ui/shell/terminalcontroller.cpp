#include "shell/terminalcontroller.h"

#include "shell/logindialog.h"
#include "shell/mainwindow.h"

#include <QCoreApplication>

namespace cs::ui {

TerminalController::TerminalController(Database db, QString terminalId, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_terminalId(std::move(terminalId))
{
}

TerminalController::~TerminalController()
{
    delete m_main.data();
}

void TerminalController::start()
{
    if (!m_login) {
        m_login = std::make_unique<LoginDialog>(m_db, m_terminalId);
        // The controller decides when the program ends, not the last window closing.
        m_login->setAttribute(Qt::WA_QuitOnClose, false);
        connect(m_login.get(), &LoginDialog::signedOn, this, &TerminalController::openSession);
        connect(m_login.get(), &LoginDialog::quitRequested, this, &TerminalController::quit);
    }
    m_login->reset();
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

MainWindow* TerminalController::mainWindow() const
{
    return m_main.data();
}

LoginDialog* TerminalController::loginDialog() const
{
    return m_login.get();
}

void TerminalController::setIdleLockTimeout(std::chrono::milliseconds timeout)
{
    m_idleLockTimeout = timeout;
    if (m_main)
        m_main->setIdleLockTimeout(timeout);
}

void TerminalController::openSession(const Session& session)
{
    delete m_main.data();
    auto* window = new MainWindow(m_db, session);
    window->setIdleLockTimeout(m_idleLockTimeout);
    connect(window, &MainWindow::signOffRequested, this, &TerminalController::signOff);
    connect(window, &MainWindow::quitRequested, this, &TerminalController::quit);
    m_main = window;

    // Show the new window before hiding the old one, so there is never a moment without a window.
    window->show();
    window->raise();
    window->activateWindow();
    m_login->hide();
    emit signedOn(session);
}

void TerminalController::signOff()
{
    if (!m_main)
        return;
    MainWindow* window = m_main.data();
    m_main.clear();
    window->disconnect(this);
    start();
    window->hide();
    // Sign-off may come from one of the window's own actions: let it return first.
    window->deleteLater();
    emit signedOff();
}

void TerminalController::quit()
{
    if (m_main) {
        MainWindow* window = m_main.data();
        m_main.clear();
        window->disconnect(this);
        window->hide();
        window->deleteLater();
    }
    if (m_login)
        m_login->hide();
    emit quitRequested();
    QCoreApplication::quit();
}

} // namespace cs::ui
