// The reports on prepared days, against figures worked out by hand (issue 7), on SQLite and PostgreSQL.
// Day 1: the vault funded, two tellers' cash (one over, one short, both approved), an intra-bank and an
// interbank transfer (fee), a large cash deposit and a freeze left pending. Day 2: interest credited,
// merchant payments (settled at once, delayed, authorised) and a time deposit placed; day 3: its early
// withdrawal. The branch date moves with BranchRepository::advanceBusinessDate (end of day is not the
// subject here). Every report's CSV totals row equals the sum of its rows, its JSON has the header.
#include "reports/reportservice.h"
#include "services/merchantservice.h"
#include "services/transferservice.h"
#include "support/approvals.h"
#include "support/eodfixture.h"

#include <QJsonArray>

using namespace cs::test;

namespace {

const QString zhangId = u"110101198003151239"_s;
const QString liId = u"310104199207082467"_s;
const QString techId = u"91440300MA5G2KJH4N"_s;

const QStringList allReports = {u"teller-journal"_s, u"teller-balancing"_s, u"cash-position"_s, u"daily-journal"_s,
                                u"trial-balance"_s, u"merchant-settlement"_s, u"fee-income"_s, u"interest-paid"_s,
                                u"large-value"_s, u"approvals"_s, u"audit"_s, u"statistics"_s};

// RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

// "1234.56" or "-0.05" in fen; integers as they are.
qint64 minorOf(const QString& text, bool money)
{
    if (text.isEmpty())
        return 0;
    if (!money)
        return text.toLongLong();
    const bool negative = text.startsWith(u'-');
    const QString digits = negative ? text.mid(1) : text;
    const qint64 value = digits.section(u'.', 0, 0).toLongLong() * 100 + digits.section(u'.', 1, 1).toLongLong();
    return negative ? -value : value;
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT

private:
    EodFixture f;
    std::optional<cs::Session> auditor;
    QDate day1;
    QDate day2;
    QDate day3;
    QString m_zhang;
    QString m_li;
    QString m_tech;
    QString m_deposit;
    qint64 m_overApproval = 0;
    std::optional<cs::ReportTable> m_openBalancing; // teller1's balancing while the box was open

    cs::Result<cs::ReportTable> run(const cs::Session& who, const QString& name, const QDate& from, const QDate& to = {},
                                    const QHash<QString, QString>& options = {})
    {
        return cs::ReportService(f.db.db()).run(who, {name, from, to, options});
    }
    static QVariant cell(const cs::ReportTable& t, qsizetype row, const QString& key)
    {
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            if (t.columns.at(i).key == key)
                return t.rows.value(row).value(i);
        }
        return u"<no column %1>"_s.arg(key);
    }
    static QVariant total(const cs::ReportTable& t, const QString& key)
    {
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            if (t.columns.at(i).key == key)
                return t.totals.value(i);
        }
        return u"<no column %1>"_s.arg(key);
    }
    // The row whose `key` cell is `value` (-1: none).
    static qsizetype rowWhere(const cs::ReportTable& t, const QString& key, const QVariant& value)
    {
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            if (cell(t, r, key) == value)
                return r;
        }
        return -1;
    }
    static qint64 money(const cs::ReportTable& t, qsizetype row, const QString& key)
    {
        return cell(t, row, key).toLongLong();
    }

    cs::Status prepare()
    {
        if (auto made = f.create(); !made)
            return made;
        auto a = f.db.signOn(u"auditor1"_s, QString::fromUtf16(DemoDb::password), u"A01"_s);
        if (!a)
            return cs::fail(a.error());
        auditor = *a;
        day1 = f.today();
        day2 = day1.addDays(1);
        day3 = day1.addDays(2);
        const auto step = [](const auto& result) -> cs::Status {
            if (!result)
                return cs::fail(result.error());
            return {};
        };
        // Day 1 -----------------------------------------------------------------------------------------
        if (auto s = f.fundVault(100'000'000); !s) // ¥1,000,000.00
            return s;
        auto zhang = f.classI(zhangId);
        auto li = f.classI(liId);
        auto tech = f.open(techId, u"corp"_s);
        if (!zhang || !li || !tech)
            return cs::fail(!zhang ? zhang.error() : !li ? li.error() : tech.error());
        m_zhang = *zhang;
        m_li = *li;
        m_tech = *tech;
        if (auto s = step(f.openBox(5'000'000)); !s) // teller1 ¥50,000
            return s;
        if (auto s = step(f.openBox(3'000'000, &*f.teller2)); !s) // teller2 ¥30,000
            return s;
        for (const auto& [number, minor] : {std::pair{m_zhang, 2'000'000}, std::pair{m_li, 860'000}})
            if (auto s = step(f.deposit(number, minor)); !s)
                return s;
        if (auto s = step(f.CashFixture::withdraw(m_zhang, 120'000)); !s)
            return s;
        cs::DueDiligence dd;
        dd.sourceOfFunds = u"sale of a car"_s;
        dd.idCopyRef = u"SCAN-REPORTS-1"_s;
        if (auto s = step(f.deposit(m_li, 6'000'000, {}, dd, &*f.teller2)); !s) // large value
            return s;
        if (auto s = step(f.CashFixture::withdraw(m_li, 50'000, {}, {}, &*f.teller2)); !s)
            return s;
        const cs::TransferService transfers(f.db.db());
        cs::TransferRequest intra;
        intra.fromAccount = m_zhang;
        intra.toAccount = m_li;
        intra.amount = cny(100'000);
        intra.requestId = CashFixture::newId();
        if (auto s = step(transfers.enter(*f.teller, intra)); !s)
            return s;
        cs::TransferRequest interbank;
        interbank.fromAccount = m_zhang;
        interbank.toBankCode = u"102100099996"_s;
        interbank.toAccount = u"6222020200112233445"_s;
        interbank.toName = u"王芳"_s;
        interbank.amount = cny(200'000); // fee ¥5.00
        interbank.requestId = CashFixture::newId();
        auto sent = transfers.enter(*f.teller, interbank);
        if (!sent)
            return cs::fail(sent.error());
        if (auto s = step(approveAsSupervisor(f.db.db(), sent->approvalId)); !s)
            return s;
        auto frozen = cs::AccountService(f.db.db()).freeze(*f.teller, m_li, cs::FreezeMode::Full, u"judicial"_s,
                                                             u"court order"_s, CashFixture::newId());
        if (!frozen)
            return cs::fail(frozen.error());
        // The teller's balancing at any time of day: the box still open.
        auto open = run(*f.teller, u"teller-balancing"_s, day1);
        if (!open)
            return cs::fail(open.error());
        m_openBalancing = *open;
        // teller1 counts ¥10.00 over, teller2 ¥5.00 short: each waits for a supervisor.
        const cs::CashBoxService boxes(f.db.db());
        auto over = boxes.close(*f.teller, cny(7'741'000), CashFixture::newId());
        if (!over)
            return cs::fail(over.error());
        m_overApproval = over->approvalId;
        if (auto s = step(approveAsSupervisor(f.db.db(), over->approvalId)); !s)
            return s;
        auto shortage = boxes.close(*f.teller2, cny(8'949'500), CashFixture::newId());
        if (!shortage)
            return cs::fail(shortage.error());
        if (auto s = step(approveAsSupervisor(f.db.db(), shortage->approvalId)); !s)
            return s;

        // Day 2 -----------------------------------------------------------------------------------------
        if (auto s = f.moveTo(day2); !s)
            return s;
        // Interest as the end of day credits it (eodsteps.cpp: interest expense against the accounts).
        const cs::Status interest = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.kind = u"interest"_s;
            r.branchId = f.super->branchId;
            r.businessDate = day2;
            r.staffId = f.super->staffId;
            r.terminal = f.super->terminal;
            r.lines = {{f.ledger.interestExpense, 'D', cny(1'234), {}},
                       {f.idOf(m_zhang), 'C', cny(1'000), {}},
                       {f.idOf(m_li), 'C', cny(234), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        });
        if (!interest)
            return interest;
        const cs::MerchantService merchants(f.db.db());
        cs::NewMerchantRequest m;
        m.name = u"示范科技网店"_s;
        m.customerId = f.customer(techId);
        m.settlementAccount = m_tech;
        m.contract.feePlan = u"b2c"_s;
        m.contract.feeRateBp = 25;
        m.contract.cycle = u"t0_realtime"_s;
        m.requestId = CashFixture::newId();
        auto merchant = merchants.add(*f.super, m);
        if (!merchant)
            return cs::fail(merchant.error());
        const auto pay = [&](const QString& order, const QString& payer, qint64 minor, const QString& mode,
                             const QString& channel) {
            cs::PaymentRequest p;
            p.merchantId = merchant->id;
            p.orderNumber = order;
            p.mode = mode;
            p.payerAccount = payer;
            p.amount = cny(minor);
            p.channel = channel;
            p.requestId = CashFixture::newId();
            return step(merchants.pay(*f.teller, p));
        };
        if (auto s = pay(u"R-1"_s, m_zhang, 100'000, u"immediate"_s, u"online"_s); !s) // settled: fee 2.50
            return s;
        if (auto s = pay(u"R-2"_s, m_zhang, 50'000, u"delayed"_s, u"pos"_s); !s) // waits for the day's end
            return s;
        if (auto s = pay(u"R-3"_s, m_zhang, 30'000, u"authorised"_s, u"online"_s); !s) // held only
            return s;
        auto deposit = f.open(zhangId, u"td1y"_s);
        if (!deposit)
            return cs::fail(deposit.error());
        m_deposit = *deposit;
        if (auto s = step(f.place(m_deposit, m_zhang, 1'000'000, false)); !s) // ¥10,000
            return s;

        // Day 3: the deposit taken back after one day at the demand rate 0.35%: 1,000,000 x 35 / 3,600,000
        // = 9.72 fen, ¥0.10.
        if (auto s = f.moveTo(day3); !s)
            return s;
        return step(f.withdraw(m_deposit));
    }

private slots:
    void initTestCase() { CS_VERIFY_RESULT(prepare()); }
    void cleanupTestCase() { f.db.reset(); }

    void cashBoxBalancingWhileOpen()
    {
        QVERIFY(m_openBalancing);
        const cs::ReportTable& t = *m_openBalancing;
        QCOMPARE(t.rows.size(), 1); // teller1's own box only
        QCOMPARE(cell(t, 0, u"teller"_s).toString(), u"teller1"_s);
        QCOMPARE(cell(t, 0, u"state"_s).toString(), u"open"_s);
        QCOMPARE(money(t, 0, u"opening"_s), 0);
        QCOMPARE(money(t, 0, u"cash_in"_s), 7'860'000);  // 50,000 + 20,000 + 8,600
        QCOMPARE(money(t, 0, u"cash_out"_s), 120'000);
        QCOMPARE(money(t, 0, u"closing"_s), 7'740'000);
        QVERIFY(cell(t, 0, u"counted"_s).isNull());
    }

    void tellerBalancingWithAnOverAndAShort()
    {
        auto t = run(*f.super, u"teller-balancing"_s, day1, {}, {{u"teller"_s, u"*"_s}});
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->rows.size(), 2);
        QCOMPARE(cell(*t, 0, u"teller"_s).toString(), u"teller1"_s);
        QCOMPARE(cell(*t, 0, u"state"_s).toString(), u"closed"_s);
        QCOMPARE(money(*t, 0, u"cash_in"_s), 7'860'000);
        QCOMPARE(money(*t, 0, u"cash_out"_s), 120'000);
        QCOMPARE(money(*t, 0, u"closing"_s), 7'740'000);
        QCOMPARE(money(*t, 0, u"counted"_s), 7'741'000);
        QCOMPARE(money(*t, 0, u"over"_s), 1'000);
        QCOMPARE(money(*t, 0, u"short"_s), 0);
        QCOMPARE(cell(*t, 1, u"teller"_s).toString(), u"teller2"_s);
        QCOMPARE(money(*t, 1, u"cash_in"_s), 9'000'000);  // 30,000 + 60,000
        QCOMPARE(money(*t, 1, u"cash_out"_s), 50'000);
        QCOMPARE(money(*t, 1, u"closing"_s), 8'950'000);
        QCOMPARE(money(*t, 1, u"counted"_s), 8'949'500);
        QCOMPARE(money(*t, 1, u"over"_s), 0);
        QCOMPARE(money(*t, 1, u"short"_s), 500);
        // Overs and shorts are never netted.
        QCOMPARE(total(*t, u"over"_s).toLongLong(), 1'000);
        QCOMPARE(total(*t, u"short"_s).toLongLong(), 500);
        QCOMPARE(total(*t, u"closing"_s).toLongLong(), 16'690'000);

        // A teller runs it for themselves: teller2 sees their own box only.
        auto own = run(*f.teller2, u"teller-balancing"_s, day1);
        CS_VERIFY_RESULT(own);
        QCOMPARE(own->rows.size(), 1);
        QCOMPARE(money(*own, 0, u"short"_s), 500);
    }

    void tellerJournal()
    {
        auto t = run(*f.teller2, u"teller-journal"_s, day1);
        CS_VERIFY_RESULT(t);
        // vault to teller, deposit, withdrawal, short, cash back to the vault.
        QCOMPARE(t->rows.size(), 5);
        QCOMPARE(cell(*t, 1, u"kind"_s).toString(), u"Cash deposit"_s);
        QCOMPARE(cell(*t, 1, u"account"_s).toString(), m_li);
        QCOMPARE(cell(*t, 1, u"holder"_s).toString(), u"李娜"_s);
        QCOMPARE(money(*t, 1, u"amount"_s), 6'000'000);
        QCOMPARE(total(*t, u"cash_in"_s).toLongLong(), 9'000'000);
        QCOMPARE(total(*t, u"cash_out"_s).toLongLong(), 9'000'000); // 500 + 5 short + 89,495 returned
        QCOMPARE(total(*t, u"amount"_s).toLongLong(), 3'000'000 + 6'000'000 + 50'000 + 500 + 8'949'500);
        for (qsizetype r = 0; r < t->rows.size(); ++r)
            QCOMPARE(cell(*t, r, u"teller"_s).toString(), u"teller2"_s);
    }

    void cashPosition()
    {
        auto t = run(*auditor, u"cash-position"_s, day1);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->rows.size(), 3); // the vault, teller1's box, teller2's box
        QCOMPARE(cell(*t, 0, u"holder"_s).toString(), u"Vault"_s);
        QCOMPARE(money(*t, 0, u"opening"_s), 0);
        QCOMPARE(money(*t, 0, u"cash_in"_s), 100'000'000 + 7'741'000 + 8'949'500);
        QCOMPARE(money(*t, 0, u"cash_out"_s), 8'000'000);
        QCOMPARE(money(*t, 0, u"closing"_s), 108'690'500);
        QCOMPARE(money(*t, 1, u"closing"_s), 0);
        QCOMPARE(money(*t, 2, u"closing"_s), 0);
        QCOMPARE(total(*t, u"closing"_s).toLongLong(), 108'690'500);
        QCOMPARE(t->chart, cs::ReportChart::Pie);
        // Later days moved no cash: day 3 opens and closes with what day 1 left.
        auto later = run(*auditor, u"cash-position"_s, day3);
        CS_VERIFY_RESULT(later);
        QCOMPARE(money(*later, 0, u"opening"_s), 108'690'500);
        QCOMPARE(money(*later, 0, u"closing"_s), 108'690'500);
    }

    void dailyJournalBalances()
    {
        auto t = run(*auditor, u"daily-journal"_s, day1);
        CS_VERIFY_RESULT(t);
        // 14 transactions: 13 of two lines, the interbank transfer of three (payer, clearing, fee).
        QCOMPARE(t->rows.size(), 29);
        QCOMPARE(total(*t, u"debit"_s).toLongLong(), 134'022'500);
        QCOMPARE(total(*t, u"credit"_s).toLongLong(), 134'022'500);
        QVERIFY(t->notes.contains(u"Debits equal credits: yes."_s));
    }

    void trialBalanceDebitsEqualCredits()
    {
        auto t = run(*auditor, u"trial-balance"_s, day1);
        CS_VERIFY_RESULT(t);
        const qsizetype demand = rowWhere(*t, u"group"_s, u"demand"_s);
        QVERIFY(demand >= 0);
        QCOMPARE(money(*t, demand, u"debits"_s), 470'500);     // 1,200 + 500 + 1,000 + 2,005
        QCOMPARE(money(*t, demand, u"credits"_s), 8'960'000);  // 20,000 + 8,600 + 60,000 + 1,000
        QCOMPARE(money(*t, demand, u"closing_credit"_s), 8'489'500);
        const qsizetype vault = rowWhere(*t, u"group"_s, u"vault"_s);
        QCOMPARE(money(*t, vault, u"closing_debit"_s), 108'690'500);
        QCOMPARE(money(*t, rowWhere(*t, u"group"_s, u"clearing"_s), u"closing_credit"_s), 100'200'000);
        QCOMPARE(money(*t, rowWhere(*t, u"group"_s, u"fee_income"_s), u"closing_credit"_s), 500);
        QCOMPARE(money(*t, rowWhere(*t, u"group"_s, u"suspense_payable"_s), u"closing_credit"_s), 1'000);
        QCOMPARE(money(*t, rowWhere(*t, u"group"_s, u"suspense_receivable"_s), u"closing_debit"_s), 500);
        QCOMPARE(money(*t, rowWhere(*t, u"group"_s, u"cash_box"_s), u"closing_debit"_s), 0);
        QCOMPARE(total(*t, u"debits"_s).toLongLong(), 134'022'500);
        QCOMPARE(total(*t, u"credits"_s).toLongLong(), 134'022'500);
        QCOMPARE(total(*t, u"closing_debit"_s).toLongLong(), 108'691'000);
        QCOMPARE(total(*t, u"closing_credit"_s).toLongLong(), 108'691'000);
        QVERIFY(t->notes.contains(u"Balanced: yes."_s));

        // Over the three days the opening of day 2 is day 1's closing, and it still balances.
        auto later = run(*auditor, u"trial-balance"_s, day2, day3);
        CS_VERIFY_RESULT(later);
        QCOMPARE(total(*later, u"opening_debit"_s).toLongLong(), 108'691'000);
        QCOMPARE(total(*later, u"debits"_s), total(*later, u"credits"_s));
        QCOMPARE(total(*later, u"closing_debit"_s), total(*later, u"closing_credit"_s));
        QVERIFY(later->notes.contains(u"Balanced: yes."_s));
    }

    void feeIncome()
    {
        auto t = run(*auditor, u"fee-income"_s, day1, day3);
        CS_VERIFY_RESULT(t);
        const qsizetype interbank = rowWhere(*t, u"kind"_s, u"interbank_transfer"_s);
        QVERIFY(interbank >= 0);
        QCOMPARE(money(*t, interbank, u"fees"_s), 500);
        QCOMPARE(money(*t, interbank, u"transactions"_s), 1);
        const qsizetype merchant = rowWhere(*t, u"kind"_s, u"merchant_settlement"_s);
        QVERIFY(merchant >= 0);
        QCOMPARE(money(*t, merchant, u"fees"_s), 250); // 0.25% of ¥1,000.00
        QCOMPARE(t->rows.size(), 2);
        QCOMPARE(total(*t, u"net"_s).toLongLong(), 750);
    }

    void largeValue()
    {
        auto t = run(*auditor, u"large-value"_s, day1);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->rows.size(), 1);
        QCOMPARE(cell(*t, 0, u"customer"_s).toString(), u"李娜"_s);
        QCOMPARE(cell(*t, 0, u"criterion"_s).toString(), u"Cash"_s);
        QCOMPARE(cell(*t, 0, u"direction"_s).toString(), u"in"_s);
        QCOMPARE(money(*t, 0, u"amount"_s), 6'000'000);
        QCOMPARE(money(*t, 0, u"day_total"_s), 6'860'000); // with teller1's ¥8,600 the same day
        QCOMPARE(total(*t, u"amount"_s).toLongLong(), 6'000'000);
    }

    void approvalsPendingAndDecided()
    {
        auto t = run(*auditor, u"approvals"_s, day1);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->rows.size(), 4); // interbank transfer, freeze (pending), over, short
        QCOMPARE(cell(*t, 1, u"state"_s).toString(), u"pending"_s);
        QCOMPARE(cell(*t, 1, u"maker"_s).toString(), u"teller1"_s);
        QVERIFY(cell(*t, 1, u"checker"_s).isNull());
        const qsizetype over = rowWhere(*t, u"id"_s, m_overApproval);
        QCOMPARE(cell(*t, over, u"state"_s).toString(), u"approved"_s);
        QCOMPARE(cell(*t, over, u"checker"_s).toString(), u"super1"_s);
        QCOMPARE(money(*t, over, u"amount"_s), 1'000);
        QVERIFY(cell(*t, over, u"decided_at"_s).toDateTime().isValid());
        QCOMPARE(total(*t, u"amount"_s).toLongLong(), 200'000 + 1'000 + 500);
        // Still pending the next day: listed there too.
        auto next = run(*auditor, u"approvals"_s, day2);
        CS_VERIFY_RESULT(next);
        QCOMPARE(next->rows.size(), 1);
        QCOMPARE(cell(*next, 0, u"state"_s).toString(), u"pending"_s);
    }

    void auditSearch()
    {
        auto deposits = run(*auditor, u"audit"_s, day1, {}, {{u"query"_s, u"cash.deposit"_s}});
        CS_VERIFY_RESULT(deposits);
        QCOMPARE(deposits->rows.size(), 3);
        auto cash = run(*auditor, u"audit"_s, day1, {}, {{u"query"_s, u"cash"_s}});
        CS_VERIFY_RESULT(cash);
        QCOMPARE(cash->rows.size(), 5); // 3 deposits, 2 withdrawals; no cash box records
        auto byStaff = run(*auditor, u"audit"_s, day1, {}, {{u"query"_s, u"teller2"_s}});
        CS_VERIFY_RESULT(byStaff);
        for (qsizetype r = 0; r < byStaff->rows.size(); ++r)
            QCOMPARE(cell(*byStaff, r, u"staff"_s).toString(), u"teller2"_s);
        QVERIFY(byStaff->rows.size() >= 5); // open, deposit, withdrawal, close (twice: pending, then done)
        auto entity = run(*auditor, u"audit"_s, day1, {}, {{u"query"_s, u"approval"_s}});
        CS_VERIFY_RESULT(entity);
        QVERIFY(entity->rows.size() >= 3);
    }

    void interestPaid()
    {
        auto t = run(*auditor, u"interest-paid"_s, day2, day3);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->rows.size(), 3);
        QCOMPARE(money(*t, rowWhere(*t, u"account"_s, m_zhang), u"interest"_s), 1'000);
        QCOMPARE(money(*t, rowWhere(*t, u"account"_s, m_li), u"interest"_s), 234);
        const qsizetype deposit = rowWhere(*t, u"account"_s, m_deposit);
        QCOMPARE(money(*t, deposit, u"interest"_s), 10);
        QCOMPARE(cell(*t, deposit, u"product"_s).toString(), u"td1y"_s);
        QCOMPARE(total(*t, u"interest"_s).toLongLong(), 1'244);
    }

    void merchantSettlement()
    {
        auto t = run(*auditor, u"merchant-settlement"_s, day2);
        CS_VERIFY_RESULT(t);
        QCOMPARE(t->rows.size(), 1);
        QCOMPARE(money(*t, 0, u"payments"_s), 1);
        QCOMPARE(money(*t, 0, u"gross"_s), 100'000);
        QCOMPARE(money(*t, 0, u"fees"_s), 250);
        QCOMPARE(money(*t, 0, u"refunds"_s), 0);
        QCOMPARE(money(*t, 0, u"net"_s), 99'750);
        QCOMPARE(total(*t, u"net"_s).toLongLong(), 99'750);
    }

    void statistics()
    {
        auto channel = run(*auditor, u"statistics"_s, day1, day3);
        CS_VERIFY_RESULT(channel);
        QCOMPARE(channel->rows.size(), 2);
        const qsizetype online = rowWhere(*channel, u"channel"_s, u"Online"_s);
        QCOMPARE(money(*channel, online, u"payments"_s), 2);
        QCOMPARE(money(*channel, online, u"amount"_s), 130'000); // settled ¥1,000 and authorised ¥300
        const qsizetype pos = rowWhere(*channel, u"channel"_s, u"POS"_s);
        QCOMPARE(money(*channel, pos, u"amount"_s), 50'000);
        QCOMPARE(cell(*channel, pos, u"period"_s).toString(), day2.toString(Qt::ISODate));
        QCOMPARE(channel->chart, cs::ReportChart::Line);
        QCOMPARE(channel->series.size(), 2);

        auto mode = run(*auditor, u"statistics"_s, day1, day3,
                        {{u"dimension"_s, u"mode"_s}, {u"granularity"_s, u"year"_s}});
        CS_VERIFY_RESULT(mode);
        QCOMPARE(mode->rows.size(), 3);
        QCOMPARE(mode->chart, cs::ReportChart::Bar);
        QCOMPARE(total(*mode, u"payments"_s).toLongLong(), 3);
        QCOMPARE(total(*mode, u"amount"_s).toLongLong(), 180'000);

        auto type = run(*auditor, u"statistics"_s, day1, day3, {{u"dimension"_s, u"account_type"_s}});
        CS_VERIFY_RESULT(type);
        QCOMPARE(type->rows.size(), 1);
        QCOMPARE(cell(*type, 0, u"account_type"_s).toString(), u"Demand account"_s);

        CS_EXPECT_ERROR(run(*auditor, u"statistics"_s, day1, {}, {{u"granularity"_s, u"week"_s}}), "report.option",
                        cs::ErrorKind::Invalid, "granularity");
        CS_EXPECT_ERROR(run(*auditor, u"statistics"_s, day1, {}, {{u"dimension"_s, u"colour"_s}}), "report.option",
                        cs::ErrorKind::Invalid, "dimension");
    }

    // Every report: the CSV's totals row is the sum of its rows, the JSON has the header.
    void csvTotalsAndJsonHeader_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : allReports)
            QTest::newRow(qPrintable(name)) << name;
    }
    void csvTotalsAndJsonHeader()
    {
        QFETCH(QString, name);
        auto t = run(*auditor, name, day1, day3, {{u"teller"_s, u"*"_s}});
        CS_VERIFY_RESULT(t);
        QVERIFY2(!t->rows.isEmpty(), "every report has rows on the prepared days");
        const QByteArray csv = cs::reportCsv(*t);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(csv.mid(3)));
        qsizetype keysAt = 0;
        while (keysAt < records.size() && records.at(keysAt).value(0).startsWith(u"# "_s))
            ++keysAt;
        QVERIFY(records.contains(QStringList{u"# report: "_s + name}));
        QVERIFY(records.contains(QStringList{u"# branch: 0001"_s}));
        QVERIFY(records.contains(QStringList{u"# staff: auditor1"_s}));
        QVERIFY(records.contains(QStringList{u"# from: "_s + day1.toString(Qt::ISODate)}));
        QVERIFY(records.contains(QStringList{u"# to: "_s + day3.toString(Qt::ISODate)}));
        const QStringList keys = records.at(keysAt);
        QCOMPARE(keys.size(), t->columns.size());
        const QStringList totals = records.constLast();
        QCOMPARE(totals.value(0), u"total"_s);
        QCOMPARE(records.size() - keysAt - 2, t->rows.size());
        int summed = 0;
        for (qsizetype c = 0; c < t->columns.size(); ++c) {
            const cs::ReportColumn& column = t->columns.at(c);
            QCOMPARE(keys.at(c), column.key);
            if (!column.summed)
                continue;
            ++summed;
            const bool isMoney = column.kind == cs::ReportColumnKind::Money;
            qint64 sum = 0;
            for (qsizetype r = keysAt + 1; r < records.size() - 1; ++r)
                sum += minorOf(records.at(r).value(c), isMoney);
            QCOMPARE(minorOf(totals.value(c), isMoney), sum);
            QCOMPARE(t->totals.value(c).toLongLong(), sum);
        }
        QVERIFY(summed > 0 || name == u"audit"_s);

        const QJsonObject json = cs::reportJson(*t);
        for (const QString& key : {u"report"_s, u"title"_s, u"branch"_s, u"branch_name"_s, u"from"_s, u"to"_s,
                                   u"generated_at"_s, u"staff"_s, u"staff_name"_s, u"currency"_s, u"columns"_s,
                                   u"rows"_s, u"totals"_s, u"notes"_s})
            QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(json.value(u"report"_s).toString(), name);
        QCOMPARE(json.value(u"branch"_s).toString(), u"0001"_s);
        QCOMPARE(json.value(u"staff"_s).toString(), u"auditor1"_s);
        QCOMPARE(json.value(u"rows"_s).toArray().size(), t->rows.size());
        for (const cs::ReportColumn& column : std::as_const(t->columns)) {
            if (column.kind == cs::ReportColumnKind::Money && column.summed)
                QVERIFY(json.value(u"totals"_s).toObject().value(column.key).isString()); // "1234.56"
        }
    }

    void tellerIsRefusedOthersAndOtherReports()
    {
        CS_EXPECT_ERROR(run(*f.teller, u"teller-journal"_s, day1, {}, {{u"teller"_s, u"teller2"_s}}),
                        "report.own_only", cs::ErrorKind::Refused, "teller");
        CS_EXPECT_ERROR(run(*f.teller, u"teller-balancing"_s, day1, {}, {{u"teller"_s, u"*"_s}}), "report.own_only",
                        cs::ErrorKind::Refused, "teller");
        for (const QString& name : allReports) {
            if (name == u"teller-journal"_s || name == u"teller-balancing"_s)
                continue;
            CS_EXPECT_ERROR(run(*f.teller, name, day1), "permission.denied", cs::ErrorKind::Refused, "");
        }
        auto own = run(*f.teller, u"teller-journal"_s, day1, {}, {{u"teller"_s, u"teller1"_s}});
        CS_VERIFY_RESULT(own);
        QVERIFY(!own->rows.isEmpty());
        // A supervisor reads any teller's.
        auto other = run(*f.super, u"teller-journal"_s, day1, {}, {{u"teller"_s, u"teller2"_s}});
        CS_VERIFY_RESULT(other);
        QCOMPARE(other->rows.size(), 5);
        CS_EXPECT_ERROR(run(*f.super, u"teller-journal"_s, day1, {}, {{u"teller"_s, u"nobody"_s}}),
                        "report.teller_unknown", cs::ErrorKind::NotFound, "teller");
    }

    void auditorReadsEverythingAndChangesNothing()
    {
        const QString before = dumpEveryTable(f.db.db());
        for (const QString& name : allReports)
            CS_VERIFY_RESULT(run(*auditor, name, day1, day3));
        QCOMPARE(dumpEveryTable(f.db.db()), before);
    }

    void badRequests()
    {
        CS_EXPECT_ERROR(run(*auditor, u"balance-sheet"_s, day1), "report.unknown", cs::ErrorKind::Invalid, "name");
        CS_EXPECT_ERROR(run(*auditor, u"audit"_s, QDate()), "report.period", cs::ErrorKind::Invalid, "from");
        CS_EXPECT_ERROR(run(*auditor, u"audit"_s, day2, day1), "report.period", cs::ErrorKind::Invalid, "to");
        QCOMPARE(cs::reportCatalogue().size(), allReports.size());
        for (qsizetype i = 0; i < allReports.size(); ++i)
            QCOMPARE(cs::reportCatalogue().at(i).name, allReports.at(i));
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
