#pragma once

#include "auth/authservice.h"
#include "security/cardkeys.h"
#include "services/demodata.h"
#include "storage/migrator.h"
#include "support/testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace cs::test {

// A migrated database with the demo branch, staff and customers (DemoData::Content::People unless
// asked for everything: accounts, vault and history; with `withCards` also the demo's cards, under a
// card key of the test's own: the `.keys` file beside an SQLite database, memory for PostgreSQL), and
// quick access to it for assertions.
class DemoDb {
public:
    static constexpr const char16_t* password = u"demo-pass-1";

    Status create(DemoData::Content content = DemoData::Content::People, bool withCards = false)
    {
        auto t = TestDatabase::create();
        if (!t)
            return fail(t.error());
        m_t = std::move(*t);
        if (auto version = Migrator(db()).migrate(); !version)
            return fail(version.error());
        if (withCards) {
            const auto store = cardKeyStoreFor(db(), &m_keys);
            auto vault = openCardVault(*store, db(), true);
            if (!vault)
                return fail(vault.error());
            m_vault = std::move(*vault);
        }
        if (auto seeded = DemoData::seed(db(), content, m_vault ? &*m_vault : nullptr); !seeded)
            return fail(seeded.error());
        return {};
    }
    void reset()
    {
        m_vault.reset();
        m_t.reset();
    }
    // The card vault of create(…, true).
    const CardVault& vault() const { return *m_vault; }

    Database& db() { return m_t->db(); }
    QString url() const { return m_t->url(); }

    Result<Session> signOn(const QString& login, const QString& pw = QString::fromUtf16(password),
                           const QString& terminal = u"T01"_s)
    {
        return AuthService(db()).signOn(login, pw, terminal);
    }

    // Two accounts (a customer deposit and teller1's cash box) and one balanced posting of 1.00 between
    // them, written as raw SQL in the order the schema demands: lines, then the header.
    Status seedJournal()
    {
        const bool pg = db().dialect() == Dialect::PostgreSQL;
        const QString date = scalar(u"SELECT business_date FROM branches WHERE code = '0001'"_s).toString().left(10);
        const qint64 branch = count(u"SELECT id FROM branches WHERE code = '0001'"_s);
        const qint64 teller = count(u"SELECT id FROM staff WHERE login = 'teller1'"_s);
        const qint64 customer = count(u"SELECT MIN(id) FROM customers"_s);
        const Status accounts = db().transact([&](UnitOfWork& uow) -> Status {
            for (const QString& sql :
                 {u"INSERT INTO accounts (number, branch_id, customer_id, product_code, kind, class, currency, normal_side, "
                   "opened_on) VALUES ('6229000000009999', %1, %2, 'demand', 'customer', 'I', 'CNY', 'C', '%3')"_s
                      .arg(branch).arg(customer).arg(date),
                  u"INSERT INTO accounts (number, branch_id, product_code, kind, internal_role, owner_staff_id, currency, "
                   "normal_side, opened_on) VALUES ('1001000100009999', %1, 'internal', 'internal', 'cash_box', %2, 'CNY', "
                   "'D', '%3')"_s.arg(branch).arg(teller).arg(date)}) {
                if (auto q = uow.exec(sql); !q)
                    return fail(q.error());
            }
            return {};
        });
        if (!accounts)
            return accounts;
        const qint64 cash = count(u"SELECT id FROM accounts WHERE number = '1001000100009999'"_s);
        const qint64 deposit = count(u"SELECT id FROM accounts WHERE number = '6229000000009999'"_s);
        return db().transact([&](UnitOfWork& uow) -> Status {
            auto id = uow.exec(pg ? u"SELECT nextval(pg_get_serial_sequence('journal_txns', 'id'))"_s
                                  : u"SELECT coalesce(max(id), 0) + 1 FROM journal_txns"_s);
            if (!id || !id->next())
                return fail(id ? Error::internal(u"test"_s, u"no id"_s) : id.error());
            const qint64 txn = id->value(0).toLongLong();
            id->finish();
            for (const QString& sql :
                 {u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) VALUES (%1, 1, %2, 'CNY', 'D', 100)"_s
                      .arg(txn).arg(cash),
                  u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) VALUES (%1, 2, %2, 'CNY', 'C', 100)"_s
                      .arg(txn).arg(deposit),
                  u"INSERT INTO journal_txns (id, branch_id, business_date, request_id, kind, staff_id, terminal, line_count) "
                   "VALUES (%1, %2, '%3', 'seed-journal-1', 'cash_deposit', %4, 'T01', 2)"_s
                      .arg(txn).arg(branch).arg(date).arg(teller)}) {
                if (auto q = uow.exec(sql); !q)
                    return fail(q.error());
            }
            return {};
        });
    }

    QVariant scalar(const QString& sql)
    {
        auto conn = db().connection();
        QSqlQuery q(*conn);
        if (!q.exec(sql) || !q.next())
            return QVariant(u"<query failed: "_s + sql + u">"_s);
        return q.value(0);
    }
    qint64 count(const QString& sql) { return scalar(sql).toLongLong(); }
    // One statement in a transaction of its own: what a script or a second terminal could do behind the
    // core's back (the tests of the database's own rules).
    Status execute(const QString& sql, const QVariantList& values = {})
    {
        return db().transact([&](UnitOfWork& uow) -> Status {
            auto q = uow.execList(sql, values);
            if (!q)
                return fail(q.error());
            return {};
        });
    }

private:
    std::unique_ptr<TestDatabase> m_t;
    MemorySecretStore m_keys;
    std::optional<CardVault> m_vault;
};

} // namespace cs::test
