// approval list|show|approve|reject|cancel (../shared/CLI.md): the maker-checker queue headless.
#include "batch/commandgroups.h"
#include "batch/context.h"

#include "approvals/approvalservice.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

QJsonObject listItem(const ApprovalRecord& a)
{
    return {{u"id"_s, a.id},
            {u"action"_s, a.action},
            {u"entity_type"_s, a.entityType},
            {u"entity_id"_s, a.entityId},
            {u"maker"_s, a.makerLogin},
            {u"maker_name"_s, a.makerName},
            {u"amount"_s, a.amount ? QJsonValue(amountJson(*a.amount)) : QJsonValue()},
            {u"currency"_s, a.amount ? QJsonValue(a.amount->currency().code()) : QJsonValue()},
            {u"business_date"_s, a.businessDate.toString(Qt::ISODate)},
            {u"created_at"_s, a.createdAt.toUTC().toString(Qt::ISODateWithMs)},
            {u"state"_s, a.state}};
}

// id, state and the executed command's answer, also at the top (txn_id, balance) where no key clashes.
QJsonObject decisionJson(const ApprovalDecision& d)
{
    QJsonObject o{{u"id"_s, d.approvalId}, {u"state"_s, d.state}, {u"replayed"_s, d.replayed}, {u"result"_s, d.result}};
    for (auto it = d.result.begin(); it != d.result.end(); ++it) {
        if (!o.contains(it.key()))
            o.insert(it.key(), it.value());
    }
    return o;
}

Result<QJsonObject> list(const ApprovalService& approvals, const Session& session, const CliArgs& args)
{
    ApprovalFilter filter;
    const QString state = args.value(u"state"_s, u"pending"_s);
    filter.state = state == u"all"_s ? QString() : state;
    filter.action = args.value(u"action"_s);
    if (args.has(u"after"_s)) {
        auto after = idOption(args, u"after"_s);
        if (!after)
            return fail(after.error());
        filter.afterId = *after;
    }
    if (args.has(u"limit"_s)) {
        auto limit = idOption(args, u"limit"_s);
        if (!limit)
            return fail(limit.error());
        filter.limit = static_cast<int>(std::min<qint64>(*limit, 1000));
    }
    if (args.has(u"mine"_s))
        filter.makerId = session.staffId;
    auto from = dateOption(args, u"from"_s);
    if (!from)
        return fail(from.error());
    auto to = dateOption(args, u"to"_s);
    if (!to)
        return fail(to.error());
    filter.from = *from;
    filter.to = *to;
    auto found = approvals.list(session, filter);
    if (!found)
        return fail(found.error());
    auto total = approvals.count(session, filter);
    if (!total)
        return fail(total.error());
    QJsonArray items;
    for (const ApprovalRecord& a : std::as_const(*found))
        items.append(listItem(a));
    return QJsonObject{{u"approvals"_s, items},
                       {u"count"_s, *total},
                       {u"last_id"_s, found->isEmpty() ? QJsonValue() : QJsonValue(found->constLast().id)}};
}

Result<QJsonObject> show(const ApprovalService& approvals, const Session& session, qint64 id)
{
    auto detail = approvals.show(session, id);
    if (!detail)
        return fail(detail.error());
    QJsonObject out = approvalJson(detail->approval);
    QJsonArray fields;
    for (const ApprovalField& f : std::as_const(detail->fields))
        fields.append(QJsonObject{{u"key"_s, f.key},
                                  {u"label"_s, f.label},
                                  {u"old"_s, f.oldValue.isEmpty() ? QJsonValue() : QJsonValue(f.oldValue)},
                                  {u"new"_s, f.newValue}});
    out.insert(u"fields"_s, fields);
    out.insert(u"rekey_required"_s, detail->rekeyRequired);
    out.insert(u"can_decide"_s, detail->canDecide);
    out.insert(u"can_cancel"_s, detail->canCancel);
    return out;
}

} // namespace

Result<QJsonObject> approvalCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    static const QStringList known = {u"list"_s, u"show"_s, u"approve"_s, u"reject"_s, u"cancel"_s};
    if (!known.contains(sub))
        return fail(Error::invalid(u"usage.unknown_command"_s, {},
                                   QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).")
                                       .arg(u"approval"_s, sub, known.join(u", "_s))));
    // Options are checked before the database is opened.
    qint64 id = 0;
    if (sub != u"list"_s) {
        auto given = idOption(args, u"id"_s);
        if (!given)
            return fail(given.error());
        id = *given;
    }
    std::optional<Money> rekeyed;
    if (sub == u"approve"_s && args.has(u"amount"_s)) {
        // Approvals are kept in CNY today (cash and transfers at the counter).
        auto amount = amountOption(args, u"amount"_s, Currency::cny());
        if (!amount)
            return fail(amount.error());
        rekeyed = *amount;
    }
    QString reason;
    if (sub == u"reject"_s) {
        auto given = required(args, u"reason"_s);
        if (!given)
            return fail(given.error());
        reason = *given;
    }
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    const ApprovalService approvals(context->db);
    const Session& session = context->session;
    const QString requestId = args.value(u"request-id"_s);
    if (sub == u"list"_s)
        return list(approvals, session, args);
    if (sub == u"show"_s)
        return show(approvals, session, id);
    Result<ApprovalDecision> decision = sub == u"approve"_s ? approvals.approve(session, id, rekeyed, requestId)
                                        : sub == u"reject"_s ? approvals.reject(session, id, reason, requestId)
                                                             : approvals.cancel(session, id, requestId);
    if (!decision)
        return fail(decision.error());
    return decisionJson(*decision);
}

} // namespace cs::batch
