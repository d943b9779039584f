#include "batch/commandgroups.h"
#include "batch/context.h"

#include "services/merchantservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

Error unknownSubcommand(const QString& sub, const QString& known)
{
    return Error::invalid(u"usage.unknown_command"_s, {},
                          QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).").arg(u"merchant"_s, sub, known));
}

// --merchant takes the id or the code (M + the id in 8 digits).
Result<qint64> merchantOption(const CliArgs& args)
{
    auto given = required(args, u"merchant"_s);
    if (!given)
        return fail(given.error());
    QString typed = given->trimmed();
    if (typed.startsWith(u'M') || typed.startsWith(u'm'))
        typed = typed.mid(1);
    bool ok = false;
    const qint64 id = typed.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Error::invalid(u"usage.bad_number"_s, u"merchant"_s,
                                   QCoreApplication::translate("cs::batch", "The option --merchant needs a merchant's id or "
                                                                            "code (M and 8 digits).")));
    return id;
}

// A whole number option that may be absent (then `fallback`).
Result<qint64> countOption(const CliArgs& args, const QString& option, qint64 fallback)
{
    if (!args.has(option))
        return fallback;
    bool ok = false;
    const qint64 n = args.value(option).trimmed().toLongLong(&ok);
    if (!ok || n < 0)
        return fail(Error::invalid(u"usage.bad_number"_s, option,
                                   QCoreApplication::translate("cs::batch", "The option --%1 needs a whole number.").arg(option)));
    return n;
}

Result<QJsonObject> add(const CliArgs& args)
{
    NewMerchantRequest r;
    auto name = required(args, u"name"_s);
    if (!name)
        return fail(name.error());
    r.name = *name;
    auto customer = idOption(args, u"customer"_s);
    if (!customer)
        return fail(customer.error());
    r.customerId = *customer;
    auto account = required(args, u"account"_s);
    if (!account)
        return fail(account.error());
    r.settlementAccount = *account;
    auto plan = required(args, u"plan"_s);
    if (!plan)
        return fail(plan.error());
    r.contract.feePlan = *plan;
    auto rate = countOption(args, u"rate-bp"_s, 0);
    if (!rate)
        return fail(rate.error());
    r.contract.feeRateBp = *rate;
    if (args.has(u"fixed"_s)) {
        auto fixed = amountOption(args, u"fixed"_s, Currency::cny());
        if (!fixed)
            return fail(fixed.error());
        r.contract.fixedFee = *fixed;
    }
    auto cycle = required(args, u"cycle"_s);
    if (!cycle)
        return fail(cycle.error());
    r.contract.cycle = *cycle;
    auto days = countOption(args, u"days"_s, 0);
    if (!days)
        return fail(days.error());
    r.contract.settlementDays = int(*days);
    r.requestId = args.value(u"request-id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto added = MerchantService(context->db).add(context->session, r);
    if (!added)
        return fail(added.error());
    return merchantJson(*added);
}

Result<QJsonObject> payment(const CliArgs& args)
{
    PaymentRequest r;
    auto merchant = merchantOption(args);
    if (!merchant)
        return fail(merchant.error());
    r.merchantId = *merchant;
    auto order = required(args, u"order"_s);
    if (!order)
        return fail(order.error());
    r.orderNumber = *order;
    auto mode = required(args, u"mode"_s);
    if (!mode)
        return fail(mode.error());
    r.mode = *mode;
    if (args.has(u"card"_s) == args.has(u"account"_s))
        return fail(Error::invalid(u"usage.missing_option"_s, u"account"_s,
                                   QCoreApplication::translate("cs::batch", "Give the payer with --account NO or --card ID, one of them.")));
    if (args.has(u"card"_s)) {
        auto card = idOption(args, u"card"_s);
        if (!card)
            return fail(card.error());
        r.payerCardId = *card;
    } else {
        r.payerAccount = args.value(u"account"_s);
    }
    auto amount = amountOption(args, u"amount"_s, Currency::cny());
    if (!amount)
        return fail(amount.error());
    r.amount = *amount;
    r.channel = args.value(u"channel"_s, u"counter"_s);
    auto id = required(args, u"request-id"_s);
    if (!id)
        return fail(id.error());
    r.requestId = *id;
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto paid = MerchantService(context->db).pay(context->session, r);
    if (!paid)
        return fail(paid.error());
    return merchantPaymentJson(*paid);
}

Result<QJsonObject> settlements(const CliArgs& args)
{
    auto from = dateOption(args, u"from"_s);
    if (!from)
        return fail(from.error());
    if (!from->isValid())
        return fail(Error::invalid(u"usage.missing_option"_s, u"from"_s,
                                   QCoreApplication::translate("cs::batch", "The option --%1 is required.").arg(u"from"_s)));
    auto to = dateOption(args, u"to"_s);
    if (!to)
        return fail(to.error());
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto listed = MerchantService(context->db).settlements(context->session, *from, to->isValid() ? *to : *from);
    if (!listed)
        return fail(listed.error());
    QJsonArray all;
    Money gross = Money::zero(Currency::cny()), fees = gross, refunds = gross, net = gross;
    for (const SettlementView& s : std::as_const(*listed)) {
        all.append(merchantSettlementJson(s));
        for (auto [total, part] : {std::pair{&gross, s.gross}, std::pair{&fees, s.fees}, std::pair{&refunds, s.refunds},
                                   std::pair{&net, s.net}}) {
            auto sum = total->plus(part);
            if (!sum)
                return fail(sum.error());
            *total = *sum;
        }
    }
    return QJsonObject{{u"settlements"_s, all},
                       {u"count"_s, all.size()},
                       {u"gross"_s, amountJson(gross)},
                       {u"fees"_s, amountJson(fees)},
                       {u"refunds"_s, amountJson(refunds)},
                       {u"net"_s, amountJson(net)}};
}

} // namespace

Result<QJsonObject> merchantCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    static const QStringList known = {u"add"_s, u"list"_s, u"payment"_s, u"capture"_s, u"refund"_s, u"show"_s, u"settlements"_s};
    if (!known.contains(sub))
        return fail(unknownSubcommand(sub, known.join(u", "_s)));
    if (sub == u"add"_s)
        return add(args);
    if (sub == u"payment"_s)
        return payment(args);
    if (sub == u"settlements"_s)
        return settlements(args);
    if (sub == u"list"_s) {
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        auto listed = MerchantService(context->db).list(context->session);
        if (!listed)
            return fail(listed.error());
        QJsonArray all;
        for (const MerchantView& m : std::as_const(*listed))
            all.append(merchantJson(m));
        return QJsonObject{{u"merchants"_s, all}, {u"count"_s, all.size()}};
    }

    // capture, refund, show: one order of one merchant.
    auto merchant = merchantOption(args);
    if (!merchant)
        return fail(merchant.error());
    auto order = required(args, u"order"_s);
    if (!order)
        return fail(order.error());
    std::optional<Money> amount;
    if (sub == u"refund"_s || args.has(u"amount"_s)) {
        auto typed = amountOption(args, u"amount"_s, Currency::cny());
        if (!typed)
            return fail(typed.error());
        amount = *typed;
    }
    QString requestId = args.value(u"request-id"_s);
    if (sub == u"refund"_s) {
        auto id = required(args, u"request-id"_s);
        if (!id)
            return fail(id.error());
        requestId = *id;
    }
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const MerchantService service(context->db);
    auto done = sub == u"show"_s      ? service.payment(context->session, *merchant, *order)
                : sub == u"capture"_s ? service.capture(context->session, *merchant, *order, amount, requestId)
                                      : service.refund(context->session, *merchant, *order, *amount, requestId);
    if (!done)
        return fail(done.error());
    return merchantPaymentJson(*done);
}

} // namespace cs::batch
