// Delivery of the notice outbox to a real HTTP SMS gateway on the loopback (QtHttpServer), on SQLite and
// PostgreSQL. Whatever the gateway does (answers, fails with 500, never answers, drops the connection,
// refuses a message, presents a certificate nobody trusts), every notice reaches a phone once by the
// gateway's own count, failures wait with backoff and turn dead after the last attempt, and a dead notice
// goes out again after an administrator's retry.
#include "storage/noticedeliveryrepository.h"
#include "support/noticefixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
} // namespace

class TestNoticeDelivery : public QObject {
    Q_OBJECT

private:
    NoticeFixture f;
    QString m_account;
    std::unique_ptr<SmsGateway> m_gateway;

    QString stateOf(qint64 id) { return f.db.scalar(u"SELECT state FROM notice_outbox WHERE id = %1"_s.arg(id)).toString(); }
    qint64 attemptsOf(qint64 id) { return f.db.count(u"SELECT attempts FROM notice_outbox WHERE id = %1"_s.arg(id)); }
    qint64 lastNotice() { return f.db.count(u"SELECT MAX(id) FROM notice_outbox"_s); }
    QStringList outcomes(qint64 id)
    {
        QStringList all;
        const auto attempts = cs::NoticeService(f.db.db()).attempts(*f.admin, id);
        for (const cs::NoticeAttemptRecord& a : attempts.value_or(QList<cs::NoticeAttemptRecord>{}))
            all.append(a.outcome + (a.httpStatus > 0 ? u" %1"_s.arg(a.httpStatus) : QString()));
        return all;
    }
    void makeDue(qint64 id)
    {
        CS_VERIFY_RESULT(f.db.execute(u"UPDATE notice_outbox SET next_attempt_at = ? WHERE id = ?"_s,
                                      {QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODateWithMs), id}));
    }
    // One new notice: a deposit of `minor` into the subscribed account.
    qint64 queue(qint64 minor = 10'000)
    {
        const qint64 before = lastNotice();
        if (!f.deposit(m_account, minor))
            return 0;
        const qint64 id = lastNotice();
        return id > before ? id : 0;
    }
    void settings(qint64 attempts, qint64 baseSeconds, qint64 timeoutSeconds = 10)
    {
        QVERIFY(f.setSetting(u"notify.max_attempts"_s, attempts));
        QVERIFY(f.setSetting(u"notify.backoff_base_seconds"_s, baseSeconds));
        QVERIFY(f.setSetting(u"notify.timeout_seconds"_s, timeoutSeconds));
    }
    void freshGateway()
    {
        m_gateway = std::make_unique<SmsGateway>();
        QVERIFY(m_gateway->start());
        CS_VERIFY_RESULT(f.useGateway(*m_gateway));
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        auto one = f.classI(zhang);
        CS_VERIFY_RESULT(one);
        m_account = *one;
        CS_VERIFY_RESULT(f.subscribe(m_account, u"13812345678"_s, true));
    }
    void init()
    {
        // Every test starts with nothing waiting (an earlier test's leftovers are set aside as sent would
        // hide its failures, so they are asserted there instead).
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE state IN ('pending', 'failed')"_s), qint64(0));
        freshGateway();
        settings(6, 0);
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        f.db.reset();
    }

    void withoutGatewayOrPasswordNothingIsClaimed()
    {
        const qint64 id = queue();
        QVERIFY(id > 0);
        cs::MemorySecretStore empty;
        cs::NoticeSender noPassword(f.db.db(), &empty, u"T09"_s);
        const cs::DeliveryPass refused = noPassword.runPass();
        QCOMPARE(refused.errorCode, u"notify.no_secret"_s);
        QVERIFY(!refused.errorMessage.isEmpty());
        QCOMPARE(refused.claimed, 0);
        QCOMPARE(stateOf(id), u"pending"_s);
        QCOMPARE(m_gateway->requests(), 0);
        // A wrong password: the gateway refuses (401), the notice waits for the fix and is not dead.
        cs::MemorySecretStore wrong;
        QVERIFY(wrong.write(cs::gatewaySecretName(), "not-the-password"));
        cs::NoticeSender badPassword(f.db.db(), &wrong, u"T09"_s);
        const cs::DeliveryPass unauthorised = badPassword.runPass();
        QCOMPARE(unauthorised.errorCode, u"notify.gateway_credentials"_s);
        QCOMPARE(unauthorised.failed, 1);
        QCOMPARE(stateOf(id), u"failed"_s);
        QCOMPARE(m_gateway->refusedCredentials(), 1);
        QCOMPARE(m_gateway->delivered(), 0);
        const cs::DeliveryPass right = f.pass();
        QVERIFY2(right.ok(), qPrintable(right.errorMessage));
        QCOMPARE(right.sent, 1);
        QCOMPARE(stateOf(id), u"sent"_s);
        QCOMPARE(outcomes(id), (QStringList{u"failed 401"_s, u"sent 200"_s}));
        QCOMPARE(m_gateway->delivered(), 1);
    }

    void everyNoticeIsDeliveredOnceWithItsText()
    {
        const qint64 a = queue(12'345);
        const qint64 b = queue(100);
        const qint64 c = queue(99'999);
        const cs::DeliveryPass pass = f.pass();
        QVERIFY2(pass.ok(), qPrintable(pass.errorMessage));
        QCOMPARE(pass.claimed, 3);
        QCOMPARE(pass.sent, 3);
        QCOMPARE(pass.failed + pass.dead + pass.lost, 0);
        QCOMPARE(m_gateway->delivered(), 3);
        QCOMPARE(m_gateway->requests(), 3);
        for (qint64 id : {a, b, c})
            QCOMPARE(stateOf(id), u"sent"_s);
        const QJsonObject first = m_gateway->messages().first();
        QCOMPARE(first.value(u"to"_s).toString(), u"13812345678"_s);
        QCOMPARE(first.value(u"message_id"_s).toString(), f.db.scalar(u"SELECT idempotency_key FROM notice_outbox WHERE id = %1"_s.arg(a)).toString());
        const QString text = first.value(u"text"_s).toString();
        QVERIFY2(text.startsWith(u"您的账户****"_s + m_account.right(4) + u"于"_s), qPrintable(text));
        QVERIFY2(text.contains(u"收入人民币123.45元，余额人民币"_s) && text.endsWith(u"元。【示例银行】"_s), qPrintable(text));
        QCOMPARE(f.db.scalar(u"SELECT sent_text FROM notice_outbox WHERE id = %1"_s.arg(a)).toString(), text);
        QCOMPARE(f.db.scalar(u"SELECT gateway_ref FROM notice_outbox WHERE id = %1"_s.arg(a)).toString(), u"gw-1"_s);
        // Nothing is due: a second pass claims nothing and the gateway hears nothing more.
        QCOMPARE(f.pass().claimed, 0);
        QCOMPARE(m_gateway->requests(), 3);
    }

    void theOutboxIsReadPageByPage()
    {
        cs::NoticeService service(f.db.db());
        auto all = service.outbox(*f.admin, {u"sent"_s, 100, 0});
        CS_VERIFY_RESULT(all);
        QVERIFY(all->size() >= 4);
        auto first = service.outbox(*f.admin, {u"sent"_s, 2, 0});
        CS_VERIFY_RESULT(first);
        QCOMPARE(first->size(), 2);
        QCOMPARE(first->at(0).id, all->at(0).id);
        QCOMPARE(first->at(1).id, all->at(1).id);
        auto next = service.outbox(*f.admin, {u"sent"_s, 2, first->at(1).id});
        CS_VERIFY_RESULT(next);
        QCOMPARE(next->size(), 2);
        QCOMPARE(next->at(0).id, all->at(2).id);
        QCOMPARE(next->at(1).id, all->at(3).id);
        auto counts = service.outboxCounts(*f.admin);
        CS_VERIFY_RESULT(counts);
        QCOMPARE(counts->value(u"sent"_s), qint64(all->size()));
        QCOMPARE(counts->value(u"dead"_s), qint64(0));
    }

    void serverErrorsAreRetriedUntilAccepted()
    {
        const qint64 id = queue();
        m_gateway->script({SmsGateway::Answer::ServerError, SmsGateway::Answer::ServerError});
        const cs::DeliveryPass pass = f.pass(); // no backoff: the same pass tries again at once
        QCOMPARE(pass.sent, 1);
        QCOMPARE(pass.failed, 2);
        QCOMPARE(stateOf(id), u"sent"_s);
        QCOMPARE(attemptsOf(id), qint64(3));
        QCOMPARE(outcomes(id), (QStringList{u"failed 500"_s, u"failed 500"_s, u"sent 200"_s}));
        QCOMPARE(m_gateway->delivered(), 1);
    }

    void aTimeoutIsRetriedAndTheGatewayDeliversOnce()
    {
        settings(6, 0, 1);
        const qint64 id = queue();
        // The gateway takes the message but never answers; the retry carries the same key and is answered
        // as a duplicate: one SMS, two requests.
        m_gateway->script({SmsGateway::Answer::Hang});
        const cs::DeliveryPass pass = f.pass();
        QCOMPARE(pass.sent, 1);
        QCOMPARE(pass.failed, 1);
        QCOMPARE(stateOf(id), u"sent"_s);
        QCOMPARE(m_gateway->requests(), 2);
        QCOMPARE(m_gateway->delivered(), 1);
        QCOMPARE(outcomes(id), (QStringList{u"failed"_s, u"sent 200"_s}));
        const auto attempts = cs::NoticeService(f.db.db()).attempts(*f.admin, id);
        CS_VERIFY_RESULT(attempts);
        QCOMPARE(attempts->first().error, u"The gateway did not answer in time."_s);
    }

    void aDroppedConnectionIsRetriedAndTheGatewayDeliversOnce()
    {
        const qint64 id = queue();
        // QNetworkAccessManager itself sends a request again once when the connection closes before any
        // answer, so the attempts may be fewer than the requests: the key makes that harmless too.
        m_gateway->script({SmsGateway::Answer::Drop, SmsGateway::Answer::AcceptDrop});
        const cs::DeliveryPass pass = f.pass();
        QCOMPARE(pass.sent, 1);
        QVERIFY(pass.failed <= 2);
        QCOMPARE(attemptsOf(id), qint64(pass.failed + 1));
        QCOMPARE(stateOf(id), u"sent"_s);
        QCOMPARE(m_gateway->requests(), 3);
        QCOMPARE(m_gateway->delivered(), 1);
    }

    void failuresWaitWithBackoff()
    {
        settings(6, 60);
        const qint64 id = queue();
        m_gateway->setAnswer(SmsGateway::Answer::ServerError);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const cs::DeliveryPass pass = f.pass();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(pass.failed, 1);
        QCOMPARE(stateOf(id), u"failed"_s);
        // The first failure waits 30 to 60 seconds (half of the base, plus jitter).
        auto notice = cs::NoticeService(f.db.db()).outbox(*f.admin, {u"failed"_s, 10});
        CS_VERIFY_RESULT(notice);
        QCOMPARE(notice->size(), 1);
        const qint64 wait = before.msecsTo(notice->first().nextAttemptAt);
        QVERIFY2(wait >= 30'000 && after.msecsTo(notice->first().nextAttemptAt) <= 60'000, qPrintable(QString::number(wait)));
        QCOMPARE(notice->first().lastError, u"HTTP 500"_s);
        // Not due yet: the next pass leaves it alone.
        QCOMPARE(f.pass().claimed, 0);
        QCOMPARE(m_gateway->requests(), 1);
        // Once due (moved forward here instead of waiting), it goes out.
        m_gateway->setAnswer(SmsGateway::Answer::Accept);
        makeDue(id);
        QCOMPARE(f.pass().sent, 1);
        QCOMPARE(m_gateway->delivered(), 1);
    }

    void theLastFailureMakesADeadLetterThatTheAdministratorRetries()
    {
        settings(3, 0);
        const qint64 id = queue();
        m_gateway->setAnswer(SmsGateway::Answer::Drop);
        const cs::DeliveryPass pass = f.pass();
        QCOMPARE(pass.failed, 2);
        QCOMPARE(pass.dead, 1);
        QCOMPARE(stateOf(id), u"dead"_s);
        QCOMPARE(outcomes(id), (QStringList{u"failed"_s, u"failed"_s, u"dead"_s}));
        QCOMPARE(m_gateway->delivered(), 0);
        QCOMPARE(f.pass().claimed, 0);

        cs::NoticeService service(f.db.db());
        CS_EXPECT_ERROR(service.retryDead(*f.teller, id, f.newId()), "permission.denied", cs::ErrorKind::Refused, "");
        CS_EXPECT_ERROR(service.retryDead(*f.admin, id + 1000, f.newId()), "notice.not_found", cs::ErrorKind::NotFound, "notice");
        const QString request = f.newId();
        auto retried = service.retryDead(*f.admin, id, request);
        CS_VERIFY_RESULT(retried);
        QCOMPARE(retried->state, u"pending"_s);
        QCOMPARE(retried->attempts, 0);
        CS_VERIFY_RESULT(service.retryDead(*f.admin, id, request)); // the same request: the first answer
        CS_EXPECT_ERROR(service.retryDead(*f.admin, id, f.newId()), "notice.not_dead", cs::ErrorKind::Refused, "notice");
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'notice.retry' AND outcome = 'success'"_s), qint64(1));

        m_gateway->setAnswer(SmsGateway::Answer::Accept);
        QCOMPARE(f.pass().sent, 1);
        QCOMPARE(stateOf(id), u"sent"_s);
        QCOMPARE(outcomes(id), (QStringList{u"failed"_s, u"failed"_s, u"dead"_s, u"sent 200"_s}));
        QCOMPARE(m_gateway->delivered(), 1);
    }

    void aRefusedMessageIsDeadAtOnce()
    {
        const qint64 id = queue();
        m_gateway->setAnswer(SmsGateway::Answer::Reject);
        const cs::DeliveryPass pass = f.pass();
        QCOMPARE(pass.dead, 1);
        QCOMPARE(stateOf(id), u"dead"_s);
        QCOMPARE(attemptsOf(id), qint64(1));
        QCOMPARE(outcomes(id), QStringList{u"dead 400"_s});
        // Left dead: set aside for the next tests (cancelled is final, and what the administrator would do
        // is retry it, which the test above covers).
        m_gateway->setAnswer(SmsGateway::Answer::Accept);
        CS_VERIFY_RESULT(cs::NoticeService(f.db.db()).retryDead(*f.admin, id, f.newId()));
        QCOMPARE(f.pass().sent, 1);
    }

    void anUntrustedCertificateIsRefused()
    {
        SmsGateway tls;
        QVERIFY(tls.startTls());
        CS_VERIFY_RESULT(f.useGateway(tls));
        settings(6, 60);
        const qint64 id = queue();
        const cs::DeliveryPass pass = f.pass();
        QCOMPARE(pass.failed, 1);
        QCOMPARE(stateOf(id), u"failed"_s);
        QCOMPARE(tls.requests(), 0);
        QCOMPARE(tls.delivered(), 0);
        const QString error = f.db.scalar(u"SELECT last_error FROM notice_outbox WHERE id = %1"_s.arg(id)).toString();
        QVERIFY2(error.contains(u"SSL"_s, Qt::CaseInsensitive) || error.contains(u"certificate"_s, Qt::CaseInsensitive),
                 qPrintable(error));
        // Back to the plain loopback gateway, the notice goes out.
        CS_VERIFY_RESULT(f.useGateway(*m_gateway));
        makeDue(id);
        QCOMPARE(f.pass().sent, 1);
        QCOMPARE(m_gateway->delivered(), 1);
    }

    void aSenderClosedMidPassHandsItsNoticesBack()
    {
        settings(6, 0, 30);
        const qint64 a = queue();
        const qint64 b = queue();
        m_gateway->setAnswer(SmsGateway::Answer::Hang);
        {
            cs::NoticeSender closing(f.db.db(), &f.secrets, u"T09/closing"_s);
            QVERIFY(closing.start());
            QTRY_COMPARE(m_gateway->requests(), 1);
            QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE claimed_by IS NOT NULL"_s), qint64(2));
        }
        // Nothing waits for the lease: both are free at once, and nothing was recorded as an attempt.
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM notice_outbox WHERE claimed_by IS NOT NULL"_s), qint64(0));
        QCOMPARE(stateOf(a), u"pending"_s);
        QCOMPARE(stateOf(b), u"pending"_s);
        QCOMPARE(attemptsOf(a), qint64(0));
        m_gateway->setAnswer(SmsGateway::Answer::Accept);
        QCOMPARE(f.pass().sent, 2);
        // The gateway had taken the first already: the second try of its key is no second SMS.
        QCOMPARE(m_gateway->requests(), 3);
        QCOMPARE(m_gateway->delivered(), 2);
    }

    void anotherSendersLeaseIsRespectedUntilItRunsOut()
    {
        const qint64 id = queue();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Another sender claimed it a moment ago and is still sending.
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto claimed = cs::NoticeDeliveryRepository(uow).claimDue(u"other#1"_s, now, now.addSecs(600), 10);
            if (!claimed)
                return cs::fail(claimed.error());
            return claimed->size() == 1 ? cs::Status{} : cs::fail(cs::Error::internal(u"test"_s, u"not claimed"_s));
        }));
        QCOMPARE(f.pass().claimed, 0);
        QCOMPARE(m_gateway->requests(), 0);
        // Its lease ran out (it died): the notice is free again and goes out once.
        CS_VERIFY_RESULT(f.db.execute(u"UPDATE notice_outbox SET claimed_until = ? WHERE id = ?"_s,
                                      {now.addSecs(-1).toString(Qt::ISODateWithMs), id}));
        const cs::DeliveryPass pass = f.pass();
        QCOMPARE(pass.sent, 1);
        // The late sender's answer finds its lease gone: its attempt is logged, the notice is not touched.
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::AttemptOutcome late;
            late.noticeId = id;
            late.attempt = 1;
            late.sender = u"other#1"_s;
            late.startedAt = now;
            late.outcome = u"sent"_s;
            late.httpStatus = 200;
            auto kept = cs::NoticeDeliveryRepository(uow).record(late);
            if (!kept)
                return cs::fail(kept.error());
            return *kept ? cs::fail(cs::Error::internal(u"test"_s, u"a lost lease was honoured"_s)) : cs::Status{};
        }));
        QCOMPARE(stateOf(id), u"sent"_s);
        QCOMPARE(attemptsOf(id), qint64(1));
        QCOMPARE(m_gateway->delivered(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNoticeDelivery)
#include "tst_noticedelivery.moc"
