// The remote (异地) cash fee on SQLite and PostgreSQL (issue 6, DOMAIN "Cards"): cash deposited or
// withdrawn at a branch in another city than the account's (CNAPS bank code digits 4-7) is free while the
// day's remote total, this one included, stays under ¥50,000; from there each transaction pays 0.01%,
// rounded half up, at most ¥50. The fee goes to fee income in the same posting, on top of a withdrawal
// and out of a deposit; the voucher shows it; cash in the account's own city pays nothing.
#include "services/cardservice.h"
#include "support/cardfixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QString huang = u"440305197511220358"_s;
const QString sun = u"32010219680904771X"_s;
} // namespace

class TestRemoteFee : public QObject {
    Q_OBJECT

private:
    CardFixture f;
    std::optional<cs::Session> remote; // teller at branch 0002, Shanghai (the demo branch's city is 1000)

    qint64 feeIncome() { return f.db.count(u"SELECT coalesce(sum(amount), 0) FROM journal_lines WHERE account_id = %1"_s.arg(f.ledger.feeIncome)); }
    qint64 remoteFeeIncome()
    {
        return f.db.count(u"SELECT coalesce(sum(l.amount), 0) FROM journal_lines l JOIN accounts a ON a.id = l.account_id "
                          "WHERE a.internal_role = 'fee_income' AND a.branch_id = %1"_s.arg(remote->branchId));
    }
    cs::Result<cs::CashReceipt> deposit(const QString& number, qint64 minor, const cs::Session& who)
    {
        cs::DueDiligence dd;
        if (minor >= 5'000'000)
            dd = {{}, {}, u"salary"_s, {}, u"ID-COPY-7"_s};
        return f.deposit(number, minor, {}, dd, &who);
    }

    cs::Status exec(const QString& statement)
    {
        return f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(statement);
            if (!q)
                return cs::fail(q.error());
            return {};
        });
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto added = cs::BranchRepository(uow).insertIfAbsent({u"0002"_s, u"上海分理处"_s, u"313290000017"_s, f.businessDate()});
            if (!added)
                return cs::fail(added.error());
            return {};
        }));
        // A teller of the Shanghai branch, with teller1's password.
        CS_VERIFY_RESULT(exec(u"INSERT INTO staff (branch_id, login, full_name, role, password_hash, must_change_password) "
                              "SELECT b.id, 'teller9', '上海柜员', 'teller', s.password_hash, s.must_change_password "
                              "FROM branches b, staff s WHERE b.code = '0002' AND s.login = 'teller1'"_s));
        auto t = f.db.signOn(u"teller9"_s, QString::fromUtf16(DemoDb::password), u"SH1"_s);
        CS_VERIFY_RESULT(t);
        remote = *t;
        // Cash for both branches' vaults, then each teller's box.
        CS_VERIFY_RESULT(f.fundVault(100'000'000));
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto ledger = cs::InternalAccounts::ensure(uow, remote->branchId);
            if (!ledger)
                return cs::fail(ledger.error());
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.kind = u"vault_delivery"_s;
            r.branchId = remote->branchId;
            r.businessDate = remote->businessDate;
            r.staffId = remote->staffId;
            r.terminal = remote->terminal;
            r.lines = {{ledger->vault, 'D', cny(200'000'000), {}}, {ledger->clearing, 'C', cny(200'000'000), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        }));
        CS_VERIFY_RESULT(f.openBox(10'000'000));
        CS_VERIFY_RESULT(f.openBox(200'000'000, &*remote));
    }

    void sameCityPaysNothing()
    {
        auto account = f.classI(zhang);
        CS_VERIFY_RESULT(account);
        auto receipt = deposit(*account, 6'000'000, *f.teller);
        CS_VERIFY_RESULT(receipt);
        QCOMPARE(receipt->fee, cny(0));
        QCOMPARE(f.balance(*account), 6'000'000);
        auto fee = f.service().remoteFeeFor(*f.teller, *account, cny(6'000'000));
        CS_VERIFY_RESULT(fee);
        QCOMPARE(*fee, cny(0));
    }

    void underFiftyThousandIsFree()
    {
        auto account = f.classI(li);
        CS_VERIFY_RESULT(account);
        const qint64 income = remoteFeeIncome();
        auto preview = cs::CashService(f.db.db()).preview(*remote, cs::CashDirection::Deposit, *account, cny(4'999'999));
        CS_VERIFY_RESULT(preview);
        QCOMPARE(preview->fee, cny(0));
        auto receipt = deposit(*account, 4'999'999, *remote); // ¥49,999.99
        CS_VERIFY_RESULT(receipt);
        QCOMPARE(receipt->fee, cny(0));
        QCOMPARE(f.balance(*account), 4'999'999);
        QCOMPARE(remoteFeeIncome(), income);
        // The day's remote total now passes ¥50,000: ¥100 more pays 0.01% of ¥100 = ¥0.01.
        auto quoted = f.service().remoteFeeFor(*remote, *account, cny(10'000));
        CS_VERIFY_RESULT(quoted);
        QCOMPARE(*quoted, cny(1));
        auto next = deposit(*account, 10'000, *remote);
        CS_VERIFY_RESULT(next);
        QCOMPARE(next->fee, cny(1));
        QCOMPARE(f.balance(*account), 4'999'999 + 10'000 - 1);
        QCOMPARE(remoteFeeIncome(), income + 1);
    }

    void atFiftyThousandPaysTheRate()
    {
        auto account = f.classI(huang);
        CS_VERIFY_RESULT(account);
        const qint64 income = remoteFeeIncome();
        auto receipt = deposit(*account, 5'000'000, *remote); // ¥50,000: ¥5.00
        CS_VERIFY_RESULT(receipt);
        QCOMPARE(receipt->fee, cny(500));
        QCOMPARE(receipt->amount, cny(5'000'000));
        QCOMPARE(receipt->balanceAfter, cny(4'999'500));
        QCOMPARE(f.balance(*account), 4'999'500);
        QCOMPARE(remoteFeeIncome(), income + 500);
        // The voucher again, from the journal.
        auto again = cs::CashService(f.db.db()).receipt(*remote, receipt->txnId);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->fee, cny(500));
        QCOMPARE(again->amount, cny(5'000'000));
        // A withdrawal of ¥20,000 the same day: ¥2.00 on top.
        auto out = f.withdraw(*account, 2'000'000, {}, {}, &*remote);
        CS_VERIFY_RESULT(out);
        QCOMPARE(out->fee, cny(200));
        QCOMPARE(f.balance(*account), 4'999'500 - 2'000'200);
        QCOMPARE(remoteFeeIncome(), income + 700);
        auto outAgain = cs::CashService(f.db.db()).receipt(*remote, out->txnId);
        CS_VERIFY_RESULT(outAgain);
        QCOMPARE(outAgain->fee, cny(200));
    }

    void largeAmountsHitTheCap()
    {
        auto account = f.classI(sun);
        CS_VERIFY_RESULT(account);
        const qint64 income = remoteFeeIncome();
        auto receipt = deposit(*account, 100'000'000, *remote); // ¥1,000,000: 0.01% = ¥100, capped at ¥50
        CS_VERIFY_RESULT(receipt);
        QCOMPARE(receipt->fee, cny(5'000));
        QCOMPARE(f.balance(*account), 100'000'000 - 5'000);
        QCOMPARE(remoteFeeIncome(), income + 5'000);
        // The posting balances with the fee in it: cash in, the account, fee income.
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM journal_lines WHERE txn_id = %1"_s.arg(receipt->txnId)), 4);
        // Settings change the rule: a lower cap.
        CS_VERIFY_RESULT(f.setSetting(u"cards.remote_fee.cap"_s, 1'000));
        auto capped = f.service().remoteFeeFor(*remote, *account, cny(100'000'000));
        CS_VERIFY_RESULT(f.setSetting(u"cards.remote_fee.cap"_s, 5'000));
        CS_VERIFY_RESULT(capped);
        QCOMPARE(*capped, cny(1'000));
    }

    void notEnoughForTheFeeChangesNothing()
    {
        auto account = f.classI(huang);
        CS_VERIFY_RESULT(account);
        const qint64 balance = f.balance(*account);
        const qint64 txns = f.journalTxns();
        // The whole balance out, with the fee on top, is more than there is.
        CS_EXPECT_ERROR(f.withdraw(*account, balance, {}, {}, &*remote), "posting.insufficient_funds", cs::ErrorKind::Refused, "");
        QCOMPARE(f.balance(*account), balance);
        QCOMPARE(f.journalTxns(), txns);
    }
};

QTEST_GUILESS_MAIN(TestRemoteFee)
#include "tst_remotefee.moc"
