// Dormant accounts (久悬) on SQLite and PostgreSQL: the sweep marks customer demand accounts still for
// exactly accounts.dormant_after_days (365: yes, 364: no), counting from the opening, the last customer
// movement (interest does not count) or the last reactivation; postings to a dormant account are refused;
// a teller reactivates it and postings work again; everything audited.
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/dormancyservice.h"
#include "services/internalaccounts.h"
#include "support/approvals.h"
#include "support/demodb.h"

using cs::test::settled;

using cs::test::DemoDb;

namespace {

cs::Money cny(qint64 minor) { return cs::Money(minor, cs::Currency::cny()); }

} // namespace

class TestDormancy : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_teller;
    std::optional<cs::Session> m_super;
    QDate m_today;
    qint64 m_cashBox = 0;
    QString m_moved365;  // last customer movement 365 days ago
    QString m_moved364;  // 364 days ago
    QString m_opened365; // opened 365 days ago, never moved
    QString m_opened364;
    QString m_interestOnly; // last customer movement 366 days ago, interest credited 10 days ago
    QString m_frozen;       // old and still, but frozen
    QString m_timeDeposit;  // old and still, but not a demand account
    int m_requests = 0;

    cs::DormancyService service() { return cs::DormancyService(m_db.db()); }
    qint64 idOf(const QString& number) { return m_db.count(u"SELECT id FROM accounts WHERE number = '%1'"_s.arg(number)); }
    QString stateOf(const QString& number)
    {
        return m_db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(number)).toString();
    }
    qint64 balanceOf(const QString& number)
    {
        return m_db.count(u"SELECT balance FROM accounts WHERE number = '%1'"_s.arg(number));
    }
    qint64 audits(const QString& action, const QString& entityType, const QString& outcome = u"success"_s)
    {
        return m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' AND entity_type = '%2' AND outcome = '%3'"_s
                              .arg(action, entityType, outcome));
    }
    QString day(int daysAgo) const { return m_today.addDays(-daysAgo).toString(Qt::ISODate); }

    cs::Status exec(const QString& sql)
    {
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto q = uow.exec(sql);
            if (!q)
                return cs::fail(q.error());
            return {};
        });
    }
    QString open(const QString& idNumber, const QString& product, const QString& cls, const QString& bind,
                 int openedDaysAgo)
    {
        const qint64 customer = m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
        const auto opened = cs::AccountService(m_db.db()).open(*m_teller, {customer, product, cls, bind, {}});
        if (!opened)
            return u"<%1>"_s.arg(opened.error().message);
        if (!exec(u"UPDATE accounts SET opened_on = '%1' WHERE id = %2"_s.arg(day(openedDaysAgo)).arg(opened->accountId)))
            return u"<backdating failed>"_s;
        return opened->number;
    }
    // A transaction of an earlier business day, written as the schema demands (the engine posts only
    // today); balances are left alone, only the dates matter here.
    cs::Status pastMovement(const QString& number, int daysAgo, const QString& kind = u"cash_deposit"_s)
    {
        const bool pg = m_db.db().dialect() == cs::Dialect::PostgreSQL;
        const qint64 account = idOf(number);
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto id = uow.scalar(pg ? u"SELECT nextval(pg_get_serial_sequence('journal_txns', 'id'))"_s
                                    : u"SELECT coalesce(max(id), 0) + 1 FROM journal_txns"_s);
            if (!id)
                return cs::fail(id.error());
            const qint64 txn = id->toLongLong();
            for (const QString& sql :
                 {u"INSERT INTO business_days (branch_id, business_date, state, opened_at, closed_at) VALUES "
                   "(%1, '%2', 'closed', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:01.000Z') ON CONFLICT DO NOTHING"_s
                      .arg(m_teller->branchId)
                      .arg(day(daysAgo)),
                  u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) VALUES (%1, 1, %2, 'CNY', 'D', 100)"_s
                      .arg(txn).arg(m_cashBox),
                  u"INSERT INTO journal_lines (txn_id, line_no, account_id, currency, side, amount) VALUES (%1, 2, %2, 'CNY', 'C', 100)"_s
                      .arg(txn).arg(account),
                  u"INSERT INTO journal_txns (id, branch_id, business_date, request_id, kind, staff_id, terminal, line_count) "
                   "VALUES (%1, %2, '%3', 'dm-past-%1', '%4', %5, 'T01', 2)"_s
                      .arg(txn).arg(m_teller->branchId).arg(day(daysAgo), kind).arg(m_teller->staffId)}) {
                if (auto q = uow.exec(sql); !q)
                    return cs::fail(q.error());
            }
            return {};
        });
    }
    cs::Result<cs::PostingResult> deposit(const QString& number, qint64 minor)
    {
        std::optional<cs::PostingResult> out;
        const cs::Status done = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = u"dm-%1"_s.arg(++m_requests);
            r.kind = u"cash_deposit"_s;
            r.branchId = m_teller->branchId;
            r.businessDate = m_teller->businessDate;
            r.staffId = m_teller->staffId;
            r.terminal = m_teller->terminal;
            r.lines = {{m_cashBox, 'D', cny(minor), {}}, {idOf(number), 'C', cny(minor), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            out = *posted;
            return {};
        });
        if (!done)
            return cs::fail(done.error());
        return *out;
    }
    template <typename R>
    void expectError(const R& r, const QString& code, cs::ErrorKind kind, const QString& field = {})
    {
        QVERIFY2(!r, qPrintable(u"expected "_s + code));
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        m_teller = *teller;
        m_today = m_teller->businessDate;
        auto super = m_db.signOn(u"super1"_s, QString::fromUtf16(DemoDb::password), u"T02"_s);
        CS_VERIFY_RESULT(super);
        m_super = *super;
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto box = cs::InternalAccounts::ensureCashBox(uow, m_teller->branchId, m_teller->staffId);
            if (!box)
                return cs::fail(box.error());
            m_cashBox = *box;
            return {};
        }));
        CS_VERIFY_RESULT(exec(u"UPDATE accounts SET opened_on = '%1' WHERE id = %2"_s.arg(day(400)).arg(m_cashBox)));
        m_moved365 = open(u"110101198003151239"_s, u"demand"_s, u"I"_s, {}, 400);
        m_moved364 = open(u"310104199207082467"_s, u"demand"_s, u"I"_s, {}, 400);
        m_opened365 = open(u"440305197511220358"_s, u"demand"_s, u"I"_s, {}, 365);
        m_opened364 = open(u"510107200101304182"_s, u"demand"_s, u"I"_s, {}, 364);
        m_interestOnly = open(u"32010219680904771X"_s, u"demand"_s, u"I"_s, {}, 400);
        m_frozen = open(u"310104199207082467"_s, u"demand"_s, u"II"_s, m_moved364, 400);
        m_timeDeposit = open(u"440305197511220358"_s, u"td1y"_s, {}, {}, 400);
        for (const QString& number : {m_moved365, m_moved364, m_opened365, m_opened364, m_interestOnly, m_frozen, m_timeDeposit})
            QVERIFY2(!number.startsWith(u'<'), qPrintable(number));
        CS_VERIFY_RESULT(pastMovement(m_moved365, 380));
        CS_VERIFY_RESULT(pastMovement(m_moved365, 365));
        CS_VERIFY_RESULT(pastMovement(m_moved364, 364));
        CS_VERIFY_RESULT(pastMovement(m_interestOnly, 366));
        CS_VERIFY_RESULT(pastMovement(m_interestOnly, 10, u"interest"_s));
        CS_VERIFY_RESULT(settled(m_db.db(), cs::AccountService(m_db.db()).freeze(*m_teller, m_frozen, cs::FreezeMode::Full, u"judicial"_s,
                                                              u"court order"_s)));
    }
    void cleanupTestCase() { m_db.reset(); }

    void theSettingDefaultsTo365()
    {
        QCOMPARE(m_db.scalar(u"SELECT value FROM settings WHERE key = 'accounts.dormant_after_days'"_s).toString(), u"365"_s);
    }
    void aTellerMayNotSweep()
    {
        const auto r = service().sweep(*m_teller);
        expectError(r, u"permission.denied"_s, cs::ErrorKind::Refused);
        QCOMPARE(stateOf(m_moved365), u"normal"_s);
    }
    void notAfterTheBusinessDate()
    {
        const auto r = service().sweep(*m_super, m_today.addDays(1));
        expectError(r, u"dormancy.as_of"_s, cs::ErrorKind::Invalid, u"as_of"_s);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE state = 'dormant'"_s), 0);
    }
    void sweepYesterdaySees364Days()
    {
        // As of yesterday the 365-day accounts have been still for 364 days only; interest 10 days
        // ago did not keep the other one alive (its customer last moved 366 days before today).
        const auto r = service().sweep(*m_super, m_today.addDays(-1));
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->asOf, m_today.addDays(-1));
        QCOMPARE(r->afterDays, 365);
        QCOMPARE(r->accounts, QStringList{m_interestOnly});
        QCOMPARE(stateOf(m_interestOnly), u"dormant"_s);
        QCOMPARE(stateOf(m_moved365), u"normal"_s);
        QCOMPARE(stateOf(m_opened365), u"normal"_s);
    }
    void sweepTodayMarks365NotFewer()
    {
        const qint64 accountAudits = audits(u"account.dormancy_sweep"_s, u"account"_s);
        const qint64 runs = audits(u"account.dormancy_sweep"_s, u"branch"_s);
        const auto r = service().sweep(*m_super);
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->asOf, m_today);
        QCOMPARE(r->count(), 2);
        QCOMPARE(r->accounts, (QStringList{m_moved365, m_opened365}));
        QCOMPARE(stateOf(m_moved365), u"dormant"_s);
        QCOMPARE(stateOf(m_opened365), u"dormant"_s);
        QCOMPARE(stateOf(m_moved364), u"normal"_s);
        QCOMPARE(stateOf(m_opened364), u"normal"_s);
        QCOMPARE(stateOf(m_frozen), u"frozen"_s);
        QCOMPARE(stateOf(m_timeDeposit), u"normal"_s);
        QCOMPARE(m_db.scalar(u"SELECT state FROM accounts WHERE id = %1"_s.arg(m_cashBox)).toString(), u"normal"_s);
        QCOMPARE(audits(u"account.dormancy_sweep"_s, u"account"_s), accountAudits + 2);
        QCOMPARE(audits(u"account.dormancy_sweep"_s, u"branch"_s), runs + 1);
        const QString after = m_db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'account.dormancy_sweep' "
                                           "AND entity_id = '%1'"_s.arg(m_moved365))
                                  .toString();
        QVERIFY2(after.contains(u"dormant"_s) && after.contains(day(365)), qPrintable(after));
    }
    void sweepAgainMarksNothing()
    {
        const auto r = service().sweep(*m_super);
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->count(), 0);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE state = 'dormant'"_s), 3);
    }
    void postingToADormantAccountIsRefused()
    {
        const qint64 balance = balanceOf(m_moved365);
        const auto r = deposit(m_moved365, 10'000);
        expectError(r, u"posting.account_dormant"_s, cs::ErrorKind::Refused, u"account"_s);
        QCOMPARE(balanceOf(m_moved365), balance);
    }
    void reactivationNeedsAReason()
    {
        const auto r = service().reactivate(*m_teller, m_moved365, u"  "_s);
        expectError(r, u"account.reason_empty"_s, cs::ErrorKind::Invalid, u"reason"_s);
        QCOMPARE(stateOf(m_moved365), u"dormant"_s);
    }
    void aSupervisorDoesNotReactivate()
    {
        const auto r = service().reactivate(*m_super, m_moved365, u"customer came in"_s);
        expectError(r, u"permission.denied"_s, cs::ErrorKind::Refused);
        QCOMPARE(stateOf(m_moved365), u"dormant"_s);
    }
    void onlyADormantAccountIsReactivated()
    {
        const auto r = service().reactivate(*m_teller, m_moved364, u"customer came in"_s);
        expectError(r, u"account.not_dormant"_s, cs::ErrorKind::Refused, u"account"_s);
        QCOMPARE(stateOf(m_moved364), u"normal"_s);
    }
    void reactivateThenPostingIsAllowed()
    {
        const qint64 before = audits(u"account.reactivate"_s, u"account"_s);
        CS_VERIFY_RESULT(service().reactivate(*m_teller, m_moved365, u"customer came in with ID"_s, u"dm-react-1"_s));
        QCOMPARE(stateOf(m_moved365), u"normal"_s);
        QCOMPARE(m_db.scalar(u"SELECT reactivated_on FROM accounts WHERE number = '%1'"_s.arg(m_moved365)).toString().left(10),
                 m_today.toString(Qt::ISODate));
        QCOMPARE(audits(u"account.reactivate"_s, u"account"_s), before + 1);
        const QString after = m_db.scalar(u"SELECT before_value || after_value FROM audit_log WHERE action = "
                                           "'account.reactivate' AND outcome = 'success' AND entity_id = '%1'"_s.arg(m_moved365))
                                  .toString();
        QVERIFY2(after.contains(u"dormant"_s) && after.contains(u"customer came in with ID"_s), qPrintable(after));
        // The same request again changes and audits nothing more.
        CS_VERIFY_RESULT(service().reactivate(*m_teller, m_moved365, u"customer came in with ID"_s, u"dm-react-1"_s));
        QCOMPARE(audits(u"account.reactivate"_s, u"account"_s), before + 1);

        const qint64 balance = balanceOf(m_moved365);
        const auto r = deposit(m_moved365, 10'000);
        CS_VERIFY_RESULT(r);
        QCOMPARE(balanceOf(m_moved365), balance + 10'000);
    }
    void reactivationStartsTheCountAgain()
    {
        // Reactivated without a movement: still since today, so the next sweep leaves it alone.
        CS_VERIFY_RESULT(service().reactivate(*m_teller, m_opened365, u"customer came in"_s));
        const auto r = service().sweep(*m_super);
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->count(), 0);
        QCOMPARE(stateOf(m_opened365), u"normal"_s);
    }
};

QTEST_GUILESS_MAIN(TestDormancy)
#include "tst_dormancy.moc"
