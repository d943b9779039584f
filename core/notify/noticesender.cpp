#include "notify/noticesender.h"

#include "notify/gatewaysecret.h"
#include "notify/gatewayurl.h"
#include "notify/noticetext.h"
#include "notify/retrypolicy.h"
#include "storage/noticedeliveryrepository.h"
#include "storage/noticesubscriptionrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace cs {
namespace {


const QString settingTimeout = u"notify.timeout_seconds"_s;
const QString settingAttempts = u"notify.max_attempts"_s;
const QString settingBase = u"notify.backoff_base_seconds"_s;
const QString settingMax = u"notify.backoff_max_seconds"_s;
const QString settingBatch = u"notify.batch_size"_s;
const QString settingOffset = u"notify.utc_offset_minutes"_s;

enum class Verdict { Sent, Retry, Refused };

struct Answer {
    Verdict verdict = Verdict::Retry;
    int httpStatus = 0;
    QString error;
    QString gatewayRef;
    bool badCredentials = false;
};

Answer judge(QNetworkReply* reply)
{
    Answer a;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    a.httpStatus = status.isValid() ? status.toInt() : 0;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    if (a.httpStatus >= 200 && a.httpStatus < 300 && reply->error() == QNetworkReply::NoError) {
        a.verdict = Verdict::Sent;
        a.gatewayRef = QJsonDocument::fromJson(body).object().value(u"id"_s).toString().left(128);
        return a;
    }
    if (reply->error() == QNetworkReply::OperationCanceledError)
        a.error = QCoreApplication::translate("cs::Notices", "The gateway did not answer in time.");
    else if (a.httpStatus > 0)
        a.error = QString(u"HTTP %1 "_s.arg(a.httpStatus) + QString::fromUtf8(body.left(200))).simplified();
    else
        a.error = reply->errorString();
    a.error = a.error.left(500);
    a.badCredentials = a.httpStatus == 401 || a.httpStatus == 403;
    // A 4xx other than these is about the message itself (a number the gateway refuses): trying again
    // changes nothing. Credentials are the terminal's problem, not the notice's: it waits for the fix.
    const bool retryable = a.httpStatus == 0 || a.httpStatus >= 500 || a.httpStatus < 400 || a.httpStatus == 408
                           || a.httpStatus == 429 || a.badCredentials;
    a.verdict = retryable ? Verdict::Retry : Verdict::Refused;
    return a;
}

} // namespace

struct NoticeSender::Pass {
    GatewaySettings gateway;
    QUrl url;
    SecureBytes password;
    RetryPolicy policy;
    int timeoutMs = 10'000;
    int batchSize = 50;
    int utcOffsetMinutes = 480;
    QList<StoredNotice> queue;
    StoredNotice current;
    QDateTime startedAt;
    QPointer<QNetworkReply> reply;
    DeliveryPass summary;
};

NoticeSender::NoticeSender(Database db, SecretStore* secrets, QString sender, QObject* parent)
    : QObject(parent), m_db(std::move(db)), m_secrets(secrets),
      m_sender((sender.isEmpty() ? u"sender"_s : sender.left(100)) + u'#'
               + QString::number(QRandomGenerator::global()->generate(), 16)),
      m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<cs::DeliveryPass>();
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

NoticeSender::~NoticeSender()
{
    if (!m_pass)
        return;
    // Closed mid-pass (the terminal quits): the request in flight is dropped unrecorded, and the notices
    // this pass holds are handed back at once instead of waiting for their lease to run out. The one in
    // flight may have reached the gateway; its key makes the next sender's try harmless.
    if (m_pass->reply) {
        m_pass->reply->disconnect(this);
        m_pass->reply->abort();
        m_pass->queue.prepend(m_pass->current);
    }
    QList<qint64> ids;
    for (const StoredNotice& n : std::as_const(m_pass->queue))
        ids.append(n.id);
    m_db.transact([&](UnitOfWork& uow) { return NoticeDeliveryRepository(uow).release(m_sender, ids); });
}

bool NoticeSender::isRunning() const { return m_pass != nullptr; }

DeliveryPass NoticeSender::runPass()
{
    DeliveryPass result;
    QEventLoop loop;
    const auto connection = connect(this, &NoticeSender::passFinished, &loop, [&](const DeliveryPass& pass) {
        result = pass;
        loop.quit();
    });
    if (start())
        loop.exec();
    else
        result.errorCode = u"notify.busy"_s;
    disconnect(connection);
    return result;
}

bool NoticeSender::start()
{
    if (m_pass)
        return false;
    m_pass = std::make_unique<Pass>();
    Pass& p = *m_pass;
    auto stop = [this](const Error& e) {
        m_pass->summary.errorCode = e.code;
        m_pass->summary.errorMessage = e.message;
        QMetaObject::invokeMethod(this, &NoticeSender::finish, Qt::QueuedConnection);
        return true;
    };

    std::optional<GatewaySettings> gateway;
    QHash<QString, qint64> settings;
    const Status loaded = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto g = NoticeSubscriptionRepository(uow).gateway();
            if (!g)
                return fail(g.error());
            gateway = *g;
            auto s = SettingsRepository(uow).integers(
                {settingTimeout, settingAttempts, settingBase, settingMax, settingBatch, settingOffset});
            if (!s)
                return fail(s.error());
            settings = *s;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!loaded)
        return stop(loaded.error());
    if (!gateway || !gateway->isConfigured())
        return stop(Error::refused(u"notify.no_gateway"_s, u"url"_s,
                                   QCoreApplication::translate("cs::Notices", "No SMS gateway is set up: an administrator enters it under Administration, Notices.")));
    p.gateway = *gateway;
    p.url = QUrl(p.gateway.url);
    if (!isAcceptableGatewayUrl(p.url))
        return stop(Error::refused(u"notify.gateway_insecure"_s, u"url"_s,
                                   QCoreApplication::translate("cs::Notices", "The SMS gateway must be reached over https (plain http only on this machine).")));
    Result<QByteArray> password = fail(Error::notFound(u"secret.not_found"_s, {}, {}));
    if (m_secrets)
        password = m_secrets->read(gatewaySecretName());
    if (!password)
        return stop(Error::refused(u"notify.no_secret"_s, u"password"_s,
                                   QCoreApplication::translate("cs::Notices", "This terminal does not hold the SMS gateway's password: an administrator enters "
                                        "it under Administration, Notices (the batch reads COUNTERSIGN_SMS_GATEWAY_PASSWORD).")));
    p.password = SecureBytes(std::move(*password));
    p.timeoutMs = int(settings.value(settingTimeout, 10)) * 1000;
    p.policy.maxAttempts = int(settings.value(settingAttempts, 6));
    p.policy.baseMs = settings.value(settingBase, 30) * 1000;
    p.policy.maxMs = settings.value(settingMax, 3600) * 1000;
    p.batchSize = int(settings.value(settingBatch, 50));
    p.utcOffsetMinutes = int(settings.value(settingOffset, 480));
    QMetaObject::invokeMethod(this, &NoticeSender::sendNext, Qt::QueuedConnection);
    return true;
}

void NoticeSender::sendNext()
{
    Pass& p = *m_pass;
    if (p.queue.isEmpty()) {
        // A lease long enough for the whole batch to time out one by one.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime leaseUntil = now.addMSecs(qint64(p.batchSize) * (p.timeoutMs + 5'000) + 60'000);
        QList<StoredNotice> claimed;
        const Status ok = m_db.transact([&](UnitOfWork& uow) -> Status {
            auto c = NoticeDeliveryRepository(uow).claimDue(m_sender, now, leaseUntil, p.batchSize);
            if (!c)
                return fail(c.error());
            claimed = *c;
            return {};
        });
        if (!ok) {
            p.summary.errorCode = ok.error().code;
            p.summary.errorMessage = ok.error().message;
            finish();
            return;
        }
        if (claimed.isEmpty()) {
            finish();
            return;
        }
        p.summary.claimed += int(claimed.size());
        p.queue = std::move(claimed);
    }

    p.current = p.queue.takeFirst();
    const StoredNotice& n = p.current;
    const QString body = renderNotice({n.kind, n.language, n.withBalance, n.payload, n.accountNumber, n.createdAt},
                                      p.gateway.signature, p.utcOffsetMinutes);
    QNetworkRequest request(p.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json; charset=utf-8"_s);
    request.setRawHeader("Idempotency-Key", n.idempotencyKey.toLatin1());
    const SecureBytes credentials(p.gateway.account.toUtf8() + ':' + p.password.bytes());
    request.setRawHeader("Authorization", "Basic " + credentials.bytes().toBase64());
    request.setTransferTimeout(p.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    const QJsonObject message{{u"message_id"_s, n.idempotencyKey}, {u"to"_s, n.phone}, {u"text"_s, body},
                              {u"account"_s, p.gateway.account}};
    p.startedAt = QDateTime::currentDateTimeUtc();
    p.reply = m_network->post(request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    connect(p.reply, &QNetworkReply::finished, this, [this, reply = p.reply.data(), body] {
        reply->deleteLater();
        Pass& pass = *m_pass;
        const Answer answer = judge(reply);
        AttemptOutcome outcome;
        outcome.noticeId = pass.current.id;
        outcome.attempt = pass.current.attempts + 1;
        outcome.sender = m_sender;
        outcome.startedAt = pass.startedAt;
        outcome.httpStatus = answer.httpStatus;
        outcome.error = answer.error;
        if (answer.verdict == Verdict::Sent) {
            outcome.outcome = u"sent"_s;
            outcome.gatewayRef = answer.gatewayRef;
            outcome.text = body;
        } else if (answer.verdict == Verdict::Refused || pass.policy.isLastAttempt(outcome.attempt)) {
            outcome.outcome = u"dead"_s;
        } else {
            outcome.outcome = u"failed"_s;
            outcome.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(
                pass.policy.delayMs(outcome.attempt, QRandomGenerator::global()->generate()));
        }
        bool kept = false;
        const Status recorded = m_db.transact([&](UnitOfWork& uow) -> Status {
            auto r = NoticeDeliveryRepository(uow).record(outcome);
            if (!r)
                return fail(r.error());
            kept = *r;
            return {};
        });
        if (!recorded) {
            pass.summary.errorCode = recorded.error().code;
            pass.summary.errorMessage = recorded.error().message;
            finish();
            return;
        }
        if (!kept)
            ++pass.summary.lost;
        else if (outcome.outcome == u"sent"_s)
            ++pass.summary.sent;
        else if (outcome.outcome == u"dead"_s)
            ++pass.summary.dead;
        else
            ++pass.summary.failed;
        if (answer.badCredentials) {
            // Every other notice would be refused the same way: leave them to the next pass, after the fix.
            pass.summary.errorCode = u"notify.gateway_credentials"_s;
            pass.summary.errorMessage = QCoreApplication::translate("cs::Notices", "The SMS gateway refused this terminal's account or password.");
            finish();
            return;
        }
        sendNext();
    });
}

void NoticeSender::finish()
{
    if (!m_pass)
        return;
    if (!m_pass->queue.isEmpty()) {
        // The pass stopped early: the notices it claimed and did not try are free for the next sender at once.
        QList<qint64> ids;
        for (const StoredNotice& n : std::as_const(m_pass->queue))
            ids.append(n.id);
        const Status released = m_db.transact([&](UnitOfWork& uow) { return NoticeDeliveryRepository(uow).release(m_sender, ids); });
        if (!released && m_pass->summary.errorCode.isEmpty()) {
            m_pass->summary.errorCode = released.error().code;
            m_pass->summary.errorMessage = released.error().message;
        }
    }
    const DeliveryPass summary = m_pass->summary;
    m_pass.reset();
    emit passFinished(summary);
}

} // namespace cs
