// Reversals (冲正) on SQLite and PostgreSQL: a supervisor reverses a transfer and a cash deposit with
// exact balances after; the same request id again moves nothing; a teller is refused (approval
// required); a reason is required; cash is reversed only on its day while its cash box is open; a
// transaction is reversed once and a reversal never.
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/internalaccounts.h"
#include "services/reversalservice.h"
#include "support/demodb.h"

using cs::test::DemoDb;

namespace {

cs::Money cny(qint64 minor) { return cs::Money(minor, cs::Currency::cny()); }

} // namespace

class TestReversal : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_teller;
    std::optional<cs::Session> m_super;
    std::optional<cs::Session> m_auditor;
    qint64 m_cashBox = 0;
    qint64 m_vault = 0;
    qint64 m_a = 0;
    qint64 m_b = 0;
    qint64 m_c = 0;
    QString m_numberA;
    QString m_numberB;
    QString m_numberC;
    qint64 m_transfer = 0;       // 300.00 from A to B
    qint64 m_transferReversal = 0;
    int m_requests = 0;

    cs::ReversalService service() { return cs::ReversalService(m_db.db()); }
    QString nextRequestId() { return u"rv-%1"_s.arg(++m_requests); }
    qint64 balance(qint64 account) { return m_db.count(u"SELECT balance FROM accounts WHERE id = %1"_s.arg(account)); }
    qint64 lineCount() { return m_db.count(u"SELECT COUNT(*) FROM journal_lines"_s); }
    qint64 txnCount() { return m_db.count(u"SELECT COUNT(*) FROM journal_txns"_s); }
    qint64 audits(const QString& action, const QString& outcome)
    {
        return m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' AND outcome = '%2'"_s.arg(action, outcome));
    }

    cs::Status exec(const QString& sql)
    {
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(sql);
            if (!q)
                return cs::fail(q.error());
            return {};
        });
    }
    cs::Result<qint64> post(const QString& kind, QList<cs::PostingLine> lines)
    {
        qint64 txn = 0;
        const cs::Status done = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = nextRequestId();
            r.kind = kind;
            r.branchId = m_teller->branchId;
            r.businessDate = m_teller->businessDate;
            r.staffId = m_teller->staffId;
            r.terminal = m_teller->terminal;
            r.lines = lines;
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            txn = posted->txnId;
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return txn;
    }
    cs::Result<qint64> deposit(qint64 account, qint64 minor)
    {
        return post(u"cash_deposit"_s, {{m_cashBox, 'D', cny(minor), {}}, {account, 'C', cny(minor), {}}});
    }
    // teller1's cash box session on the business day, opened before anything is posted to it.
    cs::Status openSession()
    {
        return exec(u"INSERT INTO cashbox_sessions (branch_id, staff_id, account_id, business_date, state, opening_minor, "
                     "opened_at) VALUES (%1, %2, %3, '%4', 'open', 0, '2000-01-01T00:00:00.000Z')"_s
                        .arg(m_teller->branchId)
                        .arg(m_teller->staffId)
                        .arg(m_cashBox)
                        .arg(m_teller->businessDate.toString(Qt::ISODate)));
    }
    cs::Status closeSession()
    {
        return exec(u"UPDATE cashbox_sessions SET state = 'closed', counted_minor = 0, difference_minor = 0, "
                     "closed_at = '2000-01-01T00:00:01.000Z' WHERE account_id = %1 AND state = 'open'"_s.arg(m_cashBox));
    }
    qint64 openClassI(const QString& idNumber, QString* number)
    {
        const qint64 customer = m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
        const auto opened = cs::AccountService(m_db.db()).open(*m_teller, {customer, u"demand"_s, u"I"_s, {}, {}});
        if (!opened)
            return 0;
        *number = opened->number;
        return opened->accountId;
    }
    template <typename R>
    void expectError(const R& r, const QString& code, cs::ErrorKind kind, const QString& field = {})
    {
        QVERIFY2(!r, qPrintable(u"expected "_s + code));
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        m_teller = *teller;
        auto super = m_db.signOn(u"super1"_s, QString::fromUtf16(DemoDb::password), u"T02"_s);
        CS_VERIFY_RESULT(super);
        m_super = *super;
        auto auditor = m_db.signOn(u"auditor1"_s, QString::fromUtf16(DemoDb::password), u"T03"_s);
        CS_VERIFY_RESULT(auditor);
        m_auditor = *auditor;
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto ledger = cs::InternalAccounts::ensure(uow, m_teller->branchId);
            if (!ledger)
                return cs::fail(ledger.error());
            m_vault = ledger->vault;
            auto box = cs::InternalAccounts::ensureCashBox(uow, m_teller->branchId, m_teller->staffId);
            if (!box)
                return cs::fail(box.error());
            m_cashBox = *box;
            return {};
        }));
        m_a = openClassI(u"110101198003151239"_s, &m_numberA);
        m_b = openClassI(u"310104199207082467"_s, &m_numberB);
        m_c = openClassI(u"440305197511220358"_s, &m_numberC);
        QVERIFY(m_a > 0 && m_b > 0 && m_c > 0);
        CS_VERIFY_RESULT(openSession());
        CS_VERIFY_RESULT(deposit(m_a, 100'000)); // 1,000.00
        auto transfer = post(u"transfer"_s, {{m_a, 'D', cny(30'000), {}}, {m_b, 'C', cny(30'000), {}}});
        CS_VERIFY_RESULT(transfer);
        m_transfer = *transfer;
        QCOMPARE(balance(m_a), 70'000);
        QCOMPARE(balance(m_b), 30'000);
    }
    void cleanupTestCase() { m_db.reset(); }

    void tellerIsRefusedApprovalRequired()
    {
        const qint64 lines = lineCount();
        const qint64 refused = audits(u"reversal.request"_s, u"refused"_s);
        const auto r = service().reverse(*m_teller, m_transfer, u"wrong account"_s, nextRequestId());
        expectError(r, u"reversal.approval_required"_s, cs::ErrorKind::Refused);
        QVERIFY2(r.error().message.contains(u"supervisor"_s), qPrintable(r.error().message));
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 70'000);
        QCOMPARE(balance(m_b), 30'000);
        QCOMPARE(audits(u"reversal.request"_s, u"refused"_s), refused + 1);
        QCOMPARE(m_db.scalar(u"SELECT detail FROM audit_log WHERE action = 'reversal.request' ORDER BY id DESC"_s).toString(),
                 u"reversal.approval_required"_s);
    }
    void auditorMayNotAsk()
    {
        const auto r = service().reverse(*m_auditor, m_transfer, u"wrong account"_s, nextRequestId());
        expectError(r, u"permission.denied"_s, cs::ErrorKind::Refused);
        QCOMPARE(balance(m_a), 70'000);
    }
    void reasonIsRequired_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"   "_s;
    }
    void reasonIsRequired()
    {
        QFETCH(QString, reason);
        const qint64 lines = lineCount();
        const auto r = service().reverse(*m_super, m_transfer, reason, nextRequestId());
        expectError(r, u"reversal.reason_required"_s, cs::ErrorKind::Invalid, u"reason"_s);
        QCOMPARE(lineCount(), lines);
    }
    void requestIdIsRequired()
    {
        const auto r = service().reverse(*m_super, m_transfer, u"wrong account"_s, {});
        expectError(r, u"reversal.request_id"_s, cs::ErrorKind::Invalid, u"request_id"_s);
    }
    void unknownTransaction()
    {
        const auto r = service().reverse(*m_super, 999'999, u"wrong account"_s, nextRequestId());
        expectError(r, u"reversal.txn_not_found"_s, cs::ErrorKind::NotFound, u"txn"_s);
    }

    void supervisorReversesTransfer()
    {
        const qint64 lines = lineCount();
        const qint64 decided = audits(u"approval.decide"_s, u"success"_s);
        const auto r = service().reverse(*m_super, m_transfer, u"  wrong beneficiary  "_s, u"rv-transfer"_s);
        CS_VERIFY_RESULT(r);
        QVERIFY(!r->replayed);
        QCOMPARE(r->originalTxnId, m_transfer);
        QVERIFY(r->reversalTxnId > m_transfer);
        m_transferReversal = r->reversalTxnId;
        QCOMPARE(balance(m_a), 100'000);
        QCOMPARE(balance(m_b), 0);
        QCOMPARE(r->balances.size(), 2);
        QCOMPARE(r->balances.value(m_numberA, cny(-1)), cny(100'000));
        QCOMPARE(r->balances.value(m_numberB, cny(-1)), cny(0));
        QCOMPARE(lineCount(), lines + 2);
        const QString txn = QString::number(m_transferReversal);
        QCOMPARE(m_db.scalar(u"SELECT kind FROM journal_txns WHERE id = "_s + txn).toString(), u"reversal"_s);
        QCOMPARE(m_db.count(u"SELECT reverses_txn_id FROM journal_txns WHERE id = "_s + txn), m_transfer);
        QCOMPARE(m_db.count(u"SELECT staff_id FROM journal_txns WHERE id = "_s + txn), m_super->staffId);
        QCOMPARE(m_db.scalar(u"SELECT memo FROM journal_txns WHERE id = "_s + txn).toString(), u"wrong beneficiary"_s);
        QCOMPARE(m_db.scalar(u"SELECT side FROM journal_lines WHERE txn_id = %1 AND account_id = %2"_s.arg(txn).arg(m_a))
                     .toString(),
                 u"C"_s);
        QCOMPARE(audits(u"approval.decide"_s, u"success"_s), decided + 1);
        QCOMPARE(m_db.scalar(u"SELECT entity_type || ':' || entity_id FROM audit_log WHERE action = 'approval.decide' "
                              "ORDER BY id DESC"_s)
                     .toString(),
                 u"journal_txn:"_s + QString::number(m_transfer));
        const QString after =
            m_db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'approval.decide' ORDER BY id DESC"_s).toString();
        QVERIFY2(after.contains(u"wrong beneficiary"_s) && after.contains(txn), qPrintable(after));
    }
    void sameRequestIdMovesNothing()
    {
        const qint64 lines = lineCount();
        const qint64 records = m_db.count(u"SELECT COUNT(*) FROM audit_log"_s);
        const auto again = service().reverse(*m_super, m_transfer, u"wrong beneficiary"_s, u"rv-transfer"_s);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->reversalTxnId, m_transferReversal);
        QCOMPARE(again->originalTxnId, m_transfer);
        QCOMPARE(again->balances.value(m_numberA, cny(-1)), cny(100'000));
        QCOMPARE(again->balances.value(m_numberB, cny(-1)), cny(0));
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 100'000);
        QCOMPARE(balance(m_b), 0);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log"_s), records);
    }
    void reversingTwiceIsRefused()
    {
        const qint64 lines = lineCount();
        const auto r = service().reverse(*m_super, m_transfer, u"again"_s, nextRequestId());
        expectError(r, u"posting.already_reversed"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 100'000);
        QCOMPARE(balance(m_b), 0);
    }
    void reversingAReversalIsRefused()
    {
        const qint64 lines = lineCount();
        const auto r = service().reverse(*m_super, m_transferReversal, u"undo the undo"_s, nextRequestId());
        expectError(r, u"posting.is_reversal"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 100'000);
    }
    void requestIdOfAnotherActionIsRefused()
    {
        // The teller's refused request left nothing behind, but a posted cash deposit's id is taken.
        const QString taken = m_db.scalar(u"SELECT request_id FROM journal_txns WHERE kind = 'cash_deposit' ORDER BY id"_s)
                                  .toString();
        const qint64 lines = lineCount();
        auto other = post(u"transfer"_s, {{m_a, 'D', cny(100), {}}, {m_b, 'C', cny(100), {}}});
        CS_VERIFY_RESULT(other);
        const auto r = service().reverse(*m_super, *other, u"typo"_s, taken);
        expectError(r, u"posting.request_reused"_s, cs::ErrorKind::Refused, u"request_id"_s);
        QCOMPARE(lineCount(), lines + 2);
        CS_VERIFY_RESULT(service().reverse(*m_super, *other, u"typo"_s, nextRequestId()));
        QCOMPARE(balance(m_a), 100'000);
        QCOMPARE(balance(m_b), 0);
    }

    void supervisorReversesCashDeposit()
    {
        const qint64 box = balance(m_cashBox);
        auto cash = deposit(m_b, 50'000);
        CS_VERIFY_RESULT(cash);
        QCOMPARE(balance(m_b), 50'000);
        QCOMPARE(balance(m_cashBox), box + 50'000);
        const auto r = service().reverse(*m_super, *cash, u"counterfeit note found"_s, nextRequestId());
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->originalTxnId, *cash);
        QCOMPARE(r->balances.size(), 1); // the cash box is not a customer account
        QCOMPARE(r->balances.value(m_numberB, cny(-1)), cny(0));
        QCOMPARE(balance(m_b), 0);
        QCOMPARE(balance(m_cashBox), box);
    }
    void cashFromAnotherDayIsRefused()
    {
        // A cash deposit of yesterday, written as the schema demands (the engine posts only today).
        const QDate yesterday = m_teller->businessDate.addDays(-1);
        const bool pg = m_db.db().dialect() == cs::Dialect::PostgreSQL;
        CS_VERIFY_RESULT(exec(u"INSERT INTO business_days (branch_id, business_date, state, opened_at, closed_at) VALUES "
                               "(%1, '%2', 'closed', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:01.000Z')"_s
                                  .arg(m_teller->branchId)
                                  .arg(yesterday.toString(Qt::ISODate))));
        qint64 txn = 0;
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto id = uow.scalar(pg ? u"SELECT nextval(pg_get_serial_sequence('journal_txns', 'id'))"_s
                                    : u"SELECT coalesce(max(id), 0) + 1 FROM journal_txns"_s);
            if (!id)
                return cs::fail(id.error());
            txn = id->toLongLong();
            for (const QString& sql :
                 {u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) VALUES (%1, 1, %2, 'CNY', 'D', 100)"_s
                      .arg(txn).arg(m_cashBox),
                  u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) VALUES (%1, 2, %2, 'CNY', 'C', 100)"_s
                      .arg(txn).arg(m_c),
                  u"INSERT INTO journal_txns (id, branch_id, business_date, request_id, kind, staff_id, terminal, line_count) "
                   "VALUES (%1, %2, '%3', 'rv-yesterday', 'cash_deposit', %4, 'T01', 2)"_s
                      .arg(txn).arg(m_teller->branchId).arg(yesterday.toString(Qt::ISODate)).arg(m_teller->staffId)}) {
                if (auto q = uow.exec(sql); !q)
                    return cs::fail(q.error());
            }
            return {};
        }));
        const qint64 lines = lineCount();
        const qint64 refused = audits(u"approval.decide"_s, u"refused"_s);
        const auto r = service().reverse(*m_super, txn, u"late"_s, nextRequestId());
        expectError(r, u"reversal.cash_other_day"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(audits(u"approval.decide"_s, u"refused"_s), refused + 1);
    }
    void cashAfterTheBoxClosedIsRefused()
    {
        auto cash = deposit(m_a, 20'000);
        CS_VERIFY_RESULT(cash);
        QCOMPARE(balance(m_a), 120'000);
        CS_VERIFY_RESULT(closeSession());
        const qint64 box = balance(m_cashBox);
        const qint64 lines = lineCount();
        const qint64 refused = audits(u"approval.decide"_s, u"refused"_s);
        auto r = service().reverse(*m_super, *cash, u"customer changed their mind"_s, nextRequestId());
        expectError(r, u"reversal.cashbox_closed"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(audits(u"approval.decide"_s, u"refused"_s), refused + 1);
        // A box opened again the same day is a new session: the deposit was counted in the closed one.
        CS_VERIFY_RESULT(exec(u"INSERT INTO cashbox_sessions (branch_id, staff_id, account_id, business_date, state, "
                               "opening_minor) VALUES (%1, %2, %3, '%4', 'open', 0)"_s
                                  .arg(m_teller->branchId)
                                  .arg(m_teller->staffId)
                                  .arg(m_cashBox)
                                  .arg(m_teller->businessDate.toString(Qt::ISODate))));
        r = service().reverse(*m_super, *cash, u"customer changed their mind"_s, nextRequestId());
        expectError(r, u"reversal.cashbox_closed"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 120'000);
        QCOMPARE(balance(m_cashBox), box);
        // A transfer is not cash: the box does not matter.
        CS_VERIFY_RESULT(closeSession());
        auto transfer = post(u"transfer"_s, {{m_a, 'D', cny(5'000), {}}, {m_c, 'C', cny(5'000), {}}});
        CS_VERIFY_RESULT(transfer);
        CS_VERIFY_RESULT(service().reverse(*m_super, *transfer, u"wrong account"_s, nextRequestId()));
        QCOMPARE(balance(m_a), 120'000);
        QCOMPARE(balance(m_c), 0);
    }
    void everyBalanceEqualsItsJournal()
    {
        // (C and the cash box carry yesterday's line, written without their balances.)
        for (qint64 account : {m_a, m_b}) {
            qint64 sum = -1;
            CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
                auto s = cs::PostingEngine::journalBalance(uow, account);
                if (!s)
                    return cs::fail(s.error());
                sum = *s;
                return {};
            }));
            QCOMPARE(balance(account), sum);
        }
    }
};

QTEST_GUILESS_MAIN(TestReversal)
#include "tst_reversal.moc"
