#pragma once

#include "common/result.h"
#include "security/secretstore.h"
#include "storage/database.h"

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace cs {

// What one delivery pass did.
struct DeliveryPass {
    int claimed = 0;
    int sent = 0;
    int failed = 0;            // to be tried again later
    int dead = 0;              // no more attempts (the last one failed, or the gateway refused for good)
    int lost = 0;              // our lease ran out and another sender took the notice over
    QString errorCode;         // the pass could not run: notify.no_gateway, notify.no_secret, a database error
    QString errorMessage;      // translated
    bool ok() const { return errorCode.isEmpty(); }
};

// Delivers due notices from the outbox to the HTTP SMS gateway (core/notify). A pass claims up to
// notify.batch_size due notices (pending or failed, next_attempt_at reached, no live lease of another
// sender; FOR UPDATE SKIP LOCKED on PostgreSQL), posts them one by one with QNetworkAccessManager and
// records each outcome with its attempt row in a transaction of its own:
// - 2xx: sent (the gateway's id and the text kept);
// - 5xx, 408, 429, a timeout (notify.timeout_seconds), a dropped connection, a TLS failure: failed and due
//   again after the backoff (notify.backoff_base_seconds doubled per attempt, at most
//   notify.backoff_max_seconds, with jitter), or dead after notify.max_attempts;
// - another 4xx: dead at once (the gateway will never take it).
// Every request carries the notice's idempotency key (header Idempotency-Key and message_id), so a notice
// whose answer was lost and is sent again is delivered once by a gateway that de-duplicates.
// TLS verifies the gateway's certificate against the system's trust store; plain http is used only on the
// loopback (a test gateway); redirects are not followed.
class NoticeSender : public QObject {
    Q_OBJECT
public:
    // `secrets` (not owned, may be null: no password) holds gatewaySecretName(). `sender` names this
    // sender in leases and attempt rows (terminal and login).
    NoticeSender(Database db, SecretStore* secrets, QString sender, QObject* parent = nullptr);
    ~NoticeSender() override;

    // Starts a pass unless one is running (then false). passFinished follows.
    bool start();
    bool isRunning() const;
    // One pass, waited for in a local event loop (the batch, tests).
    DeliveryPass runPass();

signals:
    void passFinished(const cs::DeliveryPass& pass);

private:
    struct Pass;
    void sendNext();
    void finish();

    Database m_db;
    SecretStore* m_secrets = nullptr;
    QString m_sender;
    QNetworkAccessManager* m_network = nullptr;
    std::unique_ptr<Pass> m_pass;
};

} // namespace cs

Q_DECLARE_METATYPE(cs::DeliveryPass)
