#pragma once

#include "common/result.h"
#include "storage/databaseurl.h"

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace cs {
class SecretStore;
}

namespace cs::ui {

// Where the terminal finds the central PostgreSQL database. Saved in QSettings (group "connection":
// host, port, database, user, sslmode) WITHOUT the password; the password lives in the SecretStore
// under secretKey().
struct ConnectionProfile {
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode; // disable, require, verify-ca, verify-full (empty: the driver's default)

    // Host, database and user are filled in and the port is in range.
    bool isComplete() const;
    // `db-password/<user>@<host>:<port>/<database>`
    QString secretKey() const;

    bool operator==(const ConnectionProfile&) const = default;
};

namespace ConnectionSettings {

// The TLS modes the connection dialog offers, weakest first; "require" is the default.
QStringList sslModes();
QString defaultSslMode();

// The saved profile (check isComplete()), or nothing when no server is saved. The overloads without a
// QSettings use the application's default settings.
std::optional<ConnectionProfile> load(QSettings& settings);
std::optional<ConnectionProfile> load();

// Writes the profile (never a password: a stray "password" entry from elsewhere is removed) and syncs.
// `settings.write` when the settings file cannot be written.
Status save(const ConnectionProfile& profile, QSettings& settings);
Status save(const ConnectionProfile& profile);

// The PostgreSQL address of `profile`, with the password read from `secrets`. No stored password means
// an empty one (certificate or trust authentication); a keychain that cannot be used is an error
// (`secret.unavailable`), never silently an empty password. `connection.incomplete` (Invalid) when
// the profile lacks host, database or user.
Result<DatabaseUrl> toUrl(const ConnectionProfile& profile, SecretStore& secrets);

} // namespace ConnectionSettings

} // namespace cs::ui
