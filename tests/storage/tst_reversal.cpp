// Reversals (冲正) on SQLite and PostgreSQL: a teller reverses a transfer and a cash deposit with
// exact balances after; the same request id again moves nothing; a teller is refused (approval
// required); a reason is required; cash (anything touching a cash box) is reversed only on its day while
// its cash box session is open; a transaction is reversed once and a reversal never.
#include "approvals/approvalservice.h"
#include "services/reversalservice.h"
#include "support/cashfixture.h"

using cs::test::CashFixture;
using cs::test::cny;
using cs::test::DemoDb;

class TestReversal : public QObject {
    Q_OBJECT

private:
    CashFixture m_f;
    DemoDb& m_db = m_f.db;
    std::optional<cs::Session> m_teller;
    std::optional<cs::Session> m_super;
    std::optional<cs::Session> m_auditor;
    qint64 m_cashBox = 0;
    qint64 m_a = 0;
    qint64 m_b = 0;
    qint64 m_c = 0;
    QString m_numberA;
    QString m_numberB;
    QString m_numberC;
    qint64 m_transfer = 0; // 300.00 from A to B
    qint64 m_transferReversal = 0;
    int m_requests = 0;

    cs::ReversalService service() { return cs::ReversalService(m_db.db()); }
    QString nextRequestId() { return u"rv-%1"_s.arg(++m_requests); }
    qint64 balance(qint64 account) { return m_f.balanceOf(account); }
    qint64 lineCount() { return m_f.journalLines(); }
    qint64 audits(const QString& action, const QString& outcome) { return m_f.audits(action, outcome); }

    cs::Status exec(const QString& sql)
    {
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(sql);
            if (!q)
                return cs::fail(q.error());
            return {};
        });
    }
    // A posting other than cash (a transfer until there is a TransferService).
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
    // Cash at the counter through teller1's open cash box.
    cs::Result<qint64> deposit(const QString& number, qint64 minor)
    {
        auto receipt = m_f.deposit(number, minor);
        if (!receipt)
            return cs::fail(receipt.error());
        return receipt->txnId;
    }
    cs::Result<cs::CashBoxView> box() { return cs::CashBoxService(m_db.db()).current(*m_teller); }

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
        CS_VERIFY_RESULT(m_f.create());
        m_teller = m_f.teller;
        auto super = m_db.signOn(u"super1"_s, QString::fromUtf16(DemoDb::password), u"T03"_s);
        CS_VERIFY_RESULT(super);
        m_super = *super;
        auto auditor = m_db.signOn(u"auditor1"_s, QString::fromUtf16(DemoDb::password), u"T04"_s);
        CS_VERIFY_RESULT(auditor);
        m_auditor = *auditor;
        const auto a = m_f.classI(u"110101198003151239"_s);
        const auto b = m_f.classI(u"310104199207082467"_s);
        const auto c = m_f.classI(u"440305197511220358"_s);
        CS_VERIFY_RESULT(a);
        CS_VERIFY_RESULT(b);
        CS_VERIFY_RESULT(c);
        m_numberA = *a;
        m_numberB = *b;
        m_numberC = *c;
        m_a = m_f.idOf(m_numberA);
        m_b = m_f.idOf(m_numberB);
        m_c = m_f.idOf(m_numberC);
        CS_VERIFY_RESULT(m_f.fundVault(10'000'000));
        CS_VERIFY_RESULT(m_f.openBox(1'000'000)); // 10,000.00 from the vault
        m_cashBox = m_f.boxId(*m_teller);
        QVERIFY(m_cashBox > 0);
        CS_VERIFY_RESULT(deposit(m_numberA, 100'000)); // 1,000.00
        auto transfer = post(u"transfer"_s, {{m_a, 'D', cny(30'000), {}}, {m_b, 'C', cny(30'000), {}}});
        CS_VERIFY_RESULT(transfer);
        m_transfer = *transfer;
        QCOMPARE(balance(m_a), 70'000);
        QCOMPARE(balance(m_b), 30'000);
    }
    void cleanupTestCase() { m_db.reset(); }

    void tellerRequestWaitsForApproval()
    {
        // A teller asks; nothing is posted until a supervisor approves (tst_approvals follows one to the
        // end). The request is withdrawn here.
        const qint64 lines = lineCount();
        const qint64 asked = audits(u"reversal.request"_s, u"success"_s);
        const auto r = service().reverse(*m_teller, m_transfer, u"wrong account"_s, nextRequestId());
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->state, u"pending"_s);
        QVERIFY(r->approvalId > 0);
        QCOMPARE(r->reversalTxnId, 0);
        QCOMPARE(r->originalTxnId, m_transfer);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 70'000);
        QCOMPARE(balance(m_b), 30'000);
        QCOMPARE(audits(u"reversal.request"_s, u"success"_s), asked + 1);
        QCOMPARE(m_db.scalar(u"SELECT action || ' ' || entity_type || ' ' || entity_id || ' ' || state FROM approvals "
                             "WHERE id = %1"_s.arg(r->approvalId)).toString(),
                 u"reversal txn %1 pending"_s.arg(m_transfer));
        CS_VERIFY_RESULT(cs::ApprovalService(m_db.db()).cancel(*m_teller, r->approvalId, nextRequestId()));
        QCOMPARE(m_db.scalar(u"SELECT state FROM approvals WHERE id = %1"_s.arg(r->approvalId)).toString(), u"cancelled"_s);
    }
    void supervisorMayNotStartOne()
    {
        // Supervisors decide; they do not start customer transactions (DOMAIN, maker-checker).
        const auto r = service().reverse(*m_super, m_transfer, u"wrong account"_s, nextRequestId());
        expectError(r, u"permission.denied"_s, cs::ErrorKind::Refused);
        QCOMPARE(balance(m_a), 70'000);
    }
    void withoutApprovalSettingTheTellerReverses()
    {
        // The rules of the reversal itself are the subject from here on: with approvals.required.reversal
        // at 0 the teller's request executes at once (tst_approvals covers the approved path).
        CS_VERIFY_RESULT(m_db.db().transact([](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE settings SET value = '0' WHERE key = 'approvals.required.reversal'"_s);
            return q ? cs::Status{} : cs::fail(q.error());
        }));
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
        const auto r = service().reverse(*m_teller, m_transfer, reason, nextRequestId());
        expectError(r, u"reversal.reason_required"_s, cs::ErrorKind::Invalid, u"reason"_s);
        QCOMPARE(lineCount(), lines);
    }
    void requestIdIsRequired()
    {
        const auto r = service().reverse(*m_teller, m_transfer, u"wrong account"_s, {});
        expectError(r, u"reversal.request_id"_s, cs::ErrorKind::Invalid, u"request_id"_s);
    }
    void unknownTransaction()
    {
        const auto r = service().reverse(*m_teller, 999'999, u"wrong account"_s, nextRequestId());
        expectError(r, u"reversal.txn_not_found"_s, cs::ErrorKind::NotFound, u"txn"_s);
    }

    void tellerReversesTransfer()
    {
        const qint64 lines = lineCount();
        const qint64 decided = audits(u"reversal.request"_s, u"success"_s);
        const auto r = service().reverse(*m_teller, m_transfer, u"  wrong beneficiary  "_s, u"rv-transfer"_s);
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
        QCOMPARE(m_db.count(u"SELECT staff_id FROM journal_txns WHERE id = "_s + txn), m_teller->staffId);
        QCOMPARE(m_db.scalar(u"SELECT memo FROM journal_txns WHERE id = "_s + txn).toString(), u"wrong beneficiary"_s);
        QCOMPARE(m_db.scalar(u"SELECT side FROM journal_lines WHERE txn_id = %1 AND account_id = %2"_s.arg(txn).arg(m_a))
                     .toString(),
                 u"C"_s);
        QCOMPARE(audits(u"reversal.request"_s, u"success"_s), decided + 1);
        QCOMPARE(m_db.scalar(u"SELECT entity_type || ':' || entity_id FROM audit_log WHERE action = 'reversal.request' "
                              "ORDER BY id DESC"_s)
                     .toString(),
                 u"journal_txn:"_s + QString::number(m_transfer));
        const QString after =
            m_db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'reversal.request' ORDER BY id DESC"_s).toString();
        QVERIFY2(after.contains(u"wrong beneficiary"_s) && after.contains(txn), qPrintable(after));
    }
    void sameRequestIdMovesNothing()
    {
        const qint64 lines = lineCount();
        const qint64 records = m_db.count(u"SELECT COUNT(*) FROM audit_log"_s);
        const auto again = service().reverse(*m_teller, m_transfer, u"wrong beneficiary"_s, u"rv-transfer"_s);
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
        const auto r = service().reverse(*m_teller, m_transfer, u"again"_s, nextRequestId());
        expectError(r, u"posting.already_reversed"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 100'000);
        QCOMPARE(balance(m_b), 0);
    }
    void reversingAReversalIsRefused()
    {
        const qint64 lines = lineCount();
        const auto r = service().reverse(*m_teller, m_transferReversal, u"undo the undo"_s, nextRequestId());
        expectError(r, u"posting.is_reversal"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), 100'000);
    }
    void requestIdOfAnotherPostingIsRefused()
    {
        // The teller's refused request left nothing behind, but a posted transaction's id is taken.
        const QString taken = m_db.scalar(u"SELECT request_id FROM journal_txns WHERE id = %1"_s.arg(m_transfer)).toString();
        auto other = post(u"transfer"_s, {{m_a, 'D', cny(100), {}}, {m_b, 'C', cny(100), {}}});
        CS_VERIFY_RESULT(other);
        const qint64 lines = lineCount();
        const auto r = service().reverse(*m_teller, *other, u"typo"_s, taken);
        expectError(r, u"posting.request_reused"_s, cs::ErrorKind::Refused, u"request_id"_s);
        QCOMPARE(lineCount(), lines);
        CS_VERIFY_RESULT(service().reverse(*m_teller, *other, u"typo"_s, nextRequestId()));
        QCOMPARE(balance(m_a), 100'000);
        QCOMPARE(balance(m_b), 0);
    }

    void tellerReversesCashDeposit()
    {
        const auto before = box();
        CS_VERIFY_RESULT(before);
        auto cash = deposit(m_numberB, 50'000);
        CS_VERIFY_RESULT(cash);
        QCOMPARE(balance(m_b), 50'000);
        QCOMPARE(balance(m_cashBox), before->expected.minor() + 50'000);
        const auto r = service().reverse(*m_teller, *cash, u"counterfeit note found"_s, nextRequestId());
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->originalTxnId, *cash);
        QCOMPARE(r->balances.size(), 1); // the cash box is not a customer account
        QCOMPARE(r->balances.value(m_numberB, cny(-1)), cny(0));
        QCOMPARE(balance(m_b), 0);
        QCOMPARE(balance(m_cashBox), before->expected.minor());
        const auto after = box();
        CS_VERIFY_RESULT(after);
        QCOMPARE(after->expected, before->expected);
    }
    void cashFromAnotherDayIsRefused()
    {
        // A cash deposit of yesterday, written as the schema demands (the engine posts only today); its
        // other side is not a cash box, so today's box is left alone.
        const QDate yesterday = m_teller->businessDate.addDays(-1);
        const bool pg = m_db.db().dialect() == cs::Dialect::PostgreSQL;
        CS_VERIFY_RESULT(exec(u"INSERT INTO business_days (branch_id, business_date, state, opened_at, closed_at) VALUES "
                               "(%1, '%2', 'closed', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:01.000Z') "
                               "ON CONFLICT DO NOTHING"_s
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
                      .arg(txn).arg(m_f.ledger.suspenseReceivable),
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
        const qint64 refused = audits(u"reversal.request"_s, u"refused"_s);
        const auto r = service().reverse(*m_teller, txn, u"late"_s, nextRequestId());
        expectError(r, u"reversal.cash_other_day"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(audits(u"reversal.request"_s, u"refused"_s), refused + 1);
    }
    void cashAfterTheBoxClosedIsRefused()
    {
        auto cash = deposit(m_numberA, 20'000);
        CS_VERIFY_RESULT(cash);
        QCOMPARE(balance(m_a), 120'000);
        const auto open = box();
        CS_VERIFY_RESULT(open);
        CS_VERIFY_RESULT(cs::CashBoxService(m_db.db()).close(*m_teller, open->expected, nextRequestId()));
        const qint64 boxBalance = balance(m_cashBox);
        const qint64 lines = lineCount();
        const qint64 refused = audits(u"reversal.request"_s, u"refused"_s);
        auto r = service().reverse(*m_teller, *cash, u"customer changed their mind"_s, nextRequestId());
        expectError(r, u"reversal.cashbox_closed"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(audits(u"reversal.request"_s, u"refused"_s), refused + 1);
        // So is the closed session's cash from the vault.
        const qint64 fromVault = m_db.count(u"SELECT min(id) FROM journal_txns WHERE kind = 'vault_to_teller'"_s);
        QVERIFY(fromVault > 0);
        r = service().reverse(*m_teller, fromVault, u"wrong box"_s, nextRequestId());
        expectError(r, u"reversal.cashbox_closed"_s, cs::ErrorKind::Refused, u"txn"_s);
        // A box opened again the same day is a new session: the deposit was counted in the closed one.
        CS_VERIFY_RESULT(m_f.openBox(100'000));
        r = service().reverse(*m_teller, *cash, u"customer changed their mind"_s, nextRequestId());
        expectError(r, u"reversal.cashbox_closed"_s, cs::ErrorKind::Refused, u"txn"_s);
        QCOMPARE(lineCount(), lines + 2); // the opening's move from the vault, nothing else
        QCOMPARE(balance(m_a), 120'000);
        QCOMPARE(balance(m_cashBox), boxBalance + 100'000);
        // A transfer is not cash: the box does not matter.
        auto transfer = post(u"transfer"_s, {{m_a, 'D', cny(5'000), {}}, {m_c, 'C', cny(5'000), {}}});
        CS_VERIFY_RESULT(transfer);
        CS_VERIFY_RESULT(service().reverse(*m_teller, *transfer, u"wrong account"_s, nextRequestId()));
        QCOMPARE(balance(m_a), 120'000);
        QCOMPARE(balance(m_c), 0);
    }
    void everyBalanceEqualsItsJournal()
    {
        // (C carries yesterday's line, written without its balance.)
        for (qint64 account : {m_a, m_b, m_cashBox}) {
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
