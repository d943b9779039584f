#include "batch/commandgroups.h"
#include "batch/context.h"
#include "batch/output.h"

#include "services/endofdayservice.h"
#include "services/timedepositservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcessEnvironment>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

Error unknownSubcommand(const QString& command, const QString& sub, const QString& known)
{
    return Error::invalid(u"usage.unknown_command"_s, {},
                          QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).").arg(command, sub, known));
}

QJsonArray blockersJson(const QList<EodBlocker>& blockers)
{
    QJsonArray array;
    for (const EodBlocker& b : blockers)
        array.append(QJsonObject{{u"kind"_s, b.kind}, {u"id"_s, b.id}, {u"description"_s, b.description}});
    return array;
}

QJsonObject stepJson(const EodStep& s)
{
    return {{u"key"_s, s.key}, {u"label"_s, s.label}, {u"state"_s, s.state}, {u"detail"_s, s.detail}};
}

// The acting supervisor closes their own branch only.
Status requireBranch(const CliArgs& args, const Session& session)
{
    auto code = required(args, u"branch"_s);
    if (!code)
        return fail(code.error());
    if (*code != session.branchCode)
        return fail(Error::refused(u"eod.branch"_s, u"branch"_s,
                                   QCoreApplication::translate("cs::batch", "%1 works at branch %2, not %3: only a "
                                                                            "supervisor of a branch closes its day.")
                                       .arg(session.login, session.branchCode, *code)));
    return {};
}

// Test hooks of the kill tests (tests/cli/tst_eodcli.cpp), never set in production:
// COUNTERSIGN_EOD_ABORT_AFTER=<step> kills the process right after that step committed,
// COUNTERSIGN_EOD_ABORT_IN=<step> kills it inside the step's transaction before COMMIT.
QString testHook(const QString& name) { return QProcessEnvironment::systemEnvironment().value(name); }

Result<QJsonObject> eodStatus(const Acting& context)
{
    auto blockers = EndOfDayService(context.db).blockers(context.session);
    if (!blockers)
        return fail(blockers.error());
    return QJsonObject{{u"branch"_s, context.session.branchCode},
                       {u"business_date"_s, context.session.businessDate.toString(Qt::ISODate)},
                       {u"ready"_s, blockers->isEmpty()},
                       {u"blockers"_s, blockersJson(*blockers)}};
}

Result<QJsonObject> eodRun(const Acting& context)
{
    EndOfDayService service(context.db);
    const QString abortIn = testHook(u"COUNTERSIGN_EOD_ABORT_IN"_s);
    const QString abortAfter = testHook(u"COUNTERSIGN_EOD_ABORT_AFTER"_s);
    if (!abortIn.isEmpty())
        service.setBeforeCommitHook([abortIn](const QString& step) {
            if (step == abortIn)
                std::abort();
        });
    auto result = service.run(context.session, [&](const EodStep& step) {
        if (!abortAfter.isEmpty() && step.key == abortAfter && step.state != u"done_before"_s)
            std::abort();
    });
    if (!result) {
        if (result.error().code == u"eod.blocked"_s) {
            if (auto blockers = service.blockers(context.session))
                addErrorDetail({{u"blockers"_s, blockersJson(*blockers)}});
        }
        return fail(result.error());
    }
    QJsonArray steps;
    for (const EodStep& s : std::as_const(result->steps))
        steps.append(stepJson(s));
    return QJsonObject{{u"branch"_s, context.session.branchCode},
                       {u"closed_date"_s, result->closedDate.toString(Qt::ISODate)},
                       {u"business_date"_s, result->businessDate.toString(Qt::ISODate)},
                       {u"resumed"_s, result->resumed},
                       {u"steps"_s, steps}};
}

Result<bool> yesNo(const CliArgs& args, const QString& option)
{
    auto value = required(args, option);
    if (!value)
        return fail(value.error());
    if (*value == u"yes"_s)
        return true;
    if (*value == u"no"_s)
        return false;
    return fail(Error::invalid(u"usage.bad_value"_s, option,
                               QCoreApplication::translate("cs::batch", "The option --%1 is yes or no.").arg(option)));
}

} // namespace

Result<QJsonObject> eodCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    if (!sub.isEmpty() && sub != u"status"_s)
        return fail(unknownSubcommand(u"eod"_s, sub, u"status"_s));
    if (auto code = required(args, u"branch"_s); !code)
        return fail(code.error());
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    if (auto mine = requireBranch(args, context->session); !mine)
        return fail(mine.error());
    return sub == u"status"_s ? eodStatus(*context) : eodRun(*context);
}

Result<QJsonObject> depositCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    static const QStringList known = {u"place"_s, u"withdraw-early"_s, u"show"_s};
    if (!known.contains(sub))
        return fail(unknownSubcommand(u"deposit"_s, sub, known.join(u", "_s)));
    auto account = required(args, u"account"_s);
    if (!account)
        return fail(account.error());
    if (sub == u"show"_s) {
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        auto shown = TimeDepositService(context->db).show(context->session, *account);
        if (!shown)
            return fail(shown.error());
        return timeDepositJson(*shown);
    }
    auto requestId = required(args, u"request-id"_s);
    if (!requestId)
        return fail(requestId.error());
    if (sub == u"place"_s) {
        const bool cash = args.has(u"cash"_s);
        if (cash == args.has(u"from"_s))
            return fail(Error::invalid(u"deposit.source"_s, u"from"_s,
                                       QCoreApplication::translate("cs::batch", "Give either --from ACCOUNT or --cash.")));
        auto amount = amountOption(args, u"amount"_s, Currency::cny());
        if (!amount)
            return fail(amount.error());
        auto rollover = yesNo(args, u"rollover"_s);
        if (!rollover)
            return fail(rollover.error());
        PlaceDepositRequest request;
        request.account = *account;
        request.fromAccount = args.value(u"from"_s);
        request.cash = cash;
        request.amount = *amount;
        request.rollover = *rollover;
        request.payoutAccount = args.value(u"payout"_s);
        request.dueDiligence = {args.value(u"agent-name"_s), args.value(u"agent-id"_s), args.value(u"source-of-funds"_s),
                                args.value(u"purpose"_s), args.value(u"id-copy"_s)};
        request.memo = args.value(u"memo"_s);
        request.requestId = *requestId;
        auto context = acting(args);
        if (!context)
            return fail(context.error());
        auto placed = TimeDepositService(context->db).place(context->session, request);
        if (!placed)
            return fail(placed.error());
        return depositMovementJson(*placed);
    }
    std::optional<Money> amount;
    if (args.has(u"amount"_s)) {
        auto typed = amountOption(args, u"amount"_s, Currency::cny());
        if (!typed)
            return fail(typed.error());
        amount = *typed;
    }
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto withdrawn = TimeDepositService(context->db).withdraw(context->session, *account, amount, *requestId);
    if (!withdrawn)
        return fail(withdrawn.error());
    return depositMovementJson(*withdrawn);
}

} // namespace cs::batch
