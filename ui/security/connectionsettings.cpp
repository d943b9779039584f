#include "security/connectionsettings.h"

#include "security/secretstore.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace cs::ui {
namespace {

const QString group = u"connection"_s;
const QString hostKey = u"host"_s;
const QString portKey = u"port"_s;
const QString databaseKey = u"database"_s;
const QString userKey = u"user"_s;
const QString sslModeKey = u"sslmode"_s;

bool validPort(int port) { return port > 0 && port <= 65535; }

} // namespace

bool ConnectionProfile::isComplete() const
{
    return !host.trimmed().isEmpty() && !database.trimmed().isEmpty() && !user.trimmed().isEmpty()
        && validPort(port);
}

QString ConnectionProfile::secretKey() const
{
    return u"db-password/%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

namespace ConnectionSettings {

QStringList sslModes()
{
    return {u"disable"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s};
}

QString defaultSslMode() { return u"require"_s; }

std::optional<ConnectionProfile> load(QSettings& settings)
{
    settings.beginGroup(group);
    ConnectionProfile profile;
    profile.host = settings.value(hostKey).toString();
    bool portOk = false;
    const int port = settings.value(portKey, 5432).toInt(&portOk);
    profile.port = portOk ? port : 0;
    profile.database = settings.value(databaseKey).toString();
    profile.user = settings.value(userKey).toString();
    profile.sslMode = settings.value(sslModeKey, defaultSslMode()).toString();
    settings.endGroup();
    if (profile.host.isEmpty())
        return std::nullopt;
    return profile;
}

std::optional<ConnectionProfile> load()
{
    QSettings settings;
    return load(settings);
}

Status save(const ConnectionProfile& profile, QSettings& settings)
{
    settings.beginGroup(group);
    settings.setValue(hostKey, profile.host);
    settings.setValue(portKey, profile.port);
    settings.setValue(databaseKey, profile.database);
    settings.setValue(userKey, profile.user);
    settings.setValue(sslModeKey, profile.sslMode);
    // The password belongs to the keychain; never leave one here, whoever wrote it.
    settings.remove(u"password"_s);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return fail(Error::unavailable(
            u"settings.write"_s,
            QCoreApplication::translate("cs::ui::ConnectionSettings", "Cannot write the settings file %1.")
                .arg(settings.fileName())));
    return {};
}

Status save(const ConnectionProfile& profile)
{
    QSettings settings;
    return save(profile, settings);
}

Result<DatabaseUrl> toUrl(const ConnectionProfile& profile, SecretStore& secrets)
{
    const auto incomplete = [](const QString& field, const QString& message) {
        return fail(Error::invalid(u"connection.incomplete"_s, field, message));
    };
    if (profile.host.trimmed().isEmpty())
        return incomplete(u"host"_s, QCoreApplication::translate("cs::ui::ConnectionSettings",
                                                                 "Enter the database server."));
    if (!validPort(profile.port))
        return incomplete(u"port"_s, QCoreApplication::translate("cs::ui::ConnectionSettings",
                                                                 "The port must be between 1 and 65535."));
    if (profile.database.trimmed().isEmpty())
        return incomplete(u"database"_s, QCoreApplication::translate("cs::ui::ConnectionSettings",
                                                                     "Enter the name of the database."));
    if (profile.user.trimmed().isEmpty())
        return incomplete(u"user"_s, QCoreApplication::translate("cs::ui::ConnectionSettings",
                                                                 "Enter the database user."));
    if (!profile.sslMode.isEmpty() && !sslModes().contains(profile.sslMode))
        return fail(Error::invalid(
            u"connection.sslmode"_s, u"sslmode"_s,
            QCoreApplication::translate("cs::ui::ConnectionSettings", "Unknown TLS mode: %1.").arg(profile.sslMode)));

    DatabaseUrl url;
    url.dialect = Dialect::PostgreSQL;
    url.host = profile.host.trimmed();
    url.port = profile.port;
    url.database = profile.database.trimmed();
    url.user = profile.user.trimmed();
    url.sslMode = profile.sslMode;

    auto stored = secrets.read(profile.secretKey());
    if (stored) {
        const SecureBytes password(std::move(*stored));
        stored->clear();
        url.password = QString::fromUtf8(password.bytes());
    } else if (stored.error().kind != ErrorKind::NotFound) {
        return fail(stored.error());
    }
    return url;
}

} // namespace ConnectionSettings

} // namespace cs::ui
