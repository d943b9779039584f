// Cash at the counter on SQLite and PostgreSQL: deposits and withdrawals through the teller's open cash
// box with exact balances, idempotent replay, the preview, the voucher, and every refusal (no open box,
// funds, freezes, holds, closed account, the teller's single limit at its edge) changing nothing.
#include "support/approvals.h"
#include "support/cashfixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
} // namespace

class TestCash : public QObject {
    Q_OBJECT

private:
    CashFixture f;
    QString m_account; // Zhang's Class I
    qint64 m_box = 0;

    cs::CashService service() { return cs::CashService(f.db.db()); }

    // The state a refusal must leave as it was.
    struct Snapshot {
        qint64 account = 0;
        qint64 box = 0;
        qint64 txns = 0;
        qint64 lines = 0;
        qint64 largeValue = 0;
        bool operator==(const Snapshot&) const = default;
    };
    Snapshot snapshot(const QString& number)
    {
        return {f.balance(number), f.balanceOf(m_box), f.journalTxns(), f.journalLines(), f.largeValueRows()};
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        CS_VERIFY_RESULT(f.fundVault(100'000'000)); // ¥1,000,000
        auto one = f.classI(zhang);
        CS_VERIFY_RESULT(one);
        m_account = *one;
    }

    void depositWithoutOpenBoxIsRefused()
    {
        const Snapshot before = snapshot(m_account);
        const qint64 refusals = f.audits(u"cash.deposit"_s, u"refused"_s);
        CS_EXPECT_ERROR(f.deposit(m_account, 10'000), "cashbox.not_open", cs::ErrorKind::Refused, "cashbox");
        QCOMPARE(snapshot(m_account), before);
        QCOMPARE(f.audits(u"cash.deposit"_s, u"refused"_s), refusals + 1);
    }

    void depositAndWithdrawExact()
    {
        auto box = f.openBox(2'000'000); // ¥20,000 from the vault
        CS_VERIFY_RESULT(box);
        m_box = box->accountId;
        QCOMPARE(f.balanceOf(m_box), 2'000'000);
        const qint64 start = f.balance(m_account);

        auto in = f.deposit(m_account, 123'456);
        CS_VERIFY_RESULT(in);
        QVERIFY(in->txnId > 0);
        QVERIFY(!in->replayed);
        QCOMPARE(in->amount, cny(123'456));
        QCOMPARE(in->balanceAfter, cny(start + 123'456));
        QCOMPARE(in->fee, cny(0));
        QCOMPARE(in->direction, cs::CashDirection::Deposit);
        QCOMPARE(in->tellerLogin, u"teller1"_s);
        QCOMPARE(in->branchCode, u"0001"_s);
        QCOMPARE(in->customerName, u"张伟"_s);
        QCOMPARE(f.balance(m_account), start + 123'456);
        QCOMPARE(f.balanceOf(m_box), 2'000'000 + 123'456);

        auto out = f.withdraw(m_account, 23'456);
        CS_VERIFY_RESULT(out);
        QCOMPARE(out->balanceAfter, cny(start + 100'000));
        QCOMPARE(f.balance(m_account), start + 100'000);
        QCOMPARE(f.balanceOf(m_box), 2'000'000 + 100'000);

        auto again = service().receipt(*f.teller, in->txnId);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->balanceAfter, cny(start + 123'456)); // as it was right after the deposit
        QCOMPARE(again->amount, cny(123'456));
        QCOMPARE(again->accountNumber, m_account);
        CS_EXPECT_ERROR(service().receipt(*f.teller, 987654), "cash.txn_not_found", cs::ErrorKind::NotFound, "txn");
    }

    void replayReturnsTheFirstReceipt()
    {
        const QString id = CashFixture::newId();
        auto first = f.deposit(m_account, 5'000, id);
        CS_VERIFY_RESULT(first);
        const Snapshot after = snapshot(m_account);
        auto second = f.deposit(m_account, 5'000, id);
        CS_VERIFY_RESULT(second);
        QVERIFY(second->replayed);
        QCOMPARE(second->txnId, first->txnId);
        QCOMPARE(second->balanceAfter, first->balanceAfter);
        QCOMPARE(snapshot(m_account), after);
        // The same id for another action is refused.
        CS_EXPECT_ERROR(f.withdraw(m_account, 5'000, id), "request.reused", cs::ErrorKind::Refused, "request_id");
        QCOMPARE(snapshot(m_account), after);
    }

    void preview()
    {
        auto p = service().preview(*f.teller, cs::CashDirection::Withdrawal, m_account, cny(1'000'000));
        CS_VERIFY_RESULT(p);
        QCOMPARE(p->fee, cny(0));
        QCOMPARE(p->balanceAfter, cny(f.balance(m_account) - 1'000'000));
        QCOMPARE(p->availableAfter, cny(f.balance(m_account) - 1'000'000));
        QCOMPARE(p->amountInCapitals, u"壹万元整"_s);
        QCOMPARE(p->customerDayTotal, cny(1'000'000 + 23'456)); // today's withdrawals and this one
        QVERIFY(!p->largeValue);
        QVERIFY(!p->dueDiligenceRequired);
        auto big = service().preview(*f.teller, cs::CashDirection::Deposit, m_account, cny(5'000'000));
        CS_VERIFY_RESULT(big);
        QVERIFY(big->largeValue);
        QVERIFY(big->dueDiligenceRequired);
    }

    void insufficientFundsChangesNothing()
    {
        const Snapshot before = snapshot(m_account);
        CS_EXPECT_ERROR(f.withdraw(m_account, before.account + 1), "posting.insufficient_funds", cs::ErrorKind::Refused,
                        "amount");
        QCOMPARE(snapshot(m_account), before);
        // All of it is allowed.
        auto all = f.withdraw(m_account, before.account);
        CS_VERIFY_RESULT(all);
        QCOMPARE(f.balance(m_account), 0);
        CS_VERIFY_RESULT(f.deposit(m_account, before.account));
    }

    void holdReducesWithdrawable()
    {
        cs::AccountService accounts(f.db.db());
        const qint64 balance = f.balance(m_account);
        auto hold = accounts.placeHold(*f.teller, m_account, cny(balance - 1'000), u"judicial"_s, u"court order"_s,
                                       CashFixture::newId());
        CS_VERIFY_RESULT(hold);
        const Snapshot before = snapshot(m_account);
        CS_EXPECT_ERROR(f.withdraw(m_account, 1'001), "posting.insufficient_funds", cs::ErrorKind::Refused, "amount");
        QCOMPARE(snapshot(m_account), before);
        CS_VERIFY_RESULT(f.withdraw(m_account, 1'000));
        QCOMPARE(f.balance(m_account), balance - 1'000);
        CS_VERIFY_RESULT(accounts.releaseHold(*f.teller, *hold, CashFixture::newId()));
        CS_VERIFY_RESULT(f.deposit(m_account, 1'000));
    }

    void freezeModes()
    {
        cs::AccountService accounts(f.db.db());
        const auto refused = [&](const char* what, bool deposit) {
            const Snapshot before = snapshot(m_account);
            auto r = deposit ? f.deposit(m_account, 100) : f.withdraw(m_account, 100);
            QVERIFY2(!r, what);
            QCOMPARE(r.error().code, u"posting.account_frozen"_s);
            QCOMPARE(snapshot(m_account), before);
        };
        CS_VERIFY_RESULT(settled(f.db.db(), accounts.freeze(*f.teller, m_account, cs::FreezeMode::Full, u"judicial"_s, u"order 1"_s)));
        refused("full: deposit", true);
        refused("full: withdrawal", false);
        CS_VERIFY_RESULT(settled(f.db.db(), accounts.unfreeze(*f.teller, m_account, u"lifted"_s)));

        // 只收不付: no debits, deposits allowed.
        CS_VERIFY_RESULT(settled(f.db.db(), accounts.freeze(*f.teller, m_account, cs::FreezeMode::Debit, u"judicial"_s, u"order 2"_s)));
        refused("debit: withdrawal", false);
        CS_VERIFY_RESULT(f.deposit(m_account, 100));
        CS_VERIFY_RESULT(settled(f.db.db(), accounts.unfreeze(*f.teller, m_account, u"lifted"_s)));

        // 只付不收: no credits, withdrawals allowed.
        CS_VERIFY_RESULT(settled(f.db.db(), accounts.freeze(*f.teller, m_account, cs::FreezeMode::Credit, u"judicial"_s, u"order 3"_s)));
        refused("credit: deposit", true);
        CS_VERIFY_RESULT(f.withdraw(m_account, 100));
        CS_VERIFY_RESULT(settled(f.db.db(), accounts.unfreeze(*f.teller, m_account, u"lifted"_s)));
    }

    void closedAccountRefused()
    {
        auto other = f.open(li, u"demand"_s, u"II"_s);
        CS_VERIFY_RESULT(other);
        CS_VERIFY_RESULT(settled(f.db.db(), cs::AccountService(f.db.db()).close(*f.teller, *other, u"customer asked"_s)));
        const Snapshot before = snapshot(*other);
        CS_EXPECT_ERROR(f.deposit(*other, 100), "posting.account_closed", cs::ErrorKind::Refused, "account");
        QCOMPARE(snapshot(*other), before);
    }

    void internalAccountRefused()
    {
        const QString vault = f.db.scalar(u"SELECT number FROM accounts WHERE id = %1"_s.arg(f.ledger.vault)).toString();
        const Snapshot before = snapshot(m_account);
        CS_EXPECT_ERROR(f.deposit(vault, 100), "account.internal", cs::ErrorKind::Refused, "account");
        CS_EXPECT_ERROR(f.deposit(m_account, 0), "cash.amount", cs::ErrorKind::Invalid, "amount");
        CS_EXPECT_ERROR(service().deposit(*f.teller, {m_account, cny(100), u" "_s, {}, {}}), "cash.request_id",
                        cs::ErrorKind::Invalid, "request_id");
        CS_EXPECT_ERROR(f.deposit(u"6229000000000000"_s, 100), "account.format", cs::ErrorKind::Invalid, "");
        QCOMPARE(snapshot(m_account), before);
    }

    void tellerSingleMaxEdge()
    {
        // limits.teller_single_max is ¥50,000: one fen above it the withdrawal waits for a supervisor with
        // its amount held (tst_approvals follows it to the end). The large-value threshold is moved out
        // of the way here.
        CS_VERIFY_RESULT(f.setSetting(u"aml.cash_large_value"_s, 0));
        CS_VERIFY_RESULT(f.deposit(m_account, 5'000'001));
        CS_VERIFY_RESULT(f.takeFromVault(5'000'001));
        const Snapshot before = snapshot(m_account);
        const auto held = [&] { return f.db.count(u"SELECT held FROM accounts WHERE number = '%1'"_s.arg(m_account)); };
        const qint64 heldBefore = held();
        const qint64 refusals = f.audits(u"cash.withdraw"_s, u"refused"_s);
        const auto waiting = f.withdraw(m_account, 5'000'001);
        CS_VERIFY_RESULT(waiting);
        QCOMPARE(waiting->state, u"pending"_s);
        QVERIFY(waiting->approvalId > 0);
        QCOMPARE(waiting->txnId, 0);
        QCOMPARE(waiting->amount, cny(5'000'001));
        QCOMPARE(waiting->balanceAfter, cny(before.account));
        QCOMPARE(snapshot(m_account), before);
        QCOMPARE(held(), heldBefore + 5'000'001);
        QCOMPARE(f.audits(u"cash.withdraw"_s, u"refused"_s), refusals);
        // The maker withdraws the request, which gives the amount back.
        CS_VERIFY_RESULT(cs::ApprovalService(f.db.db()).cancel(*f.teller, waiting->approvalId, CashFixture::newId()));
        QCOMPARE(held(), heldBefore);
        QCOMPARE(snapshot(m_account), before);
        CS_VERIFY_RESULT(f.withdraw(m_account, 5'000'000));
        QCOMPARE(f.balance(m_account), before.account - 5'000'000);
        CS_VERIFY_RESULT(f.setSetting(u"aml.cash_large_value"_s, 5'000'000));
    }

    void supervisorHasNoCashPermission()
    {
        auto super = f.db.signOn(u"super1"_s);
        CS_VERIFY_RESULT(super);
        const Snapshot before = snapshot(m_account);
        CS_EXPECT_ERROR(f.deposit(m_account, 100, {}, {}, &*super), "permission.denied", cs::ErrorKind::Refused, "");
        QCOMPARE(snapshot(m_account), before);
    }

    void cleanupTestCase() { f.db.reset(); }
};

QTEST_GUILESS_MAIN(TestCash)
#include "tst_cash.moc"
