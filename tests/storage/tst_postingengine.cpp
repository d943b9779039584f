// The PostingEngine on SQLite and PostgreSQL: balanced postings, idempotency, the rules of each account,
// holds, reversals, hot 'journal' accounts, and every balance equal to its journal at the end.
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/internalaccounts.h"
#include "support/approvals.h"
#include "support/demodb.h"

using cs::test::settled;

using cs::test::DemoDb;

namespace {

cs::Money cny(qint64 minor) { return cs::Money(minor, cs::Currency::cny()); }

} // namespace

class TestPostingEngine : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_teller;
    cs::BranchLedger m_ledger;
    qint64 m_cashBox = 0;
    qint64 m_a = 0; // customer deposit accounts (C-normal)
    qint64 m_b = 0;
    qint64 m_c = 0;
    QString m_numberA;
    QString m_numberB;
    QString m_numberC;
    int m_requests = 0;

    QString nextRequestId() { return u"pe-%1"_s.arg(++m_requests); }

    qint64 balance(qint64 account) { return m_db.count(u"SELECT balance FROM accounts WHERE id = %1"_s.arg(account)); }
    qint64 held(qint64 account) { return m_db.count(u"SELECT held FROM accounts WHERE id = %1"_s.arg(account)); }
    qint64 version(qint64 account) { return m_db.count(u"SELECT version FROM accounts WHERE id = %1"_s.arg(account)); }
    qint64 lineCount() { return m_db.count(u"SELECT COUNT(*) FROM journal_lines"_s); }

    cs::PostingRequest request(const QString& kind, QList<cs::PostingLine> lines, const QString& requestId = {})
    {
        cs::PostingRequest r;
        r.requestId = requestId.isEmpty() ? nextRequestId() : requestId;
        r.kind = kind;
        r.branchId = m_teller->branchId;
        r.businessDate = m_teller->businessDate;
        r.staffId = m_teller->staffId;
        r.terminal = m_teller->terminal;
        r.lines = std::move(lines);
        return r;
    }
    // Customer money in (D cash box, C account) and out.
    cs::PostingRequest deposit(qint64 account, qint64 minor, const QString& requestId = {})
    {
        return request(u"cash_deposit"_s, {{m_cashBox, 'D', cny(minor), {}}, {account, 'C', cny(minor), {}}}, requestId);
    }
    cs::PostingRequest withdrawal(qint64 account, qint64 minor, const QString& requestId = {})
    {
        return request(u"cash_withdrawal"_s, {{account, 'D', cny(minor), {}}, {m_cashBox, 'C', cny(minor), {}}}, requestId);
    }
    cs::PostingRequest transfer(qint64 from, qint64 to, qint64 minor)
    {
        return request(u"transfer"_s, {{from, 'D', cny(minor), {}}, {to, 'C', cny(minor), {}}});
    }

    cs::Result<cs::PostingResult> post(const cs::PostingRequest& r)
    {
        std::optional<cs::PostingResult> out;
        const cs::Status done = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            out = std::move(*posted);
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return *out;
    }
    cs::Result<cs::PostingResult> reverse(qint64 txn, const QString& requestId)
    {
        std::optional<cs::PostingResult> out;
        const cs::Status done = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto posted = cs::PostingEngine::reverse(uow, txn, request(u"reversal"_s, {}, requestId));
            if (!posted)
                return cs::fail(posted.error());
            out = std::move(*posted);
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return *out;
    }
    cs::Result<qint64> journalBalance(qint64 account)
    {
        qint64 out = 0;
        const cs::Status done = m_db.db().transact(
            [&](cs::UnitOfWork& uow) -> cs::Status {
                auto sum = cs::PostingEngine::journalBalance(uow, account);
                if (!sum)
                    return cs::fail(sum.error());
                out = *sum;
                return {};
            },
            cs::UnitOfWork::Isolation::ReadOnly);
        if (!done)
            return cs::fail(done.error());
        return out;
    }
    cs::Result<qint64> placeHold(qint64 account, qint64 minor, const QString& requestId)
    {
        qint64 id = 0;
        const cs::Status done = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto hold = cs::PostingEngine::placeHold(
                uow, {account, cny(minor), u"transfer"_s, u"pending transfer"_s, requestId, m_teller->staffId, 0});
            if (!hold)
                return cs::fail(hold.error());
            id = *hold;
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return id;
    }
    cs::Status setState(qint64 account, const QString& state, const QString& mode)
    {
        const QString sql = mode.isEmpty()
            ? u"UPDATE accounts SET state = '%1', freeze_mode = NULL WHERE id = %2"_s.arg(state).arg(account)
            : u"UPDATE accounts SET state = '%1', freeze_mode = '%2' WHERE id = %3"_s.arg(state, mode).arg(account);
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(sql);
            if (!q)
                return cs::fail(q.error());
            return {};
        });
    }
    void expectRefused(const cs::Result<cs::PostingResult>& r, const QString& code, cs::ErrorKind kind = cs::ErrorKind::Refused)
    {
        QVERIFY2(!r, qPrintable(u"expected "_s + code));
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().kind, kind);
        QVERIFY(!r.error().message.isEmpty());
    }

    qint64 customerId(const QString& idNumber)
    {
        return m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
    }
    qint64 openClassI(const QString& idNumber, QString* number)
    {
        const auto opened = cs::AccountService(m_db.db()).open(
            *m_teller, {customerId(idNumber), u"demand"_s, u"I"_s, {}, {}});
        if (!opened)
            return 0;
        *number = opened->number;
        return opened->accountId;
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        m_teller = *teller;
        const cs::Status ledger = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto l = cs::InternalAccounts::ensure(uow, m_teller->branchId);
            if (!l)
                return cs::fail(l.error());
            m_ledger = *l;
            auto box = cs::InternalAccounts::ensureCashBox(uow, m_teller->branchId, m_teller->staffId);
            if (!box)
                return cs::fail(box.error());
            m_cashBox = *box;
            return {};
        });
        CS_VERIFY_RESULT(ledger);
        m_a = openClassI(u"110101198003151239"_s, &m_numberA);
        m_b = openClassI(u"310104199207082467"_s, &m_numberB);
        m_c = openClassI(u"440305197511220358"_s, &m_numberC);
        QVERIFY(m_a > 0 && m_b > 0 && m_c > 0 && m_cashBox > 0 && m_ledger.feeIncome > 0);
        // The vault is funded from suspense so that there is cash to hand out.
        CS_VERIFY_RESULT(post(request(u"opening"_s, {{m_ledger.vault, 'D', cny(100'000'000), {}},
                                                      {m_ledger.suspensePayable, 'C', cny(100'000'000), {}}})));
        CS_VERIFY_RESULT(post(request(u"cash_issue"_s, {{m_cashBox, 'D', cny(10'000'000), {}},
                                                         {m_ledger.vault, 'C', cny(10'000'000), {}}})));
        QCOMPARE(balance(m_cashBox), 10'000'000);
        QCOMPARE(balance(m_ledger.vault), 90'000'000);
    }
    void cleanupTestCase() { m_db.reset(); }

    void internalAccountsAreCreatedOnce()
    {
        const qint64 before = m_db.count(u"SELECT COUNT(*) FROM accounts WHERE kind = 'internal'"_s);
        const cs::Status again = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto l = cs::InternalAccounts::ensure(uow, m_teller->branchId);
            if (!l)
                return cs::fail(l.error());
            if (l->feeIncome != m_ledger.feeIncome || l->vault != m_ledger.vault)
                return cs::fail(cs::Error::internal(u"test"_s, u"different internal accounts"_s));
            auto box = cs::InternalAccounts::ensureCashBox(uow, m_teller->branchId, m_teller->staffId);
            if (!box || *box != m_cashBox)
                return cs::fail(cs::Error::internal(u"test"_s, u"a second cash box"_s));
            return {};
        });
        CS_VERIFY_RESULT(again);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE kind = 'internal'"_s), before);
        QCOMPARE(m_db.scalar(u"SELECT balance_mode FROM accounts WHERE id = %1"_s.arg(m_ledger.feeIncome)).toString(),
                 u"journal"_s);
        QCOMPARE(m_db.scalar(u"SELECT balance_mode FROM accounts WHERE id = %1"_s.arg(m_ledger.clearing)).toString(),
                 u"journal"_s);
        QCOMPARE(m_db.scalar(u"SELECT normal_side FROM accounts WHERE id = %1"_s.arg(m_cashBox)).toString(), u"D"_s);
        const QString number = m_db.scalar(u"SELECT number FROM accounts WHERE id = %1"_s.arg(m_cashBox)).toString();
        QVERIFY2(number.startsWith(u"9000101"_s), qPrintable(number));
    }

    void balancedPostingMovesBalancesExactly()
    {
        const qint64 lines = lineCount();
        const auto posted = post(deposit(m_a, 123456));
        CS_VERIFY_RESULT(posted);
        QVERIFY(!posted->replayed);
        QVERIFY(posted->txnId > 0);
        QCOMPARE(balance(m_a), 123456);
        QCOMPARE(balance(m_cashBox), 10'000'000 + 123456);
        QCOMPARE(posted->balances.value(m_a), 123456);
        QCOMPARE(posted->balances.value(m_cashBox), 10'000'000 + 123456);
        QCOMPARE(lineCount(), lines + 2);
        QCOMPARE(m_db.count(u"SELECT line_count FROM journal_txns WHERE id = %1"_s.arg(posted->txnId)), 2);
        QCOMPARE(m_db.scalar(u"SELECT business_date FROM journal_txns WHERE id = %1"_s.arg(posted->txnId)).toString().left(10),
                 m_teller->businessDate.toString(Qt::ISODate));

        const auto moved = post(transfer(m_a, m_b, 23456));
        CS_VERIFY_RESULT(moved);
        QCOMPARE(balance(m_a), 100000);
        QCOMPARE(balance(m_b), 23456);
        QCOMPARE(moved->balances.size(), 2);
    }

    void sameRequestIdMovesNothing()
    {
        const QString id = nextRequestId();
        const auto first = post(deposit(m_b, 1000, id));
        CS_VERIFY_RESULT(first);
        const qint64 b = balance(m_b);
        const qint64 lines = lineCount();
        const qint64 v = version(m_b);
        const auto again = post(deposit(m_b, 1000, id));
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->txnId, first->txnId);
        QCOMPARE(again->balances.value(m_b), b);
        QCOMPARE(balance(m_b), b);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(version(m_b), v);
        // The same id for another kind of posting is a mistake, not a replay.
        expectRefused(post(withdrawal(m_b, 1000, id)), u"posting.request_reused"_s);
        QCOMPARE(balance(m_b), b);
    }

    void malformedPostingsChangeNothing_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<QString>("code");
        QTest::newRow("unbalanced") << 0 << u"posting.unbalanced"_s;
        QTest::newRow("zero amount") << 1 << u"posting.amount"_s;
        QTest::newRow("negative amount") << 2 << u"posting.amount"_s;
        QTest::newRow("one line") << 3 << u"posting.lines"_s;
        QTest::newRow("bad side") << 4 << u"posting.side"_s;
        QTest::newRow("no request id") << 5 << u"posting.request_id"_s;
        QTest::newRow("reversal kind without txn") << 6 << u"posting.kind"_s;
        QTest::newRow("balanced per total but not per currency") << 7 << u"posting.unbalanced"_s;
    }
    void malformedPostingsChangeNothing()
    {
        QFETCH(int, shape);
        QFETCH(QString, code);
        const auto usd = cs::Currency::fromCode(u"USD").value();
        cs::PostingRequest r = transfer(m_a, m_b, 100);
        switch (shape) {
        case 0: r.lines[1].amount = cny(99); break;
        case 1: r.lines[0].amount = cny(0); r.lines[1].amount = cny(0); break;
        case 2: r.lines[0].amount = cny(-100); r.lines[1].amount = cny(-100); break;
        case 3: r.lines.removeLast(); break;
        case 4: r.lines[0].side = 'X'; break;
        case 5: r.requestId.clear(); break;
        case 6: r.kind = u"reversal"_s; break;
        case 7:
            r.lines = {{m_a, 'D', cny(100), {}}, {m_b, 'C', cs::Money(100, usd), {}},
                       {m_b, 'D', cs::Money(100, usd), {}}, {m_a, 'C', cny(50), {}}};
            break;
        }
        const qint64 lines = lineCount();
        const qint64 a = balance(m_a);
        expectRefused(post(r), code, cs::ErrorKind::Invalid);
        QCOMPARE(lineCount(), lines);
        QCOMPARE(balance(m_a), a);
    }

    void wrongBusinessDateIsRefused()
    {
        cs::PostingRequest r = deposit(m_a, 100);
        r.businessDate = m_teller->businessDate.addDays(-1);
        expectRefused(post(r), u"posting.business_date"_s);
        r.businessDate = m_teller->businessDate.addDays(1);
        expectRefused(post(r), u"posting.business_date"_s);
        cs::PostingRequest unknown = transfer(m_a, 999999, 100);
        expectRefused(post(unknown), u"posting.account_not_found"_s, cs::ErrorKind::NotFound);
    }

    void currencyMustMatchTheAccount()
    {
        const auto usd = cs::Currency::fromCode(u"USD").value();
        cs::PostingRequest r = request(u"transfer"_s, {{m_a, 'D', cs::Money(100, usd), {}}, {m_b, 'C', cs::Money(100, usd), {}}});
        expectRefused(post(r), u"posting.currency"_s, cs::ErrorKind::Invalid);
    }

    void freezeModes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("creditAllowed");
        QTest::addColumn<bool>("debitAllowed");
        QTest::newRow("full") << u"full"_s << false << false;
        QTest::newRow("debit (no money out)") << u"debit"_s << true << false;
        QTest::newRow("credit (no money in)") << u"credit"_s << false << true;
    }
    void freezeModes()
    {
        QFETCH(QString, mode);
        QFETCH(bool, creditAllowed);
        QFETCH(bool, debitAllowed);
        CS_VERIFY_RESULT(post(deposit(m_c, 10000)));
        CS_VERIFY_RESULT(settled(m_db.db(), cs::AccountService(m_db.db())
                             .freeze(*m_teller, m_numberC, *cs::freezeModeFromKey(mode), u"judicial"_s, u"court order 7"_s)));
        const qint64 c = balance(m_c);
        const auto in = post(deposit(m_c, 100));
        QCOMPARE(bool(in), creditAllowed);
        if (!in)
            QCOMPARE(in.error().code, u"posting.account_frozen"_s);
        const auto out = post(withdrawal(m_c, 100));
        QCOMPARE(bool(out), debitAllowed);
        if (!out)
            QCOMPARE(out.error().code, u"posting.account_frozen"_s);
        // The frozen side is refused also inside a transfer with another account.
        const auto transferOut = post(transfer(m_c, m_a, 100));
        QCOMPARE(bool(transferOut), debitAllowed);
        QCOMPARE(balance(m_c), c + (creditAllowed ? 100 : 0) - (debitAllowed ? 200 : 0));
        CS_VERIFY_RESULT(settled(m_db.db(), cs::AccountService(m_db.db()).unfreeze(*m_teller, m_numberC, u"lifted"_s)));
        CS_VERIFY_RESULT(post(withdrawal(m_c, 100)));
    }

    void closedAndDormantAccountsRefuseBothSides()
    {
        CS_VERIFY_RESULT(setState(m_c, u"dormant"_s, {}));
        expectRefused(post(deposit(m_c, 100)), u"posting.account_dormant"_s);
        expectRefused(post(withdrawal(m_c, 100)), u"posting.account_dormant"_s);
        CS_VERIFY_RESULT(setState(m_c, u"normal"_s, {}));
        // Pay everything out and close it; then nothing more moves.
        const qint64 rest = balance(m_c);
        if (rest > 0)
            CS_VERIFY_RESULT(post(withdrawal(m_c, rest)));
        CS_VERIFY_RESULT(settled(m_db.db(), cs::AccountService(m_db.db()).close(*m_teller, m_numberC, u"customer request"_s)));
        expectRefused(post(deposit(m_c, 100)), u"posting.account_closed"_s);
        expectRefused(post(withdrawal(m_c, 100)), u"posting.account_closed"_s);
    }

    void insufficientFundsAtTheExactEdge()
    {
        // Available = balance - held + overdraft: exactly available is paid, one fen more is not.
        CS_VERIFY_RESULT(post(deposit(m_b, 50000)));
        const auto hold = placeHold(m_b, 1000, nextRequestId());
        CS_VERIFY_RESULT(hold);
        const qint64 available = balance(m_b) - held(m_b);
        const auto tooMuch = post(withdrawal(m_b, available + 1));
        expectRefused(tooMuch, u"posting.insufficient_funds"_s);
        QCOMPARE(tooMuch.error().field, u"amount"_s);
        CS_VERIFY_RESULT(post(withdrawal(m_b, available)));
        QCOMPARE(balance(m_b), 1000);
        expectRefused(post(withdrawal(m_b, 1)), u"posting.insufficient_funds"_s);
        // With an overdraft limit the edge moves by exactly that limit.
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE accounts SET overdraft_limit = 500 WHERE id = ?"_s, {m_b});
            if (!q)
                return cs::fail(q.error());
            return {};
        }));
        expectRefused(post(withdrawal(m_b, 501)), u"posting.insufficient_funds"_s);
        CS_VERIFY_RESULT(post(withdrawal(m_b, 500)));
        QCOMPARE(balance(m_b), 500);
        CS_VERIFY_RESULT(post(deposit(m_b, 500)));
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE accounts SET overdraft_limit = 0 WHERE id = ?"_s, {m_b});
            if (!q)
                return cs::fail(q.error());
            return {};
        }));
        // Leave b with its hold released for the tests after.
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            return cs::PostingEngine::releaseHold(uow, *hold, m_teller->staffId);
        }));
        QCOMPARE(held(m_b), 0);
    }

    void cashNeverGoesNegative()
    {
        // The vault and a cash box hold real notes: neither ever goes below zero, to the fen.
        const qint64 vault = balance(m_ledger.vault);
        expectRefused(post(request(u"cash_issue"_s, {{m_cashBox, 'D', cny(vault + 1), {}}, {m_ledger.vault, 'C', cny(vault + 1), {}}})),
                      u"posting.cash_negative"_s);
        const qint64 box = balance(m_cashBox);
        expectRefused(post(request(u"cash_return"_s, {{m_ledger.vault, 'D', cny(box + 1), {}}, {m_cashBox, 'C', cny(box + 1), {}}})),
                      u"posting.cash_negative"_s);
        CS_VERIFY_RESULT(post(request(u"cash_return"_s, {{m_ledger.vault, 'D', cny(box), {}}, {m_cashBox, 'C', cny(box), {}}})));
        QCOMPARE(balance(m_cashBox), 0);
        CS_VERIFY_RESULT(post(request(u"cash_issue"_s, {{m_cashBox, 'D', cny(box), {}}, {m_ledger.vault, 'C', cny(box), {}}})));
        QCOMPARE(balance(m_ledger.vault), vault);
    }

    void holdsReduceAvailableAndAreConsumed()
    {
        CS_VERIFY_RESULT(post(deposit(m_a, 20000)));
        const qint64 a = balance(m_a);
        const auto hold = placeHold(m_a, 15000, u"hold-a-1"_s);
        CS_VERIFY_RESULT(hold);
        QCOMPARE(held(m_a), 15000);
        // The same hold request again is the same hold.
        const auto again = placeHold(m_a, 15000, u"hold-a-1"_s);
        CS_VERIFY_RESULT(again);
        QCOMPARE(*again, *hold);
        QCOMPARE(held(m_a), 15000);
        // A hold beyond what is available is refused; exactly what is left is allowed.
        const auto tooBig = placeHold(m_a, a - 15000 + 1, u"hold-a-2"_s);
        QVERIFY(!tooBig);
        QCOMPARE(tooBig.error().code, u"hold.insufficient_funds"_s);
        // Only the unheld part can be paid out directly.
        expectRefused(post(withdrawal(m_a, a - 15000 + 1)), u"posting.insufficient_funds"_s);

        // Consuming the hold: it pays its own amount, and held goes back down.
        cs::PostingRequest pay = transfer(m_a, m_b, 15000);
        pay.consumeHolds = {*hold};
        const auto paid = post(pay);
        CS_VERIFY_RESULT(paid);
        QCOMPARE(held(m_a), 0);
        QCOMPARE(balance(m_a), a - 15000);
        QCOMPARE(m_db.scalar(u"SELECT state FROM holds WHERE id = %1"_s.arg(*hold)).toString(), u"consumed"_s);
        QCOMPARE(m_db.count(u"SELECT consumed_txn_id FROM holds WHERE id = %1"_s.arg(*hold)), paid->txnId);

        // A consumed hold cannot be consumed or released again; a hold on another account is no part of this.
        cs::PostingRequest twice = transfer(m_a, m_b, 100);
        twice.consumeHolds = {*hold};
        expectRefused(post(twice), u"posting.hold_not_active"_s);
        const auto other = placeHold(m_b, 100, u"hold-b-1"_s);
        CS_VERIFY_RESULT(other);
        cs::PostingRequest elsewhere = withdrawal(m_a, 100);
        elsewhere.consumeHolds = {*other};
        expectRefused(post(elsewhere), u"posting.hold_account"_s);
        cs::PostingRequest missing = withdrawal(m_a, 100);
        missing.consumeHolds = {987654};
        expectRefused(post(missing), u"posting.hold_not_found"_s, cs::ErrorKind::NotFound);
        const cs::Status released = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            return cs::PostingEngine::releaseHold(uow, *hold, m_teller->staffId);
        });
        QVERIFY(!released);
        QCOMPARE(released.error().code, u"hold.not_active"_s);
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            return cs::PostingEngine::releaseHold(uow, *other, m_teller->staffId);
        }));
        QCOMPARE(held(m_b), 0);
    }

    void reversalRestoresBalancesOnce()
    {
        CS_VERIFY_RESULT(post(deposit(m_a, 30000)));
        const qint64 a = balance(m_a);
        const qint64 b = balance(m_b);
        const auto moved = post(transfer(m_a, m_b, 12345));
        CS_VERIFY_RESULT(moved);
        QCOMPARE(balance(m_a), a - 12345);
        const auto reversed = reverse(moved->txnId, u"rev-1"_s);
        CS_VERIFY_RESULT(reversed);
        QVERIFY(!reversed->replayed);
        QCOMPARE(balance(m_a), a);
        QCOMPARE(balance(m_b), b);
        QCOMPARE(reversed->balances.value(m_a), a);
        QCOMPARE(m_db.count(u"SELECT reverses_txn_id FROM journal_txns WHERE id = %1"_s.arg(reversed->txnId)), moved->txnId);
        QCOMPARE(m_db.scalar(u"SELECT kind FROM journal_txns WHERE id = %1"_s.arg(reversed->txnId)).toString(), u"reversal"_s);
        QCOMPARE(m_db.scalar(u"SELECT side FROM journal_lines WHERE txn_id = %1 AND account_id = %2"_s
                                 .arg(reversed->txnId).arg(m_a)).toString(),
                 u"C"_s);

        // The same reversal request answers again; another one is refused; a reversal is never reversed.
        const auto replayed = reverse(moved->txnId, u"rev-1"_s);
        CS_VERIFY_RESULT(replayed);
        QVERIFY(replayed->replayed);
        QCOMPARE(replayed->txnId, reversed->txnId);
        expectRefused(reverse(moved->txnId, u"rev-2"_s), u"posting.already_reversed"_s);
        expectRefused(reverse(reversed->txnId, u"rev-3"_s), u"posting.is_reversal"_s);
        expectRefused(reverse(99999999, u"rev-4"_s), u"posting.txn_not_found"_s, cs::ErrorKind::NotFound);
        QCOMPARE(balance(m_a), a);

        // Reversing a deposit that was spent meanwhile is refused like any payment without funds.
        const auto dep = post(deposit(m_b, 7000));
        CS_VERIFY_RESULT(dep);
        CS_VERIFY_RESULT(post(withdrawal(m_b, balance(m_b))));
        expectRefused(reverse(dep->txnId, u"rev-5"_s), u"posting.insufficient_funds"_s);
    }

    void journalAccountsKeepTheirBalanceInTheJournal()
    {
        CS_VERIFY_RESULT(post(deposit(m_a, 10000)));
        const qint64 v = version(m_ledger.feeIncome);
        qint64 fees = 0;
        for (qint64 fee : {200, 350, 1}) {
            CS_VERIFY_RESULT(post(request(u"fee"_s, {{m_a, 'D', cny(fee), u"fee"_s}, {m_ledger.feeIncome, 'C', cny(fee), {}}})));
            fees += fee;
        }
        // Three-line posting: a transfer with its fee.
        const auto withFee = post(request(u"transfer"_s, {{m_a, 'D', cny(1100), {}},
                                                           {m_b, 'C', cny(1000), {}},
                                                           {m_ledger.feeIncome, 'C', cny(100), {}}}));
        CS_VERIFY_RESULT(withFee);
        fees += 100;
        QVERIFY(!withFee->balances.contains(m_ledger.feeIncome));
        QCOMPARE(balance(m_ledger.feeIncome), 0);
        QCOMPARE(version(m_ledger.feeIncome), v);
        const auto journal = journalBalance(m_ledger.feeIncome);
        CS_VERIFY_RESULT(journal);
        QCOMPARE(*journal, fees);
        const auto shown = cs::AccountService(m_db.db()).show(
            *m_teller, m_db.scalar(u"SELECT number FROM accounts WHERE id = %1"_s.arg(m_ledger.feeIncome)).toString());
        CS_VERIFY_RESULT(shown);
        QCOMPARE(shown->balance.minor(), fees);
        // A hold on a 'journal' account makes no sense and is refused.
        const auto hold = placeHold(m_ledger.feeIncome, 1, u"hold-fee"_s);
        QVERIFY(!hold);
        QCOMPARE(hold.error().code, u"hold.account_kind"_s);
    }

    // Last: after everything above, every balance is its journal and the ledger sums to zero.
    void everyBalanceEqualsItsJournal()
    {
        auto conn = m_db.db().connection();
        QVERIFY(conn.has_value());
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT id, balance, balance_mode, normal_side FROM accounts ORDER BY id"_s));
        QList<std::tuple<qint64, qint64, QString, QString>> all;
        while (q.next())
            all.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString()});
        q.finish();
        QVERIFY(all.size() >= 10);
        qint64 debitNormal = 0;
        qint64 creditNormal = 0;
        for (const auto& [id, rowBalance, mode, side] : std::as_const(all)) {
            const auto journal = journalBalance(id);
            CS_VERIFY_RESULT(journal);
            if (mode == u"row"_s)
                QCOMPARE(rowBalance, *journal);
            else
                QCOMPARE(rowBalance, 0);
            (side == u"D"_s ? debitNormal : creditNormal) += *journal;
        }
        QCOMPARE(debitNormal, creditNormal);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM (SELECT txn_id FROM journal_lines GROUP BY txn_id, currency "
                            "HAVING sum(CASE WHEN side = 'D' THEN amount ELSE 0 END) <> "
                            "sum(CASE WHEN side = 'C' THEN amount ELSE 0 END)) x"_s),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestPostingEngine)
#include "tst_postingengine.moc"
