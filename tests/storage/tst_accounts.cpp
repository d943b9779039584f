// Accounts on SQLite and PostgreSQL: opening with classes and binding, one Class I per person, numbers
// with a check digit, freeze / unfreeze / close / hold rules (allowed, edge, refused), the account view
// and statement paging with exact running balances.
#include "domain/accountnumber.h"
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/internalaccounts.h"
#include "support/approvals.h"
#include "support/demodb.h"

using cs::test::settled;

using cs::test::DemoDb;

namespace {

cs::Money cny(qint64 minor) { return cs::Money(minor, cs::Currency::cny()); }

} // namespace

class TestAccounts : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    std::optional<cs::Session> m_teller;
    std::optional<cs::Session> m_auditor;
    qint64 m_cashBox = 0;
    qint64 m_zhang = 0; // persons
    qint64 m_li = 0;
    qint64 m_huang = 0;
    qint64 m_wu = 0;
    qint64 m_company = 0;
    QString m_zhangI; // Zhang's Class I
    int m_requests = 0;

    cs::AccountService service() { return cs::AccountService(m_db.db()); }
    qint64 customer(const QString& idNumber)
    {
        return m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
    }
    qint64 idOf(const QString& number) { return m_db.count(u"SELECT id FROM accounts WHERE number = '%1'"_s.arg(number)); }
    qint64 balanceOf(const QString& number)
    {
        return m_db.count(u"SELECT balance FROM accounts WHERE number = '%1'"_s.arg(number));
    }
    QString stateOf(const QString& number)
    {
        return m_db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(number)).toString();
    }
    qint64 audits(const QString& action, const QString& outcome)
    {
        return m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' AND outcome = '%2'"_s.arg(action, outcome));
    }

    cs::Result<cs::AccountOpened> open(qint64 customerId, const QString& product, const QString& cls = {},
                                       const QString& bind = {}, const QString& requestId = {})
    {
        return service().open(*m_teller, {customerId, product, cls, bind, requestId});
    }
    template <typename R> // a Result<T> or a Status
    void expectError(const R& r, const QString& code, cs::ErrorKind kind, const QString& field = {})
    {
        QVERIFY2(!r, qPrintable(u"expected "_s + code));
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().kind, kind);
        if (!field.isEmpty())
            QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
    }

    // Cash in or out of an account through teller1's cash box.
    cs::Status cash(const QString& number, qint64 minor, bool in)
    {
        const qint64 account = idOf(number);
        return m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = u"acc-%1"_s.arg(++m_requests);
            r.kind = in ? u"cash_deposit"_s : u"cash_withdrawal"_s;
            r.branchId = m_teller->branchId;
            r.businessDate = m_teller->businessDate;
            r.staffId = m_teller->staffId;
            r.terminal = m_teller->terminal;
            r.lines = {{in ? m_cashBox : account, 'D', cny(minor), {}}, {in ? account : m_cashBox, 'C', cny(minor), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        });
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        m_teller = *teller;
        auto auditor = m_db.signOn(u"auditor1"_s);
        CS_VERIFY_RESULT(auditor);
        m_auditor = *auditor;
        m_zhang = customer(u"110101198003151239"_s);
        m_li = customer(u"310104199207082467"_s);
        m_huang = customer(u"440305197511220358"_s);
        m_wu = customer(u"510107200101304182"_s);
        m_company = customer(u"91310000MA1FL8X7QN"_s);
        QVERIFY(m_zhang > 0 && m_li > 0 && m_huang > 0 && m_wu > 0 && m_company > 0);
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto box = cs::InternalAccounts::ensureCashBox(uow, m_teller->branchId, m_teller->staffId);
            if (!box)
                return cs::fail(box.error());
            m_cashBox = *box;
            return {};
        }));
        // The cash box needs cash to pay out: from the vault, funded from suspense.
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto ledger = cs::InternalAccounts::ensure(uow, m_teller->branchId);
            if (!ledger)
                return cs::fail(ledger.error());
            cs::PostingRequest r;
            r.requestId = u"acc-setup"_s;
            r.kind = u"opening"_s;
            r.branchId = m_teller->branchId;
            r.businessDate = m_teller->businessDate;
            r.staffId = m_teller->staffId;
            r.terminal = m_teller->terminal;
            r.lines = {{m_cashBox, 'D', cny(100'000'000), {}}, {ledger->suspensePayable, 'C', cny(100'000'000), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        }));
    }
    void cleanupTestCase() { m_db.reset(); }

    void classIOncePerPerson()
    {
        const auto first = open(m_zhang, u"demand"_s, u"I"_s);
        CS_VERIFY_RESULT(first);
        m_zhangI = first->number;
        QVERIFY(cs::AccountNumber::validate(first->number).has_value());
        QVERIFY2(first->number.startsWith(u"600011"_s), qPrintable(first->number)); // 6, branch 0001, demand
        QCOMPARE(first->accountId, idOf(first->number));
        QCOMPARE(m_db.scalar(u"SELECT class FROM accounts WHERE number = '%1'"_s.arg(first->number)).toString(), u"I"_s);
        QCOMPARE(m_db.scalar(u"SELECT opened_on FROM accounts WHERE number = '%1'"_s.arg(first->number)).toString().left(10),
                 m_teller->businessDate.toString(Qt::ISODate));
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'account.open' AND entity_id = '%1' "
                            "AND outcome = 'success'"_s.arg(first->number)),
                 1);

        const qint64 refusedBefore = audits(u"account.open"_s, u"refused"_s);
        expectError(open(m_zhang, u"demand"_s, u"I"_s), u"account.class1_exists"_s, cs::ErrorKind::Refused, u"class"_s);
        QCOMPARE(audits(u"account.open"_s, u"refused"_s), refusedBefore + 1);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE customer_id = %1"_s.arg(m_zhang)), 1);
        // Another person has their own Class I.
        CS_VERIFY_RESULT(open(m_li, u"demand"_s, u"I"_s));
    }

    void classIIAndIIIAreBoundToTheirOwnClassI()
    {
        const auto second = open(m_zhang, u"demand"_s, u"II"_s, m_zhangI);
        CS_VERIFY_RESULT(second);
        QCOMPARE(m_db.count(u"SELECT bound_account_id FROM accounts WHERE number = '%1'"_s.arg(second->number)),
                 idOf(m_zhangI));
        const auto third = open(m_zhang, u"demand"_s, u"iii"_s, u"%1 %2"_s.arg(m_zhangI.left(8), m_zhangI.mid(8)));
        CS_VERIFY_RESULT(third);
        QCOMPARE(m_db.scalar(u"SELECT class FROM accounts WHERE number = '%1'"_s.arg(third->number)).toString(), u"III"_s);
        const auto view = service().show(*m_teller, third->number);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->boundAccount, m_zhangI);

        expectError(open(m_zhang, u"demand"_s, u"II"_s), u"account.bind_required"_s, cs::ErrorKind::Invalid, u"bind"_s);
        const QString liI = m_db.scalar(u"SELECT number FROM accounts WHERE customer_id = %1 AND class = 'I'"_s.arg(m_li)).toString();
        expectError(open(m_zhang, u"demand"_s, u"II"_s, liI), u"account.bind_invalid"_s, cs::ErrorKind::Refused, u"bind"_s);
        expectError(open(m_zhang, u"demand"_s, u"III"_s, second->number), u"account.bind_invalid"_s, cs::ErrorKind::Refused);
        expectError(open(m_huang, u"demand"_s, u"II"_s, m_zhangI), u"account.bind_invalid"_s, cs::ErrorKind::Refused);
        expectError(open(m_wu, u"demand"_s, u"I"_s, m_zhangI), u"account.bind_not_applicable"_s, cs::ErrorKind::Invalid);
        QString typo = m_zhangI;
        typo[15] = QChar(u'0' + (typo[15].digitValue() + 1) % 10);
        expectError(open(m_zhang, u"demand"_s, u"II"_s, typo), u"account.check_digit"_s, cs::ErrorKind::Invalid, u"bind"_s);
    }

    void productsAndCustomerKinds()
    {
        expectError(open(m_huang, u"demand"_s), u"account.class_required"_s, cs::ErrorKind::Invalid, u"class"_s);
        expectError(open(m_huang, u"demand"_s, u"IV"_s), u"account.class_unknown"_s, cs::ErrorKind::Invalid, u"class"_s);
        const auto time = open(m_huang, u"td1y"_s);
        CS_VERIFY_RESULT(time);
        QVERIFY2(time->number.startsWith(u"600012"_s), qPrintable(time->number));
        QCOMPARE(m_db.scalar(u"SELECT maturity_on FROM accounts WHERE number = '%1'"_s.arg(time->number)).toString().left(10),
                 m_teller->businessDate.addMonths(12).toString(Qt::ISODate));
        QCOMPARE(balanceOf(time->number), 0);
        expectError(open(m_huang, u"td1y"_s, u"I"_s), u"account.class_not_applicable"_s, cs::ErrorKind::Invalid);
        const auto corp = open(m_company, u"corp"_s);
        CS_VERIFY_RESULT(corp);
        QVERIFY2(corp->number.startsWith(u"600013"_s), qPrintable(corp->number));
        expectError(open(m_company, u"demand"_s, u"I"_s), u"account.product_customer"_s, cs::ErrorKind::Refused);
        expectError(open(m_company, u"corp"_s, u"I"_s), u"account.class_not_applicable"_s, cs::ErrorKind::Invalid);
        expectError(open(m_huang, u"corp"_s), u"account.product_customer"_s, cs::ErrorKind::Refused);
        expectError(open(m_huang, u"internal"_s), u"account.product_not_offered"_s, cs::ErrorKind::Refused);
        expectError(open(m_huang, u"debit"_s), u"account.product_not_offered"_s, cs::ErrorKind::Refused);
        expectError(open(m_huang, u"gold"_s), u"account.product_unknown"_s, cs::ErrorKind::Invalid, u"product"_s);
        expectError(open(987654, u"demand"_s, u"I"_s), u"customer.not_found"_s, cs::ErrorKind::NotFound, u"customer"_s);
        // An auditor reads accounts but opens none.
        const auto denied = service().open(*m_auditor, {m_huang, u"demand"_s, u"I"_s, {}, {}});
        expectError(denied, u"permission.denied"_s, cs::ErrorKind::Refused);
        CS_VERIFY_RESULT(service().show(*m_auditor, corp->number));
    }

    void sameRequestOpensOneAccount()
    {
        const auto first = open(m_wu, u"demand"_s, u"I"_s, {}, u"open-wu-1"_s);
        CS_VERIFY_RESULT(first);
        const auto again = open(m_wu, u"demand"_s, u"I"_s, {}, u"open-wu-1"_s);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->number, first->number);
        QCOMPARE(again->accountId, first->accountId);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM accounts WHERE customer_id = %1"_s.arg(m_wu)), 1);
    }

    void numbersAreUniqueAndPassTheirCheckDigit()
    {
        auto conn = m_db.db().connection();
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT number FROM accounts"_s));
        QSet<QString> seen;
        while (q.next()) {
            const QString number = q.value(0).toString();
            QVERIFY2(cs::AccountNumber::validate(number).has_value(), qPrintable(number));
            QVERIFY(!seen.contains(number));
            seen.insert(number);
        }
        QVERIFY(seen.size() >= 8);
    }

    void freezeAndUnfreeze()
    {
        const auto opened = open(m_huang, u"demand"_s, u"I"_s);
        CS_VERIFY_RESULT(opened);
        const QString n = opened->number;
        const auto s = service();
        // Bad input changes nothing.
        expectError(s.freeze(*m_teller, n, cs::FreezeMode::Full, u"whim"_s, u"x"_s),
                    u"account.reason_code"_s, cs::ErrorKind::Invalid, u"reason_code"_s);
        expectError(s.freeze(*m_teller, n, cs::FreezeMode::Full, u"judicial"_s, u"  "_s),
                    u"account.reason_empty"_s, cs::ErrorKind::Invalid, u"reason"_s);
        QCOMPARE(stateOf(n), u"normal"_s);

        CS_VERIFY_RESULT(settled(m_db.db(), s.freeze(*m_teller, n, cs::FreezeMode::Debit, u"judicial"_s, u"court order 2024-17"_s)));
        QCOMPARE(stateOf(n), u"frozen"_s);
        auto view = s.show(*m_teller, n);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->freezeMode, u"debit"_s);
        QCOMPARE(view->freezeReason, u"judicial: court order 2024-17"_s);
        QCOMPARE(m_db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'account.freeze' AND entity_id = '%1' "
                             "AND outcome = 'success' ORDER BY id DESC"_s.arg(n)).toString(),
                 u"{\"freeze_mode\":\"debit\",\"freeze_reason\":\"judicial: court order 2024-17\",\"number\":\"%1\","
                 "\"state\":\"frozen\"}"_s.arg(n));
        const auto twice = s.freeze(*m_teller, n, cs::FreezeMode::Full, u"bank"_s, u"again"_s);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, u"account.already_frozen"_s);

        CS_VERIFY_RESULT(settled(m_db.db(), s.unfreeze(*m_teller, n, u"order lifted"_s)));
        QCOMPARE(stateOf(n), u"normal"_s);
        QVERIFY(m_db.scalar(u"SELECT freeze_mode FROM accounts WHERE number = '%1'"_s.arg(n)).isNull());
        const auto notFrozen = s.unfreeze(*m_teller, n, u"again"_s);
        QVERIFY(!notFrozen);
        QCOMPARE(notFrozen.error().code, u"account.not_frozen"_s);
        QCOMPARE(notFrozen.error().kind, cs::ErrorKind::Refused);

        const QString cashBox = m_db.scalar(u"SELECT number FROM accounts WHERE id = %1"_s.arg(m_cashBox)).toString();
        const auto internal = s.freeze(*m_teller, cashBox, cs::FreezeMode::Full, u"bank"_s, u"audit"_s);
        QVERIFY(!internal);
        QCOMPARE(internal.error().code, u"account.internal"_s);
        const QString nobody = *cs::AccountNumber::customer(u"0001", cs::AccountFamily::Demand, 999999);
        const auto missing = s.freeze(*m_teller, nobody, cs::FreezeMode::Full, u"bank"_s, u"x"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, cs::ErrorKind::NotFound);
        const auto denied = s.freeze(*m_auditor, n, cs::FreezeMode::Full, u"bank"_s, u"x"_s);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, u"permission.denied"_s);
    }

    void holdsAtTheEdge()
    {
        const auto opened = open(m_company, u"corp"_s);
        CS_VERIFY_RESULT(opened);
        const QString n = opened->number;
        CS_VERIFY_RESULT(cash(n, 100000, true));
        const auto s = service();
        const auto h1 = s.placeHold(*m_teller, n, cny(60000), u"transfer"_s, u"pending transfer"_s, u"hold-1"_s);
        CS_VERIFY_RESULT(h1);
        auto view = s.show(*m_teller, n);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->balance.minor(), 100000);
        QCOMPARE(view->held.minor(), 60000);
        QCOMPARE(view->available.minor(), 40000);
        QCOMPARE(view->holds.size(), 1);
        QCOMPARE(view->holds.constFirst().id, *h1);
        // The same request id is the same hold.
        const auto again = s.placeHold(*m_teller, n, cny(60000), u"transfer"_s, u"pending transfer"_s, u"hold-1"_s);
        CS_VERIFY_RESULT(again);
        QCOMPARE(*again, *h1);
        // One fen over what is available is refused; exactly what is available is allowed.
        const auto over = s.placeHold(*m_teller, n, cny(40001), u"judicial"_s, u"court"_s, u"hold-2"_s);
        expectError(over, u"hold.insufficient_funds"_s, cs::ErrorKind::Refused, u"amount"_s);
        const auto exact = s.placeHold(*m_teller, n, cny(40000), u"judicial"_s, u"court"_s, u"hold-3"_s);
        CS_VERIFY_RESULT(exact);
        QCOMPARE(s.show(*m_teller, n)->available.minor(), 0);
        expectError(s.placeHold(*m_teller, n, cny(0), u"judicial"_s, u"court"_s, u"hold-4"_s), u"hold.amount"_s,
                    cs::ErrorKind::Invalid, u"amount"_s);
        expectError(s.placeHold(*m_teller, n, cny(1), u"judicial"_s, u"court"_s, {}), u"hold.request_id"_s,
                    cs::ErrorKind::Invalid);
        // A withdrawal cannot touch held money.
        const auto spent = cash(n, 1, false);
        QVERIFY(!spent);
        QCOMPARE(spent.error().code, u"posting.insufficient_funds"_s);

        CS_VERIFY_RESULT(s.releaseHold(*m_teller, *exact));
        QCOMPARE(s.show(*m_teller, n)->available.minor(), 40000);
        const auto releasedTwice = s.releaseHold(*m_teller, *exact);
        QVERIFY(!releasedTwice);
        QCOMPARE(releasedTwice.error().code, u"hold.not_active"_s);
        const auto unknown = s.releaseHold(*m_teller, 999999);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, u"hold.not_found"_s);
        QCOMPARE(unknown.error().kind, cs::ErrorKind::NotFound);
        QCOMPARE(m_db.scalar(u"SELECT state FROM holds WHERE id = %1"_s.arg(*exact)).toString(), u"released"_s);
        QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'account.unfreeze' AND entity_type = 'hold' "
                            "AND entity_id = '%1'"_s.arg(*exact)),
                 2); // the release and the refused second release
    }

    void closeOnlyWhenEmpty()
    {
        const auto opened = open(m_company, u"corp"_s);
        CS_VERIFY_RESULT(opened);
        const QString n = opened->number;
        const auto s = service();
        CS_VERIFY_RESULT(cash(n, 5000, true));
        const auto hold = s.placeHold(*m_teller, n, cny(5000), u"aml"_s, u"review"_s, u"close-hold"_s);
        CS_VERIFY_RESULT(hold);
        const auto withHold = s.close(*m_teller, n, u"customer request"_s);
        QVERIFY(!withHold);
        QCOMPARE(withHold.error().code, u"account.close_holds"_s);
        CS_VERIFY_RESULT(s.releaseHold(*m_teller, *hold));
        // The edge: one fen left is not zero.
        CS_VERIFY_RESULT(cash(n, 4999, false));
        const auto oneFen = s.close(*m_teller, n, u"customer request"_s);
        QVERIFY(!oneFen);
        QCOMPARE(oneFen.error().code, u"account.close_nonzero"_s);
        QCOMPARE(oneFen.error().kind, cs::ErrorKind::Refused);
        CS_VERIFY_RESULT(cash(n, 1, false));
        CS_VERIFY_RESULT(settled(m_db.db(), s.freeze(*m_teller, n, cs::FreezeMode::Full, u"judicial"_s, u"court"_s)));
        const auto frozen = s.close(*m_teller, n, u"customer request"_s);
        QVERIFY(!frozen);
        QCOMPARE(frozen.error().code, u"account.close_frozen"_s);
        CS_VERIFY_RESULT(settled(m_db.db(), s.unfreeze(*m_teller, n, u"lifted"_s)));
        const auto noReason = s.close(*m_teller, n, {});
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code, u"account.reason_empty"_s);
        CS_VERIFY_RESULT(settled(m_db.db(), s.close(*m_teller, n, u"customer request"_s)));
        QCOMPARE(stateOf(n), u"closed"_s);
        QCOMPARE(m_db.scalar(u"SELECT closed_on FROM accounts WHERE number = '%1'"_s.arg(n)).toString().left(10),
                 m_teller->businessDate.toString(Qt::ISODate));
        const auto twice = s.close(*m_teller, n, u"again"_s);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, u"account.already_closed"_s);
        const auto frozenClosed = s.freeze(*m_teller, n, cs::FreezeMode::Full, u"bank"_s, u"x"_s);
        QVERIFY(!frozenClosed);
        QCOMPARE(frozenClosed.error().code, u"account.state"_s);
    }

    void aClassIClosesAfterItsBoundAccountsAndOpensAgain()
    {
        const auto s = service();
        const auto refused = s.close(*m_teller, m_zhangI, u"moving banks"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"account.close_bound"_s);
        auto conn = m_db.db().connection();
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT number FROM accounts WHERE bound_account_id = %1"_s.arg(idOf(m_zhangI))));
        QStringList bound;
        while (q.next())
            bound.append(q.value(0).toString());
        q.finish();
        QCOMPARE(bound.size(), 2);
        for (const QString& n : std::as_const(bound))
            CS_VERIFY_RESULT(settled(m_db.db(), s.close(*m_teller, n, u"moving banks"_s)));
        CS_VERIFY_RESULT(settled(m_db.db(), s.close(*m_teller, m_zhangI, u"moving banks"_s)));
        // One open Class I per person: with the old one closed, a new one may be opened.
        const auto reopened = open(m_zhang, u"demand"_s, u"I"_s);
        CS_VERIFY_RESULT(reopened);
        m_zhangI = reopened->number;
    }

    void showsLimitsUsed()
    {
        const auto second = open(m_zhang, u"demand"_s, u"II"_s, m_zhangI);
        CS_VERIFY_RESULT(second);
        const QDate day = m_teller->businessDate;
        CS_VERIFY_RESULT(m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            for (const auto& [period, start, direction, amount] :
                 {std::tuple{u"day"_s, day, u"in"_s, 300000}, std::tuple{u"day"_s, day, u"out"_s, 1000},
                  std::tuple{u"year"_s, QDate(day.year(), 1, 1), u"in"_s, 900000},
                  std::tuple{u"day"_s, day.addDays(-1), u"in"_s, 77}}) {
                auto inserted = uow.exec(u"INSERT INTO account_limit_usage (account_id, period, period_start, direction, amount) "
                                         "VALUES (?, ?, ?, ?, ?)"_s,
                                         {second->accountId, period, start.toString(Qt::ISODate), direction, qint64(amount)});
                if (!inserted)
                    return cs::fail(inserted.error());
            }
            return {};
        }));
        const auto view = service().show(*m_teller, second->number);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->accountClass, u"II"_s);
        QCOMPARE(view->usedTodayIn.minor(), 300000);
        QCOMPARE(view->usedTodayOut.minor(), 1000);
        QCOMPARE(view->usedYearIn.minor(), 900000);
        QCOMPARE(view->usedYearOut.minor(), 0);
        QCOMPARE(view->currency.code(), u"CNY"_s);
        QCOMPARE(view->state, u"normal"_s);
        QCOMPARE(view->customerId, m_zhang);
        QCOMPARE(view->productCode, u"demand"_s);
        const auto list = service().listForCustomer(*m_teller, m_zhang);
        CS_VERIFY_RESULT(list);
        QCOMPARE(list->size(), 5);
        const QString nobody = *cs::AccountNumber::customer(u"0001", cs::AccountFamily::Demand, 999999);
        expectError(service().show(*m_teller, nobody), u"account.not_found"_s, cs::ErrorKind::NotFound, u"account"_s);
        QString typo = nobody;
        typo[15] = QChar(u'0' + (typo[15].digitValue() + 1) % 10);
        expectError(service().show(*m_teller, typo), u"account.check_digit"_s, cs::ErrorKind::Invalid, u"account"_s);
    }

    void statementPagesWithRunningBalances()
    {
        const auto opened = open(m_li, u"td3m"_s);
        CS_VERIFY_RESULT(opened);
        const QString n = opened->number;
        // 25 movements, with movements of another account in between that must not show.
        QList<qint64> expected;
        qint64 running = 0;
        for (int i = 1; i <= 25; ++i) {
            const bool in = i % 3 != 0;
            const qint64 amount = i * 101;
            CS_VERIFY_RESULT(cash(n, amount, in));
            running += in ? amount : -amount;
            expected.append(running);
            if (i % 5 == 0)
                CS_VERIFY_RESULT(cash(m_zhangI, 1, true));
        }
        const auto s = service();
        const auto count = s.statementLineCount(*m_teller, n, {}, {});
        CS_VERIFY_RESULT(count);
        QCOMPARE(*count, 25);
        QList<qint64> seen;
        qint64 after = 0;
        int pages = 0;
        for (;;) {
            const auto page = s.statement(*m_teller, n, {}, {}, after, 10);
            CS_VERIFY_RESULT(page);
            ++pages;
            for (const cs::StatementLine& line : page->lines) {
                seen.append(line.balanceAfter.minor());
                QVERIFY(line.lineId > after);
                QCOMPARE(line.businessDate, m_teller->businessDate);
                QCOMPARE(line.side, seen.size() % 3 == 0 ? 'D' : 'C');
                QCOMPARE(line.amount.minor(), qint64(seen.size()) * 101);
            }
            after = page->lastLineId;
            if (page->atEnd)
                break;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, expected);
        QCOMPARE(expected.constLast(), balanceOf(n));

        // A page that starts in the middle sums the lines before it, or takes the balance it is given.
        const auto first = s.statement(*m_teller, n, {}, {}, 0, 7);
        CS_VERIFY_RESULT(first);
        QVERIFY(!first->atEnd);
        const auto middle = s.statement(*m_teller, n, {}, {}, first->lastLineId, 7);
        CS_VERIFY_RESULT(middle);
        const auto given = s.statement(*m_teller, n, {}, {}, first->lastLineId, 7, first->lines.constLast().balanceAfter);
        CS_VERIFY_RESULT(given);
        QCOMPARE(middle->lines.size(), 7);
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(middle->lines.at(i).balanceAfter.minor(), expected.at(7 + i));
            QCOMPARE(given->lines.at(i).balanceAfter.minor(), expected.at(7 + i));
        }

        // Periods: today holds everything, tomorrow nothing, a reversed period is refused.
        const QDate today = m_teller->businessDate;
        QCOMPARE(*s.statementLineCount(*m_teller, n, today, today), 25);
        QCOMPARE(*s.statementLineCount(*m_teller, n, today.addDays(1), {}), 0);
        const auto empty = s.statement(*m_teller, n, today.addDays(1), {}, 0, 10);
        CS_VERIFY_RESULT(empty);
        QVERIFY(empty->lines.isEmpty());
        QVERIFY(empty->atEnd);
        const auto reversed = s.statement(*m_teller, n, today, today.addDays(-1), 0, 10);
        expectError(reversed, u"statement.range"_s, cs::ErrorKind::Invalid, u"to"_s);
        // An auditor reads statements too.
        CS_VERIFY_RESULT(s.statement(*m_auditor, n, {}, {}, 0, 5));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
