#include "shell/terminalcontroller.h"

#include "services/settingsservice.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shell/passwordchangedialog.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

Q_LOGGING_CATEGORY(lcTerminal, "countersign.terminal")

// What the migrations store, for a setting that cannot be read: a terminal that never locks is worse.
constexpr qint64 kDefaultIdleLockMinutes = 5;

} // namespace

TerminalController::TerminalController(Database db, QString terminalId, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_terminalId(std::move(terminalId))
{
}

TerminalController::~TerminalController()
{
    delete m_passwordChange.data();
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

PasswordChangeDialog* TerminalController::passwordChangeDialog() const
{
    return m_passwordChange.data();
}

std::chrono::milliseconds TerminalController::idleLockTimeout() const
{
    if (m_idleLockOverride)
        return *m_idleLockOverride;
    qint64 minutes = kDefaultIdleLockMinutes;
    if (const auto stored = SettingsService(m_db).integer(u"security.idle_lock_minutes"_s))
        minutes = std::max<qint64>(0, *stored);
    else
        qCWarning(lcTerminal) << "idle lock setting unreadable, locking after" << minutes << "minutes:"
                              << stored.error().message;
    // QTimer counts in int milliseconds: beyond that (24 days) is as good as never.
    const qint64 limit = std::numeric_limits<int>::max() / std::max<qint64>(1, m_idleLockMinute.count());
    return m_idleLockMinute * std::min(minutes, limit);
}

void TerminalController::setIdleLockTimeout(std::chrono::milliseconds timeout)
{
    m_idleLockOverride = timeout;
    if (m_main)
        m_main->setIdleLockTimeout(timeout);
}

void TerminalController::setIdleLockMinute(std::chrono::milliseconds minute)
{
    m_idleLockMinute = minute;
}

void TerminalController::openSession(const Session& session)
{
    if (!session.mustChangePassword) {
        openMainWindow(session);
        return;
    }
    // An initial or reset password: the staff member chooses their own before anything else.
    closePasswordChange();
    auto* dialog = new PasswordChangeDialog(m_db, session);
    dialog->setAttribute(Qt::WA_QuitOnClose, false);
    connect(dialog, &PasswordChangeDialog::passwordChanged, this, &TerminalController::openMainWindow);
    connect(dialog, &PasswordChangeDialog::cancelled, this, &TerminalController::cancelPasswordChange);
    m_passwordChange = dialog;
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    m_login->hide();
}

void TerminalController::openMainWindow(const Session& session)
{
    delete m_main.data();
    auto* window = new MainWindow(m_db, session);
    // Read at each sign-on, so a changed setting applies from the next session.
    window->setIdleLockTimeout(idleLockTimeout());
    connect(window, &MainWindow::signOffRequested, this, &TerminalController::signOff);
    connect(window, &MainWindow::quitRequested, this, &TerminalController::quit);
    m_main = window;

    // Show the new window before hiding the old one, so there is never a moment without a window.
    window->show();
    window->raise();
    window->activateWindow();
    closePasswordChange();
    m_login->hide();
    emit signedOn(session);
}

void TerminalController::cancelPasswordChange()
{
    // Back to the sign-in screen; the password stays as the administrator set it.
    start();
    closePasswordChange();
}

void TerminalController::closePasswordChange()
{
    if (!m_passwordChange)
        return;
    PasswordChangeDialog* dialog = m_passwordChange.data();
    m_passwordChange.clear();
    dialog->disconnect(this);
    dialog->hide();
    // This may run inside one of the dialog's own signals: let it return first.
    dialog->deleteLater();
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
    closePasswordChange();
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
