#include "storage/databaseurl.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

Error badUrl(const QString& message) { return Error::invalid(u"db.url"_s, u"db"_s, message); }

const QStringList sslModes = {u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s,
                              u"verify-full"_s};

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text)
{
    DatabaseUrl url;
    if (text.startsWith(u"sqlite:"_s)) {
        url.dialect = Dialect::SQLite;
        url.path = text.mid(7);
        if (url.path.startsWith(u"//"_s))
            url.path = url.path.mid(2);
        if (url.path.isEmpty() || url.path == u":memory:"_s)
            return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "The SQLite database needs a file path, as in sqlite:/path/to/file.db.")));
        return url;
    }
    if (!text.startsWith(u"postgresql://"_s) && !text.startsWith(u"postgres://"_s))
        return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "The database address must start with sqlite: or postgresql://.")));

    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "The PostgreSQL address is not valid; expected "
                              "postgresql://USER:PASSWORD@HOST:PORT/DBNAME.")));
    url.dialect = Dialect::PostgreSQL;
    url.host = parsed.host();
    url.port = parsed.port(5432);
    if (url.port <= 0 || url.port > 65535)
        return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "The PostgreSQL port must be between 1 and 65535.")));
    url.user = parsed.userName(QUrl::FullyDecoded);
    url.password = parsed.password(QUrl::FullyDecoded);
    url.database = parsed.path(QUrl::FullyDecoded).mid(1);
    if (url.database.isEmpty() || url.database.contains(u'/'))
        return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "The PostgreSQL address must name one database after the port.")));
    const QUrlQuery query(parsed);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"sslmode"_s)
            return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "Unknown option in the PostgreSQL address: %1.").arg(key)));
        if (!sslModes.contains(value))
            return fail(badUrl(QCoreApplication::translate("cs::DatabaseUrl", "Unknown sslmode: %1.").arg(value)));
        url.sslMode = value;
    }
    return url;
}

QString DatabaseUrl::displayName() const
{
    if (dialect == Dialect::SQLite)
        return u"SQLite %1"_s.arg(path);
    return u"PostgreSQL %1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

QString DatabaseUrl::toString() const
{
    if (dialect == Dialect::SQLite)
        return u"sqlite:"_s + path;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPassword(password);
    url.setPath(u"/"_s + database);
    if (!sslMode.isEmpty())
        url.setQuery(u"sslmode="_s + sslMode);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace cs
