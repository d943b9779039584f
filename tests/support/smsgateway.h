#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTcpSocket>
#include <QUrl>

namespace cs::test {

// A real HTTP SMS gateway on a free loopback port (QtHttpServer), as the tests need it to behave. Like a
// real gateway it de-duplicates on the idempotency key: a message whose key it has seen is answered with
// its first id and not delivered again. delivered() is the gateway's count of messages handed to phones.
class SmsGateway : public QAbstractHttpServer {
    Q_OBJECT
public:
    enum class Answer {
        Accept,      // 200 {"id": ...}, delivered
        ServerError, // 500, not delivered
        Reject,      // 400 (a number the gateway will never take), not delivered
        Hang,        // delivered, but no answer ever comes: the client times out
        Drop,        // the connection closed before anything is read back, not delivered
        AcceptDrop,  // delivered, then the connection closed without an answer
    };

    explicit SmsGateway(QObject* parent = nullptr);
    ~SmsGateway() override;

    // Listens on 127.0.0.1 on a free port, plain HTTP, or TLS with a self-signed certificate no trust store
    // knows (what a client must refuse).
    bool start();
    bool startTls();
    QUrl url() const;

    void setAnswer(Answer answer) { m_answer = answer; }
    // Accept answers this many milliseconds late (a slow gateway: concurrent senders overlap).
    void setAcceptDelay(int ms) { m_acceptDelayMs = ms; }
    // These answers first, one per request, then setAnswer's.
    void script(QList<Answer> answers) { m_script = std::move(answers); }
    // Username and password the gateway requires (Basic); empty: anything goes.
    void requireCredentials(const QString& user, const QString& password);

    int requests() const { return m_requests; }           // every request that reached the handler
    int delivered() const { return int(m_delivered.size()); }
    int deliveriesOf(const QString& key) const { return m_deliveredKeys.contains(key) ? 1 : 0; }
    QList<QJsonObject> messages() const { return m_delivered; } // in delivery order
    int refusedCredentials() const { return m_refusedCredentials; }
    QByteArray lastIdempotencyKey() const { return m_lastKey; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Answer nextAnswer();
    void deliver(const QByteArray& key, const QJsonObject& message);

    Answer m_answer = Answer::Accept;
    QList<Answer> m_script;
    QByteArray m_expectedAuthorization;
    int m_requests = 0;
    int m_refusedCredentials = 0;
    QList<QJsonObject> m_delivered;
    QHash<QString, QString> m_deliveredKeys; // key -> gateway id
    QByteArray m_lastKey;
    QList<QPointer<QTcpSocket>> m_hanging;
    int m_acceptDelayMs = 0;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace cs::test
