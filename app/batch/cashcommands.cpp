#include "batch/commandgroups.h"
#include "batch/context.h"

#include "services/cashboxservice.h"
#include "services/cashservice.h"
#include "services/reversalservice.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

QJsonValue amountOrNull(const std::optional<Money>& m) { return m ? QJsonValue(amountJson(*m)) : QJsonValue(); }
QJsonValue timeOrNull(const QDateTime& t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue(); }

QJsonObject toJson(const CashReceipt& r)
{
    // A withdrawal waiting for a checker: no transaction yet, its approval and state "pending".
    return {{u"txn_id"_s, r.txnId > 0 ? QJsonValue(r.txnId) : QJsonValue()},
            {u"state"_s, r.state},
            {u"approval_id"_s, r.approvalId > 0 ? QJsonValue(r.approvalId) : QJsonValue()},
            {u"replayed"_s, r.replayed},
            {u"request_id"_s, r.requestId},
            {u"direction"_s, r.direction == CashDirection::Deposit ? u"deposit"_s : u"withdrawal"_s},
            {u"account"_s, r.accountNumber},
            {u"customer_name"_s, r.customerName},
            {u"amount"_s, amountJson(r.amount)},
            {u"fee"_s, amountJson(r.fee)},
            {u"balance"_s, amountJson(r.balanceAfter)},
            {u"currency"_s, r.amount.currency().code()},
            {u"large_value"_s, r.largeValue},
            {u"business_date"_s, r.businessDate.toString(Qt::ISODate)},
            {u"posted_at"_s, timeOrNull(r.postedAt)},
            {u"teller"_s, r.tellerLogin},
            {u"terminal"_s, r.terminal}};
}

QJsonObject toJson(const CashBoxView& b)
{
    return {{u"session_id"_s, b.sessionId > 0 ? QJsonValue(b.sessionId) : QJsonValue()},
            {u"state"_s, b.state},
            {u"business_date"_s, b.businessDate.isValid() ? QJsonValue(b.businessDate.toString(Qt::ISODate)) : QJsonValue()},
            {u"opening"_s, amountJson(b.opening)},
            {u"in"_s, amountJson(b.cashIn)},
            {u"out"_s, amountJson(b.cashOut)},
            {u"expected"_s, amountJson(b.expected)},
            {u"counted"_s, amountOrNull(b.counted)},
            {u"difference"_s, amountJson(b.difference)},
            {u"transactions"_s, b.transactions},
            {u"opened_at"_s, timeOrNull(b.openedAt)},
            {u"closed_at"_s, timeOrNull(b.closedAt)}};
}

Error unknownSubcommand(const QString& command, const QString& sub, const QString& known)
{
    return Error::invalid(u"usage.unknown_command"_s, {},
                          QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).").arg(command, sub, known));
}

} // namespace

Result<QJsonObject> cashCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    if (sub != u"deposit"_s && sub != u"withdraw"_s)
        return fail(unknownSubcommand(u"cash"_s, sub, u"deposit, withdraw"_s));
    auto number = required(args, u"account"_s);
    if (!number)
        return fail(number.error());
    // Cash is CNY: the cash box holds nothing else.
    auto amount = amountOption(args, u"amount"_s, Currency::cny());
    if (!amount)
        return fail(amount.error());
    auto requestId = required(args, u"request-id"_s);
    if (!requestId)
        return fail(requestId.error());
    CashRequest request{*number, *amount, *requestId, args.value(u"memo"_s),
                        DueDiligence{args.value(u"agent-name"_s), args.value(u"agent-id"_s),
                                     args.value(u"source-of-funds"_s), args.value(u"purpose"_s),
                                     args.value(u"id-copy"_s)}};
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const CashService cash(context->db);
    auto receipt = sub == u"deposit"_s ? cash.deposit(context->session, request) : cash.withdraw(context->session, request);
    if (!receipt)
        return fail(receipt.error());
    return toJson(*receipt);
}

Result<QJsonObject> cashboxCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    static const QStringList known = {u"open"_s, u"take"_s, u"return"_s, u"count"_s, u"close"_s, u"show"_s};
    if (!known.contains(sub))
        return fail(unknownSubcommand(u"cashbox"_s, sub, known.join(u", "_s)));
    // What each subcommand needs, checked before the database is opened.
    Money amount = Money::zero(Currency::cny());
    if (sub != u"show"_s && (sub != u"open"_s || args.has(u"amount"_s))) {
        const bool counting = sub == u"count"_s || sub == u"close"_s;
        auto typed = amountOption(args, counting ? u"count"_s : u"amount"_s, Currency::cny(), sub != u"take"_s && sub != u"return"_s);
        if (!typed)
            return fail(typed.error());
        amount = *typed;
    }
    QString requestId = args.value(u"request-id"_s);
    if (sub != u"show"_s && sub != u"count"_s) {
        auto id = required(args, u"request-id"_s);
        if (!id)
            return fail(id.error());
        requestId = *id;
    }
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const Session& session = context->session;
    const CashBoxService boxes(context->db);
    if (sub == u"close"_s) {
        auto closed = boxes.close(session, amount, requestId);
        if (!closed)
            return fail(closed.error());
        QJsonObject out = toJson(closed->box);
        out.insert(u"over"_s, amountJson(closed->over));
        out.insert(u"short"_s, amountJson(closed->shortage));
        out.insert(u"returned"_s, amountJson(closed->returnedToVault));
        out.insert(u"over_short_txn_id"_s, closed->overShortTxnId > 0 ? QJsonValue(closed->overShortTxnId) : QJsonValue());
        out.insert(u"return_txn_id"_s, closed->returnTxnId > 0 ? QJsonValue(closed->returnTxnId) : QJsonValue());
        if (closed->pending()) {
            // The close waits for a checker (CLI.md: approval_id and state "pending"); the box stays open.
            out.insert(u"box_state"_s, out.value(u"state"_s));
            out.insert(u"state"_s, closed->state);
            out.insert(u"approval_id"_s, closed->approvalId);
        }
        return out;
    }
    Result<CashBoxView> box = sub == u"show"_s     ? boxes.current(session)
                              : sub == u"open"_s   ? boxes.open(session, amount, requestId)
                              : sub == u"take"_s   ? boxes.takeFromVault(session, amount, requestId)
                              : sub == u"return"_s ? boxes.returnToVault(session, amount, requestId)
                                                   : boxes.count(session, amount, requestId);
    if (!box)
        return fail(box.error());
    return toJson(*box);
}

Result<QJsonObject> reverseCommand(const CliArgs& args)
{
    auto txn = idOption(args, u"txn"_s);
    if (!txn)
        return fail(txn.error());
    auto reason = required(args, u"reason"_s);
    if (!reason)
        return fail(reason.error());
    auto requestId = required(args, u"request-id"_s);
    if (!requestId)
        return fail(requestId.error());
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto reversed = ReversalService(context->db).reverse(context->session, *txn, *reason, *requestId);
    if (!reversed)
        return fail(reversed.error());
    QJsonObject balances;
    for (auto it = reversed->balances.cbegin(); it != reversed->balances.cend(); ++it)
        balances.insert(it.key(), amountJson(it.value()));
    // `balance` (../shared/CLI.md) when one customer account was touched, as for a cash transaction.
    const QJsonValue balance = balances.size() == 1 ? balances.begin().value() : QJsonValue();
    return QJsonObject{{u"txn_id"_s, reversed->reversalTxnId > 0 ? QJsonValue(reversed->reversalTxnId) : QJsonValue()},
                       {u"state"_s, reversed->state},
                       {u"approval_id"_s, reversed->approvalId > 0 ? QJsonValue(reversed->approvalId) : QJsonValue()},
                       {u"original_txn_id"_s, reversed->originalTxnId},
                       {u"replayed"_s, reversed->replayed},
                       {u"balance"_s, balance},
                       {u"balances"_s, balances}};
}

} // namespace cs::batch
