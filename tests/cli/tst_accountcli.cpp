// `countersign-batch account ...` on both backends: JSON keys and exit codes as ../shared/CLI.md says
// (0 success, 2 bad usage or input, 3 refused, 4 not found), amounts as decimal strings.
#include "cli/batchrunner.h"
#include "ledger/postingengine.h"
#include "services/internalaccounts.h"
#include "support/demodb.h"

#include <QJsonArray>

using cs::test::DemoDb;
using cs::test::runBatch;

class TestAccountCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_teller;
    qint64 m_cashBox = 0;
    QString m_account; // Zhang's Class I, opened through the CLI
    int m_requests = 0;

    cs::test::BatchRun as(const QString& login, const QStringList& command)
    {
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command,
                        {{u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s}});
    }
    cs::test::BatchRun teller(const QStringList& command) { return as(u"teller1"_s, command); }
    QJsonObject show() { return teller({u"account"_s, u"show"_s, u"--account"_s, m_account}).out; }
    // A teller's freeze, unfreeze or closure waits for a checker (approvals.required.*): super1 approves
    // it. Answers the executed command's result.
    QJsonObject approved(const cs::test::BatchRun& pending)
    {
        if (pending.exitCode != 0 || pending.out.value(u"state"_s).toString() != u"pending"_s)
            return {{u"error"_s, QString::fromUtf8(pending.rawErr + pending.rawOut)}};
        if (pending.out.value(u"account_state"_s).toString().isEmpty())
            return {{u"error"_s, u"no account_state"_s}};
        const auto decided = as(u"super1"_s, {u"approval"_s, u"approve"_s, u"--id"_s,
                                              QString::number(pending.out.value(u"approval_id"_s).toInteger())});
        if (decided.exitCode != 0 || decided.out.value(u"state"_s).toString() != u"approved"_s)
            return {{u"error"_s, QString::fromUtf8(decided.rawErr)}};
        return decided.out.value(u"result"_s).toObject();
    }

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
    }

    qint64 customer(const QString& idNumber)
    {
        return m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
    }

    // Cash in or out through teller1's cash box, posted in this process (the cash commands are not ours).
    cs::Status cash(const QString& number, qint64 minor, bool in)
    {
        const qint64 account = m_db.count(u"SELECT id FROM accounts WHERE number = '%1'"_s.arg(number));
        const cs::Status done = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = u"cli-%1"_s.arg(++m_requests);
            r.kind = in ? u"cash_deposit"_s : u"cash_withdrawal"_s;
            r.branchId = m_teller->branchId;
            r.businessDate = m_teller->businessDate;
            r.staffId = m_teller->staffId;
            r.terminal = m_teller->terminal;
            const cs::Money money(minor, cs::Currency::cny());
            r.lines = {{in ? m_cashBox : account, 'D', money, {}}, {in ? account : m_cashBox, 'C', money, {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        });
        m_db.db().closeThreadConnection();
        return done;
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto t = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(t);
        m_teller = *t;
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto box = cs::InternalAccounts::ensureCashBox(uow, m_teller->branchId, m_teller->staffId);
            if (!box)
                return cs::fail(box.error());
            m_cashBox = *box;
            return {};
        }));
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void openAndShow()
    {
        const QString zhang = QString::number(customer(u"110101198003151239"_s));
        const auto opened = teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s,
                                    u"--class"_s, u"I"_s, u"--request-id"_s, u"cli-open-1"_s});
        expectSuccess(opened);
        m_account = opened.out.value(u"account"_s).toString();
        QCOMPARE(m_account.size(), 16);
        QCOMPARE(opened.out.value(u"class"_s).toString(), u"I"_s);

        const auto again = teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s,
                                   u"--class"_s, u"I"_s, u"--request-id"_s, u"cli-open-1"_s});
        expectSuccess(again);
        QCOMPARE(again.out.value(u"account"_s).toString(), m_account);

        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, m_account});
        expectSuccess(shown);
        for (const QString& key : {u"account"_s, u"balance"_s, u"available"_s, u"held"_s, u"state"_s, u"class"_s, u"currency"_s})
            QVERIFY2(shown.out.contains(key), qPrintable(key));
        QCOMPARE(shown.out.value(u"account"_s).toString(), m_account);
        QCOMPARE(shown.out.value(u"balance"_s).toString(), u"0.00"_s); // a string, never a number
        QCOMPARE(shown.out.value(u"available"_s).toString(), u"0.00"_s);
        QCOMPARE(shown.out.value(u"held"_s).toString(), u"0.00"_s);
        QCOMPARE(shown.out.value(u"state"_s).toString(), u"normal"_s);
        QCOMPARE(shown.out.value(u"currency"_s).toString(), u"CNY"_s);
        QVERIFY(shown.out.value(u"limits_used"_s).isObject());

        const auto auditor = as(u"auditor1"_s, {u"account"_s, u"show"_s, u"--account"_s, m_account});
        expectSuccess(auditor);

        const auto second = teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s,
                                    u"--class"_s, u"II"_s, u"--bind"_s, m_account});
        expectSuccess(second);
        QCOMPARE(second.out.value(u"bound_account"_s).toString(), m_account);
    }

    void openRefusalsAndUsage()
    {
        const QString zhang = QString::number(customer(u"110101198003151239"_s));
        expectFailure(teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s, u"--class"_s, u"I"_s}),
                      3, u"account.class1_exists"_s, u"class"_s);
        expectFailure(teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--class"_s, u"I"_s}), 2,
                      u"usage.missing_option"_s, u"product"_s);
        expectFailure(teller({u"account"_s, u"open"_s, u"--customer"_s, u"abc"_s, u"--product"_s, u"demand"_s}), 2,
                      u"usage.bad_number"_s, u"customer"_s);
        expectFailure(teller({u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"demand"_s, u"--class"_s, u"IV"_s}),
                      2, u"account.class_unknown"_s, u"class"_s);
        expectFailure(teller({u"account"_s, u"open"_s, u"--customer"_s, u"999999"_s, u"--product"_s, u"demand"_s, u"--class"_s, u"I"_s}),
                      4, u"customer.not_found"_s, u"customer"_s);
        expectFailure(as(u"auditor1"_s, {u"account"_s, u"open"_s, u"--customer"_s, zhang, u"--product"_s, u"td1y"_s}), 3,
                      u"permission.denied"_s);
        expectFailure(teller({u"account"_s, u"show"_s, u"--account"_s, u"6000110009999990"_s}), 4, u"account.not_found"_s, u"account"_s);
        expectFailure(teller({u"account"_s, u"show"_s, u"--account"_s, u"6000110009999991"_s}), 2, u"account.check_digit"_s, u"account"_s);
        expectFailure(teller({u"account"_s, u"show"_s}), 2, u"usage.missing_option"_s, u"account"_s);
        expectFailure(teller({u"account"_s, u"transmogrify"_s}), 2, u"usage.unknown_command"_s);
    }

    void freezeAndUnfreeze()
    {
        const auto asked = teller({u"account"_s, u"freeze"_s, u"--account"_s, m_account, u"--mode"_s, u"debit"_s,
                                   u"--reason"_s, u"court order"_s, u"--reason-code"_s, u"judicial"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(asked.out.value(u"account_state"_s).toString(), u"normal"_s);
        QVERIFY(asked.out.value(u"approval_id"_s).toInteger() > 0);
        const QJsonObject frozen = approved(asked);
        QCOMPARE(frozen.value(u"state"_s).toString(), u"frozen"_s);
        QCOMPARE(frozen.value(u"freeze_mode"_s).toString(), u"debit"_s);
        QCOMPARE(show().value(u"state"_s).toString(), u"frozen"_s);
        QCOMPARE(show().value(u"freeze_mode"_s).toString(), u"debit"_s);
        expectFailure(teller({u"account"_s, u"freeze"_s, u"--account"_s, m_account, u"--reason"_s, u"again"_s}), 3,
                      u"account.already_frozen"_s);
        expectFailure(teller({u"account"_s, u"freeze"_s, u"--account"_s, m_account, u"--mode"_s, u"half"_s, u"--reason"_s, u"x"_s}),
                      2, u"account.freeze_mode"_s, u"mode"_s);
        expectFailure(teller({u"account"_s, u"unfreeze"_s, u"--account"_s, m_account}), 2, u"usage.missing_option"_s, u"reason"_s);
        const QJsonObject unfrozen =
            approved(teller({u"account"_s, u"unfreeze"_s, u"--account"_s, m_account, u"--reason"_s, u"lifted"_s}));
        QCOMPARE(unfrozen.value(u"state"_s).toString(), u"normal"_s);
        QVERIFY(unfrozen.value(u"freeze_mode"_s).isUndefined());
        QCOMPARE(show().value(u"state"_s).toString(), u"normal"_s);
        QVERIFY(show().value(u"freeze_mode"_s).isNull());
        expectFailure(teller({u"account"_s, u"unfreeze"_s, u"--account"_s, m_account, u"--reason"_s, u"again"_s}), 3,
                      u"account.not_frozen"_s);
        expectFailure(as(u"auditor1"_s, {u"account"_s, u"freeze"_s, u"--account"_s, m_account, u"--reason"_s, u"x"_s}), 3,
                      u"permission.denied"_s);
    }

    void holdsAndRelease()
    {
        CS_VERIFY_RESULT(cash(m_account, 100000, true));
        const QStringList hold{u"account"_s, u"hold"_s, u"--account"_s, m_account, u"--amount"_s, u"600.00"_s,
                               u"--reason"_s, u"pending transfer"_s, u"--reason-code"_s, u"transfer"_s,
                               u"--request-id"_s, u"cli-hold-1"_s};
        const auto placed = teller(hold);
        expectSuccess(placed);
        const qint64 holdId = placed.out.value(u"hold_id"_s).toInteger();
        QVERIFY(holdId > 0);
        QCOMPARE(placed.out.value(u"balance"_s).toString(), u"1000.00"_s);
        QCOMPARE(placed.out.value(u"held"_s).toString(), u"600.00"_s);
        QCOMPARE(placed.out.value(u"available"_s).toString(), u"400.00"_s);
        QCOMPARE(placed.out.value(u"holds"_s).toArray().size(), 1);
        const auto again = teller(hold);
        expectSuccess(again);
        QCOMPARE(again.out.value(u"hold_id"_s).toInteger(), holdId);
        QCOMPARE(again.out.value(u"held"_s).toString(), u"600.00"_s);

        expectFailure(teller({u"account"_s, u"hold"_s, u"--account"_s, m_account, u"--amount"_s, u"400.01"_s, u"--reason"_s,
                              u"x"_s, u"--request-id"_s, u"cli-hold-2"_s}),
                      3, u"hold.insufficient_funds"_s, u"amount"_s);
        expectFailure(teller({u"account"_s, u"hold"_s, u"--account"_s, m_account, u"--amount"_s, u"1.234"_s, u"--reason"_s,
                              u"x"_s, u"--request-id"_s, u"cli-hold-3"_s}),
                      2, u"amount.too_many_decimals"_s, u"amount"_s);
        expectFailure(teller({u"account"_s, u"hold"_s, u"--account"_s, m_account, u"--amount"_s, u"1.00"_s, u"--reason"_s, u"x"_s}),
                      2, u"usage.missing_option"_s, u"request-id"_s);

        const auto released = teller({u"account"_s, u"release"_s, u"--hold"_s, QString::number(holdId)});
        expectSuccess(released);
        QCOMPARE(released.out.value(u"state"_s).toString(), u"released"_s);
        expectFailure(teller({u"account"_s, u"release"_s, u"--hold"_s, QString::number(holdId)}), 3, u"hold.not_active"_s);
        expectFailure(teller({u"account"_s, u"release"_s, u"--hold"_s, u"999999"_s}), 4, u"hold.not_found"_s);
        const auto shown = teller({u"account"_s, u"show"_s, u"--account"_s, m_account});
        QCOMPARE(shown.out.value(u"available"_s).toString(), u"1000.00"_s);
    }

    void statementWithRunningBalance()
    {
        CS_VERIFY_RESULT(cash(m_account, 2550, false));
        CS_VERIFY_RESULT(cash(m_account, 1, true));
        const auto run = teller({u"account"_s, u"statement"_s, u"--account"_s, m_account});
        expectSuccess(run);
        const QJsonArray lines = run.out.value(u"lines"_s).toArray();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(run.out.value(u"count"_s).toInt(), 3);
        const QStringList balances{u"1000.00"_s, u"974.50"_s, u"974.51"_s};
        const QStringList amounts{u"1000.00"_s, u"25.50"_s, u"0.01"_s};
        const QStringList sides{u"C"_s, u"D"_s, u"C"_s};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject line = lines.at(i).toObject();
            QCOMPARE(line.value(u"balance"_s).toString(), balances.at(i));
            QCOMPARE(line.value(u"amount"_s).toString(), amounts.at(i));
            QCOMPARE(line.value(u"side"_s).toString(), sides.at(i));
            QCOMPARE(line.value(u"date"_s).toString(), m_teller->businessDate.toString(Qt::ISODate));
            QVERIFY(line.value(u"txn_id"_s).toInteger() > 0);
        }
        const QString tomorrow = m_teller->businessDate.addDays(1).toString(Qt::ISODate);
        const auto later = teller({u"account"_s, u"statement"_s, u"--account"_s, m_account, u"--from"_s, tomorrow});
        expectSuccess(later);
        QCOMPARE(later.out.value(u"lines"_s).toArray().size(), 0);
        expectFailure(teller({u"account"_s, u"statement"_s, u"--account"_s, m_account, u"--from"_s, u"2024-02-30"_s}), 2,
                      u"usage.bad_date"_s, u"from"_s);
    }

    void closeOnlyAtZero()
    {
        // The Class II bound to it goes first, then the Class I once it is empty.
        const QString second = m_db.scalar(u"SELECT number FROM accounts WHERE class = 'II'"_s).toString();
        expectFailure(teller({u"account"_s, u"close"_s, u"--account"_s, m_account, u"--reason"_s, u"leaving"_s}), 3,
                      u"account.close_nonzero"_s);
        CS_VERIFY_RESULT(cash(m_account, 97451, false));
        expectFailure(teller({u"account"_s, u"close"_s, u"--account"_s, m_account, u"--reason"_s, u"leaving"_s}), 3,
                      u"account.close_bound"_s);
        QCOMPARE(approved(teller({u"account"_s, u"close"_s, u"--account"_s, second, u"--reason"_s, u"leaving"_s}))
                     .value(u"state"_s)
                     .toString(),
                 u"closed"_s);
        QCOMPARE(approved(teller({u"account"_s, u"close"_s, u"--account"_s, m_account, u"--reason"_s, u"leaving"_s}))
                     .value(u"state"_s)
                     .toString(),
                 u"closed"_s);
        const QJsonObject closed = show();
        QCOMPARE(closed.value(u"state"_s).toString(), u"closed"_s);
        QCOMPARE(closed.value(u"balance"_s).toString(), u"0.00"_s);
        QCOMPARE(closed.value(u"closed_on"_s).toString(), m_teller->businessDate.toString(Qt::ISODate));
        expectFailure(teller({u"account"_s, u"close"_s, u"--account"_s, m_account, u"--reason"_s, u"again"_s}), 3,
                      u"account.already_closed"_s);
    }
};

QTEST_GUILESS_MAIN(TestAccountCli)
#include "tst_accountcli.moc"
