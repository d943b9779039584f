#include "storage/notificationlistener.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs {

NotificationListener::NotificationListener(Database db, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
{
}

NotificationListener::~NotificationListener()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        if (connection.isValid()) {
            if (QSqlDriver* driver = connection.driver()) {
                disconnect(driver, nullptr, this, nullptr);
                for (const QString& channel : driver->subscribedToNotifications())
                    driver->unsubscribeFromNotification(channel);
            }
            connection.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool NotificationListener::isSupported() const
{
    return m_db.dialect() == Dialect::PostgreSQL;
}

Result<QSqlDatabase> NotificationListener::listeningConnection()
{
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase existing = QSqlDatabase::database(m_connectionName, false);
        if (existing.isValid() && existing.isOpen())
            return existing;
    }
    auto source = m_db.connection();
    if (!source)
        return fail(source.error());
    m_connectionName = u"cs-listen-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase connection = QSqlDatabase::cloneDatabase(*source, m_connectionName);
    if (!connection.open())
        return fail(Error::unavailable(u"db.unavailable"_s,
                                       QCoreApplication::translate("cs::NotificationListener",
                                                                   "Cannot open the database %1: %2")
                                           .arg(m_db.displayName(), connection.lastError().text())));
    connect(connection.driver(), &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                emit notified(name, payload.toString());
            });
    return connection;
}

Status NotificationListener::subscribe(const QString& channel)
{
    if (!isSupported())
        return fail(Error::unavailable(u"notify.unsupported"_s,
                                       QCoreApplication::translate("cs::NotificationListener",
                                                                   "This database does not notify other terminals.")));
    if (isSubscribed(channel))
        return {};
    auto connection = listeningConnection();
    if (!connection)
        return fail(connection.error());
    if (!connection->driver()->subscribeToNotification(channel))
        return fail(Error::unavailable(u"notify.subscribe"_s,
                                       QCoreApplication::translate("cs::NotificationListener",
                                                                   "Cannot listen for changes on %1: %2")
                                           .arg(channel, connection->driver()->lastError().text())));
    return {};
}

bool NotificationListener::isSubscribed(const QString& channel) const
{
    if (m_connectionName.isEmpty())
        return false;
    const QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
    return connection.isValid() && connection.driver()->subscribedToNotifications().contains(channel);
}

} // namespace cs
