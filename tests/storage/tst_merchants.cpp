// Merchant acquiring on SQLite and PostgreSQL, against figures worked out by hand: the fee plans (B2B 0.1%
// half up, B2B ¥5.00 fixed, B2C 0.2%-0.3%), refunds never above what is left of an order, authorised then
// captured payments, and settlement by cycle (T+0 real time at once, T+0 at day end in that day's
// settleDueIn, T+1 on the next business day), once only; card payers under the card rules; and a ledger
// that balances after all of it.
#include "ledger/postingengine.h"
#include "services/merchantservice.h"
#include "support/cardfixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QString trade = u"91310000MA1FL8X7QN"_s;
const QString tech = u"91440300MA5G2KJH4N"_s;
} // namespace

class TestMerchants : public QObject {
    Q_OBJECT

private:
    CardFixture f;
    QString m_zhang;     // Zhang's Class I, the usual payer
    QString m_li;        // Li's Class I
    QString m_tradeCorp; // the trading company's account
    QString m_techCorp;  // the technology company's account
    QDate m_day;         // the business date T

    cs::MerchantService service() { return cs::MerchantService(f.db.db()); }

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

    cs::Result<cs::MerchantView> addMerchant(const QString& name, const QString& companyId, const QString& account,
                                             const QString& plan, const QString& cycle, int days = 0, qint64 rateBp = 0,
                                             qint64 fixed = 0)
    {
        cs::NewMerchantRequest r;
        r.name = name;
        r.customerId = f.customer(companyId);
        r.settlementAccount = account;
        r.contract.feePlan = plan;
        r.contract.feeRateBp = rateBp;
        r.contract.fixedFee = cny(fixed);
        r.contract.cycle = cycle;
        r.contract.settlementDays = days;
        r.requestId = CashFixture::newId();
        return service().add(*f.super1, r);
    }

    cs::PaymentRequest payment(qint64 merchantId, const QString& order, qint64 minor, const QString& mode = u"immediate"_s,
                               const QString& payer = {})
    {
        cs::PaymentRequest r;
        r.merchantId = merchantId;
        r.orderNumber = order;
        r.mode = mode;
        r.payerAccount = payer.isEmpty() ? m_zhang : payer;
        r.amount = cny(minor);
        r.requestId = CashFixture::newId();
        return r;
    }
    cs::Result<cs::PaymentView> pay(qint64 merchantId, const QString& order, qint64 minor,
                                    const QString& mode = u"immediate"_s, const QString& payer = {})
    {
        return service().pay(*f.teller, payment(merchantId, order, minor, mode, payer));
    }
    cs::Result<cs::PaymentView> refund(qint64 merchantId, const QString& order, qint64 minor, const QString& requestId = {})
    {
        return service().refund(*f.teller, merchantId, order, cny(minor), requestId.isEmpty() ? CashFixture::newId() : requestId);
    }
    cs::Result<QJsonObject> settleDueIn(const QDate& day)
    {
        QJsonObject answer;
        const cs::Status done = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto settled = cs::MerchantService::settleDueIn(uow, *f.super1, day);
            if (!settled)
                return cs::fail(settled.error());
            answer = *settled;
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return answer;
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
    qint64 count(const QString& table) { return f.db.count(u"SELECT COUNT(*) FROM %1"_s.arg(table)); }
    qint64 settlementValue(qint64 settlementId, const QString& column)
    {
        return f.db.count(u"SELECT %1 FROM merchant_settlements WHERE id = %2"_s.arg(column).arg(settlementId));
    }
    QString txnDate(qint64 txnId)
    {
        return f.db.scalar(u"SELECT business_date FROM journal_txns WHERE id = %1"_s.arg(txnId)).toString().left(10);
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        auto z = f.classI(zhang);
        CS_VERIFY_RESULT(z);
        m_zhang = *z;
        auto l = f.classI(li);
        CS_VERIFY_RESULT(l);
        m_li = *l;
        auto t = f.open(trade, u"corp"_s);
        CS_VERIFY_RESULT(t);
        m_tradeCorp = *t;
        auto h = f.open(tech, u"corp"_s);
        CS_VERIFY_RESULT(h);
        m_techCorp = *h;
        CS_VERIFY_RESULT(fund(m_zhang, 100'000'000)); // ¥1,000,000.00
        CS_VERIFY_RESULT(fund(m_li, 1'000'000));      // ¥10,000.00
        m_day = f.businessDate();
    }
    void cleanupTestCase() { f.db.reset(); }

    void addTakesTheDefaultsAndChecksTheContract()
    {
        auto percent = addMerchant(u"示范贸易 B2B"_s, trade, m_tradeCorp, u"b2b_percent"_s, u"t0_eod"_s);
        CS_VERIFY_RESULT(percent);
        QCOMPARE(percent->code, u"M%1"_s.arg(percent->id, 8, 10, QLatin1Char('0')));
        QCOMPARE(percent->contract.feeRateBp, 10);
        QCOMPARE(percent->contract.fixedFee.minor(), 0);
        QCOMPARE(percent->settlementAccount, m_tradeCorp);
        QCOMPARE(percent->state, u"active"_s);
        auto fixed = addMerchant(u"示范贸易 fixed"_s, trade, m_tradeCorp, u"b2b_fixed"_s, u"t0_eod"_s);
        CS_VERIFY_RESULT(fixed);
        QCOMPARE(fixed->contract.fixedFee.minor(), 500);
        QCOMPARE(fixed->contract.feeRateBp, 0);
        auto b2c = addMerchant(u"示范科技 B2C"_s, tech, m_techCorp, u"b2c"_s, u"tn"_s, 1);
        CS_VERIFY_RESULT(b2c);
        QCOMPARE(b2c->contract.feeRateBp, 25);
        QCOMPARE(b2c->contract.settlementDays, 1);

        const qint64 merchants = count(u"merchants"_s);
        CS_EXPECT_ERROR(addMerchant(u"x"_s, tech, m_techCorp, u"b2c"_s, u"t0_eod"_s, 0, 19), "merchant.fee_rate",
                        cs::ErrorKind::Invalid, "rate_bp");
        CS_EXPECT_ERROR(addMerchant(u"x"_s, tech, m_techCorp, u"b2c"_s, u"t0_eod"_s, 0, 31), "merchant.fee_rate",
                        cs::ErrorKind::Invalid, "rate_bp");
        CS_EXPECT_ERROR(addMerchant(u"x"_s, tech, m_techCorp, u"b2c"_s, u"tn"_s, 0), "merchant.settlement_days",
                        cs::ErrorKind::Invalid, "days");
        CS_EXPECT_ERROR(addMerchant(u"x"_s, tech, m_techCorp, u"b2c"_s, u"t0_eod"_s, 2), "merchant.settlement_days",
                        cs::ErrorKind::Invalid, "days");
        CS_EXPECT_ERROR(addMerchant(u"x"_s, tech, m_techCorp, u"b2x"_s, u"t0_eod"_s), "merchant.fee_plan",
                        cs::ErrorKind::Invalid, "plan");
        CS_EXPECT_ERROR(addMerchant(u"x"_s, zhang, m_zhang, u"b2c"_s, u"t0_eod"_s), "merchant.customer_kind",
                        cs::ErrorKind::Refused, "customer");
        CS_EXPECT_ERROR(addMerchant(u"x"_s, tech, m_tradeCorp, u"b2c"_s, u"t0_eod"_s), "merchant.account_owner",
                        cs::ErrorKind::Refused, "account");
        QCOMPARE(count(u"merchants"_s), merchants);

        cs::NewMerchantRequest byTeller;
        byTeller.name = u"x"_s;
        byTeller.customerId = f.customer(tech);
        byTeller.settlementAccount = m_techCorp;
        byTeller.contract = {u"b2c"_s, 25, cny(0), u"t0_eod"_s, 0};
        byTeller.requestId = CashFixture::newId();
        CS_EXPECT_ERROR(service().add(*f.teller, byTeller), "permission.denied", cs::ErrorKind::Refused, "");
        QCOMPARE(count(u"merchants"_s), merchants);
        QCOMPARE(f.audits(u"merchant.add"_s, u"success"_s), 3);
    }

    void b2bPercentFeeIsRoundedHalfUp()
    {
        auto m = addMerchant(u"B2B 0.1%"_s, trade, m_tradeCorp, u"b2b_percent"_s, u"tn"_s, 30);
        CS_VERIFY_RESULT(m);
        const qint64 before = f.balance(m_zhang);
        auto p = pay(m->id, u"P-1"_s, 1'234'567);
        CS_VERIFY_RESULT(p);
        // 0.1% of ¥12,345.67 = ¥12.34567, half up to the fen: ¥12.35.
        QCOMPARE(p->fee.minor(), 1235);
        QCOMPARE(p->state, u"captured"_s);
        QCOMPARE(p->captured.minor(), 1'234'567);
        QCOMPARE(p->businessDate, m_day);
        QCOMPARE(p->settleOn, m_day.addDays(30));
        QCOMPARE(f.balance(m_zhang), before - 1'234'567);
        // 0.1% of ¥4.99 = 0.499 fen rounds down to 0; of ¥5.00 = 0.5 fen rounds up to ¥0.01.
        auto small = pay(m->id, u"P-2"_s, 499);
        CS_VERIFY_RESULT(small);
        QCOMPARE(small->fee.minor(), 0);
        auto half = pay(m->id, u"P-3"_s, 500);
        CS_VERIFY_RESULT(half);
        QCOMPARE(half->fee.minor(), 1);
    }

    void b2bFixedFeeIsFivePerPayment()
    {
        auto m = addMerchant(u"B2B fixed"_s, trade, m_tradeCorp, u"b2b_fixed"_s, u"tn"_s, 30);
        CS_VERIFY_RESULT(m);
        auto large = pay(m->id, u"F-1"_s, 1'234'567);
        CS_VERIFY_RESULT(large);
        QCOMPARE(large->fee.minor(), 500);
        auto small = pay(m->id, u"F-2"_s, 10'000);
        CS_VERIFY_RESULT(small);
        QCOMPARE(small->fee.minor(), 500);
        // Never more than the payment itself.
        auto tiny = pay(m->id, u"F-3"_s, 300);
        CS_VERIFY_RESULT(tiny);
        QCOMPARE(tiny->fee.minor(), 300);
    }

    void b2cFeeWithinItsBounds_data()
    {
        QTest::addColumn<qint64>("rateBp");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<qint64>("fee");
        // 0.25% of ¥1,000.00 = ¥2.50; 0.2% of ¥1,234.57 = ¥2.46914 -> ¥2.47; 0.3% of it = ¥3.70371 -> ¥3.70;
        // 0.2% of ¥2.50 = 0.5 fen -> ¥0.01 (half up); 0.3% of ¥12,345.67 = ¥37.03701 -> ¥37.04.
        QTest::newRow("0.25% of 1000.00") << qint64(25) << qint64(100'000) << qint64(250);
        QTest::newRow("0.2% of 1234.57") << qint64(20) << qint64(123'457) << qint64(247);
        QTest::newRow("0.3% of 1234.57") << qint64(30) << qint64(123'457) << qint64(370);
        QTest::newRow("0.2% of 2.50") << qint64(20) << qint64(250) << qint64(1);
        QTest::newRow("0.3% of 12345.67") << qint64(30) << qint64(1'234'567) << qint64(3704);
    }
    void b2cFeeWithinItsBounds()
    {
        QFETCH(qint64, rateBp);
        QFETCH(qint64, amount);
        QFETCH(qint64, fee);
        auto m = addMerchant(u"B2C %1bp"_s.arg(rateBp), tech, m_techCorp, u"b2c"_s, u"tn"_s, 30, rateBp);
        CS_VERIFY_RESULT(m);
        QCOMPARE(m->contract.feeRateBp, rateBp);
        auto p = pay(m->id, u"C-1"_s, amount);
        CS_VERIFY_RESULT(p);
        QCOMPARE(p->fee.minor(), fee);
    }

    void refundNeverAboveWhatIsLeft()
    {
        auto m = addMerchant(u"Refunds"_s, trade, m_tradeCorp, u"b2b_percent"_s, u"tn"_s, 30);
        CS_VERIFY_RESULT(m);
        auto p = pay(m->id, u"R-1"_s, 100'000);
        CS_VERIFY_RESULT(p);
        const qint64 paid = f.balance(m_zhang);
        const qint64 pool = journal(f.ledger.merchantSettlement);
        const QString firstId = CashFixture::newId();
        auto first = refund(m->id, u"R-1"_s, 40'000, firstId);
        CS_VERIFY_RESULT(first);
        QCOMPARE(first->refunded.minor(), 40'000);
        QCOMPARE(f.balance(m_zhang), paid + 40'000);
        // Before settlement the refund comes out of merchant_settlement.
        QCOMPARE(journal(f.ledger.merchantSettlement), pool - 40'000);

        // ¥600.01 is one fen above the ¥600.00 left: refused, nothing changes.
        const qint64 txns = f.journalTxns();
        const qint64 refunds = count(u"merchant_refunds"_s);
        const qint64 refusedBefore = f.audits(u"merchant.refund"_s, u"refused"_s);
        auto above = refund(m->id, u"R-1"_s, 60'001);
        CS_EXPECT_ERROR(above, "merchant.refund_exceeds", cs::ErrorKind::Refused, "amount");
        QVERIFY(above.error().message.contains(u"600.00"_s));
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(count(u"merchant_refunds"_s), refunds);
        QCOMPARE(f.balance(m_zhang), paid + 40'000);
        QCOMPARE(service().payment(*f.teller, m->id, u"R-1"_s)->refunded.minor(), 40'000);
        QCOMPARE(f.audits(u"merchant.refund"_s, u"refused"_s), refusedBefore + 1);

        // The same request id again answers the first refund and moves nothing.
        auto again = refund(m->id, u"R-1"_s, 40'000, firstId);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->refunded.minor(), 40'000);
        QCOMPARE(f.journalTxns(), txns);

        // Partial refunds up to exactly what is left.
        CS_VERIFY_RESULT(refund(m->id, u"R-1"_s, 59'999));
        auto last = refund(m->id, u"R-1"_s, 1);
        CS_VERIFY_RESULT(last);
        QCOMPARE(last->refunded.minor(), 100'000);
        QCOMPARE(f.balance(m_zhang), paid + 100'000);
        CS_EXPECT_ERROR(refund(m->id, u"R-1"_s, 1), "merchant.refund_exceeds", cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(refund(m->id, u"R-404"_s, 1), "merchant.payment_not_found", cs::ErrorKind::NotFound, "order");
    }

    void authorisedThenCaptured()
    {
        auto m = addMerchant(u"Hotel"_s, trade, m_tradeCorp, u"b2b_percent"_s, u"tn"_s, 30);
        CS_VERIFY_RESULT(m);
        const qint64 balance = f.balance(m_zhang);
        const qint64 heldBefore = held(m_zhang);
        auto a = pay(m->id, u"A-1"_s, 50'000, u"authorised"_s);
        CS_VERIFY_RESULT(a);
        QCOMPARE(a->state, u"authorised"_s);
        QCOMPARE(a->captured.minor(), 0);
        QCOMPARE(a->txnId, 0);
        QCOMPARE(f.balance(m_zhang), balance);
        QCOMPARE(held(m_zhang), heldBefore + 50'000);
        CS_EXPECT_ERROR(refund(m->id, u"A-1"_s, 100), "merchant.not_captured", cs::ErrorKind::Refused, "order");

        // More than authorised: refused, the hold stays.
        CS_EXPECT_ERROR(service().capture(*f.teller, m->id, u"A-1"_s, cny(50'001), CashFixture::newId()),
                        "merchant.capture_exceeds", cs::ErrorKind::Refused, "amount");
        QCOMPARE(held(m_zhang), heldBefore + 50'000);

        // ¥300.00 of ¥500.00: posted, the other ¥200.00 released with the hold; fee 0.1% = ¥0.30.
        auto c = service().capture(*f.teller, m->id, u"A-1"_s, cny(30'000), {});
        CS_VERIFY_RESULT(c);
        QCOMPARE(c->state, u"captured"_s);
        QCOMPARE(c->amount.minor(), 50'000);
        QCOMPARE(c->captured.minor(), 30'000);
        QCOMPARE(c->fee.minor(), 30);
        QVERIFY(c->txnId > 0);
        QCOMPARE(f.balance(m_zhang), balance - 30'000);
        QCOMPARE(held(m_zhang), heldBefore);
        // Without a request id the order names the capture: asking again answers the same.
        auto again = service().capture(*f.teller, m->id, u"A-1"_s, cny(30'000), {});
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->txnId, c->txnId);
        CS_EXPECT_ERROR(service().capture(*f.teller, m->id, u"A-1"_s, std::nullopt, CashFixture::newId()),
                        "merchant.not_authorised", cs::ErrorKind::Refused, "order");
        // A refund of a captured authorisation is limited by what was captured.
        CS_EXPECT_ERROR(refund(m->id, u"A-1"_s, 30'001), "merchant.refund_exceeds", cs::ErrorKind::Refused, "amount");

        // Without an amount the whole authorisation is captured.
        auto whole = pay(m->id, u"A-2"_s, 12'345, u"authorised"_s);
        CS_VERIFY_RESULT(whole);
        auto all = service().capture(*f.teller, m->id, u"A-2"_s, std::nullopt, CashFixture::newId());
        CS_VERIFY_RESULT(all);
        QCOMPARE(all->captured.minor(), 12'345);
        QCOMPARE(all->fee.minor(), 12); // 12.345 fen -> 12
        QCOMPARE(held(m_zhang), heldBefore);
    }

    void t0RealtimeSettlesAtOnce()
    {
        auto m = addMerchant(u"Realtime B2C"_s, tech, m_techCorp, u"b2c"_s, u"t0_realtime"_s);
        CS_VERIFY_RESULT(m);
        const qint64 corp = f.balance(m_techCorp);
        const qint64 feeIncome = journal(f.ledger.feeIncome);
        const qint64 pool = journal(f.ledger.merchantSettlement);
        auto p = pay(m->id, u"RT-1"_s, 100'000);
        CS_VERIFY_RESULT(p);
        // 0.25% of ¥1,000.00 = ¥2.50; net ¥997.50 at once.
        QCOMPARE(p->state, u"settled"_s);
        QCOMPARE(p->fee.minor(), 250);
        QVERIFY(p->settlementId > 0);
        QCOMPARE(settlementValue(p->settlementId, u"gross"_s), 100'000);
        QCOMPARE(settlementValue(p->settlementId, u"fees"_s), 250);
        QCOMPARE(settlementValue(p->settlementId, u"refunds"_s), 0);
        QCOMPARE(settlementValue(p->settlementId, u"net"_s), 99'750);
        QCOMPARE(settlementValue(p->settlementId, u"payment_id"_s), p->id);
        QCOMPARE(f.balance(m_techCorp), corp + 99'750);
        QCOMPARE(journal(f.ledger.feeIncome), feeIncome + 250);
        QCOMPARE(journal(f.ledger.merchantSettlement), pool);

        // After settlement a refund is taken from the merchant's account.
        auto r = refund(m->id, u"RT-1"_s, 10'000);
        CS_VERIFY_RESULT(r);
        QCOMPARE(f.balance(m_techCorp), corp + 89'750);
        QCOMPARE(journal(f.ledger.merchantSettlement), pool);
        QCOMPARE(f.db.count(u"SELECT after_settlement FROM merchant_refunds WHERE payment_id = %1"_s.arg(p->id)), 1);

        // A delayed payment of a real-time merchant waits for its day's end (settled in t0EodSettlesInSettleDueIn).
        auto delayed = pay(m->id, u"RT-2"_s, 80'000, u"delayed"_s);
        CS_VERIFY_RESULT(delayed);
        QCOMPARE(delayed->state, u"captured"_s);
        QCOMPARE(delayed->fee.minor(), 200);
        QCOMPARE(delayed->settleOn, m_day);
        QCOMPARE(f.balance(m_techCorp), corp + 89'750);
    }

    void t0EodSettlesInSettleDueIn()
    {
        auto m = addMerchant(u"Day end B2B"_s, trade, m_tradeCorp, u"b2b_percent"_s, u"t0_eod"_s);
        CS_VERIFY_RESULT(m);
        CS_VERIFY_RESULT(pay(m->id, u"E-1"_s, 1'234'567));              // fee 12.35
        CS_VERIFY_RESULT(pay(m->id, u"E-2"_s, 200'000, u"delayed"_s, m_li)); // fee 2.00
        CS_VERIFY_RESULT(refund(m->id, u"E-1"_s, 34'567));
        const qint64 corp = f.balance(m_tradeCorp);
        const qint64 feeIncome = journal(f.ledger.feeIncome);
        const qint64 pool = journal(f.ledger.merchantSettlement);

        auto settled = settleDueIn(m_day);
        CS_VERIFY_RESULT(settled);
        // This merchant: gross 12,345.67 + 2,000.00 = 14,345.67; fees 12.35 + 2.00 = 14.35; refunds 345.67;
        // net 14,345.67 - 14.35 - 345.67 = 13,985.65. With the real-time merchant's delayed ¥800.00 (fee
        // 2.00, net 798.00): 2 merchants, 3 payments, gross 15,145.67, fees 16.35, net 14,783.65.
        QCOMPARE(settled->value(u"merchants"_s).toInt(), 2);
        QCOMPARE(settled->value(u"payments"_s).toInt(), 3);
        QCOMPARE(settled->value(u"gross"_s).toString(), u"15145.67"_s);
        QCOMPARE(settled->value(u"fees"_s).toString(), u"16.35"_s);
        QCOMPARE(settled->value(u"refunds"_s).toString(), u"345.67"_s);
        QCOMPARE(settled->value(u"net"_s).toString(), u"14783.65"_s);
        QCOMPARE(f.balance(m_tradeCorp), corp + 1'398'565);
        QCOMPARE(journal(f.ledger.feeIncome), feeIncome + 1635);
        QCOMPARE(journal(f.ledger.merchantSettlement), pool - (1'514'567 - 34'567));

        auto e1 = service().payment(*f.teller, m->id, u"E-1"_s);
        CS_VERIFY_RESULT(e1);
        QCOMPARE(e1->state, u"settled"_s);
        const qint64 id = e1->settlementId;
        QCOMPARE(settlementValue(id, u"gross"_s), 1'434'567);
        QCOMPARE(settlementValue(id, u"fees"_s), 1435);
        QCOMPARE(settlementValue(id, u"refunds"_s), 34'567);
        QCOMPARE(settlementValue(id, u"net"_s), 1'398'565);
        QCOMPARE(settlementValue(id, u"payments"_s), 2);
        QCOMPARE(txnDate(settlementValue(id, u"txn_id"_s)), m_day.toString(Qt::ISODate));
        QCOMPARE(f.audits(u"merchant.settle"_s, u"success"_s), 3); // the real-time one and these two

        // A refund after settlement comes out of the merchant's account, and the merchant_settlement
        // account is left alone.
        CS_VERIFY_RESULT(refund(m->id, u"E-1"_s, 100'000));
        QCOMPARE(f.balance(m_tradeCorp), corp + 1'298'565);
        QCOMPARE(journal(f.ledger.merchantSettlement), pool - (1'514'567 - 34'567));

        auto listed = service().settlements(*f.teller, m_day, m_day);
        CS_VERIFY_RESULT(listed);
        QCOMPARE(listed->size(), 3);
    }

    void settleDueInTwiceSettlesOnce()
    {
        const qint64 txns = f.journalTxns();
        const qint64 rows = count(u"merchant_settlements"_s);
        auto again = settleDueIn(m_day);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->value(u"merchants"_s).toInt(), 0);
        QCOMPARE(again->value(u"net"_s).toString(), u"0.00"_s);
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(count(u"merchant_settlements"_s), rows);
    }

    void cardPayerUnderTheCardRules()
    {
        auto m = addMerchant(u"Card shop"_s, tech, m_techCorp, u"b2c"_s, u"tn"_s, 30);
        CS_VERIFY_RESULT(m);
        auto card = f.activeCard(m_zhang);
        CS_VERIFY_RESULT(card);
        auto byCard = [&](const QString& order, qint64 minor, const QString& channel) {
            cs::PaymentRequest r = payment(m->id, order, minor);
            r.payerAccount.clear();
            r.payerCardId = card->cardId;
            r.channel = channel;
            return service().pay(*f.teller, r);
        };
        const qint64 balance = f.balance(m_zhang);
        auto pos = byCard(u"K-1"_s, 10'000, u"pos"_s);
        CS_VERIFY_RESULT(pos);
        QCOMPARE(pos->payerCardId, card->cardId);
        QCOMPARE(pos->payerAccount, m_zhang); // a debit card draws on its settlement account
        QCOMPARE(f.balance(m_zhang), balance - 10'000);

        // Online: only when enabled, and within the day's online total.
        CS_EXPECT_ERROR(byCard(u"K-2"_s, 100, u"online"_s), "card.online_disabled", cs::ErrorKind::Refused, "");
        CS_VERIFY_RESULT(f.service().setOnlinePayment(*f.teller, card->cardId, {true, cs::OnlineMethod::Sms, cny(100'000)},
                                                      CashFixture::newId()));
        CS_VERIFY_RESULT(byCard(u"K-3"_s, 60'000, u"online"_s));
        CS_EXPECT_ERROR(byCard(u"K-4"_s, 40'001, u"online"_s), "card.online_limit_exceeded", cs::ErrorKind::Refused, "");
        CS_VERIFY_RESULT(byCard(u"K-5"_s, 40'000, u"online"_s));

        // Reported lost: refused, nothing changes.
        CS_VERIFY_RESULT(f.service().reportLoss(*f.teller, card->cardId, cs::LossKind::Oral, u"wallet lost"_s,
                                                CashFixture::newId()));
        const qint64 txns = f.journalTxns();
        const qint64 payments = count(u"merchant_payments"_s);
        const qint64 after = f.balance(m_zhang);
        CS_EXPECT_ERROR(byCard(u"K-6"_s, 100, u"pos"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(byCard(u"K-7"_s, 100, u"counter"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(count(u"merchant_payments"_s), payments);
        QCOMPARE(f.balance(m_zhang), after);
    }

    void paymentRefusalsChangeNothing()
    {
        auto m = addMerchant(u"Refusals"_s, trade, m_tradeCorp, u"b2b_percent"_s, u"tn"_s, 30);
        CS_VERIFY_RESULT(m);
        CS_VERIFY_RESULT(pay(m->id, u"X-1"_s, 100));
        const qint64 txns = f.journalTxns();
        const qint64 payments = count(u"merchant_payments"_s);
        CS_EXPECT_ERROR(pay(m->id, u"X-1"_s, 100), "merchant.order_exists", cs::ErrorKind::Refused, "order");
        CS_EXPECT_ERROR(pay(m->id, u"X 2"_s, 100), "merchant.order", cs::ErrorKind::Invalid, "order");
        CS_EXPECT_ERROR(pay(m->id, u"X-3"_s, 0), "merchant.amount", cs::ErrorKind::Invalid, "amount");
        CS_EXPECT_ERROR(pay(m->id, u"X-4"_s, 100, u"later"_s), "merchant.mode", cs::ErrorKind::Invalid, "mode");
        CS_EXPECT_ERROR(pay(999'999, u"X-5"_s, 100), "merchant.not_found", cs::ErrorKind::NotFound, "merchant");
        CS_EXPECT_ERROR(pay(m->id, u"X-6"_s, 100, u"immediate"_s, m_tradeCorp), "merchant.same_account",
                        cs::ErrorKind::Refused, "account");
        CS_EXPECT_ERROR(pay(m->id, u"X-7"_s, 2'000'000, u"immediate"_s, m_li), "posting.insufficient_funds",
                        cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(pay(m->id, u"X-8"_s, 2'000'000, u"authorised"_s, m_li), "hold.insufficient_funds",
                        cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(service().pay(*f.super1, payment(m->id, u"X-9"_s, 100)), "permission.denied", cs::ErrorKind::Refused, "");
        QCOMPARE(f.journalTxns(), txns);
        QCOMPARE(count(u"merchant_payments"_s), payments);
    }

    void tPlusOneLandsTheNextBusinessDay()
    {
        auto m = addMerchant(u"T+1 B2C"_s, tech, m_techCorp, u"b2c"_s, u"tn"_s, 1);
        CS_VERIFY_RESULT(m);
        auto p = pay(m->id, u"N-1"_s, 400'000); // 0.25% = ¥10.00, net ¥3,990.00
        CS_VERIFY_RESULT(p);
        QCOMPARE(p->fee.minor(), 1000);
        QCOMPARE(p->settleOn, m_day.addDays(1));
        const qint64 corp = f.balance(m_techCorp);

        // Not on T: the T run above settled the day, and a new run settles nothing of it either.
        auto onT = settleDueIn(m_day);
        CS_VERIFY_RESULT(onT);
        QCOMPARE(onT->value(u"merchants"_s).toInt(), 0);
        QCOMPARE(service().payment(*f.teller, m->id, u"N-1"_s)->state, u"captured"_s);
        QCOMPARE(f.balance(m_techCorp), corp);

        // End of day is not the subject here: the business date moves as end of day will move it.
        CS_VERIFY_RESULT(f.advanceDays(1));
        const QDate next = m_day.addDays(1);
        QCOMPARE(f.businessDate(), next);
        auto onT1 = settleDueIn(next);
        CS_VERIFY_RESULT(onT1);
        QCOMPARE(onT1->value(u"merchants"_s).toInt(), 1);
        QCOMPARE(onT1->value(u"gross"_s).toString(), u"4000.00"_s);
        QCOMPARE(onT1->value(u"fees"_s).toString(), u"10.00"_s);
        QCOMPARE(onT1->value(u"net"_s).toString(), u"3990.00"_s);
        QCOMPARE(f.balance(m_techCorp), corp + 399'000);
        auto settled = service().payment(*f.teller, m->id, u"N-1"_s);
        CS_VERIFY_RESULT(settled);
        QCOMPARE(settled->state, u"settled"_s);
        QCOMPARE(f.db.scalar(u"SELECT business_date FROM merchant_settlements WHERE id = %1"_s.arg(settled->settlementId))
                     .toString()
                     .left(10),
                 next.toString(Qt::ISODate));
        QCOMPARE(txnDate(settlementValue(settled->settlementId, u"txn_id"_s)), next.toString(Qt::ISODate));
        const qint64 rows = count(u"merchant_settlements"_s);
        CS_VERIFY_RESULT(settleDueIn(next));
        QCOMPARE(count(u"merchant_settlements"_s), rows);
    }

    void theLedgerBalances()
    {
        // Debits equal credits; every row balance equals its journal; merchant_settlement holds exactly
        // the captured payments not yet settled less their refunds.
        QCOMPARE(f.db.count(u"SELECT coalesce(sum(amount), 0) FROM journal_lines WHERE side = 'D'"_s),
                 f.db.count(u"SELECT coalesce(sum(amount), 0) FROM journal_lines WHERE side = 'C'"_s));
        auto conn = f.db.db().connection();
        QVERIFY(conn);
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT id, balance FROM accounts WHERE balance_mode = 'row'"_s));
        QList<std::pair<qint64, qint64>> rows;
        while (q.next())
            rows.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
        for (const auto& [id, balance] : std::as_const(rows))
            QCOMPARE(journal(id), balance);
        const qint64 unsettled = f.db.count(
            u"SELECT coalesce(sum(captured), 0) - (SELECT coalesce(sum(r.amount), 0) FROM merchant_refunds r JOIN "
            "merchant_payments p ON p.id = r.payment_id WHERE p.state = 'captured') FROM merchant_payments WHERE state = 'captured'"_s);
        QCOMPARE(journal(f.ledger.merchantSettlement), unsettled);
        QVERIFY(unsettled > 0);
        // Settled payments and settlement rows agree: gross is what their payments captured.
        QCOMPARE(f.db.count(u"SELECT coalesce(sum(gross), 0) FROM merchant_settlements"_s),
                 f.db.count(u"SELECT coalesce(sum(captured), 0) FROM merchant_payments WHERE state = 'settled'"_s));
    }
};

QTEST_GUILESS_MAIN(TestMerchants)
#include "tst_merchants.moc"
