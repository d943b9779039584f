// Transfers on SQLite and PostgreSQL: intra-bank within the teller's authority posts at once (exact
// balances and fee); above it, every interbank one and a fee waiver wait for approval with the funds held;
// the approval actions execute (hold consumed, posting, clearing item sent or queued by the route) or
// release (refused, cancelled, expired); the clearing network's acknowledgement, where a rejection returns
// amount and fee; queued HVPS items go out when the window opens; replay under the same request id; the
// counter's daily limit, Class III limits at entry, and every refusal changing nothing.
#include "approvals/approvalregistry.h"
#include "approvals/approvalservice.h"
#include "ledger/postingengine.h"
#include "services/transferrouting.h"
#include "services/transferservice.h"
#include "support/approvals.h"
#include "support/cashfixture.h"

#include <QSemaphore>
#include <QThread>

#include <array>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QString icbc = u"102100099996"_s;
QDateTime friday(int h, int m) { return QDateTime(QDate(2026, 11, 27), QTime(h, m)); }
QDateTime saturday(int h, int m) { return QDateTime(QDate(2026, 11, 28), QTime(h, m)); }
} // namespace

class TestTransfers : public QObject {
    Q_OBJECT

private:
    CashFixture f;
    std::optional<cs::Session> super1;
    QString m_payer; // Zhang's Class I
    QString m_payee; // Li's Class I

    cs::TransferService service() { return cs::TransferService(f.db.db()); }

    // Money into an account from the clearing account (an incoming credit), through the engine.
    cs::Status fund(const QString& number, qint64 minor)
    {
        return f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.kind = u"test_funding"_s;
            r.branchId = f.teller->branchId;
            r.businessDate = f.teller->businessDate;
            r.staffId = f.teller->staffId;
            r.terminal = f.teller->terminal;
            r.lines = {{f.ledger.clearing, 'D', cny(minor), {}}, {f.idOf(number), 'C', cny(minor), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        });
    }
    cs::TransferRequest intra(const QString& from, const QString& to, qint64 minor)
    {
        cs::TransferRequest r;
        r.fromAccount = from;
        r.toAccount = to;
        r.amount = cny(minor);
        r.requestId = CashFixture::newId();
        return r;
    }
    cs::TransferRequest interbank(const QString& from, qint64 minor)
    {
        cs::TransferRequest r;
        r.fromAccount = from;
        r.toBankCode = icbc;
        r.toAccount = u"6222020200112233445"_s;
        r.toName = u"王芳"_s;
        r.amount = cny(minor);
        r.remarks = u"货款"_s;
        r.requestId = CashFixture::newId();
        return r;
    }
    qint64 held(const QString& number) { return f.db.count(u"SELECT held FROM accounts WHERE number = '%1'"_s.arg(number)); }
    qint64 journal(qint64 accountId)
    {
        qint64 value = 0;
        const cs::Status read = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto b = cs::PostingEngine::journalBalance(uow, accountId);
            if (!b)
                return cs::fail(b.error());
            value = *b;
            return {};
        });
        return read ? value : -1;
    }
    QString column(qint64 transferId, const QString& name)
    {
        return f.db.scalar(u"SELECT %1 FROM transfers WHERE id = %2"_s.arg(name).arg(transferId)).toString();
    }
    QString item(qint64 transferId, const QString& name)
    {
        return f.db.scalar(u"SELECT %1 FROM clearing_items WHERE transfer_id = %2"_s.arg(name).arg(transferId)).toString();
    }
    qint64 count(const QString& table) { return f.db.count(u"SELECT COUNT(*) FROM %1"_s.arg(table)); }

    // The checker's side without ApprovalService::approve (built in another branch): the registered
    // action, in one transaction, as the approval service runs it.
    cs::Result<QJsonObject> approveDirectly(const cs::TransferRecord& t)
    {
        const cs::ApprovalAction* action = cs::ApprovalRegistry::standard().find(
            t.toBankCode.isEmpty() ? u"transfer.intra"_s : u"transfer.interbank"_s);
        if (!action)
            return cs::fail(cs::Error::internal(u"test"_s, u"action not registered"_s));
        cs::ApprovalRecord approval;
        approval.id = t.approvalId;
        approval.entityType = u"transfer"_s;
        approval.entityId = QString::number(t.id);
        approval.state = u"approved"_s;
        QJsonObject result;
        const cs::Status done = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            if (auto ok = action->validate(uow, approval); !ok)
                return ok;
            auto r = action->execute(uow, *super1, approval);
            if (!r)
                return cs::fail(r.error());
            result = *r;
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return result;
    }
    cs::Status releaseDirectly(const cs::TransferRecord& t, const QString& approvalState)
    {
        const cs::ApprovalAction* action = cs::ApprovalRegistry::standard().find(
            t.toBankCode.isEmpty() ? u"transfer.intra"_s : u"transfer.interbank"_s);
        cs::ApprovalRecord approval;
        approval.id = t.approvalId;
        approval.entityType = u"transfer"_s;
        approval.entityId = QString::number(t.id);
        approval.state = approvalState;
        return f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status { return action->release(uow, *super1, approval); });
    }

private slots:
    void initTestCase()
    {
        cs::setTransferClockForTesting([] { return friday(10, 0); });
        CS_VERIFY_RESULT(f.create());
        auto s = f.db.signOn(u"super1"_s, QString::fromUtf16(DemoDb::password), u"S01"_s);
        CS_VERIFY_RESULT(s);
        super1 = *s;
        auto a = f.classI(zhang);
        CS_VERIFY_RESULT(a);
        m_payer = *a;
        auto b = f.classI(li);
        CS_VERIFY_RESULT(b);
        m_payee = *b;
        CS_VERIFY_RESULT(fund(m_payer, 50'000'000)); // ¥500,000
    }
    void cleanupTestCase() { cs::setTransferClockForTesting(nullptr); }

    void actionsAreRegistered()
    {
        for (const QString& name : {u"transfer.intra"_s, u"transfer.interbank"_s}) {
            const cs::ApprovalAction* action = cs::ApprovalRegistry::standard().find(name);
            QVERIFY(action);
            QCOMPARE(action->action(), name);
            QVERIFY(action->rekeyable());
        }
    }

    void previewReadsOnly()
    {
        const qint64 txns = f.journalTxns();
        auto p = service().preview(*f.teller, intra(m_payer, m_payee, 123'456));
        CS_VERIFY_RESULT(p);
        QCOMPARE(p->route, cs::TransferRoute::Intra);
        QCOMPARE(p->fee, cny(0));
        QVERIFY(!p->toName.isEmpty()); // the holder, looked up
        QCOMPARE(p->fromName, u"张伟"_s);
        QCOMPARE(p->balanceAfter, cny(50'000'000 - 123'456));
        QCOMPARE(p->availableAfter, cny(50'000'000 - 123'456));
        QVERIFY(!p->approvalRequired);
        QCOMPARE(p->amountInCapitals, u"壹仟贰佰叁拾肆元伍角陆分"_s);

        auto big = service().preview(*f.teller, interbank(m_payer, 100'000'001));
        CS_VERIFY_RESULT(big);
        QCOMPARE(big->route, cs::TransferRoute::Hvps);
        QVERIFY(!big->queued);
        QCOMPARE(big->fee, cny(2'000));
        QVERIFY(big->approvalRequired);
        QCOMPARE(big->toName, u"王芳"_s);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(count(u"transfers"_s), 0);
    }

    void intraPostsAtOnceWithinAuthority()
    {
        CS_VERIFY_RESULT(f.setSetting(u"fees.transfer.intra"_s, 150)); // ¥1.50, to see the fee line
        const qint64 payer = f.balance(m_payer);
        const qint64 payee = f.balance(m_payee);
        const qint64 income = journal(f.ledger.feeIncome);
        auto t = service().enter(*f.teller, intra(m_payer, m_payee, 5'000'000)); // ¥50,000: the teller's limit
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->state, u"posted"_s);
        QVERIFY(t->txnId > 0);
        QCOMPARE(t->approvalId, 0);
        QCOMPARE(t->fee, cny(150));
        QCOMPARE(t->route, cs::TransferRoute::Intra);
        QCOMPARE(t->balanceAfter, cny(payer - 5'000'150));
        QCOMPARE(t->makerLogin, u"teller1"_s);
        QVERIFY(!t->replayed);
        QCOMPARE(f.balance(m_payer), payer - 5'000'150);
        QCOMPARE(f.balance(m_payee), payee + 5'000'000);
        QCOMPARE(journal(f.ledger.feeIncome), income + 150);
        QCOMPARE(held(m_payer), 0);
        QCOMPARE(column(t->id, u"state"_s), u"posted"_s);
        QCOMPARE(column(t->id, u"txn_id"_s).toLongLong(), t->txnId);
        QCOMPARE(f.audits(u"transfer.enter"_s, u"success"_s), 1);
        CS_VERIFY_RESULT(f.setSetting(u"fees.transfer.intra"_s, 0));
    }

    void sameRequestIdReplays()
    {
        cs::TransferRequest r = intra(m_payer, m_payee, 10'000);
        auto first = service().enter(*f.teller, r);
        CS_VERIFY_RESULT(first);
        const qint64 payer = f.balance(m_payer);
        const qint64 txns = f.journalTxns();
        const qint64 rows = count(u"transfers"_s);
        auto again = service().enter(*f.teller, r);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->id, first->id);
        QCOMPARE(again->txnId, first->txnId);
        QCOMPARE(again->state, u"posted"_s);
        QCOMPARE(f.balance(m_payer), payer);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(count(u"transfers"_s), rows);
        // The same id with another slip still answers the first (rule 3).
        r.amount = cny(99);
        auto other = service().enter(*f.teller, r);
        CS_VERIFY_RESULT(other);
        QCOMPARE(other->amount, cny(10'000));
        QCOMPARE(f.journalTxns(), txns);
    }

    void aboveTheTellersLimitWaitsWithAHold()
    {
        const qint64 payer = f.balance(m_payer);
        const qint64 payee = f.balance(m_payee);
        const qint64 txns = f.journalTxns();
        auto t = service().enter(*f.teller, intra(m_payer, m_payee, 5'000'001)); // one fen above
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->state, u"pending"_s);
        QVERIFY(t->approvalId > 0);
        QCOMPARE(t->txnId, 0);
        QCOMPARE(f.balance(m_payer), payer);
        QCOMPARE(f.balance(m_payee), payee);
        QCOMPARE(held(m_payer), 5'000'001);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM approvals WHERE id = %1 AND state = 'pending' AND action = 'transfer.intra' "
                            "AND entity_type = 'transfer' AND entity_id = '%2'"_s.arg(t->approvalId).arg(t->id)),
                 1);
        QCOMPARE(column(t->id, u"approval_id"_s).toLongLong(), t->approvalId);
        auto shown = cs::AccountService(f.db.db()).show(*f.teller, m_payer);
        CS_VERIFY_RESULT(shown);
        QCOMPARE(shown->available, cny(payer - 5'000'001));

        // The checker's action: the hold is consumed and the money moves once.
        auto done = approveDirectly(*t);
        CS_VERIFY_RESULT(done);
        QCOMPARE(done->value(u"state"_s).toString(), u"posted"_s);
        QCOMPARE(f.balance(m_payer), payer - 5'000'001);
        QCOMPARE(f.balance(m_payee), payee + 5'000'001);
        QCOMPARE(held(m_payer), 0);
        QCOMPARE(f.journalTxns(), txns + 1);
        QCOMPARE(f.db.scalar(u"SELECT state FROM holds WHERE id = %1"_s.arg(column(t->id, u"hold_id"_s))).toString(), u"consumed"_s);
        QCOMPARE(f.db.count(u"SELECT approval_id FROM journal_txns WHERE id = %1"_s.arg(column(t->id, u"txn_id"_s))), t->approvalId);
        QCOMPARE(f.db.count(u"SELECT staff_id FROM journal_txns WHERE id = %1"_s.arg(column(t->id, u"txn_id"_s))), super1->staffId);
        // Executing again is refused: the transfer is no longer pending, nothing moves.
        CS_EXPECT_ERROR(approveDirectly(*t), "transfer.not_pending", cs::ErrorKind::Refused, "transfer");
        QCOMPARE(f.journalTxns(), txns + 1);
    }

    void releaseEndsThePendingTransfer_data()
    {
        QTest::addColumn<QString>("approvalState");
        QTest::addColumn<QString>("transferState");
        QTest::newRow("checker rejects") << u"rejected"_s << u"refused"_s;
        QTest::newRow("maker cancels") << u"cancelled"_s << u"cancelled"_s;
        QTest::newRow("end of day") << u"expired"_s << u"expired"_s;
    }
    void releaseEndsThePendingTransfer()
    {
        QFETCH(QString, approvalState);
        QFETCH(QString, transferState);
        const qint64 payer = f.balance(m_payer);
        auto t = service().enter(*f.teller, intra(m_payer, m_payee, 6'000'000));
        CS_VERIFY_RESULT(t);
        QCOMPARE(held(m_payer), 6'000'000);
        CS_VERIFY_RESULT(releaseDirectly(*t, approvalState));
        QCOMPARE(held(m_payer), 0);
        QCOMPARE(f.balance(m_payer), payer);
        QCOMPARE(column(t->id, u"state"_s), transferState);
        QCOMPARE(f.db.scalar(u"SELECT state FROM holds WHERE id = %1"_s.arg(column(t->id, u"hold_id"_s))).toString(), u"released"_s);
        auto shown = service().find(*f.teller, t->id);
        CS_VERIFY_RESULT(shown);
        QCOMPARE(shown->state, transferState);
        // Released twice: nothing more happens.
        CS_VERIFY_RESULT(releaseDirectly(*t, approvalState));
        QCOMPARE(held(m_payer), 0);
        CS_EXPECT_ERROR(approveDirectly(*t), "transfer.not_pending", cs::ErrorKind::Refused, "transfer");
    }

    // The whole round through ApprovalService: the blind re-key, one posting, and each way a pending
    // transfer can end, with the transfer's own state following the approval's.
    void throughTheApprovalService_data()
    {
        QTest::addColumn<QString>("ending");
        QTest::addColumn<QString>("approvalState");
        QTest::addColumn<QString>("transferState");
        QTest::newRow("approved") << u"approve"_s << u"approved"_s << u"posted"_s;
        QTest::newRow("rejected") << u"reject"_s << u"rejected"_s << u"refused"_s;
        QTest::newRow("cancelled") << u"cancel"_s << u"cancelled"_s << u"cancelled"_s;
        QTest::newRow("expired") << u"expire"_s << u"expired"_s << u"expired"_s;
    }
    void throughTheApprovalService()
    {
        QFETCH(QString, ending);
        QFETCH(QString, approvalState);
        QFETCH(QString, transferState);
        const cs::ApprovalService approvals(f.db.db());
        const qint64 payer = f.balance(m_payer);
        const qint64 payee = f.balance(m_payee);
        const qint64 txns = f.journalTxns();
        auto t = service().enter(*f.teller, intra(m_payer, m_payee, 6'000'000));
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->state, u"pending"_s);
        QCOMPARE(held(m_payer), 6'000'000);
        if (ending == u"approve"_s) {
            CS_EXPECT_ERROR(approvals.approve(*super1, t->approvalId, std::nullopt, CashFixture::newId()),
                            "approval.rekey_required", cs::ErrorKind::Refused, "amount");
            CS_EXPECT_ERROR(approvals.approve(*super1, t->approvalId, cny(6'000'001), CashFixture::newId()),
                            "approval.rekey_mismatch", cs::ErrorKind::Refused, "amount");
            QCOMPARE(f.balance(m_payer), payer);
            QCOMPARE(column(t->id, u"state"_s), u"pending"_s);
            CS_VERIFY_RESULT(approvals.approve(*super1, t->approvalId, cny(6'000'000), CashFixture::newId()));
        } else if (ending == u"reject"_s) {
            CS_VERIFY_RESULT(approvals.reject(*super1, t->approvalId, u"收款人信息待核实"_s, CashFixture::newId()));
            QCOMPARE(f.db.scalar(u"SELECT reason FROM approvals WHERE id = %1"_s.arg(t->approvalId)).toString(),
                     u"收款人信息待核实"_s);
        } else if (ending == u"cancel"_s) {
            CS_VERIFY_RESULT(approvals.cancel(*f.teller, t->approvalId, CashFixture::newId()));
        } else {
            CS_VERIFY_RESULT(approvals.expire(*super1, super1->branchId, super1->businessDate));
        }
        QCOMPARE(f.db.scalar(u"SELECT state FROM approvals WHERE id = %1"_s.arg(t->approvalId)).toString(), approvalState);
        QCOMPARE(column(t->id, u"state"_s), transferState);
        QCOMPARE(held(m_payer), 0);
        const bool moved = ending == u"approve"_s;
        QCOMPARE(f.balance(m_payer), moved ? payer - 6'000'000 : payer);
        QCOMPARE(f.balance(m_payee), moved ? payee + 6'000'000 : payee);
        QCOMPARE(f.journalTxns(), moved ? txns + 1 : txns);
    }

    void validateSeesWhatChangedSinceEntry()
    {
        const cs::AccountService accounts(f.db.db());
        auto t = service().enter(*f.teller, intra(m_payer, m_payee, 7'000'000));
        CS_VERIFY_RESULT(t);
        const qint64 txns = f.journalTxns();
        // The payee is frozen for credits while the transfer waits: the checker's approval is refused.
        CS_VERIFY_RESULT(cs::test::settled(
            f.db.db(), accounts.freeze(*f.teller, m_payee, cs::FreezeMode::Credit, u"judicial"_s, u"court order"_s)));
        CS_EXPECT_ERROR(approveDirectly(*t), "posting.account_frozen", cs::ErrorKind::Refused, "to_account");
        QCOMPARE(held(m_payer), 7'000'000);
        QCOMPARE(f.journalTxns(), txns);
        // Entering a new one to it is refused at once, nothing held.
        CS_EXPECT_ERROR(service().enter(*f.teller, intra(m_payer, m_payee, 1'000)), "posting.account_frozen",
                        cs::ErrorKind::Refused, "to_account");
        QCOMPARE(held(m_payer), 7'000'000);
        CS_VERIFY_RESULT(cs::test::settled(f.db.db(), accounts.unfreeze(*f.teller, m_payee, u"lifted"_s)));
        CS_VERIFY_RESULT(approveDirectly(*t));
        QCOMPARE(held(m_payer), 0);
        QCOMPARE(f.journalTxns(), txns + 1);
    }

    void feeWaiverWaits()
    {
        CS_VERIFY_RESULT(f.setSetting(u"fees.transfer.intra"_s, 200));
        cs::TransferRequest r = intra(m_payer, m_payee, 1'000);
        r.waiveFee = true;
        auto t = service().enter(*f.teller, r);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->state, u"pending"_s);
        QVERIFY(t->feeWaived);
        QCOMPARE(t->fee, cny(0));
        QCOMPARE(held(m_payer), 1'000);
        QCOMPARE(f.db.count(u"SELECT approval_id FROM holds WHERE id = %1"_s.arg(column(t->id, u"hold_id"_s))), t->approvalId);
        // The checker sees what is waived.
        QString waived;
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::ApprovalRecord a;
            a.entityType = u"transfer"_s;
            a.entityId = QString::number(t->id);
            auto d = cs::ApprovalRegistry::standard().find(u"transfer.intra"_s)->describe(uow, a);
            if (!d)
                return cs::fail(d.error());
            for (const cs::ApprovalField& field : std::as_const(*d)) {
                if (field.key == u"fee_waived"_s)
                    waived = field.newValue;
            }
            return {};
        }));
        QVERIFY2(waived.contains(u"2.00"_s), qPrintable(waived));
        CS_VERIFY_RESULT(releaseDirectly(*t, u"cancelled"_s));
        CS_VERIFY_RESULT(f.setSetting(u"fees.transfer.intra"_s, 0));
    }

    void interbankBepsIsSentOnApproval()
    {
        const qint64 payer = f.balance(m_payer);
        const qint64 clearing = journal(f.ledger.clearing);
        const qint64 income = journal(f.ledger.feeIncome);
        auto t = service().enter(*f.teller, interbank(m_payer, 200'000)); // ¥2,000: still approved (every interbank)
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->state, u"pending"_s);
        QCOMPARE(t->fee, cny(500));
        QCOMPARE(t->route, cs::TransferRoute::Beps);
        QCOMPARE(held(m_payer), 200'500);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM approvals WHERE id = %1 AND action = 'transfer.interbank'"_s.arg(t->approvalId)), 1);

        // Describe lists the slip for the checker.
        const cs::ApprovalAction* action = cs::ApprovalRegistry::standard().find(u"transfer.interbank"_s);
        QList<cs::ApprovalField> fields;
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::ApprovalRecord a;
            a.entityType = u"transfer"_s;
            a.entityId = QString::number(t->id);
            auto d = action->describe(uow, a);
            if (!d)
                return cs::fail(d.error());
            fields = *d;
            return {};
        }));
        QStringList keys;
        for (const cs::ApprovalField& field : std::as_const(fields)) {
            keys << field.key;
            QVERIFY(!field.label.isEmpty());
        }
        QVERIFY(keys.contains(u"to_bank_code"_s));
        QVERIFY(keys.contains(u"amount"_s));
        QVERIFY(keys.contains(u"fee"_s));

        auto done = approveDirectly(*t);
        CS_VERIFY_RESULT(done);
        QCOMPARE(done->value(u"state"_s).toString(), u"sent"_s);
        QCOMPARE(done->value(u"route"_s).toString(), u"beps"_s);
        QCOMPARE(f.balance(m_payer), payer - 200'500);
        QCOMPARE(held(m_payer), 0);
        QCOMPARE(journal(f.ledger.clearing), clearing + 200'000);
        QCOMPARE(journal(f.ledger.feeIncome), income + 500);
        QCOMPARE(item(t->id, u"state"_s), u"sent"_s);
        QCOMPARE(item(t->id, u"network"_s), u"beps"_s);
        QCOMPARE(item(t->id, u"message_type"_s), u"pacs.008"_s);
        const QString messageId = item(t->id, u"message_id"_s);
        QCOMPARE(messageId, cs::clearingMessageId(u"0001"_s, super1->businessDate, t->id));

        // The network accepts it.
        auto ack = service().acknowledge(*super1, t->id, true, {}, CashFixture::newId());
        CS_VERIFY_RESULT(ack);
        QCOMPARE(ack->state, u"accepted"_s);
        QCOMPARE(ack->clearingState, u"accepted"_s);
        QCOMPARE(item(t->id, u"state"_s), u"accepted"_s);
        CS_EXPECT_ERROR(service().acknowledge(*super1, t->id, false, u"again"_s, CashFixture::newId()), "clearing.not_sent",
                        cs::ErrorKind::Refused, "transfer");
    }

    void rejectedClearingItemReturnsTheFunds()
    {
        const qint64 payer = f.balance(m_payer);
        const qint64 clearing = journal(f.ledger.clearing);
        const qint64 income = journal(f.ledger.feeIncome);
        auto t = service().enter(*f.teller, interbank(m_payer, 3'000'000)); // ¥30,000, fee ¥10
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->fee, cny(1'000));
        CS_VERIFY_RESULT(approveDirectly(*t));
        QCOMPARE(f.balance(m_payer), payer - 3'001'000);

        // A teller may not acknowledge; a reason is required for a rejection.
        CS_EXPECT_ERROR(service().acknowledge(*f.teller, t->id, false, u"账户不存在"_s, CashFixture::newId()),
                        "permission.denied", cs::ErrorKind::Refused, "");
        CS_EXPECT_ERROR(service().acknowledge(*super1, t->id, false, u"  "_s, CashFixture::newId()),
                        "clearing.reason_required", cs::ErrorKind::Invalid, "reason");
        QCOMPARE(f.balance(m_payer), payer - 3'001'000);

        const QString requestId = CashFixture::newId();
        auto back = service().acknowledge(*super1, t->id, false, u"收款人账户不存在"_s, requestId);
        CS_VERIFY_RESULT(back);
        QCOMPARE(back->state, u"rejected"_s);
        QVERIFY(back->returnTxnId > 0);
        QCOMPARE(back->clearingState, u"rejected"_s);
        QCOMPARE(back->clearingReason, u"收款人账户不存在"_s);
        QCOMPARE(f.balance(m_payer), payer);
        QCOMPARE(journal(f.ledger.clearing), clearing);
        QCOMPARE(journal(f.ledger.feeIncome), income);
        QCOMPARE(f.db.count(u"SELECT reverses_txn_id FROM journal_txns WHERE id = %1"_s.arg(back->returnTxnId)), back->txnId);
        QCOMPARE(item(t->id, u"reject_reason"_s), u"收款人账户不存在"_s);
        // The same acknowledgement again replays; nothing moves twice.
        const qint64 txns = f.journalTxns();
        auto again = service().acknowledge(*super1, t->id, false, u"收款人账户不存在"_s, requestId);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->returnTxnId, back->returnTxnId);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.balance(m_payer), payer);
    }

    void hvpsOutsideItsWindowQueues()
    {
        CS_VERIFY_RESULT(fund(m_payer, 100'000'000));
        const qint64 payer = f.balance(m_payer);
        // Entered on Friday within the window, approved after the cut-off: routed at execution.
        auto t = service().enter(*f.teller, interbank(m_payer, 100'000'001));
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->route, cs::TransferRoute::Hvps);
        QCOMPARE(t->fee, cny(2'000));
        cs::setTransferClockForTesting([] { return friday(17, 15); });
        auto done = approveDirectly(*t);
        cs::setTransferClockForTesting([] { return friday(10, 0); });
        CS_VERIFY_RESULT(done);
        QCOMPARE(done->value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(f.balance(m_payer), payer - 100'002'001);
        QCOMPARE(item(t->id, u"state"_s), u"queued"_s);
        QVERIFY(f.db.scalar(u"SELECT message_id FROM clearing_items WHERE transfer_id = %1"_s.arg(t->id)).isNull());
        CS_EXPECT_ERROR(service().acknowledge(*super1, t->id, true, {}, CashFixture::newId()), "clearing.not_sent",
                        cs::ErrorKind::Refused, "transfer");

        // Not on a Saturday, not before the window; at 08:30 on a business day it goes.
        auto none = service().releaseQueued(*super1, saturday(10, 0));
        CS_VERIFY_RESULT(none);
        QCOMPARE(*none, 0);
        CS_VERIFY_RESULT(service().releaseQueued(*super1, friday(8, 29)));
        QCOMPARE(item(t->id, u"state"_s), u"queued"_s);
        CS_EXPECT_ERROR(service().releaseQueued(*f.teller, friday(9, 0)), "permission.denied", cs::ErrorKind::Refused, "");
        auto sent = service().releaseQueued(*super1, friday(8, 30));
        CS_VERIFY_RESULT(sent);
        QCOMPARE(*sent, 1);
        QCOMPARE(item(t->id, u"state"_s), u"sent"_s);
        QCOMPARE(item(t->id, u"message_id"_s), cs::clearingMessageId(u"0001"_s, super1->businessDate, t->id));
        QCOMPARE(column(t->id, u"state"_s), u"sent"_s);
        QCOMPARE(*service().releaseQueued(*super1, friday(9, 0)), 0);
    }

    void ibpsOnRequest()
    {
        CS_VERIFY_RESULT(fund(m_payer, 200'000'000));
        cs::TransferRequest r = interbank(m_payer, 150'000'000); // above BEPS, within IBPS
        r.ibps = true;
        cs::setTransferClockForTesting([] { return saturday(22, 0); });
        auto t = service().enter(*f.teller, r);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->route, cs::TransferRoute::Ibps);
        auto done = approveDirectly(*t);
        cs::setTransferClockForTesting([] { return friday(10, 0); });
        CS_VERIFY_RESULT(done);
        QCOMPARE(done->value(u"state"_s).toString(), u"sent"_s);
        QCOMPARE(item(t->id, u"network"_s), u"ibps"_s);
    }

    void refusalsChangeNothing()
    {
        const qint64 payer = f.balance(m_payer);
        const qint64 rows = count(u"transfers"_s);
        const qint64 holds = count(u"holds"_s);
        const qint64 txns = f.journalTxns();
        cs::TransferRequest bad = interbank(m_payer, 1'000);
        bad.toBankCode = u"102100099995"_s;
        CS_EXPECT_ERROR(service().enter(*f.teller, bad), "transfer.bank_code", cs::ErrorKind::Invalid, "to_bank_code");
        bad = interbank(m_payer, 1'000);
        bad.toName = QString(61, u'名');
        CS_EXPECT_ERROR(service().enter(*f.teller, bad), "transfer.to_name", cs::ErrorKind::Invalid, "to_name");
        bad = interbank(m_payer, 1'000);
        bad.toAccount = QString(33, u'1');
        CS_EXPECT_ERROR(service().enter(*f.teller, bad), "transfer.to_account", cs::ErrorKind::Invalid, "to_account");
        CS_EXPECT_ERROR(service().enter(*f.teller, intra(m_payer, m_payer, 1'000)), "transfer.same_account",
                        cs::ErrorKind::Invalid, "to_account");
        CS_EXPECT_ERROR(service().enter(*f.teller, intra(m_payer, m_payee, 0)), "transfer.amount", cs::ErrorKind::Invalid, "amount");
        CS_EXPECT_ERROR(service().enter(*f.teller, intra(m_payer, m_payee, payer + 1)), "transfer.insufficient_funds",
                        cs::ErrorKind::Refused, "amount");
        // Interbank: the fee counts (¥5 on top of everything there is).
        CS_EXPECT_ERROR(service().enter(*f.teller, interbank(m_payer, payer - 499)), "transfer.insufficient_funds",
                        cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(service().enter(*super1, intra(m_payer, m_payee, 1'000)), "permission.denied", cs::ErrorKind::Refused, "");
        QCOMPARE(f.balance(m_payer), payer);
        QCOMPARE(count(u"transfers"_s), rows);
        QCOMPARE(count(u"holds"_s), holds);
        QCOMPARE(f.journalTxns(), txns);
        QVERIFY(f.audits(u"transfer.enter"_s, u"refused"_s) >= 3);
    }

    void unknownPayee()
    {
        const QString unknown = m_payee.left(15) + QString::number((m_payee.right(1).toInt() + 1) % 10);
        auto r = service().enter(*f.teller, intra(m_payer, unknown, 1'000));
        QVERIFY(!r);
        QVERIFY(r.error().code == u"account.not_found"_s || r.error().code == u"account.format"_s
                || r.error().code.startsWith(u"account."_s));
        QCOMPARE(r.error().field, u"to_account"_s);
    }

    void dailyChannelLimit()
    {
        auto b = f.open(li, u"demand"_s, u"II"_s); // another payer, fresh day total
        CS_VERIFY_RESULT(b);
        const QString payer2 = m_payee;          // Li's Class I: nothing sent today yet
        CS_VERIFY_RESULT(f.setSetting(u"limits.counter_transfer_daily_out"_s, 300'000)); // ¥3,000
        CS_VERIFY_RESULT(service().enter(*f.teller, intra(payer2, m_payer, 200'000)));
        CS_VERIFY_RESULT(service().enter(*f.teller, intra(payer2, m_payer, 100'000)));
        const qint64 balance = f.balance(payer2);
        CS_EXPECT_ERROR(service().enter(*f.teller, intra(payer2, m_payer, 1)), "transfer.daily_limit", cs::ErrorKind::Refused,
                        "amount");
        QCOMPARE(f.balance(payer2), balance);
        // Another account of the same customer has its own limit.
        CS_VERIFY_RESULT(fund(*b, 1'000));
        CS_VERIFY_RESULT(service().enter(*f.teller, intra(*b, m_payer, 500)));
        CS_VERIFY_RESULT(f.setSetting(u"limits.counter_transfer_daily_out"_s, 500'000'000));
    }

    // Two terminals at once from one account near its daily limit: the payer's row is locked before the
    // day's total is read, so exactly one of the two gets through.
    void concurrentEntriesRespectTheDailyLimit()
    {
        const qint64 payerId = f.idOf(m_payer);
        for (int round = 0; round < 5; ++round) {
            const qint64 today = f.db.count(u"SELECT coalesce(sum(amount), 0) FROM transfers WHERE from_account_id = %1 "
                                            "AND business_date = '%2' AND state NOT IN ('refused', 'cancelled', 'expired', "
                                            "'rejected')"_s.arg(payerId).arg(f.teller->businessDate.toString(Qt::ISODate)));
            CS_VERIFY_RESULT(f.setSetting(u"limits.counter_transfer_daily_out"_s, today + 15'000));
            const qint64 payer = f.balance(m_payer);
            QSemaphore ready;
            QSemaphore go;
            std::array<std::optional<cs::Result<cs::TransferRecord>>, 2> results;
            QList<QThread*> threads;
            for (int i = 0; i < 2; ++i) {
                threads.append(QThread::create([&, i] {
                    ready.release();
                    go.acquire();
                    results[i] = service().enter(i == 0 ? *f.teller : *f.teller2, intra(m_payer, m_payee, 10'000));
                    f.db.db().closeThreadConnection();
                }));
                threads.last()->start();
            }
            ready.acquire(2);
            go.release(2);
            for (QThread* thread : std::as_const(threads)) {
                QVERIFY(thread->wait(QDeadlineTimer(60'000)));
                delete thread;
            }
            int posted = 0;
            for (const auto& r : results) {
                if (r->has_value()) {
                    ++posted;
                    QCOMPARE(r->value().state, u"posted"_s);
                } else {
                    QCOMPARE(r->error().code, u"transfer.daily_limit"_s);
                }
            }
            QCOMPARE(posted, 1);
            QCOMPARE(f.balance(m_payer), payer - 10'000);
        }
        CS_VERIFY_RESULT(f.setSetting(u"limits.counter_transfer_daily_out"_s, 500'000'000));
    }

    void classIIILimitsAtEntry()
    {
        auto three = f.open(zhang, u"demand"_s, u"III"_s);
        CS_VERIFY_RESULT(three);
        CS_VERIFY_RESULT(fund(*three, 150'000)); // ¥1,500
        CS_VERIFY_RESULT(f.setSetting(u"class3.daily_out"_s, 100'000)); // ¥1,000 a day
        const qint64 rows = count(u"transfers"_s);
        // Pending interbank (held, not posted): the engine's rule is asked at entry.
        CS_EXPECT_ERROR(service().enter(*f.teller, interbank(*three, 99'600)), "limit.class3_daily_out", cs::ErrorKind::Refused,
                        "amount"); // ¥996 + ¥5 fee > ¥1,000
        QCOMPARE(count(u"transfers"_s), rows);
        auto ok = service().enter(*f.teller, interbank(*three, 99'500)); // ¥995 + ¥5 = ¥1,000
        CS_VERIFY_RESULT(ok);
        QCOMPARE(ok->state, u"pending"_s);
        // To the bound Class I the limit does not apply.
        CS_VERIFY_RESULT(service().enter(*f.teller, intra(*three, m_payer, 10'000)));
        CS_VERIFY_RESULT(f.setSetting(u"class3.daily_out"_s, 200'000));
    }

    void listAndShow()
    {
        auto all = service().list(*f.teller, {});
        CS_VERIFY_RESULT(all);
        QCOMPARE(all->size(), count(u"transfers"_s));
        auto pending = service().list(*super1, {{}, 0, u"pending"_s});
        CS_VERIFY_RESULT(pending);
        for (const cs::TransferRecord& t : std::as_const(*pending))
            QCOMPARE(t.state, u"pending"_s);
        auto auditor = f.db.signOn(u"auditor1"_s);
        CS_VERIFY_RESULT(auditor);
        CS_VERIFY_RESULT(service().list(*auditor, {}));
        CS_EXPECT_ERROR(service().find(*f.teller, 999'999), "transfer.not_found", cs::ErrorKind::NotFound, "transfer");
        const QJsonObject json = cs::transferJson(all->first());
        QVERIFY(json.value(u"amount"_s).isString());
        QVERIFY(json.value(u"fee"_s).isString());
    }

    void databaseRefusesWhatTheCoreRefuses()
    {
        // Bypassing the service: an interbank transfer without a bank code, a rejected item without reason.
        const qint64 branch = f.teller->branchId;
        const QString date = f.teller->businessDate.toString(Qt::ISODate);
        const auto refused = [&](const QString& sql) {
            const cs::Status s = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
                auto q = uow.exec(sql);
                if (!q)
                    return cs::fail(q.error());
                return {};
            });
            return !s;
        };
        const QString head = u"INSERT INTO transfers (branch_id, business_date, request_id, kind, from_account_id, to_account_id, "
                             "to_bank_code, to_account_no, to_name, amount, fee, currency, route, state, maker_id, terminal) VALUES "_s;
        QVERIFY(refused(head + u"(%1, '%2', 'x1', 'interbank', %3, NULL, NULL, '1', 'n', 100, 0, 'CNY', 'beps', 'pending', %4, 'T')"_s
                                   .arg(branch).arg(date).arg(f.idOf(m_payer)).arg(f.teller->staffId)));
        QVERIFY(refused(head + u"(%1, '%2', 'x2', 'intra', %3, %3, NULL, '1', 'n', 100, 0, 'CNY', 'intra', 'pending', %4, 'T')"_s
                                   .arg(branch).arg(date).arg(f.idOf(m_payer)).arg(f.teller->staffId)));
        QVERIFY(refused(u"UPDATE clearing_items SET state = 'rejected', acknowledged_at = '2026-01-01T00:00:00.000Z' "
                        "WHERE state = 'sent'"_s));
        QVERIFY(refused(u"UPDATE transfers SET state = 'posted' WHERE state = 'pending'"_s));
    }
};

QTEST_GUILESS_MAIN(TestTransfers)
#include "tst_transfers.moc"
