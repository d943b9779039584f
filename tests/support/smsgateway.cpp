#include "support/smsgateway.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace cs::test {
namespace {

QByteArray pemOf(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

// A fresh self-signed certificate for CN=127.0.0.1 and its key, in PEM.
std::pair<QByteArray, QByteArray> selfSignedCertificate()
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());
    BIO* certBio = BIO_new(BIO_s_mem());
    BIO* keyBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(certBio, cert);
    PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::pair<QByteArray, QByteArray> pems{pemOf(certBio), pemOf(keyBio)};
    BIO_free(certBio);
    BIO_free(keyBio);
    X509_free(cert);
    EVP_PKEY_free(key);
    return pems;
}

} // namespace

SmsGateway::SmsGateway(QObject* parent) : QAbstractHttpServer(parent) {}

SmsGateway::~SmsGateway()
{
    for (const QPointer<QTcpSocket>& socket : std::as_const(m_hanging)) {
        if (socket)
            socket->abort();
    }
}

bool SmsGateway::start()
{
    m_port = listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

bool SmsGateway::startTls()
{
    const auto [certPem, keyPem] = selfSignedCertificate();
    sslSetup(QSslCertificate(certPem, QSsl::Pem), QSslKey(keyPem, QSsl::Ec, QSsl::Pem));
    m_tls = true;
    return start();
}

QUrl SmsGateway::url() const
{
    return QUrl(u"%1://127.0.0.1:%2/sms/send"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(m_port));
}

void SmsGateway::requireCredentials(const QString& user, const QString& password)
{
    m_expectedAuthorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

SmsGateway::Answer SmsGateway::nextAnswer()
{
    return m_script.isEmpty() ? m_answer : m_script.takeFirst();
}

void SmsGateway::deliver(const QByteArray& key, const QJsonObject& message)
{
    if (m_deliveredKeys.contains(QString::fromLatin1(key)))
        return;
    m_deliveredKeys.insert(QString::fromLatin1(key), u"gw-%1"_s.arg(m_delivered.size() + 1));
    m_delivered.append(message);
}

bool SmsGateway::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ++m_requests;
    auto responder = makeResponder(request, socket);
    if (!m_expectedAuthorization.isEmpty() && request.value("Authorization") != m_expectedAuthorization) {
        ++m_refusedCredentials;
        responder.write(QHttpServerResponder::StatusCode::Unauthorized);
        return true;
    }
    const QByteArray key = request.value("Idempotency-Key");
    m_lastKey = key;
    const QJsonObject message = QJsonDocument::fromJson(request.body()).object();
    if (key.isEmpty() || message.value(u"message_id"_s).toString().toLatin1() != key || message.value(u"to"_s).toString().isEmpty()
        || message.value(u"text"_s).toString().isEmpty()) {
        responder.write(QHttpServerResponder::StatusCode::BadRequest);
        return true;
    }
    const QString seen = m_deliveredKeys.value(QString::fromLatin1(key));
    const Answer answer = nextAnswer();
    switch (answer) {
    case Answer::Accept: {
        deliver(key, message);
        const QJsonDocument reply(QJsonObject{{u"id"_s, m_deliveredKeys.value(QString::fromLatin1(key))},
                                              {u"duplicate"_s, !seen.isEmpty()}});
        if (m_acceptDelayMs <= 0) {
            responder.write(reply);
            break;
        }
        auto later = std::make_shared<QHttpServerResponder>(std::move(responder));
        QTimer::singleShot(m_acceptDelayMs, this, [later, reply] { later->write(reply); });
        break;
    }
    case Answer::ServerError:
        responder.write(QHttpServerResponder::StatusCode::InternalServerError);
        break;
    case Answer::Reject:
        responder.write(QJsonDocument(QJsonObject{{u"error"_s, u"number refused"_s}}),
                        QHttpServerResponder::StatusCode::BadRequest);
        break;
    case Answer::Hang:
        deliver(key, message);
        m_hanging.append(socket);
        break;
    case Answer::Drop:
        socket->abort();
        break;
    case Answer::AcceptDrop:
        deliver(key, message);
        socket->abort();
        break;
    }
    return true;
}

void SmsGateway::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace cs::test
