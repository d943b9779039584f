// The database's own defences (DESIGN rules 4 to 8), tried with raw SQL as a second terminal, a script
// or a buggy client would: each refused write changes nothing. Runs on SQLite and PostgreSQL.
#include "services/demodata.h"
#include "storage/migrator.h"
#include "storage/sqlvalues.h"
#include "support/testdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using cs::test::TestDatabase;

namespace {

struct Step {
    QString sql;
};

} // namespace

class TestSchema : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;
    QString m_date;
    qint64 m_branch = 0;
    qint64 m_teller = 0;
    qint64 m_super1 = 0;
    qint64 m_super2 = 0;
    qint64 m_deposit = 0;  // customer account, credit-normal
    qint64 m_cashBox = 0;  // teller1's cash box, debit-normal
    int m_requests = 0;

    bool isPg() const { return m_t->db().dialect() == cs::Dialect::PostgreSQL; }

    qint64 scalar(const QString& sql)
    {
        auto conn = m_t->db().connection();
        QSqlQuery q(*conn);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    cs::Status run(const QList<Step>& steps)
    {
        return m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            for (const Step& step : steps) {
                auto q = uow.exec(step.sql);
                if (!q)
                    return cs::fail(q.error());
            }
            return {};
        });
    }

    qint64 nextTxnId()
    {
        return scalar(isPg() ? u"SELECT nextval(pg_get_serial_sequence('journal_txns', 'id'))"_s
                             : u"SELECT coalesce(max(id), 0) + 1 FROM journal_txns"_s);
    }
    Step line(qint64 txn, int no, qint64 account, const QString& side, qint64 amount)
    {
        return {u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) "
                "VALUES (%1, %2, %3, 'CNY', '%4', %5)"_s.arg(txn).arg(no).arg(account).arg(side).arg(amount)};
    }
    Step header(qint64 txn, int lines, const QString& kind = u"cash_deposit"_s, const QString& reverses = u"NULL"_s,
                int request = 0)
    {
        return {u"INSERT INTO journal_txns (id, branch_id, business_date, request_id, kind, reverses_txn_id, "
                "staff_id, terminal, line_count) VALUES (%1, %2, '%3', 'req-%4', '%5', %6, %7, 'T01', %8)"_s
                    .arg(txn).arg(m_branch).arg(m_date).arg(request ? request : ++m_requests).arg(kind, reverses)
                    .arg(m_teller).arg(lines)};
    }
    // A balanced cash deposit of `amount` fen: cash box debited, customer credited.
    qint64 post(qint64 amount)
    {
        const qint64 txn = nextTxnId();
        const cs::Status s = run({line(txn, 1, m_cashBox, u"D"_s, amount), line(txn, 2, m_deposit, u"C"_s, amount),
                                  header(txn, 2)});
        return s ? txn : -1;
    }
    static void expectRefused(const cs::Status& status, const QString& text)
    {
        QVERIFY2(!status, qPrintable(u"accepted, but should be refused: "_s + text));
        QCOMPARE(status.error().kind, cs::ErrorKind::Refused);
        QCOMPARE(status.error().code, u"db.constraint"_s);
        QVERIFY2(status.error().message.contains(text), qPrintable(status.error().message));
    }

private slots:
    void initTestCase()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        CS_VERIFY_RESULT(cs::Migrator(m_t->db()).migrate());
        CS_VERIFY_RESULT(cs::DemoData::seed(m_t->db(), cs::DemoData::Content::People));
        m_branch = scalar(u"SELECT id FROM branches WHERE code = '0001'"_s);
        m_teller = scalar(u"SELECT id FROM staff WHERE login = 'teller1'"_s);
        m_super1 = scalar(u"SELECT id FROM staff WHERE login = 'super1'"_s);
        m_super2 = scalar(u"SELECT id FROM staff WHERE login = 'super2'"_s);
        m_date = cs::sql::date(QDate::currentDate());
        const qint64 customer = scalar(u"SELECT id FROM customers WHERE id_number = '110101198003151239'"_s);
        QVERIFY(m_branch > 0 && m_teller > 0 && m_super1 > 0 && customer > 0);
        CS_VERIFY_RESULT(run({
            {u"INSERT INTO accounts (number, branch_id, customer_id, product_code, kind, class, currency, "
             "normal_side, opened_on) VALUES ('6229000000000001', %1, %2, 'demand', 'customer', 'I', 'CNY', 'C', '%3')"_s
                 .arg(m_branch).arg(customer).arg(m_date)},
            {u"INSERT INTO accounts (number, branch_id, product_code, kind, internal_role, owner_staff_id, "
             "currency, normal_side, opened_on) VALUES ('1001000100000001', %1, 'internal', 'internal', "
             "'cash_box', %2, 'CNY', 'D', '%3')"_s.arg(m_branch).arg(m_teller).arg(m_date)},
        }));
        m_deposit = scalar(u"SELECT id FROM accounts WHERE number = '6229000000000001'"_s);
        m_cashBox = scalar(u"SELECT id FROM accounts WHERE number = '1001000100000001'"_s);
        QVERIFY(m_deposit > 0 && m_cashBox > 0);
    }
    void cleanupTestCase() { m_t.reset(); }

    void balancedTransactionIsAccepted()
    {
        const qint64 before = scalar(u"SELECT COUNT(*) FROM journal_lines"_s);
        QVERIFY(post(10000) > 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_lines"_s), before + 2);
    }

    void unbalancedTransactionIsRefused()
    {
        const qint64 before = scalar(u"SELECT COUNT(*) FROM journal_lines"_s);
        const qint64 txn = nextTxnId();
        expectRefused(run({line(txn, 1, m_cashBox, u"D"_s, 10000), line(txn, 2, m_deposit, u"C"_s, 9999),
                           header(txn, 2)}),
                      u"journal: unbalanced transaction"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_lines"_s), before);
    }

    void headerMustCountItsLines()
    {
        const qint64 txn = nextTxnId();
        expectRefused(run({line(txn, 1, m_cashBox, u"D"_s, 500), line(txn, 2, m_deposit, u"C"_s, 500),
                           header(txn, 3)}),
                      u"journal: line count mismatch"_s);
    }

    void postedTransactionTakesNoMoreLines()
    {
        const qint64 txn = post(700);
        QVERIFY(txn > 0);
        expectRefused(run({line(txn, 3, m_deposit, u"C"_s, 1)}), u"journal: transaction already posted"_s);
    }

    // A header takes no line from a later statement, not even in its own transaction.
    void lineAfterHeaderInSameTransactionIsRefused()
    {
        const qint64 before = scalar(u"SELECT COUNT(*) FROM journal_lines"_s);
        const qint64 txn = nextTxnId();
        expectRefused(run({line(txn, 1, m_cashBox, u"D"_s, 400), line(txn, 2, m_deposit, u"C"_s, 400), header(txn, 2),
                           line(txn, 3, m_deposit, u"C"_s, 1)}),
                      u"journal: transaction already posted"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_lines"_s), before);
    }

    // Lines and header in one statement, as the PostingEngine writes them on PostgreSQL: accepted when
    // they balance, refused at COMMIT when they do not.
    void oneStatementPostingIsCheckedAtCommit()
    {
        if (!isPg())
            QSKIP("data-modifying WITH is PostgreSQL's");
        const auto oneStatement = [&](qint64 txn, qint64 credit) {
            return Step{u"WITH l AS (INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) "
                        "VALUES (%1, 1, %2, 'CNY', 'D', 800), (%1, 2, %3, 'CNY', 'C', %4)) "_s
                            .arg(txn).arg(m_cashBox).arg(m_deposit).arg(credit)
                        + header(txn, 2).sql};
        };
        const qint64 good = nextTxnId();
        CS_VERIFY_RESULT(run({oneStatement(good, 800)}));
        QCOMPARE(scalar(u"SELECT line_count FROM journal_txns WHERE id = %1"_s.arg(good)), 2);
        expectRefused(run({oneStatement(nextTxnId(), 799)}), u"journal: unbalanced transaction"_s);

        // Inside a savepoint the header and its lines still come from one statement; a line added by a
        // later statement of the savepoint is refused at once.
        const auto inSavepoint = [&](const QList<Step>& steps) {
            return m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
                QSqlQuery savepoint(uow.db()); // not prepared: PREPARE takes no SAVEPOINT
                if (!savepoint.exec(u"SAVEPOINT s1"_s))
                    return cs::fail(cs::Error::internal(u"test.savepoint"_s, savepoint.lastError().text()));
                for (const Step& step : steps) {
                    if (auto q = uow.exec(step.sql); !q)
                        return cs::fail(q.error());
                }
                return {};
            });
        };
        const qint64 saved = nextTxnId();
        CS_VERIFY_RESULT(inSavepoint({oneStatement(saved, 800)}));
        QCOMPARE(scalar(u"SELECT count(*) FROM journal_lines WHERE txn_id = %1"_s.arg(saved)), 2);
        const qint64 late = nextTxnId();
        expectRefused(inSavepoint({oneStatement(late, 800), line(late, 3, m_deposit, u"C"_s, 1)}),
                      u"journal: transaction already posted"_s);
    }

    void linesWithoutHeaderFailAtCommit()
    {
        const qint64 before = scalar(u"SELECT COUNT(*) FROM journal_lines"_s);
        const qint64 txn = nextTxnId();
        const cs::Status s = run({line(txn, 1, m_cashBox, u"D"_s, 300), line(txn, 2, m_deposit, u"C"_s, 300)});
        QVERIFY(!s);
        QCOMPARE(s.error().kind, cs::ErrorKind::Refused);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_lines"_s), before);
    }

    void journalIsAppendOnly()
    {
        const qint64 txn = post(900);
        QVERIFY(txn > 0);
        expectRefused(run({{u"UPDATE journal_lines SET amount = 1 WHERE txn_id = %1"_s.arg(txn)}}),
                      u"journal: append-only, UPDATE refused"_s);
        expectRefused(run({{u"DELETE FROM journal_lines WHERE txn_id = %1"_s.arg(txn)}}),
                      u"journal: append-only, DELETE refused"_s);
        expectRefused(run({{u"UPDATE journal_txns SET memo = 'x' WHERE id = %1"_s.arg(txn)}}),
                      u"journal: append-only, UPDATE refused"_s);
        expectRefused(run({{u"DELETE FROM journal_txns WHERE id = %1"_s.arg(txn)}}),
                      u"journal: append-only, DELETE refused"_s);
        QCOMPARE(scalar(u"SELECT SUM(amount) FROM journal_lines WHERE txn_id = %1"_s.arg(txn)), 1800);
    }

    void requestIdIsUniqueAndReversalHappensOnce()
    {
        const qint64 original = post(400);
        QVERIFY(original > 0);
        const qint64 first = nextTxnId();
        CS_VERIFY_RESULT(run({line(first, 1, m_deposit, u"D"_s, 400), line(first, 2, m_cashBox, u"C"_s, 400),
                              header(first, 2, u"reversal"_s, QString::number(original))}));
        const qint64 second = nextTxnId();
        expectRefused(run({line(second, 1, m_deposit, u"D"_s, 400), line(second, 2, m_cashBox, u"C"_s, 400),
                           header(second, 2, u"reversal"_s, QString::number(original))}),
                      isPg() ? u"journal_txns_reversed_once"_s : u"journal_txns.reverses_txn_id"_s);
        const qint64 third = nextTxnId();
        const int usedRequest = 1; // req-1: the first posting made on this database
        expectRefused(run({line(third, 1, m_cashBox, u"D"_s, 1), line(third, 2, m_deposit, u"C"_s, 1),
                           header(third, 2, u"cash_deposit"_s, u"NULL"_s, usedRequest)}),
                      isPg() ? u"journal_txns_request_id_key"_s : u"journal_txns.request_id"_s);
    }

    void auditLogIsAppendOnly()
    {
        const QString zeros(64, u'0');
        const QString hash(64, u'a');
        CS_VERIFY_RESULT(run({
            {u"INSERT INTO audit_chains (chain, last_seq, last_hash) VALUES ('terminal:T01', 1, '%1')"_s.arg(hash)},
            {u"INSERT INTO audit_log (chain, seq, terminal, action, outcome, prev_hash, hash) "
             "VALUES ('terminal:T01', 1, 'T01', 'test', 'success', '%1', '%2')"_s.arg(zeros, hash)},
        }));
        expectRefused(run({{u"UPDATE audit_log SET action = 'edited'"_s}}), u"audit: append-only, UPDATE refused"_s);
        expectRefused(run({{u"DELETE FROM audit_log"_s}}), u"audit: append-only, DELETE refused"_s);
        expectRefused(run({{u"UPDATE audit_chains SET last_seq = 0"_s}}), u"audit: chain head may only move forward"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'test'"_s), 1);
    }

    void makerNeverChecksTheirOwnApproval()
    {
        CS_VERIFY_RESULT(run({{u"INSERT INTO approvals (branch_id, business_date, action, entity_type, entity_id, "
                               "payload, request_id, maker_id, maker_terminal) VALUES (%1, '%2', 'account.freeze', "
                               "'account', '1', '{}', 'appr-1', %3, 'T01')"_s.arg(m_branch).arg(m_date).arg(m_super1)}}));
        const QString decide = u"UPDATE approvals SET state = 'approved', checker_id = %1, decided_at = '%2' "
                               "WHERE request_id = 'appr-1'"_s;
        const QString now = cs::sql::nowUtc();
        expectRefused(run({{decide.arg(m_super1).arg(now)}}), u"approvals_checker_not_maker"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM approvals WHERE state = 'pending'"_s), 1);
        CS_VERIFY_RESULT(run({{decide.arg(m_super2).arg(now)}}));
        QCOMPARE(scalar(u"SELECT checker_id FROM approvals WHERE request_id = 'appr-1'"_s), m_super2);
    }

    void onePendingApprovalPerEntityAndRejectionNeedsAReason()
    {
        const QString insert = u"INSERT INTO approvals (branch_id, business_date, action, entity_type, entity_id, "
                               "payload, request_id, maker_id, maker_terminal) VALUES (%1, '%2', 'account.close', "
                               "'account', '7', '{}', '%3', %4, 'T01')"_s;
        CS_VERIFY_RESULT(run({{insert.arg(m_branch).arg(m_date).arg(u"appr-2"_s).arg(m_teller)}}));
        const cs::Status second = run({{insert.arg(m_branch).arg(m_date).arg(u"appr-3"_s).arg(m_teller)}});
        QVERIFY(!second);
        QCOMPARE(second.error().code, u"db.constraint"_s);
        expectRefused(run({{u"UPDATE approvals SET state = 'rejected', checker_id = %1, decided_at = '%2', reason = ' ' "
                            "WHERE request_id = 'appr-2'"_s.arg(m_super1).arg(cs::sql::nowUtc())}}),
                      u"approvals_reject_needs_reason"_s);
    }

    void availableNeverBelowTheOverdraftAndCashNeverNegative()
    {
        const qint64 balance = scalar(u"SELECT balance FROM accounts WHERE id = %1"_s.arg(m_deposit));
        expectRefused(run({{u"UPDATE accounts SET balance = -1 WHERE id = %1"_s.arg(m_deposit)}}),
                      u"accounts_available_within_overdraft"_s);
        expectRefused(run({{u"UPDATE accounts SET held = balance + 1 WHERE id = %1"_s.arg(m_deposit)}}),
                      u"accounts_available_within_overdraft"_s);
        CS_VERIFY_RESULT(run({{u"UPDATE accounts SET overdraft_limit = 100, balance = -100 WHERE id = %1"_s.arg(m_deposit)}}));
        CS_VERIFY_RESULT(run({{u"UPDATE accounts SET overdraft_limit = 0, balance = %1 WHERE id = %2"_s.arg(balance).arg(m_deposit)}}));
        expectRefused(run({{u"UPDATE accounts SET balance = -1 WHERE id = %1"_s.arg(m_cashBox)}}),
                      u"accounts_cash_never_negative"_s);
        CS_VERIFY_RESULT(run({{u"UPDATE accounts SET balance = 500 WHERE id = %1"_s.arg(m_deposit)}}));
        expectRefused(run({{u"UPDATE accounts SET state = 'closed', closed_on = '%1' WHERE id = %2"_s.arg(m_date).arg(m_deposit)}}),
                      u"accounts_closed_is_empty"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM accounts WHERE state = 'closed'"_s), 0);
    }

    void moneyIsNeverAFloat()
    {
        // The core refuses to bind a double at all...
        const cs::Status bound = m_t->db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(u"UPDATE accounts SET overdraft_limit = ? WHERE id = ?"_s, {QVariant(100.5), m_deposit});
            return q ? cs::Status() : cs::fail(q.error());
        });
        QVERIFY(!bound);
        QCOMPARE(bound.error().code, u"db.float_bound"_s);
        // ...and the database refuses a fractional amount written as text (and, on SQLite, a REAL).
        const cs::Status text = run({{u"UPDATE accounts SET overdraft_limit = '100.5' WHERE id = %1"_s.arg(m_deposit)}});
        QVERIFY(!text);
        if (!isPg()) {
            const cs::Status real = run({{u"UPDATE accounts SET overdraft_limit = 100.5 WHERE id = %1"_s.arg(m_deposit)}});
            QVERIFY(!real);
        }
        QCOMPARE(scalar(u"SELECT overdraft_limit FROM accounts WHERE id = %1"_s.arg(m_deposit)), 0);
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
