#include "services/demomerchants.h"

#include "money/amountparser.h"
#include "services/merchantservice.h"
#include "storage/customerrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString manager = u"super1"_s;
const QString teller = u"teller1"_s;

Error malformed(const QString& what)
{
    return Error::internal(u"demo.malformed"_s,
                           QCoreApplication::translate("cs::DemoData", "The demo data is malformed: %1").arg(what));
}

Result<Money> amountOf(const QJsonObject& o, const QString& key, const QString& what)
{
    auto money = parseAmount(o.value(key).toString(), Currency::cny());
    if (!money)
        return fail(malformed(what + u": "_s + money.error().message));
    return *money;
}

Result<qint64> customerId(const Database& db, const QString& idNumber)
{
    qint64 id = 0;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto found = CustomerRepository(uow).findByIdNumber(idNumber, 1);
            if (!found)
                return fail(found.error());
            if (found->isEmpty())
                return fail(malformed(u"merchant customer "_s + idNumber));
            id = found->constFirst().id;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return id;
}

} // namespace

Status DemoMerchants::seed(const Database& db, const QJsonObject& demo, const DemoAccounts& accounts)
{
    auto supervisor = DemoLedger::session(db, manager, accounts.businessDate);
    if (!supervisor)
        return fail(supervisor.error());
    auto cashier = DemoLedger::session(db, teller, accounts.businessDate);
    if (!cashier)
        return fail(cashier.error());
    const MerchantService service(db);

    QHash<QString, qint64> merchants; // key -> id
    for (const auto& value : demo.value(u"merchants"_s).toArray()) {
        const QJsonObject m = value.toObject();
        const QString key = m.value(u"key"_s).toString();
        const QString account = accounts.numbers.value(m.value(u"account"_s).toString());
        if (key.isEmpty() || account.isEmpty())
            return fail(malformed(u"merchant "_s + key));
        auto customer = customerId(db, m.value(u"customer"_s).toString());
        if (!customer)
            return fail(customer.error());
        NewMerchantRequest r;
        r.name = m.value(u"name"_s).toString();
        r.customerId = *customer;
        r.settlementAccount = account;
        r.contract.feePlan = m.value(u"plan"_s).toString();
        r.contract.feeRateBp = m.value(u"rate_bp"_s).toInteger();
        r.contract.cycle = m.value(u"cycle"_s).toString();
        r.contract.settlementDays = m.value(u"days"_s).toInt();
        r.requestId = u"demo-merchant-"_s + key;
        auto added = service.add(*supervisor, r);
        if (!added)
            return fail(added.error());
        merchants.insert(key, added->id);
    }

    for (const auto& value : demo.value(u"merchant_payments"_s).toArray()) {
        const QJsonObject p = value.toObject();
        const QString merchant = p.value(u"merchant"_s).toString();
        const QString order = p.value(u"order"_s).toString();
        const QString what = u"merchant payment "_s + order;
        if (!merchants.contains(merchant) || !accounts.numbers.contains(p.value(u"account"_s).toString()))
            return fail(malformed(what));
        auto amount = amountOf(p, u"amount"_s, what);
        if (!amount)
            return fail(amount.error());
        PaymentRequest r;
        r.merchantId = merchants.value(merchant);
        r.orderNumber = order;
        r.mode = p.value(u"mode"_s).toString();
        r.payerAccount = accounts.numbers.value(p.value(u"account"_s).toString());
        r.amount = *amount;
        r.channel = p.value(u"channel"_s).toString();
        r.requestId = u"demo-mpay-%1-%2"_s.arg(merchant, order);
        if (auto paid = service.pay(*cashier, r); !paid)
            return fail(paid.error());
        if (p.contains(u"capture"_s)) {
            auto captured = amountOf(p, u"capture"_s, what);
            if (!captured)
                return fail(captured.error());
            if (auto done = service.capture(*cashier, r.merchantId, order, *captured, u"demo-mcap-%1-%2"_s.arg(merchant, order));
                !done)
                return fail(done.error());
        }
    }

    for (const auto& value : demo.value(u"merchant_refunds"_s).toArray()) {
        const QJsonObject f = value.toObject();
        const QString merchant = f.value(u"merchant"_s).toString();
        const QString order = f.value(u"order"_s).toString();
        const QString what = u"merchant refund "_s + order;
        if (!merchants.contains(merchant))
            return fail(malformed(what));
        auto amount = amountOf(f, u"amount"_s, what);
        if (!amount)
            return fail(amount.error());
        if (auto refunded = service.refund(*cashier, merchants.value(merchant), order, *amount,
                                           u"demo-mrefund-%1-%2"_s.arg(merchant, order));
            !refunded)
            return fail(refunded.error());
    }
    return {};
}

} // namespace cs
