#include "services/demoledger.h"

#include "ledger/postingengine.h"
#include "money/amountparser.h"
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/cashservice.h"
#include "services/internalaccounts.h"
#include "services/noticeservice.h"
#include "storage/accountrepository.h"
#include "storage/branchrepository.h"
#include "storage/customerrepository.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString terminal = u"DEMO"_s;
const QString dayCloser = u"super1"_s;

Error malformed(const QString& what)
{
    return Error::internal(u"demo.malformed"_s,
                           QCoreApplication::translate("cs::DemoData", "The demo data is malformed: %1").arg(what));
}

Result<Money> amountOf(const QJsonObject& o, const QString& key)
{
    auto money = parseAmount(o.value(key).toString(), Currency::cny());
    if (!money)
        return fail(malformed(key + u": "_s + money.error().message));
    return *money;
}

// Where the branch stands, read in a transaction of its own.
struct BranchState {
    qint64 id = 0;
    QDate businessDate;
    QDate firstDate;
};

Result<BranchState> branchState(const Database& db, const QString& code)
{
    BranchState state;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            BranchRepository branches(uow);
            auto id = branches.idOf(code);
            if (!id)
                return fail(id.error());
            if (!id->has_value())
                return fail(malformed(u"branch "_s + code));
            state.id = **id;
            AccountRepository accounts(uow);
            auto branch = accounts.branch(state.id);
            if (!branch)
                return fail(branch.error());
            state.businessDate = (*branch)->businessDate;
            auto first = branches.firstBusinessDate(state.id);
            if (!first)
                return fail(first.error());
            state.firstDate = *first;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return state;
}

} // namespace

Result<Session> DemoLedger::session(const Database& db, const QString& login, const QDate& businessDate)
{
    std::optional<Session> found;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto staff = StaffRepository(uow).findByLogin(login);
            if (!staff)
                return fail(staff.error());
            if (!staff->has_value())
                return fail(malformed(u"staff "_s + login));
            found = (*staff)->session;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    found->terminal = terminal;
    found->businessDate = businessDate;
    return *found;
}

namespace {

Result<QHash<QString, QString>> openAccounts(const Database& db, const QJsonArray& specs, const Session& teller)
{
    QHash<QString, QString> numbers; // key -> account number
    const AccountService service(db);
    for (const auto& value : specs) {
        const QJsonObject a = value.toObject();
        const QString key = a.value(u"key"_s).toString();
        qint64 customerId = 0;
        const Status found = db.transact(
            [&](UnitOfWork& uow) -> Status {
                auto customers = CustomerRepository(uow).findByIdNumber(a.value(u"customer"_s).toString(), 1);
                if (!customers)
                    return fail(customers.error());
                if (customers->isEmpty())
                    return fail(malformed(u"account "_s + key));
                customerId = customers->constFirst().id;
                return {};
            },
            UnitOfWork::Isolation::ReadOnly);
        if (!found)
            return fail(found.error());
        const QString bind = a.contains(u"bind"_s) ? numbers.value(a.value(u"bind"_s).toString()) : QString();
        auto opened = service.open(teller, {customerId, a.value(u"product"_s).toString(), a.value(u"class"_s).toString(),
                                            bind, u"demo-account-"_s + key});
        if (!opened)
            return fail(opened.error());
        numbers.insert(key, opened->number);
    }
    return numbers;
}

// Cash from the cash centre into the vault, against clearing.
// Before the history, so that its movements queue their notices as any posting would.
Status subscribeNotices(const Database& db, const QJsonArray& specs, const Session& teller, const QHash<QString, QString>& numbers)
{
    NoticeService service(db);
    for (const auto& value : specs) {
        const QJsonObject s = value.toObject();
        const QString key = s.value(u"account"_s).toString();
        SubscribeRequest r;
        r.accountNumber = numbers.value(key);
        r.phone = s.value(u"phone"_s).toString();
        r.language = s.value(u"language"_s).toString();
        r.withBalance = s.value(u"with_balance"_s).toBool();
        r.feePlan = s.value(u"fee_plan"_s).toString();
        r.requestId = u"demo-notice-"_s + key;
        if (auto made = service.subscribe(teller, r); !made)
            return fail(made.error());
    }
    return {};
}

Status deliverToVault(const Database& db, const Session& by, const Money& amount)
{
    return db.transact([&](UnitOfWork& uow) -> Status {
        auto ledger = InternalAccounts::ensure(uow, by.branchId);
        if (!ledger)
            return fail(ledger.error());
        PostingRequest r;
        r.requestId = u"demo-vault-delivery"_s;
        r.kind = u"vault_delivery"_s;
        r.branchId = by.branchId;
        r.businessDate = by.businessDate;
        r.staffId = by.staffId;
        r.terminal = terminal;
        r.memo = u"cash centre delivery"_s;
        r.lines = {{ledger->vault, 'D', amount, {}}, {ledger->clearing, 'C', amount, {}}};
        auto posted = PostingEngine::post(uow, r);
        if (!posted)
            return fail(posted.error());
        return {};
    });
}

// One teller's day: the box opened from the vault, the customers served, the box counted exactly and
// closed. Request ids name the day, teller and step.
Status tellerDay(const Database& db, const Session& teller, const QJsonObject& spec, const QHash<QString, QString>& numbers,
                 const QString& prefix)
{
    const CashBoxService boxes(db);
    const CashService cash(db);
    auto opening = amountOf(spec, u"open"_s);
    if (!opening)
        return fail(opening.error());
    if (auto opened = boxes.open(teller, *opening, prefix + u"-open"_s); !opened)
        return fail(opened.error());
    int n = 0;
    for (const auto& value : spec.value(u"cash"_s).toArray()) {
        const QJsonObject c = value.toObject();
        const bool deposit = c.contains(u"deposit"_s);
        const QString key = c.value(deposit ? u"deposit"_s : u"withdraw"_s).toString();
        if (!numbers.contains(key))
            return fail(malformed(u"cash for "_s + key));
        auto amount = amountOf(c, u"amount"_s);
        if (!amount)
            return fail(amount.error());
        const QJsonObject dd = c.value(u"due_diligence"_s).toObject();
        CashRequest request{numbers.value(key), *amount, prefix + u"-cash-"_s + QString::number(++n),
                            c.value(u"memo"_s).toString(), {}};
        request.dueDiligence.sourceOfFunds = dd.value(u"source_of_funds"_s).toString();
        request.dueDiligence.purpose = dd.value(u"purpose"_s).toString();
        request.dueDiligence.idCopyRef = dd.value(u"id_copy_ref"_s).toString();
        auto done = deposit ? cash.deposit(teller, request) : cash.withdraw(teller, request);
        if (!done)
            return fail(done.error());
    }
    auto box = boxes.current(teller);
    if (!box)
        return fail(box.error());
    if (box->state == u"open"_s) {
        if (auto counted = boxes.count(teller, box->expected, prefix + u"-count"_s); !counted)
            return fail(counted.error());
        if (auto closed = boxes.close(teller, box->expected, prefix + u"-close"_s); !closed)
            return fail(closed.error());
    }
    return {};
}

} // namespace

int DemoLedger::historyDays(const QJsonObject& demo) { return int(demo.value(u"history"_s).toArray().size()); }

Result<DemoAccounts> DemoLedger::seed(const Database& db, const QJsonObject& demo)
{
    const QString code = demo.value(u"branch"_s).toObject().value(u"code"_s).toString();
    auto branch = branchState(db, code);
    if (!branch)
        return fail(branch.error());
    auto opener = DemoLedger::session(db, u"teller1"_s, branch->businessDate);
    if (!opener)
        return fail(opener.error());
    // Replays after the first run: each request id answers with what it did then.
    auto numbers = openAccounts(db, demo.value(u"accounts"_s).toArray(), *opener);
    if (!numbers)
        return fail(numbers.error());
    if (auto subscribed = subscribeNotices(db, demo.value(u"notice_subscriptions"_s).toArray(), *opener, *numbers); !subscribed)
        return fail(subscribed.error());
    auto delivery = amountOf(demo, u"vault_delivery"_s);
    if (!delivery)
        return fail(delivery.error());
    auto closer = DemoLedger::session(db, dayCloser, branch->businessDate);
    if (!closer)
        return fail(closer.error());
    if (auto delivered = deliverToVault(db, *closer, *delivery); !delivered)
        return fail(delivered.error());

    // Day i of the history is the branch's first business day + i; a day is played only while the
    // branch stands on it and it lies before today, so the date never runs ahead of the calendar.
    const QJsonArray history = demo.value(u"history"_s).toArray();
    for (qsizetype i = 0; i < history.size(); ++i) {
        const QDate day = branch->firstDate.addDays(i);
        if (branch->businessDate != day || day >= QDate::currentDate())
            continue;
        for (const auto& value : history.at(i).toObject().value(u"tellers"_s).toArray()) {
            const QJsonObject spec = value.toObject();
            const QString login = spec.value(u"login"_s).toString();
            auto teller = DemoLedger::session(db, login, day);
            if (!teller)
                return fail(teller.error());
            if (auto played = tellerDay(db, *teller, spec, *numbers, u"demo-%1-%2"_s.arg(day.toString(Qt::ISODate), login));
                !played)
                return fail(played.error());
        }
        const Status closed = db.transact([&](UnitOfWork& uow) -> Status {
            return BranchRepository(uow).advanceBusinessDate(branch->id, day, day.addDays(1), closer->staffId);
        });
        if (!closed)
            return fail(closed.error());
        branch->businessDate = day.addDays(1);
    }
    return DemoAccounts{std::move(*numbers), branch->businessDate};
}

} // namespace cs
