#pragma once

#include "auth/session.h"
#include "notify/noticesender.h"
#include "storage/database.h"

#include <QObject>

#include <chrono>
#include <memory>

class QTimer;

namespace cs::ui {

class TerminalGatewaySecret;

// Sends the notices due from a signed-on terminal: every minute (setInterval) a delivery pass of its
// own NoticeSender, when the database has a gateway and this terminal's secret store holds the
// gateway's password; nothing otherwise. A tick while a pass runs is skipped. Several terminals may
// send at once: the sender claims its notices.
class BackgroundNoticeSender : public QObject {
    Q_OBJECT
public:
    BackgroundNoticeSender(Database db, Session session, QObject* parent = nullptr);
    ~BackgroundNoticeSender() override;

    void setInterval(std::chrono::milliseconds interval);
    void stop();
    bool isActive() const;
    bool isRunning() const { return m_sender && m_sender->isRunning(); }
    int passesStarted() const { return m_passes; }

public slots:
    // One tick: starts a pass when the terminal can send and none runs; true when one was started.
    bool tick();

signals:
    void passFinished(const cs::DeliveryPass& pass);

private:
    bool canSend() const;

    Database m_db;
    Session m_session;
    std::unique_ptr<TerminalGatewaySecret> m_secret;
    NoticeSender* m_sender = nullptr;
    QTimer* m_timer = nullptr;
    int m_passes = 0;
};

} // namespace cs::ui
