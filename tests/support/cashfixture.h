#pragma once

#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/cashservice.h"
#include "services/internalaccounts.h"
#include "support/demodb.h"

#include <QUuid>

namespace cs::test {

inline Money cny(qint64 minor) { return Money(minor, Currency::cny()); }

// The demo database with tellers signed on, the vault funded and helpers for the cash tests: accounts
// of the demo customers, balances and counts read straight from the tables.
class CashFixture {
public:
    DemoDb db;
    std::optional<Session> teller;  // teller1
    std::optional<Session> teller2;
    BranchLedger ledger;

    Status create()
    {
        if (auto made = db.create(); !made)
            return made;
        auto t1 = db.signOn(u"teller1"_s);
        if (!t1)
            return fail(t1.error());
        teller = *t1;
        auto t2 = db.signOn(u"teller2"_s, QString::fromUtf16(DemoDb::password), u"T02"_s);
        if (!t2)
            return fail(t2.error());
        teller2 = *t2;
        return db.db().transact([&](UnitOfWork& uow) -> Status {
            auto l = InternalAccounts::ensure(uow, teller->branchId);
            if (!l)
                return fail(l.error());
            ledger = *l;
            return {};
        });
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // Cash delivered to the vault from the cash centre (against clearing), as the demo does.
    Status fundVault(qint64 minor)
    {
        return db.db().transact([&](UnitOfWork& uow) -> Status {
            PostingRequest r;
            r.requestId = newId();
            r.kind = u"vault_delivery"_s;
            r.branchId = teller->branchId;
            r.businessDate = teller->businessDate;
            r.staffId = teller->staffId;
            r.terminal = teller->terminal;
            r.lines = {{ledger.vault, 'D', cny(minor), {}}, {ledger.clearing, 'C', cny(minor), {}}};
            auto posted = PostingEngine::post(uow, r);
            if (!posted)
                return fail(posted.error());
            return {};
        });
    }

    qint64 customer(const QString& idNumber)
    {
        return db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
    }
    // The customer's open Class I account, opened when there is none.
    Result<QString> classI(const QString& idNumber)
    {
        const QString existing = db.scalar(u"SELECT number FROM accounts WHERE customer_id = %1 AND class = 'I' "
                                           "AND state <> 'closed'"_s.arg(customer(idNumber)))
                                     .toString();
        if (!existing.startsWith(u"<query failed"_s))
            return existing;
        auto opened = AccountService(db.db()).open(*teller, {customer(idNumber), u"demand"_s, u"I"_s, {}, newId()});
        if (!opened)
            return fail(opened.error());
        return opened->number;
    }
    // A new account of the customer (Class II/III bound to their Class I, or a corporate account).
    Result<QString> open(const QString& idNumber, const QString& product, const QString& cls = {})
    {
        QString bind;
        if (cls == u"II"_s || cls == u"III"_s) {
            auto one = classI(idNumber);
            if (!one)
                return fail(one.error());
            bind = *one;
        }
        auto opened = AccountService(db.db()).open(*teller, {customer(idNumber), product, cls, bind, newId()});
        if (!opened)
            return fail(opened.error());
        return opened->number;
    }

    Result<CashReceipt> deposit(const QString& number, qint64 minor, const QString& requestId = {},
                                const DueDiligence& dd = {}, const Session* who = nullptr)
    {
        return CashService(db.db()).deposit(who ? *who : *teller,
                                            {number, cny(minor), requestId.isEmpty() ? newId() : requestId, {}, dd});
    }
    Result<CashReceipt> withdraw(const QString& number, qint64 minor, const QString& requestId = {},
                                 const DueDiligence& dd = {}, const Session* who = nullptr)
    {
        return CashService(db.db()).withdraw(who ? *who : *teller,
                                             {number, cny(minor), requestId.isEmpty() ? newId() : requestId, {}, dd});
    }
    Result<CashBoxView> openBox(qint64 minor, const Session* who = nullptr)
    {
        return CashBoxService(db.db()).open(who ? *who : *teller, cny(minor), newId());
    }

    Result<CashBoxView> takeFromVault(qint64 minor, const Session* who = nullptr)
    {
        return CashBoxService(db.db()).takeFromVault(who ? *who : *teller, cny(minor), newId());
    }

    qint64 balance(const QString& number)
    {
        return db.count(u"SELECT balance FROM accounts WHERE number = '%1'"_s.arg(number));
    }
    qint64 balanceOf(qint64 id) { return db.count(u"SELECT balance FROM accounts WHERE id = %1"_s.arg(id)); }
    qint64 idOf(const QString& number) { return db.count(u"SELECT id FROM accounts WHERE number = '%1'"_s.arg(number)); }
    qint64 boxId(const Session& who)
    {
        return db.count(u"SELECT id FROM accounts WHERE internal_role = 'cash_box' AND owner_staff_id = %1"_s.arg(who.staffId));
    }
    qint64 journalTxns() { return db.count(u"SELECT COUNT(*) FROM journal_txns"_s); }
    qint64 journalLines() { return db.count(u"SELECT COUNT(*) FROM journal_lines"_s); }
    qint64 audits(const QString& action, const QString& outcome)
    {
        return db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' AND outcome = '%2'"_s.arg(action, outcome));
    }
    qint64 largeValueRows() { return db.count(u"SELECT COUNT(*) FROM large_value_entries"_s); }
    qint64 usage(const QString& number, const QString& period, const QString& direction)
    {
        const QString start = period == u"day"_s ? teller->businessDate.toString(Qt::ISODate)
                                                 : QDate(teller->businessDate.year(), 1, 1).toString(Qt::ISODate);
        return db.count(u"SELECT coalesce(sum(amount), 0) FROM account_limit_usage WHERE account_id = %1 AND period = '%2' "
                        "AND direction = '%3' AND period_start = '%4'"_s.arg(idOf(number))
                            .arg(period, direction, start));
    }
    Status setSetting(const QString& key, qint64 value)
    {
        return db.db().transact([&](UnitOfWork& uow) -> Status {
            auto q = uow.exec(u"UPDATE settings SET value = ? WHERE key = ?"_s, {QString::number(value), key});
            if (!q)
                return fail(q.error());
            return {};
        });
    }
};

// The error's code, kind, field (when given) and a message.
#define CS_EXPECT_ERROR(expr, codeText, errorKind, fieldText)                                       \
    do {                                                                                           \
        const auto& cs_r_ = (expr);                                                                \
        QVERIFY2(!cs_r_, "expected " codeText);                                                    \
        QCOMPARE(cs_r_.error().code, QStringLiteral(codeText));                                    \
        QCOMPARE(cs_r_.error().kind, errorKind);                                                   \
        if (QStringLiteral(fieldText).size() > 0)                                                  \
            QCOMPARE(cs_r_.error().field, QStringLiteral(fieldText));                              \
        QVERIFY(!cs_r_.error().message.isEmpty());                                                 \
    } while (false)

} // namespace cs::test
