#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace cs {

// Database notifications (PostgreSQL LISTEN/NOTIFY) delivered to the thread that creates the listener,
// through QSqlDriver::subscribeToNotification. It listens on a connection of its own, cloned from the
// Database's connection of that thread: the driver reads notifications when its socket wakes the event
// loop, and a connection that also runs transactions would leave those that arrive during a query
// unread until the next one. SQLite has no notifications between processes: subscribe() is then
// Unavailable `notify.unsupported`, and the caller polls instead.
//
//   NotificationListener listener(db);
//   if (listener.subscribe(ApprovalService::notificationChannel())) ... // else poll
//   connect(&listener, &NotificationListener::notified, ...);
class NotificationListener : public QObject {
    Q_OBJECT
public:
    explicit NotificationListener(Database db, QObject* parent = nullptr);
    ~NotificationListener() override;

    // Whether this database can notify at all (PostgreSQL).
    bool isSupported() const;
    // LISTEN on `channel`, opening the listening connection on first use. Unavailable
    // notify.unsupported (SQLite), db.unavailable (no connection), notify.subscribe (the driver refused).
    Status subscribe(const QString& channel);
    bool isSubscribed(const QString& channel) const;

signals:
    // `channel` was notified, with the NOTIFY payload (empty when none).
    void notified(const QString& channel, const QString& payload);

private:
    Result<QSqlDatabase> listeningConnection();

    Database m_db;
    QString m_connectionName;
};

} // namespace cs
