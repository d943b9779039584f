#include "security/connectiondialog.h"

#include "security/secretstore.h"
#include "shell/appicon.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "widgets/formwidgets.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {
namespace {

const QColor successColor(0x1b, 0x6e, 0x32);

// What "Test connection" reports: the server and its schema version, or why it cannot be used.
Result<QString> describeConnection(const DatabaseUrl& url)
{
    auto db = Database::open(url);
    if (!db)
        return fail(db.error());
    const Migrator migrator(*db);
    const auto version = migrator.currentVersion();
    if (!version)
        return fail(version.error());
    if (*version != migrator.latestVersion())
        return ConnectionDialog::tr("Connected to %1, but its schema version is %2 and this "
                                    "program needs %3. Run countersign-batch migrate.")
            .arg(db->displayName())
            .arg(*version)
            .arg(migrator.latestVersion());
    return ConnectionDialog::tr("Connected to %1 (schema version %2).").arg(db->displayName()).arg(*version);
}

} // namespace

ConnectionDialog::ConnectionDialog(SecretStore& secrets, QSettings* settings, QWidget* parent)
    : QDialog(parent)
    , m_secrets(secrets)
    , m_ownSettings(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_ownSettings.get())
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_hostLabel(new QLabel(this))
    , m_portLabel(new QLabel(this))
    , m_databaseLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_sslModeLabel(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(createPasswordEdit(u"passwordEdit"_s, this))
    , m_sslMode(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_busyIndicator(createBusyIndicator(u"busyIndicator"_s, this))
    , m_test(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(u"connectionDialog"_s);
    setWindowIcon(applicationIcon());

    m_title->setObjectName(u"titleLabel"_s);
    setTitleFont(m_title, 1.4);
    m_subtitle->setObjectName(u"subtitleLabel"_s);
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    const auto plainInput = Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText | Qt::ImhPreferLatin;
    m_host->setObjectName(u"hostEdit"_s);
    m_host->setMaxLength(253);
    m_host->setInputMethodHints(plainInput | Qt::ImhUrlCharactersOnly);
    m_hostLabel->setBuddy(m_host);

    m_port->setObjectName(u"portSpin"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setGroupSeparatorShown(false);
    m_port->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_port->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_port->setMinimumWidth(m_port->fontMetrics().horizontalAdvance(u"0000000"_s));
    m_portLabel->setBuddy(m_port);

    m_database->setObjectName(u"databaseEdit"_s);
    m_database->setMaxLength(63);
    m_database->setInputMethodHints(plainInput);
    m_databaseLabel->setBuddy(m_database);

    m_user->setObjectName(u"userEdit"_s);
    m_user->setMaxLength(63);
    m_user->setInputMethodHints(plainInput);
    m_userLabel->setBuddy(m_user);

    m_passwordLabel->setBuddy(m_password);

    m_sslMode->setObjectName(u"sslModeCombo"_s);
    for (const QString& mode : ConnectionSettings::sslModes())
        m_sslMode->addItem(mode, mode);
    m_sslMode->setCurrentIndex(m_sslMode->findData(ConnectionSettings::defaultSslMode()));
    m_sslModeLabel->setBuddy(m_sslMode);

    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide(); // shown with a message

    m_test->setObjectName(u"testButton"_s);
    m_test->setAutoDefault(false);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setDefault(true);
    m_save->setAutoDefault(true);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setAutoDefault(false);

    auto* portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addStretch(1);

    auto* form = createFormLayout();
    form->addRow(m_hostLabel, m_host);
    form->addRow(m_portLabel, portRow);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_sslModeLabel, m_sslMode);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_busyIndicator);
    layout->addSpacing(4);
    layout->addLayout(buttons);

    setTabChain({m_host, m_port, m_database, m_user, m_password, m_sslMode, m_test, m_save, m_cancel});

    m_call.setBusyWidgets({m_host, m_port, m_database, m_user, m_password, m_sslMode, m_test, m_save, m_cancel});
    m_call.setBusyIndicator(m_busyIndicator);

    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionDialog::reject);

    if (const auto saved = ConnectionSettings::load(*m_settings)) {
        setProfile(*saved);
        m_loadedKey = saved->secretKey();
    }

    retranslateUi();
    setMinimumWidth(480);
    m_host->setFocus();
}

ConnectionDialog::~ConnectionDialog()
{
    m_password->clear();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile;
    profile.host = m_host->text().trimmed();
    profile.port = m_port->value();
    profile.database = m_database->text().trimmed();
    profile.user = m_user->text().trimmed();
    profile.sslMode = m_sslMode->currentData().toString();
    return profile;
}

void ConnectionDialog::setProfile(const ConnectionProfile& profile)
{
    m_host->setText(profile.host);
    m_port->setValue(profile.port > 0 && profile.port <= 65535 ? profile.port : 5432);
    m_database->setText(profile.database);
    m_user->setText(profile.user);
    const int index = m_sslMode->findData(profile.sslMode);
    m_sslMode->setCurrentIndex(index >= 0 ? index : m_sslMode->findData(ConnectionSettings::defaultSslMode()));
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::showError(const Error& error)
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, errorColor());
    m_status->setPalette(palette);
    m_status->setText(error.message);
    m_status->show();

    QWidget* field = nullptr;
    if (error.field == u"host")
        field = m_host;
    else if (error.field == u"port")
        field = m_port;
    else if (error.field == u"database")
        field = m_database;
    else if (error.field == u"user")
        field = m_user;
    else if (error.field == u"sslmode")
        field = m_sslMode;
    else if (error.field == u"password" || error.code == u"db.unavailable")
        field = m_password;
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

void ConnectionDialog::showSuccess(const QString& message)
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, successColor);
    m_status->setPalette(palette);
    m_status->setText(message);
    m_status->show();
}

void ConnectionDialog::clearStatus()
{
    m_status->clear();
    m_status->hide();
}

Result<DatabaseUrl> ConnectionDialog::urlForTest()
{
    const ConnectionProfile typed = profile();
    if (m_password->text().isEmpty())
        return ConnectionSettings::toUrl(typed, m_secrets);
    // The typed password goes through a throwaway store that wipes it when it goes.
    MemorySecretStore typedSecret;
    const SecureBytes password(m_password->text().toUtf8());
    if (auto written = typedSecret.write(typed.secretKey(), password.bytes()); !written)
        return fail(written.error());
    return ConnectionSettings::toUrl(typed, typedSecret);
}

void ConnectionDialog::testConnection()
{
    if (isBusy())
        return;
    clearStatus();
    auto url = urlForTest();
    if (!url) {
        showError(url.error());
        emit testFinished(false);
        return;
    }
    // The form waits for a running test when it closes; connect_timeout bounds the wait.
    m_call.start(
        u"connectionTestWorker"_s,
        [url = std::move(*url)]() mutable {
            Result<QString> outcome = describeConnection(url);
            url.password.fill(u'\0');
            url.password.clear();
            return outcome;
        },
        Error::internal(u"connection.no_result"_s, tr("The connection test did not complete.")),
        [this](const Result<QString>& outcome) { finishTest(outcome); });
}

void ConnectionDialog::finishTest(const Result<QString>& outcome)
{
    if (outcome) {
        showSuccess(*outcome);
        m_test->setFocus(Qt::OtherFocusReason);
    } else {
        showError(outcome.error());
    }
    emit testFinished(outcome.has_value());
}

void ConnectionDialog::save()
{
    if (isBusy())
        return;
    clearStatus();
    const ConnectionProfile chosen = profile();
    // Validation only: an empty store answers `not_found`, which toUrl accepts as "no password".
    MemorySecretStore noSecrets;
    if (auto valid = ConnectionSettings::toUrl(chosen, noSecrets); !valid) {
        showError(valid.error());
        return;
    }

    const QString key = chosen.secretKey();
    if (!m_password->text().isEmpty()) {
        const SecureBytes password(m_password->text().toUtf8());
        if (auto written = m_secrets.write(key, password.bytes()); !written) {
            // Nothing is saved: neither the profile nor, anywhere, the password.
            Error error = written.error();
            error.message = tr("The password was not saved: %1").arg(error.message);
            showError(error);
            m_password->setFocus(Qt::OtherFocusReason);
            return;
        }
        // The password of the connection this dialog replaced is no longer needed.
        if (!m_loadedKey.isEmpty() && m_loadedKey != key)
            (void)m_secrets.remove(m_loadedKey);
    }

    if (auto written = ConnectionSettings::save(chosen, *m_settings); !written) {
        showError(written.error());
        return;
    }
    m_loadedKey = key;
    m_password->clear();
    emit saved(chosen);
    QDialog::accept();
}

void ConnectionDialog::accept()
{
    save();
}

void ConnectionDialog::reject()
{
    if (isBusy())
        return;
    m_password->clear();
    QDialog::reject();
}

void ConnectionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ConnectionDialog::retranslateUi()
{
    setWindowTitle(tr("Database connection — Countersign"));
    m_title->setText(tr("Database connection"));
    m_subtitle->setText(tr("The branch's central PostgreSQL database. The password is kept in the system "
                           "keychain, never in a settings file."));
    m_hostLabel->setText(tr("&Server:"));
    m_portLabel->setText(tr("P&ort:"));
    m_databaseLabel->setText(tr("&Database:"));
    m_userLabel->setText(tr("&User:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_sslModeLabel->setText(tr("T&LS mode:"));
    m_host->setPlaceholderText(tr("db.branch.example or 10.0.0.5"));
    m_host->setAccessibleName(tr("Server"));
    m_port->setAccessibleName(tr("Port"));
    m_database->setAccessibleName(tr("Database"));
    m_user->setAccessibleName(tr("User"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(m_loadedKey.isEmpty() ? QString()
                                                         : tr("Leave empty to keep the saved password"));
    m_sslMode->setAccessibleName(tr("TLS mode"));
    const QStringList descriptions = {
        tr("no encryption"),
        tr("encrypted, server not verified"),
        tr("encrypted, certificate authority checked"),
        tr("encrypted, certificate and host name checked"),
    };
    const QStringList modes = ConnectionSettings::sslModes();
    for (int i = 0; i < m_sslMode->count() && i < descriptions.size(); ++i)
        m_sslMode->setItemText(i, u"%1 — %2"_s.arg(modes.at(i), descriptions.at(i)));
    m_status->setAccessibleName(tr("Connection status"));
    m_busyIndicator->setAccessibleName(tr("Testing the connection"));
    m_test->setText(tr("&Test connection"));
    m_test->setToolTip(tr("Connect with these values without saving them"));
    m_save->setText(tr("Save"));
    m_save->setToolTip(tr("Save the connection; the password goes to the system keychain (Enter)"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Close without saving (Esc)"));
}

} // namespace cs::ui
