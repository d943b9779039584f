// `countersign-batch merchant ...` through the real executable on both backends: a supervisor adds
// merchants (defaults, bad usage), a teller takes immediate, authorised and delayed payments (replayed
// under the same request id), captures, refunds never above what is left, shows an order; real-time
// settlement and the settlements listing with its totals; exit codes as ../shared/CLI.md says.
#include "cli/batchrunner.h"
#include "support/demodb.h"

#include <QJsonArray>

using cs::test::DemoDb;
using cs::test::runBatch;

class TestMerchantCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QString m_payer; // Zhang's Class I
    QString m_corp;  // the trading company's account
    QString m_company;
    QString m_today;
    QString m_b2b;      // t0_eod, 0.1%
    QString m_realtime; // t0_realtime, ¥5.00 fixed

    cs::test::BatchRun as(const QString& login, const QStringList& command)
    {
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command,
                        {{u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s}});
    }
    cs::test::BatchRun teller(const QStringList& command) { return as(u"teller1"_s, command); }
    cs::test::BatchRun super(const QStringList& command) { return as(u"super1"_s, command); }

    void expectFailure(const cs::test::BatchRun& run, int exitCode, const QString& code, const QString& field = {})
    {
        QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawErr)));
        QCOMPARE(run.err.value(u"error"_s).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(!run.err.value(u"message"_s).toString().isEmpty());
        QVERIFY(run.rawOut.isEmpty());
    }
    void expectSuccess(const cs::test::BatchRun& run)
    {
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.rawErr)));
        QVERIFY(run.rawErr.isEmpty());
    }
    QString customerId(const QString& idNumber)
    {
        return QString::number(m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber)));
    }
    QString openAccount(const QString& idNumber, const QString& product, const QString& requestId)
    {
        QStringList command{u"account"_s, u"open"_s, u"--customer"_s, customerId(idNumber), u"--product"_s, product,
                            u"--request-id"_s, requestId};
        if (product == u"demand"_s)
            command << u"--class"_s << u"I"_s;
        const auto opened = teller(command);
        return opened.exitCode == 0 ? opened.out.value(u"account"_s).toString() : QString::fromUtf8(opened.rawErr);
    }
    QString balance(const QString& account)
    {
        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, account});
        return shown.exitCode == 0 ? shown.out.value(u"balance"_s).toString() : QString::fromUtf8(shown.rawErr);
    }
    QString held(const QString& account)
    {
        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, account});
        return shown.exitCode == 0 ? shown.out.value(u"held"_s).toString() : QString::fromUtf8(shown.rawErr);
    }
    QStringList pay(const QString& merchant, const QString& order, const QString& mode, const QString& amount,
                    const QString& requestId)
    {
        return {u"merchant"_s, u"payment"_s, u"--merchant"_s, merchant, u"--order"_s, order, u"--mode"_s, mode,
                u"--account"_s, m_payer, u"--amount"_s, amount, u"--request-id"_s, requestId};
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        m_db.db().closeThreadConnection();
        m_today = m_db.scalar(u"SELECT business_date FROM branches WHERE code = '0001'"_s).toString().left(10);
        m_company = customerId(u"91310000MA1FL8X7QN"_s);
        m_payer = openAccount(u"110101198003151239"_s, u"demand"_s, u"m-cli-open-1"_s);
        m_corp = openAccount(u"91310000MA1FL8X7QN"_s, u"corp"_s, u"m-cli-open-2"_s);
        QCOMPARE(m_payer.size(), 16);
        QCOMPARE(m_corp.size(), 16);
        expectSuccess(teller({u"cashbox"_s, u"open"_s, u"--request-id"_s, u"m-cli-box"_s}));
        for (const QString& id : {u"m-cli-dep-1"_s, u"m-cli-dep-2"_s})
            expectSuccess(teller({u"cash"_s, u"deposit"_s, u"--account"_s, m_payer, u"--amount"_s, u"40000.00"_s,
                                  u"--request-id"_s, id}));
        QCOMPARE(balance(m_payer), u"80000.00"_s);
    }
    void cleanupTestCase() { m_db.reset(); }

    void addMerchants()
    {
        const auto b2b = super({u"merchant"_s, u"add"_s, u"--name"_s, u"示范贸易"_s, u"--customer"_s, m_company, u"--account"_s,
                                m_corp, u"--plan"_s, u"b2b_percent"_s, u"--cycle"_s, u"t0_eod"_s});
        expectSuccess(b2b);
        QCOMPARE(b2b.out.value(u"rate_bp"_s).toInteger(), 10);
        QCOMPARE(b2b.out.value(u"cycle"_s).toString(), u"t0_eod"_s);
        QCOMPARE(b2b.out.value(u"account"_s).toString(), m_corp);
        QCOMPARE(b2b.out.value(u"state"_s).toString(), u"active"_s);
        m_b2b = b2b.out.value(u"code"_s).toString();
        QCOMPARE(m_b2b, u"M%1"_s.arg(b2b.out.value(u"merchant_id"_s).toInteger(), 8, 10, QLatin1Char('0')));

        const auto realtime = super({u"merchant"_s, u"add"_s, u"--name"_s, u"示范贸易 online"_s, u"--customer"_s, m_company,
                                     u"--account"_s, m_corp, u"--plan"_s, u"b2b_fixed"_s, u"--fixed"_s, u"5.00"_s,
                                     u"--cycle"_s, u"t0_realtime"_s});
        expectSuccess(realtime);
        QCOMPARE(realtime.out.value(u"fixed_fee"_s).toString(), u"5.00"_s);
        m_realtime = QString::number(realtime.out.value(u"merchant_id"_s).toInteger());

        const auto tn = super({u"merchant"_s, u"add"_s, u"--name"_s, u"T+1"_s, u"--customer"_s, m_company, u"--account"_s,
                               m_corp, u"--plan"_s, u"b2c"_s, u"--rate-bp"_s, u"30"_s, u"--cycle"_s, u"tn"_s, u"--days"_s, u"1"_s});
        expectSuccess(tn);
        QCOMPARE(tn.out.value(u"rate_bp"_s).toInteger(), 30);
        QCOMPARE(tn.out.value(u"days"_s).toInt(), 1);

        expectFailure(super({u"merchant"_s, u"add"_s, u"--name"_s, u"x"_s, u"--customer"_s, m_company, u"--account"_s, m_corp,
                             u"--plan"_s, u"b2c"_s, u"--rate-bp"_s, u"35"_s, u"--cycle"_s, u"t0_eod"_s}),
                      2, u"merchant.fee_rate"_s, u"rate_bp"_s);
        expectFailure(super({u"merchant"_s, u"add"_s, u"--name"_s, u"x"_s, u"--customer"_s, m_company, u"--account"_s, m_corp,
                             u"--cycle"_s, u"t0_eod"_s}),
                      2, u"usage.missing_option"_s, u"plan"_s);
        expectFailure(teller({u"merchant"_s, u"add"_s, u"--name"_s, u"x"_s, u"--customer"_s, m_company, u"--account"_s, m_corp,
                              u"--plan"_s, u"b2c"_s, u"--cycle"_s, u"t0_eod"_s}),
                      3, u"permission.denied"_s);
        expectFailure(super({u"merchant"_s, u"add"_s, u"--name"_s, u"x"_s, u"--customer"_s, customerId(u"110101198003151239"_s),
                             u"--account"_s, m_payer, u"--plan"_s, u"b2c"_s, u"--cycle"_s, u"t0_eod"_s}),
                      3, u"merchant.customer_kind"_s, u"customer"_s);

        const auto listed = as(u"auditor1"_s, {u"merchant"_s, u"list"_s});
        expectSuccess(listed);
        QCOMPARE(listed.out.value(u"count"_s).toInt(), 3);
        QCOMPARE(listed.out.value(u"merchants"_s).toArray().first().toObject().value(u"code"_s).toString(), m_b2b);
    }

    void paymentReplaysAndRefundsStopAtTheRemainder()
    {
        const auto paid = teller(pay(m_b2b, u"ORD-1001"_s, u"immediate"_s, u"12,345.67"_s, u"m-cli-pay-1"_s));
        expectSuccess(paid);
        QCOMPARE(paid.out.value(u"state"_s).toString(), u"captured"_s);
        QCOMPARE(paid.out.value(u"amount"_s).toString(), u"12345.67"_s);
        QCOMPARE(paid.out.value(u"fee"_s).toString(), u"12.35"_s);
        QCOMPARE(paid.out.value(u"refundable"_s).toString(), u"12345.67"_s);
        QCOMPARE(paid.out.value(u"settle_on"_s).toString(), m_today);
        QCOMPARE(balance(m_payer), u"67654.33"_s);

        const auto again = teller(pay(m_b2b, u"ORD-1001"_s, u"immediate"_s, u"12,345.67"_s, u"m-cli-pay-1"_s));
        expectSuccess(again);
        QCOMPARE(again.out.value(u"payment_id"_s).toInteger(), paid.out.value(u"payment_id"_s).toInteger());
        QCOMPARE(balance(m_payer), u"67654.33"_s);
        expectFailure(teller(pay(m_b2b, u"ORD-1001"_s, u"immediate"_s, u"1.00"_s, u"m-cli-pay-2"_s)), 3,
                      u"merchant.order_exists"_s, u"order"_s);

        const QStringList refund{u"merchant"_s, u"refund"_s, u"--merchant"_s, m_b2b, u"--order"_s, u"ORD-1001"_s};
        expectFailure(teller(refund + QStringList{u"--amount"_s, u"12345.68"_s, u"--request-id"_s, u"m-cli-ref-1"_s}), 3,
                      u"merchant.refund_exceeds"_s, u"amount"_s);
        QCOMPARE(balance(m_payer), u"67654.33"_s);
        const auto part = teller(refund + QStringList{u"--amount"_s, u"345.67"_s, u"--request-id"_s, u"m-cli-ref-2"_s});
        expectSuccess(part);
        QCOMPARE(part.out.value(u"refunded"_s).toString(), u"345.67"_s);
        QCOMPARE(part.out.value(u"refundable"_s).toString(), u"12000.00"_s);
        QCOMPARE(balance(m_payer), u"68000.00"_s);
        expectFailure(teller(refund + QStringList{u"--amount"_s, u"1.00"_s}), 2, u"usage.missing_option"_s, u"request-id"_s);

        const auto shown = as(u"auditor1"_s, {u"merchant"_s, u"show"_s, u"--merchant"_s, m_b2b, u"--order"_s, u"ORD-1001"_s});
        expectSuccess(shown);
        QCOMPARE(shown.out.value(u"refunded"_s).toString(), u"345.67"_s);
        QCOMPARE(shown.out.value(u"mode"_s).toString(), u"immediate"_s);
        QCOMPARE(shown.out.value(u"payer_account"_s).toString(), m_payer);
        expectFailure(teller({u"merchant"_s, u"show"_s, u"--merchant"_s, m_b2b, u"--order"_s, u"ORD-404"_s}), 4,
                      u"merchant.payment_not_found"_s, u"order"_s);
        expectFailure(teller({u"merchant"_s, u"show"_s, u"--merchant"_s, u"M99999999"_s, u"--order"_s, u"ORD-1"_s}), 4,
                      u"merchant.not_found"_s, u"merchant"_s);
    }

    void authorisedThenCaptured()
    {
        const auto held = teller(pay(m_b2b, u"ORD-2001"_s, u"authorised"_s, u"500.00"_s, u"m-cli-auth-1"_s));
        expectSuccess(held);
        QCOMPARE(held.out.value(u"state"_s).toString(), u"authorised"_s);
        QCOMPARE(held.out.value(u"captured"_s).toString(), u"0.00"_s);
        QCOMPARE(this->held(m_payer), u"500.00"_s);
        const QStringList capture{u"merchant"_s, u"capture"_s, u"--merchant"_s, m_b2b, u"--order"_s, u"ORD-2001"_s};
        expectFailure(teller(capture + QStringList{u"--amount"_s, u"500.01"_s}), 3, u"merchant.capture_exceeds"_s, u"amount"_s);
        const auto captured = teller(capture + QStringList{u"--amount"_s, u"300.00"_s});
        expectSuccess(captured);
        QCOMPARE(captured.out.value(u"state"_s).toString(), u"captured"_s);
        QCOMPARE(captured.out.value(u"captured"_s).toString(), u"300.00"_s);
        QCOMPARE(captured.out.value(u"fee"_s).toString(), u"0.30"_s);
        QCOMPARE(this->held(m_payer), u"0.00"_s);
        QCOMPARE(balance(m_payer), u"67700.00"_s);
        expectFailure(teller(capture + QStringList{u"--request-id"_s, u"m-cli-cap-again"_s}), 3, u"merchant.not_authorised"_s);
    }

    void realtimeSettlesAndSettlementsAddUp()
    {
        const auto paid = teller(pay(m_realtime, u"WEB-1"_s, u"immediate"_s, u"100.00"_s, u"m-cli-rt-1"_s)
                                 + QStringList{u"--channel"_s, u"online"_s});
        expectSuccess(paid);
        QCOMPARE(paid.out.value(u"state"_s).toString(), u"settled"_s);
        QCOMPARE(paid.out.value(u"fee"_s).toString(), u"5.00"_s);
        QCOMPARE(paid.out.value(u"channel"_s).toString(), u"online"_s);
        QCOMPARE(balance(m_corp), u"95.00"_s);
        const auto second = teller(pay(m_realtime, u"WEB-2"_s, u"immediate"_s, u"20.00"_s, u"m-cli-rt-2"_s));
        expectSuccess(second);
        QCOMPARE(balance(m_corp), u"110.00"_s);

        const auto listed = as(u"auditor1"_s, {u"merchant"_s, u"settlements"_s, u"--from"_s, m_today});
        expectSuccess(listed);
        QCOMPARE(listed.out.value(u"count"_s).toInt(), 2);
        QCOMPARE(listed.out.value(u"gross"_s).toString(), u"120.00"_s);
        QCOMPARE(listed.out.value(u"fees"_s).toString(), u"10.00"_s);
        QCOMPARE(listed.out.value(u"refunds"_s).toString(), u"0.00"_s);
        QCOMPARE(listed.out.value(u"net"_s).toString(), u"110.00"_s);
        const QJsonObject first = listed.out.value(u"settlements"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"net"_s).toString(), u"95.00"_s);
        QCOMPARE(first.value(u"business_date"_s).toString(), m_today);
        QCOMPARE(first.value(u"payments"_s).toInt(), 1);

        expectFailure(as(u"auditor1"_s, {u"merchant"_s, u"settlements"_s}), 2, u"usage.missing_option"_s, u"from"_s);
        expectFailure(as(u"auditor1"_s, {u"merchant"_s, u"settlements"_s, u"--from"_s, u"2026-13-01"_s}), 2, u"usage.bad_date"_s);
    }

    void usageAndPermissions()
    {
        expectFailure(as(u"auditor1"_s, pay(m_b2b, u"ORD-9"_s, u"immediate"_s, u"1.00"_s, u"m-cli-aud"_s)), 3,
                      u"permission.denied"_s);
        expectFailure(teller({u"merchant"_s, u"payment"_s, u"--merchant"_s, m_b2b, u"--order"_s, u"ORD-9"_s, u"--mode"_s,
                              u"immediate"_s, u"--account"_s, m_payer, u"--amount"_s, u"1.00"_s}),
                      2, u"usage.missing_option"_s, u"request-id"_s);
        expectFailure(teller(pay(m_b2b, u"ORD-9"_s, u"immediate"_s, u"1.00"_s, u"m-cli-both"_s) + QStringList{u"--card"_s, u"1"_s}),
                      2, u"usage.missing_option"_s, u"account"_s);
        expectFailure(teller(pay(m_b2b, u"ORD-9"_s, u"soon"_s, u"1.00"_s, u"m-cli-mode"_s)), 2, u"merchant.mode"_s, u"mode"_s);
        expectFailure(teller(pay(m_b2b, u"ORD-9"_s, u"immediate"_s, u"1.234"_s, u"m-cli-amt"_s)), 2, u"amount.too_many_decimals"_s,
                      u"amount"_s);
        expectFailure(teller(pay(u"x"_s, u"ORD-9"_s, u"immediate"_s, u"1.00"_s, u"m-cli-m"_s)), 2, u"usage.bad_number"_s,
                      u"merchant"_s);
        expectFailure(teller({u"merchant"_s, u"void"_s}), 2, u"usage.unknown_command"_s);
        QCOMPARE(balance(m_payer), u"67580.00"_s);
    }
};

QTEST_GUILESS_MAIN(TestMerchantCli)
#include "tst_merchantcli.moc"
