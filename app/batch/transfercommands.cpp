#include "batch/commandgroups.h"
#include "batch/context.h"

#include "services/transferservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

Error unknownSubcommand(const QString& sub, const QString& known)
{
    return Error::invalid(u"usage.unknown_command"_s, {},
                          QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).").arg(u"transfer"_s, sub, known));
}

// The slip from the options: --from, and --to (intra-bank) or --to-bank, --to-account, --to-name.
Result<TransferRequest> slip(const CliArgs& args, bool needRequestId)
{
    TransferRequest r;
    auto from = required(args, u"from"_s);
    if (!from)
        return fail(from.error());
    r.fromAccount = *from;
    if (args.has(u"to-bank"_s)) {
        if (args.has(u"to"_s))
            return fail(Error::invalid(u"usage.conflicting_options"_s, u"to"_s,
                                       QCoreApplication::translate("cs::batch",
                                                                   "Give --to for an intra-bank transfer or --to-bank, "
                                                                   "--to-account and --to-name for an interbank one, not both.")));
        r.toBankCode = args.value(u"to-bank"_s);
        for (const auto& [option, target] : {std::pair{u"to-account"_s, &r.toAccount}, std::pair{u"to-name"_s, &r.toName}}) {
            auto value = required(args, option);
            if (!value)
                return fail(value.error());
            *target = *value;
        }
        r.ibps = args.has(u"ibps"_s);
    } else {
        auto to = required(args, u"to"_s);
        if (!to)
            return fail(to.error());
        r.toAccount = *to;
    }
    // Transfers at the counter are CNY (the engine refuses another currency's account).
    auto amount = amountOption(args, u"amount"_s, Currency::cny());
    if (!amount)
        return fail(amount.error());
    r.amount = *amount;
    r.remarks = args.value(u"remarks"_s);
    r.waiveFee = args.has(u"waive-fee"_s);
    if (needRequestId) {
        auto id = required(args, u"request-id"_s);
        if (!id)
            return fail(id.error());
        r.requestId = *id;
    }
    return r;
}

QJsonObject previewJson(const TransferPreview& p)
{
    return {{u"from_account"_s, p.fromAccount},
            {u"from_name"_s, p.fromName},
            {u"to_account"_s, p.toAccount},
            {u"to_name"_s, p.toName},
            {u"to_bank_code"_s, p.toBankCode.isEmpty() ? QJsonValue() : QJsonValue(p.toBankCode)},
            {u"route"_s, routeKey(p.route)},
            {u"queued"_s, p.queued},
            {u"amount"_s, amountJson(p.amount)},
            {u"fee"_s, amountJson(p.fee)},
            {u"balance_after"_s, amountJson(p.balanceAfter)},
            {u"available_after"_s, amountJson(p.availableAfter)},
            {u"approval_required"_s, p.approvalRequired},
            {u"amount_in_capitals"_s, p.amountInCapitals}};
}

} // namespace

Result<QJsonObject> transferCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    static const QStringList known = {u"enter"_s, u"preview"_s, u"list"_s, u"show"_s, u"ack"_s, u"release-queued"_s};
    if (!known.contains(sub))
        return fail(unknownSubcommand(sub, known.join(u", "_s)));

    if (sub == u"enter"_s || sub == u"preview"_s) {
        auto request = slip(args, sub == u"enter"_s);
        if (!request)
            return fail(request.error());
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        const TransferService transfers(context->db);
        if (sub == u"preview"_s) {
            auto preview = transfers.preview(context->session, *request);
            if (!preview)
                return fail(preview.error());
            return previewJson(*preview);
        }
        auto entered = transfers.enter(context->session, *request);
        if (!entered)
            return fail(entered.error());
        return transferJson(*entered);
    }
    if (sub == u"list"_s) {
        auto date = dateOption(args, u"date"_s);
        if (!date)
            return fail(date.error());
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        auto listed = TransferService(context->db).list(context->session, {*date, 0, args.value(u"state"_s)});
        if (!listed)
            return fail(listed.error());
        QJsonArray all;
        for (const TransferRecord& t : std::as_const(*listed))
            all.append(transferJson(t));
        return QJsonObject{{u"transfers"_s, all}, {u"count"_s, all.size()}};
    }
    if (sub == u"release-queued"_s) {
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        auto sent = TransferService(context->db).releaseQueued(context->session, QDateTime::currentDateTime());
        if (!sent)
            return fail(sent.error());
        return QJsonObject{{u"sent"_s, *sent}};
    }
    auto id = idOption(args, u"id"_s);
    if (!id)
        return fail(id.error());
    if (sub == u"show"_s) {
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        auto found = TransferService(context->db).find(context->session, *id);
        if (!found)
            return fail(found.error());
        return transferJson(*found);
    }
    // ack: exactly one of --accepted and --rejected (with --reason).
    const bool accepted = args.has(u"accepted"_s);
    if (accepted == args.has(u"rejected"_s))
        return fail(Error::invalid(u"usage.missing_option"_s, u"accepted"_s,
                                   QCoreApplication::translate("cs::batch", "Give either --accepted or --rejected --reason R.")));
    QString reason;
    if (!accepted) {
        auto given = required(args, u"reason"_s);
        if (!given)
            return fail(given.error());
        reason = *given;
    }
    // The acknowledgement of one item is naturally once: without --request-id, one derived from it.
    const QString requestId = args.value(u"request-id"_s, u"transfer-ack:%1"_s.arg(*id));
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto answered = TransferService(context->db).acknowledge(context->session, *id, accepted, reason, requestId);
    if (!answered)
        return fail(answered.error());
    return transferJson(*answered);
}

} // namespace cs::batch
