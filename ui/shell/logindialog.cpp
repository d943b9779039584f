#include "shell/logindialog.h"

#include "auth/authservice.h"
#include "security/connectiondialog.h"
#include "security/keychainsecretstore.h"
#include "shell/appicon.h"
#include "widgets/formwidgets.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

LoginDialog::LoginDialog(Database db, QString terminalId, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_terminalId(std::move(terminalId))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_loginLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_login(createLoginEdit(u"loginEdit"_s, this))
    , m_password(new QLineEdit(this))
    , m_error(createErrorLabel(u"errorLabel"_s, this))
    , m_busyIndicator(createBusyIndicator(u"busyIndicator"_s, this))
    , m_connection(new QLabel(this))
    , m_signIn(new QPushButton(this))
    , m_quit(new QPushButton(this))
    , m_connectionButton(new QPushButton(this))
{
    setObjectName(u"loginDialog"_s);
    setWindowIcon(applicationIcon());
    setModal(false);

    auto* logo = new QLabel(this);
    logo->setObjectName(u"logoLabel"_s);
    logo->setPixmap(applicationIcon().pixmap(64, 64));
    logo->setFixedSize(64, 64);

    m_title->setObjectName(u"titleLabel"_s);
    setTitleFont(m_title, 1.7);
    m_subtitle->setObjectName(u"subtitleLabel"_s);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_loginLabel->setBuddy(m_login);

    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(256);
    m_passwordLabel->setBuddy(m_password);

    m_connection->setObjectName(u"connectionLabel"_s);
    m_connection->setTextFormat(Qt::PlainText);
    m_connection->setWordWrap(true);
    m_connection->setForegroundRole(QPalette::PlaceholderText);
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    m_signIn->setAutoDefault(true);
    m_quit->setObjectName(u"quitButton"_s);
    m_quit->setAutoDefault(false);
    m_connectionButton->setObjectName(u"connectionButton"_s);
    m_connectionButton->setAutoDefault(false);

    auto* heading = new QVBoxLayout;
    heading->setSpacing(2);
    heading->addStretch(1);
    heading->addWidget(m_title);
    heading->addWidget(m_subtitle);
    heading->addStretch(1);
    auto* header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(logo);
    header->addLayout(heading, 1);

    auto* form = createFormLayout();
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_connectionButton);
    buttons->addStretch(1);
    buttons->addWidget(m_quit);
    buttons->addWidget(m_signIn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busyIndicator);
    layout->addWidget(m_connection);
    layout->addSpacing(4);
    layout->addLayout(buttons);

    setTabChain({m_login, m_password, m_signIn, m_quit, m_connectionButton});

    m_call.setBusyWidgets({m_login, m_password, m_signIn, m_quit, m_connectionButton});
    m_call.setBusyIndicator(m_busyIndicator);

    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_quit, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_connectionButton, &QPushButton::clicked, this, &LoginDialog::editConnection);

    retranslateUi();
    setMinimumWidth(440);
    m_login->setFocus();
}

QString LoginDialog::errorText() const
{
    return m_error->text();
}

void LoginDialog::submit()
{
    if (isBusy())
        return;
    m_error->clear();
    m_call.start(
        u"signOnWorker"_s,
        [db = m_db, login = m_login->text().trimmed(), password = m_password->text(), terminal = m_terminalId] {
            return AuthService(db).signOn(login, password, terminal);
        },
        Error::internal(u"auth.no_result"_s, tr("The sign-on did not complete.")),
        [this](Result<Session> outcome) { finishSignOn(std::move(outcome)); });
}

void LoginDialog::finishSignOn(Result<Session> outcome)
{
    if (!outcome) {
        showError(outcome.error());
        return;
    }
    m_password->clear();
    m_error->clear();
    emit signedOn(*outcome);
}

void LoginDialog::showError(const Error& error)
{
    m_error->setText(error.message);
    if (error.field == u"login") {
        m_login->setFocus(Qt::OtherFocusReason);
        m_login->selectAll();
    } else {
        // A refused password is never left in the field.
        m_password->clear();
        m_password->setFocus(Qt::OtherFocusReason);
    }
}

void LoginDialog::reset()
{
    m_login->clear();
    m_password->clear();
    m_error->clear();
    m_login->setFocus(Qt::OtherFocusReason);
}

void LoginDialog::reject()
{
    if (isBusy())
        return;
    emit quitRequested();
    QDialog::reject();
}

void LoginDialog::editConnection()
{
    if (isBusy())
        return;
    KeychainSecretStore secrets;
    ConnectionDialog dialog(secrets, nullptr, this);
    if (dialog.exec() == QDialog::Accepted)
        QMessageBox::information(this, tr("Database connection"),
                                 tr("The new connection settings apply when the terminal starts again."));
    m_login->setFocus(Qt::OtherFocusReason);
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in — Countersign"));
    m_title->setText(tr("Countersign"));
    m_subtitle->setText(tr("Bank branch terminal"));
    m_loginLabel->setText(tr("&Login:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_login->setAccessibleName(tr("Login"));
    m_password->setAccessibleName(tr("Password"));
    m_error->setAccessibleName(tr("Sign-in error"));
    m_busyIndicator->setAccessibleName(tr("Signing in"));
    m_connection->setText(tr("Database: %1\nTerminal: %2").arg(m_db.displayName(), m_terminalId));
    m_signIn->setText(tr("Sign in"));
    m_signIn->setToolTip(tr("Sign in (Enter)"));
    m_quit->setText(tr("&Quit"));
    m_quit->setToolTip(tr("Quit the terminal (Esc)"));
    m_connectionButton->setText(tr("&Connection…"));
    m_connectionButton->setToolTip(tr("Database server, user and TLS mode; the password is kept in the "
                                      "system keychain"));
}

} // namespace cs::ui
