// The whole demo (DemoData::Content::Everything) on SQLite and PostgreSQL: the demo customers' accounts,
// the vault delivery, three past business days of teller cash each closed, the cards with their demo
// PINs, and the state it leaves: today's business day open, every cash box closed and empty, nothing
// pending, the demo merchants' payments of the day waiting for settlement, every balance equal to its
// journal, and the services working on it at once. DemoData::open,
// the `countersign --demo` database, keeps its card key in the `.keys` file beside it.
#include "domain/pan.h"
#include "services/cardservice.h"
#include "support/cashfixture.h"

#include <QFile>
#include <QTemporaryDir>

using namespace cs::test;

class TestDemo : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;

private slots:
    void initTestCase() { CS_VERIFY_RESULT(m_db.create(cs::DemoData::Content::Everything, true)); }
    void cleanupTestCase() { m_db.reset(); }

    void endsOnTodayWithPastDaysClosed()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QCOMPARE(m_db.scalar(u"SELECT business_date FROM branches WHERE code = '0001'"_s).toString().left(10), today);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM business_days WHERE state = 'closed'"_s), 3);
        QCOMPARE(m_db.scalar(u"SELECT business_date FROM business_days WHERE state <> 'closed'"_s).toString().left(10),
                 today);
        QCOMPARE(m_db.scalar(u"SELECT min(business_date) FROM business_days"_s).toString().left(10),
                 QDate::currentDate().addDays(-3).toString(Qt::ISODate));
        // Each past day has its postings; today only the merchants' (four payments, one capture counted
        // among them, one refund: five postings).
        QCOMPARE(m_db.count(u"SELECT COUNT(DISTINCT business_date) FROM journal_txns"_s), 4);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM journal_txns WHERE business_date = '%1'"_s.arg(today)), 5);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM journal_txns WHERE business_date = '%1' AND kind NOT LIKE 'merchant_%%'"_s
                                .arg(today)),
                 0);
    }

    void accountsOfTheCustomers()
    {
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE kind = 'customer' AND class = 'I'"_s), 5);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE class = 'II' AND bound_account_id IS NOT NULL"_s), 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE class = 'III' AND bound_account_id IS NOT NULL"_s), 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE product_code = 'corp'"_s), 2);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE product_code = 'quasi'"_s), 1);
        // Zhang's Class II: 3,000.00 in on the first day, 500.00 out on the second.
        QCOMPARE(m_db.count(u"SELECT balance FROM accounts WHERE class = 'II'"_s), 250'000);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM account_limit_usage"_s), 4);
    }

    void cashBoxesClosedAndTheVaultHoldsTheCash()
    {
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cashbox_sessions"_s), 6);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cashbox_sessions WHERE state = 'closed' AND difference_minor = 0"_s), 6);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE internal_role = 'cash_box' AND balance <> 0"_s), 0);
        // ¥2,000,000 delivered, ¥189,701.72 deposited, ¥45,600.00 paid out.
        QCOMPARE(m_db.count(u"SELECT balance FROM accounts WHERE internal_role = 'vault'"_s), 214'410'172);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE internal_role IN ('suspense_payable', "
                            "'suspense_receivable') AND balance <> 0"_s),
                 0);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM large_value_entries"_s), 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM approvals WHERE state = 'pending'"_s), 0);
    }

    void merchantsOfTheDemo()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM merchants WHERE fee_plan = 'b2b_percent' AND fee_rate_bp = 10 "
                            "AND cycle = 't0_eod'"_s),
                 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM merchants WHERE fee_plan = 'b2c' AND fee_rate_bp = 25 AND cycle = 'tn' "
                            "AND settlement_days = 1"_s),
                 1);
        // Fees: 0.1% of 3,200.00 = 3.20 and of 1,580.00 = 1.58; 0.25% of 899.00 = 2.2475 -> 2.25 and of the
        // 450.00 captured (of 500.00 authorised) = 1.125 -> 1.13, half up.
        const auto fee = [&](const QString& order) {
            return m_db.count(u"SELECT fee FROM merchant_payments WHERE order_number = '%1'"_s.arg(order));
        };
        QCOMPARE(fee(u"PO-20001"_s), 320);
        QCOMPARE(fee(u"PO-20002"_s), 158);
        QCOMPARE(fee(u"SO-30001"_s), 225);
        QCOMPARE(fee(u"SO-30002"_s), 113);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM merchant_payments WHERE state = 'captured' AND settle_on = '%1'"_s.arg(today)), 2);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM merchant_payments WHERE state = 'captured' AND settle_on = '%1'"_s.arg(tomorrow)),
                 2);
        QCOMPARE(m_db.count(u"SELECT captured FROM merchant_payments WHERE order_number = 'SO-30002'"_s), 45'000);
        QCOMPARE(m_db.count(u"SELECT refunded FROM merchant_payments WHERE order_number = 'SO-30001'"_s), 9'900);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM merchant_refunds"_s), 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM merchant_settlements"_s), 0);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM holds WHERE state = 'active'"_s), 0);
        // Owed to the merchants until end of day: 3,200 + 1,580 + 899 + 450 - 99 = 6,030.00.
        QCOMPARE(m_db.count(u"SELECT SUM(CASE WHEN l.side = 'C' THEN l.amount ELSE -l.amount END) FROM journal_lines l "
                            "JOIN accounts a ON a.id = l.account_id WHERE a.internal_role = 'merchant_settlement'"_s),
                 603'000);
    }

    void everyBalanceEqualsItsJournal()
    {
        const QString journalOf = u"(SELECT COALESCE(SUM(CASE WHEN l.side = a.normal_side THEN l.amount ELSE -l.amount END), 0) "
                                  "FROM journal_lines l WHERE l.account_id = a.id)"_s;
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts a WHERE a.balance_mode = 'row' AND a.balance <> "_s + journalOf),
                 0);
        QCOMPARE(m_db.count(u"SELECT SUM(CASE WHEN a.normal_side = 'D' THEN "_s + journalOf + u" ELSE -"_s + journalOf
                            + u" END) FROM accounts a"_s),
                 0);
    }

    void cardsOfTheCustomers()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cards"_s), 4);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cards WHERE pin_vv IS NOT NULL AND issued_on = '%1'"_s.arg(today)), 4);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cards WHERE state = 'active'"_s), 3);
        // Huang's card: reported lost by phone today, lifted or lapsing after five days.
        QCOMPARE(m_db.scalar(u"SELECT c.state FROM cards c JOIN customers p ON p.id = c.customer_id "
                             "WHERE p.id_number = '440305197511220358'"_s)
                     .toString(),
                 u"lost_oral"_s);
        QCOMPARE(m_db.scalar(u"SELECT state_before_loss FROM cards WHERE state = 'lost_oral'"_s).toString(), u"active"_s);
        // Sun's quasi-credit card draws on an account of its own with a ¥10,000 overdraft.
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cards WHERE product_code = 'quasi' AND credit_limit = 1000000 "
                            "AND card_account_id <> settlement_account_id"_s),
                 1);
        QCOMPARE(m_db.count(u"SELECT a.overdraft_limit FROM cards c JOIN accounts a ON a.id = c.card_account_id "
                            "WHERE c.product_code = 'quasi'"_s),
                 1'000'000);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cards WHERE product_code = 'debit' AND pan_masked LIKE '621788%'"_s), 3);
        // Zhang pays online with SMS codes up to ¥5,000 a day.
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM cards WHERE online_enabled AND online_method = 'sms' "
                            "AND online_daily_limit = 500000"_s),
                 1);

        // The demo PIN (db/demo/demo.json) opens Zhang's card; the number reads back under the key.
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        const cs::CardService cards(m_db.db(), m_db.vault());
        const qint64 zhang = m_db.count(u"SELECT id FROM customers WHERE id_number = '110101198003151239'"_s);
        auto listed = cards.listForCustomer(*teller, zhang);
        CS_VERIFY_RESULT(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().state, u"active"_s);
        QCOMPARE(listed->first().onlineEnabled, true);
        QCOMPARE(listed->first().onlineMethod, u"sms"_s);
        QCOMPARE(listed->first().onlineDailyLimit, cny(500'000));
        QVERIFY(listed->first().panMasked.startsWith(u"621788"_s));
        CS_VERIFY_RESULT(cards.verifyPin(*teller, listed->first().id, cs::SecureBytes(QByteArrayLiteral("739416"))));
        const auto wrong = cards.verifyPin(*teller, listed->first().id, cs::SecureBytes(QByteArrayLiteral("582039")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, u"card.pin_wrong"_s);
    }

    void tellersCanWorkAtOnce()
    {
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        QCOMPARE(teller->businessDate, QDate::currentDate());
        auto box = cs::CashBoxService(m_db.db()).open(*teller, cny(1'000'000), CashFixture::newId());
        CS_VERIFY_RESULT(box);
        const QString account =
            m_db.scalar(u"SELECT number FROM accounts WHERE class = 'I' ORDER BY number LIMIT 1"_s).toString();
        auto deposit = cs::CashService(m_db.db()).deposit(*teller, {account, cny(10'000), CashFixture::newId(), {}, {}});
        CS_VERIFY_RESULT(deposit);
        QCOMPARE(deposit->businessDate, QDate::currentDate());
    }

    void seedingAgainChangesNothing()
    {
        const qint64 txns = m_db.count(u"SELECT COUNT(*) FROM journal_txns"_s);
        const qint64 audits = m_db.count(u"SELECT COUNT(*) FROM audit_log"_s);
        const QString cards = u"SELECT COUNT(*) FROM cards WHERE state = 'active' AND pin_vv IS NOT NULL"_s;
        auto again = cs::DemoData::seed(m_db.db(), cs::DemoData::Content::Everything, &m_db.vault());
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->inserted, 0);
        QCOMPARE(again->cards, 4);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM journal_txns"_s), txns);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log"_s), audits);
        QCOMPARE(m_db.count(cards), 3);
    }

    void theDemoDatabaseKeepsItsCardKeyBesideIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"demo.db"_s);
        {
            auto first = cs::DemoData::open(path);
            CS_VERIFY_RESULT(first);
            first->closeThreadConnection();
        }
        const QString keys = path + u".keys"_s;
        QVERIFY(QFile::exists(keys));
        QCOMPARE(QFile::permissions(keys) & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
        const QByteArray key = [&] {
            QFile f(keys);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        auto second = cs::DemoData::open(path);
        CS_VERIFY_RESULT(second);
        auto summary = cs::DemoData::seed(*second, cs::DemoData::Content::Everything, nullptr);
        CS_VERIFY_RESULT(summary);
        QCOMPARE(summary->inserted, 0);
        QCOMPARE(summary->cards, 4);
        QFile f(keys);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), key);
        second->closeThreadConnection();
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
