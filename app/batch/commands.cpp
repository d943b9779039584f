#include "batch/commands.h"

#include "batch/cardkey.h"
#include "batch/commandgroups.h"
#include "batch/context.h"

#include "services/demodata.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QCoreApplication>

#include <functional>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

Result<QJsonObject> migrate(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(db.error());
    const Migrator migrator(*db);
    auto before = migrator.currentVersion();
    if (!before)
        return fail(before.error());
    auto after = migrator.migrate();
    if (!after)
        return fail(after.error());
    return QJsonObject{{u"schema_version"_s, *after},
                       {u"previous_version"_s, *before},
                       {u"applied"_s, *after - *before},
                       {u"database"_s, db->displayName()}};
}

Result<QJsonObject> demo(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(db.error());
    auto version = Migrator(*db).migrate();
    if (!version)
        return fail(version.error());
    // The key first: a malformed or foreign key leaves the database as it was. Without any key (PostgreSQL
    // and no COUNTERSIGN_CARD_KEY) everything but the cards is seeded; a later run with the key adds them.
    auto vault = batchCardVault(*db);
    if (!vault && vault.error().code != u"card.key_missing"_s)
        return fail(vault.error());
    auto summary = DemoData::seed(*db, DemoData::Content::Everything, vault ? &*vault : nullptr);
    if (!summary)
        return fail(summary.error());
    QJsonObject answer{{u"schema_version"_s, *version},
                       {u"branches"_s, summary->branches},
                       {u"staff"_s, summary->staff},
                       {u"customers"_s, summary->customers},
                       {u"accounts"_s, summary->accounts},
                       {u"transactions"_s, summary->transactions},
                       {u"cards"_s, summary->cards},
                       {u"merchants"_s, summary->merchants},
                       {u"inserted"_s, summary->inserted}};
    if (!vault) {
        answer.insert(u"cards_skipped"_s, vault.error().code);
        answer.insert(u"message"_s, vault.error().message);
    }
    return answer;
}

Result<QJsonObject> version(const CliArgs&)
{
    return QJsonObject{{u"version"_s, QStringLiteral(COUNTERSIGN_VERSION)}};
}

struct Command {
    QString name;
    const char* summary;
    std::function<Result<QJsonObject>(const CliArgs&)> run;
};

const QList<Command>& commands()
{
    static const QList<Command> table = {
        {u"migrate"_s, QT_TRANSLATE_NOOP("cs::batch", "apply pending migrations; print the schema version"), migrate},
        {u"demo"_s, QT_TRANSLATE_NOOP("cs::batch", "create the demo branch, staff, customers, accounts, cards, merchants and history (idempotent)"), demo},
        {u"staff"_s, QT_TRANSLATE_NOOP("cs::batch", "(admin) add, list, unlock, disable, enable staff; reset a password; set a role"), staffCommand},
        {u"setting"_s, QT_TRANSLATE_NOOP("cs::batch", "(admin) get, set or list settings; every change is audited"), settingCommand},
        {u"customer"_s, QT_TRANSLATE_NOOP("cs::batch", "add, find, show or edit customers"), customerCommand},
        {u"account"_s, QT_TRANSLATE_NOOP("cs::batch", "open, show, freeze, unfreeze, close, reactivate accounts; holds; statements; dormancy sweep"), accountCommand},
        {u"cash"_s, QT_TRANSLATE_NOOP("cs::batch", "cash deposit or withdrawal through the acting teller's cash box"), cashCommand},
        {u"cashbox"_s, QT_TRANSLATE_NOOP("cs::batch", "open, take from or return to the vault, count, close or show the teller's cash box"), cashboxCommand},
        // transfers (issue 5)
        {u"transfer"_s, QT_TRANSLATE_NOOP("cs::batch", "enter, preview, list or show transfers; acknowledge clearing items; send queued HVPS items"), transferCommand},
        {u"reverse"_s, QT_TRANSLATE_NOOP("cs::batch", "reverse a posted transaction (a teller's request waits for approval)"), reverseCommand},
        // cards (issue 6)
        {u"card"_s, QT_TRANSLATE_NOOP("cs::batch", "issue cards; PIN, activation, loss reports, freeze, replacement, cancellation, online payment"), cardCommand},
        // merchants (issue 7)
        {u"merchant"_s, QT_TRANSLATE_NOOP("cs::batch", "add or list merchants; payments, captures, refunds; show an order; settlements"), merchantCommand},
        {u"approval"_s, QT_TRANSLATE_NOOP("cs::batch", "list, show, approve, reject or cancel pending approvals"), approvalCommand},
        // end of day and time deposits (issue 7)
        {u"deposit"_s, QT_TRANSLATE_NOOP("cs::batch", "place a time deposit, withdraw it early (whole or once in part), show it"), depositCommand},
        {u"eod"_s, QT_TRANSLATE_NOOP("cs::batch", "close the branch's business day (eod status: what blocks it)"), eodCommand},
        // SMS notices (issue 8)
        {u"notice"_s, QT_TRANSLATE_NOOP("cs::batch", "subscribe accounts to SMS notices; the outbox, its attempts and dead-letter retry; the gateway"), noticeCommand},
        {u"notify"_s, QT_TRANSLATE_NOOP("cs::batch", "one delivery pass of the notice outbox to the SMS gateway: sent, failed, dead"), notifyCommand},
        {u"report"_s, QT_TRANSLATE_NOOP("cs::batch", "write a report (trial-balance, daily-journal, ...) as PDF, CSV or JSON"), reportCommand},
        {u"verify-audit"_s, QT_TRANSLATE_NOOP("cs::batch", "check the audit chains; exit 3 naming the first bad record"), verifyAuditCommand},
        {u"version"_s, QT_TRANSLATE_NOOP("cs::batch", "print the program version"), version},
    };
    return table;
}

} // namespace

QString usage()
{
    QString text = QCoreApplication::translate("cs::batch", "Usage: countersign-batch [--db URL] [--lang zh_CN|en] COMMAND [options]\n\nCommands:\n");
    for (const Command& command : commands())
        text += u"  %1  %2\n"_s.arg(command.name, -10).arg(QCoreApplication::translate("cs::batch", command.summary));
    return text;
}

Result<QJsonObject> runCommand(const CliArgs& args)
{
    if (args.words.isEmpty())
        return fail(Error::invalid(u"usage.no_command"_s, {}, QCoreApplication::translate("cs::batch", "Name a command.") + u"\n"_s + usage()));
    for (const Command& command : commands()) {
        if (command.name == args.words.constFirst())
            return command.run(args);
    }
    return fail(Error::invalid(u"usage.unknown_command"_s, {},
                               QCoreApplication::translate("cs::batch", "Unknown command: %1").arg(args.words.join(u' '))));
}

} // namespace cs::batch
