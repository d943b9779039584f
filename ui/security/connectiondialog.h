#pragma once

#include "common/result.h"
#include "security/connectionsettings.h"
#include "widgets/backgroundcall.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;

namespace cs {
class SecretStore;
}

namespace cs::ui {

// "Database connection": server, port, database, user, password and TLS mode of the central PostgreSQL
// database. Save writes the profile to QSettings and the password to the SecretStore (the system
// keychain); when the keychain fails, the error is shown and the password is kept nowhere else. "Test
// connection" opens the database with the typed values off the GUI thread.
//
// An empty password field keeps the password already stored for the same user@server:port/database
// (and "Test connection" uses it). Keyboard: Tab follows the fields, Enter saves, Esc cancels.
// Object names: hostEdit, portSpin, databaseEdit, userEdit, passwordEdit, sslModeCombo, testButton,
// saveButton, cancelButton, statusLabel, busyIndicator.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    // Reads and writes the profile in `settings` (the application's default settings when null; the
    // dialog does not take ownership of a given one) and the password in `secrets`; both must outlive
    // the dialog. The fields start with the saved profile.
    explicit ConnectionDialog(SecretStore& secrets, QSettings* settings = nullptr, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    // What the fields hold (trimmed), without the password.
    ConnectionProfile profile() const;
    void setProfile(const ConnectionProfile& profile);

    bool isBusy() const { return m_call.isBusy(); }
    QString statusText() const;
    // Shows an error (e.g. why the saved connection failed) and puts the cursor in the field it names.
    void showError(const Error& error);

public slots:
    // Opens the database with the typed values on a worker thread; emits testFinished.
    void testConnection();
    // Saves and closes, or shows why not and stays open. Enter triggers it.
    void save();
    void accept() override;
    void reject() override;

signals:
    void testFinished(bool succeeded);
    void saved(const cs::ui::ConnectionProfile& profile);

protected:
    void changeEvent(QEvent* event) override;

private:
    // The address to test: the typed password, or the stored one when the field is empty.
    Result<DatabaseUrl> urlForTest();
    void finishTest(const Result<QString>& outcome);
    void showSuccess(const QString& message);
    void clearStatus();
    void retranslateUi();

    SecretStore& m_secrets;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings* m_settings = nullptr;
    QString m_loadedKey; // secret key of the profile the dialog opened with

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_hostLabel = nullptr;
    QLabel* m_portLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLabel* m_sslModeLabel = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QComboBox* m_sslMode = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_busyIndicator = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;
    BackgroundCall m_call{this};
};

} // namespace cs::ui
