// Teller cash boxes on SQLite and PostgreSQL: opening from the vault, cash between box and vault, the
// count, and closing with an exact match, an over (suspense payable) and a short (suspense receivable),
// each with exact balances; expected = opening + in - out; and the refusals, each changing nothing.
#include "support/approvals.h"
#include "support/cashfixture.h"

using namespace cs::test;

namespace {
const QString wu = u"510107200101304182"_s;
constexpr qint64 vaultFunds = 10'000'000; // ¥100,000
} // namespace

class TestCashBox : public QObject {
    Q_OBJECT

private:
    CashFixture f;
    QString m_account;
    qint64 m_vaultStart = 0;

    cs::CashBoxService service() { return cs::CashBoxService(f.db.db()); }

    struct Snapshot {
        qint64 vault = 0;
        qint64 box1 = 0;
        qint64 box2 = 0;
        qint64 payable = 0;
        qint64 receivable = 0;
        qint64 txns = 0;
        qint64 sessions = 0;
        qint64 openSessions = 0;
        bool operator==(const Snapshot&) const = default;
    };
    Snapshot snapshot()
    {
        return {f.balanceOf(f.ledger.vault),
                f.balanceOf(f.boxId(*f.teller)),
                f.balanceOf(f.boxId(*f.teller2)),
                f.balanceOf(f.ledger.suspensePayable),
                f.balanceOf(f.ledger.suspenseReceivable),
                f.journalTxns(),
                f.db.count(u"SELECT COUNT(*) FROM cashbox_sessions"_s),
                f.db.count(u"SELECT COUNT(*) FROM cashbox_sessions WHERE state = 'open'"_s)};
    }
    qint64 kindCount(const QString& kind)
    {
        return f.db.count(u"SELECT COUNT(*) FROM journal_txns WHERE kind = '%1'"_s.arg(kind));
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        m_vaultStart = f.balanceOf(f.ledger.vault);
        CS_VERIFY_RESULT(f.fundVault(vaultFunds));
        auto account = f.classI(wu);
        CS_VERIFY_RESULT(account);
        m_account = *account;
    }

    void nothingOpenYet()
    {
        auto view = service().current(*f.teller);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->state, u"none"_s);
        QCOMPARE(view->sessionId, 0);
        const Snapshot before = snapshot();
        CS_EXPECT_ERROR(f.takeFromVault(100), "cashbox.not_open", cs::ErrorKind::Refused, "cashbox");
        CS_EXPECT_ERROR(service().returnToVault(*f.teller, cny(100), CashFixture::newId()), "cashbox.not_open",
                        cs::ErrorKind::Refused, "cashbox");
        CS_EXPECT_ERROR(service().count(*f.teller, cny(0)), "cashbox.not_open", cs::ErrorKind::Refused, "cashbox");
        CS_EXPECT_ERROR(service().close(*f.teller, cny(0), CashFixture::newId()), "cashbox.not_open",
                        cs::ErrorKind::Refused, "cashbox");
        QCOMPARE(snapshot(), before);
        QCOMPARE(f.audits(u"cashbox.close"_s, u"refused"_s), 1);
    }

    void openTakeReturnCountAndCloseExactly()
    {
        const Snapshot start = snapshot();
        auto opened = f.openBox(1'000'000);
        CS_VERIFY_RESULT(opened);
        QCOMPARE(opened->state, u"open"_s);
        QCOMPARE(opened->businessDate, f.teller->businessDate);
        QCOMPARE(opened->opening, cny(0));
        QCOMPARE(opened->cashIn, cny(1'000'000));
        QCOMPARE(opened->expected, cny(1'000'000));
        QCOMPARE(f.balanceOf(f.ledger.vault), start.vault - 1'000'000);
        QCOMPARE(f.balanceOf(opened->accountId), 1'000'000);
        QCOMPARE(kindCount(u"vault_to_teller"_s), 1);
        QCOMPARE(f.audits(u"cashbox.open"_s, u"success"_s), 1);

        // A second open box is refused.
        const Snapshot afterOpen = snapshot();
        CS_EXPECT_ERROR(f.openBox(100), "cashbox.already_open", cs::ErrorKind::Refused, "cashbox");
        QCOMPARE(snapshot(), afterOpen);
        QCOMPARE(f.audits(u"cashbox.open"_s, u"refused"_s), 1);

        CS_VERIFY_RESULT(f.takeFromVault(500'000));
        auto returned = service().returnToVault(*f.teller, cny(200'000), CashFixture::newId());
        CS_VERIFY_RESULT(returned);
        CS_VERIFY_RESULT(f.deposit(m_account, 345'678));
        CS_VERIFY_RESULT(f.withdraw(m_account, 45'678));
        auto view = service().current(*f.teller);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->opening, cny(0));
        QCOMPARE(view->cashIn, cny(1'000'000 + 500'000 + 345'678));
        QCOMPARE(view->cashOut, cny(200'000 + 45'678));
        QCOMPARE(view->expected, cny(1'600'000));
        QCOMPARE(view->expected.minor(), view->opening.minor() + view->cashIn.minor() - view->cashOut.minor());
        QCOMPARE(view->expected.minor(), f.balanceOf(view->accountId));
        QCOMPARE(view->transactions, 5);
        QVERIFY(!view->counted);
        QCOMPARE(f.balanceOf(f.ledger.vault), start.vault - 1'300'000);

        // Returning more than the box holds is refused.
        const Snapshot beforeReturn = snapshot();
        CS_EXPECT_ERROR(service().returnToVault(*f.teller, cny(1'600'001), CashFixture::newId()),
                        "cashbox.box_insufficient", cs::ErrorKind::Refused, "amount");
        QCOMPARE(snapshot(), beforeReturn);

        // The count records what was counted and the difference; nothing moves.
        const qint64 txns = f.journalTxns();
        auto counted = service().count(*f.teller, cny(1'599'900));
        CS_VERIFY_RESULT(counted);
        QCOMPARE(counted->counted, std::optional<cs::Money>(cny(1'599'900)));
        QCOMPARE(counted->difference, cny(-100));
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.db.count(u"SELECT difference_minor FROM cashbox_sessions WHERE id = %1"_s.arg(counted->sessionId)), -100);

        // Closing with an exact count: everything back to the vault, no suspense.
        auto closing = service().close(*f.teller, cny(1'600'000), CashFixture::newId());
        CS_VERIFY_RESULT(closing);
        QCOMPARE(closing->box.state, u"closed"_s);
        QCOMPARE(closing->box.expected, cny(1'600'000));
        QCOMPARE(closing->box.counted, std::optional<cs::Money>(cny(1'600'000)));
        QCOMPARE(closing->box.difference, cny(0));
        QCOMPARE(closing->box.transactions, 5);
        QCOMPARE(closing->over, cny(0));
        QCOMPARE(closing->shortage, cny(0));
        QCOMPARE(closing->overShortTxnId, 0);
        QVERIFY(closing->returnTxnId > 0);
        QCOMPARE(closing->returnedToVault, cny(1'600'000));
        QCOMPARE(f.balanceOf(view->accountId), 0);
        QCOMPARE(f.balanceOf(f.ledger.vault), start.vault + 300'000); // the customer's net deposit
        QCOMPARE(f.balanceOf(f.ledger.suspensePayable), start.payable);
        QCOMPARE(f.balanceOf(f.ledger.suspenseReceivable), start.receivable);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM cashbox_sessions WHERE state = 'closed' AND counted_minor = 1600000 "
                            "AND difference_minor = 0 AND closed_at IS NOT NULL"_s),
                 1);
        QCOMPARE(f.audits(u"cashbox.close"_s, u"success"_s), 1);
        // Cash needs an open box again.
        CS_EXPECT_ERROR(f.deposit(m_account, 100), "cashbox.not_open", cs::ErrorKind::Refused, "cashbox");
    }

    // An over or a short waits for a supervisor (DOMAIN: each under approval): the box stays open and
    // nothing is booked until the approval, which books it and closes the box in one transaction.
    void closeWithAnOver()
    {
        const Snapshot start = snapshot();
        auto opened = f.openBox(100'000);
        CS_VERIFY_RESULT(opened);
        QCOMPARE(opened->transactions, 1); // the earlier session's transactions are not this one's
        QCOMPARE(opened->expected, cny(100'000));
        const qint64 txns = f.journalTxns();
        auto closing = service().close(*f.teller, cny(100'050), CashFixture::newId());
        CS_VERIFY_RESULT(closing);
        QVERIFY(closing->pending());
        QVERIFY(closing->approvalId > 0);
        QCOMPARE(closing->over, cny(50));
        QCOMPARE(closing->overShortTxnId, 0);
        QCOMPARE(closing->box.state, u"open"_s);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(f.balanceOf(opened->accountId), 100'000);
        QCOMPARE(f.db.scalar(u"SELECT action || ' ' || entity_type || ' ' || amount_minor FROM approvals WHERE id = %1"_s
                                 .arg(closing->approvalId))
                     .toString(),
                 u"cashbox.overshort cashbox 50"_s);

        CS_VERIFY_RESULT(cs::test::approveAsSupervisor(f.db.db(), closing->approvalId));
        auto after = service().current(*f.teller);
        CS_VERIFY_RESULT(after);
        QCOMPARE(after->state, u"closed"_s);
        QCOMPARE(after->difference, cny(50));
        QCOMPARE(f.balanceOf(f.ledger.suspensePayable), start.payable + 50);
        QCOMPARE(f.balanceOf(f.ledger.suspenseReceivable), start.receivable);
        QCOMPARE(f.balanceOf(f.ledger.vault), start.vault + 50);
        QCOMPARE(f.balanceOf(opened->accountId), 0);
        QCOMPARE(f.db.scalar(u"SELECT kind FROM journal_txns WHERE approval_id = %1"_s.arg(closing->approvalId)).toString(),
                 u"cash_over"_s);
    }

    void closeWithAShort()
    {
        const Snapshot start = snapshot();
        auto opened = f.openBox(100'000);
        CS_VERIFY_RESULT(opened);
        auto closing = service().close(*f.teller, cny(99'970), CashFixture::newId());
        CS_VERIFY_RESULT(closing);
        QVERIFY(closing->pending());
        QCOMPARE(closing->shortage, cny(30));
        // A second close while the first waits is refused (one pending approval per box).
        CS_EXPECT_ERROR(service().close(*f.teller, cny(99'970), CashFixture::newId()), "approval.duplicate",
                        cs::ErrorKind::Refused, "");
        // Cash moves after the count: the approval is refused, nothing is booked, the box stays open.
        CS_VERIFY_RESULT(f.deposit(m_account, 1'000));
        CS_EXPECT_ERROR(cs::test::approveAsSupervisor(f.db.db(), closing->approvalId), "cashbox.changed_since_count",
                        cs::ErrorKind::Refused, "counted");
        QCOMPARE(f.balanceOf(f.ledger.suspenseReceivable), start.receivable);
        auto still = service().current(*f.teller);
        CS_VERIFY_RESULT(still);
        QCOMPARE(still->state, u"open"_s);
        // The teller withdraws the request, counts again and closes; the supervisor approves.
        CS_VERIFY_RESULT(cs::ApprovalService(f.db.db()).cancel(*f.teller, closing->approvalId, CashFixture::newId()));
        auto again = service().close(*f.teller, cny(100'970), CashFixture::newId());
        CS_VERIFY_RESULT(again);
        QVERIFY(again->pending());
        QCOMPARE(again->shortage, cny(30));
        CS_VERIFY_RESULT(cs::test::approveAsSupervisor(f.db.db(), again->approvalId));
        QCOMPARE(f.balanceOf(f.ledger.suspenseReceivable), start.receivable + 30);
        QCOMPARE(f.balanceOf(f.ledger.suspensePayable), start.payable);
        QCOMPARE(f.balanceOf(f.ledger.vault), start.vault + 1'000 - 30);
        QCOMPARE(f.balanceOf(opened->accountId), 0);
        QCOMPARE(f.db.scalar(u"SELECT kind FROM journal_txns WHERE approval_id = %1"_s.arg(again->approvalId)).toString(),
                 u"cash_short"_s);
    }

    void vaultInsufficient()
    {
        const qint64 vault = f.balanceOf(f.ledger.vault);
        const Snapshot before = snapshot();
        CS_EXPECT_ERROR(f.openBox(vault + 1, &*f.teller2), "cashbox.vault_insufficient", cs::ErrorKind::Refused, "amount");
        QCOMPARE(snapshot(), before);
        // All of it is allowed; then taking one fen more is refused.
        auto opened = f.openBox(vault, &*f.teller2);
        CS_VERIFY_RESULT(opened);
        QCOMPARE(f.balanceOf(f.ledger.vault), 0);
        const Snapshot empty = snapshot();
        CS_EXPECT_ERROR(f.takeFromVault(1, &*f.teller2), "cashbox.vault_insufficient", cs::ErrorKind::Refused, "amount");
        QCOMPARE(snapshot(), empty);
        auto closing = service().close(*f.teller2, cny(vault), CashFixture::newId());
        CS_VERIFY_RESULT(closing);
        QCOMPARE(f.balanceOf(f.ledger.vault), vault);
        QCOMPARE(f.balanceOf(f.ledger.vault), m_vaultStart + vaultFunds + 300'000 + 50 + 1'000 - 30);
    }

    void replayedCloseMovesNothingAgain()
    {
        auto opened = f.openBox(10'000);
        CS_VERIFY_RESULT(opened);
        const QString id = CashFixture::newId();
        auto first = service().close(*f.teller, cny(10'000), id);
        CS_VERIFY_RESULT(first);
        const Snapshot after = snapshot();
        auto second = service().close(*f.teller, cny(10'000), id);
        CS_VERIFY_RESULT(second);
        QCOMPARE(second->returnTxnId, first->returnTxnId);
        QCOMPARE(snapshot(), after);
    }

    void invalidAmountsAndPermissions()
    {
        const Snapshot before = snapshot();
        CS_EXPECT_ERROR(f.openBox(-1), "cashbox.amount", cs::ErrorKind::Invalid, "amount");
        CS_EXPECT_ERROR(service().open(*f.teller, cny(100), {}), "cashbox.request_id", cs::ErrorKind::Invalid,
                        "request_id");
        CS_EXPECT_ERROR(service().close(*f.teller, cny(0), {}), "cashbox.request_id", cs::ErrorKind::Invalid,
                        "request_id");
        CS_EXPECT_ERROR(service().close(*f.teller, cny(-1), CashFixture::newId()), "cashbox.count_invalid",
                        cs::ErrorKind::Invalid, "counted");
        auto super = f.db.signOn(u"super1"_s);
        CS_VERIFY_RESULT(super);
        CS_EXPECT_ERROR(f.openBox(100, &*super), "permission.denied", cs::ErrorKind::Refused, "");
        QCOMPARE(snapshot(), before);
    }

    void cleanupTestCase() { f.db.reset(); }
};

QTEST_GUILESS_MAIN(TestCashBox)
#include "tst_cashbox.moc"
