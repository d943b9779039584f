#pragma once

#include "auth/session.h"
#include "storage/database.h"

#include <QObject>

class QTimer;

namespace cs {
class NotificationListener;
}

namespace cs::ui {

// Tells when the approvals of the session's branch change on any terminal (DESIGN rule 6): on
// PostgreSQL it LISTENs on ApprovalService::notificationChannel() through the driver's notifications,
// on a connection of the GUI thread (NotificationListener), and polls nothing; on SQLite, or when the
// subscription fails, it polls every pollInterval() a fingerprint that any submission or decision
// changes (today's approvals and the pending ones, counted). A burst of changes is told once.
class ApprovalWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int defaultPollIntervalMs = 2000;

    ApprovalWatcher(Database db, Session session, QObject* parent = nullptr);
    ~ApprovalWatcher() override;

    // Listens, or starts polling. Calling it again does nothing.
    void start();
    void stop();
    bool isListening() const { return m_listening; }
    bool isPolling() const;
    void setPollInterval(int ms);
    int pollInterval() const;

public slots:
    // Polling: reads the fingerprint now and tells if it changed.
    void poll();

signals:
    void changed();

private:
    void notified(const QString& payload);

    Database m_db;
    Session m_session;
    cs::NotificationListener* m_listener = nullptr;
    QTimer* m_pollTimer = nullptr;
    QTimer* m_coalesce = nullptr;
    bool m_started = false;
    bool m_listening = false;
    qint64 m_todayCount = -1;
    qint64 m_pendingCount = -1;
};

} // namespace cs::ui
