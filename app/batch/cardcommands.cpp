// card ... (../shared/CLI.md): issuance, PIN, lifecycle and online payment headless. Secrets never
// travel in argv: the PIN comes from COUNTERSIGN_PIN (and COUNTERSIGN_NEW_PIN), a card number to look
// up from COUNTERSIGN_PAN, the card key from COUNTERSIGN_CARD_KEY (batch/cardkey.h). Answers name a
// card by id and masked PAN only.
#include "batch/cardkey.h"
#include "batch/commandgroups.h"
#include "batch/context.h"

#include "services/cardservice.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

QJsonValue textOrNull(const QString& value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); }
QJsonValue dateOrNull(const QDate& value) { return value.isValid() ? QJsonValue(value.toString(Qt::ISODate)) : QJsonValue(); }
QJsonValue idOrNull(qint64 id) { return id > 0 ? QJsonValue(id) : QJsonValue(); }

QJsonObject cardJson(const CardView& c)
{
    return {{u"card_id"_s, c.id},
            {u"customer_id"_s, c.customerId},
            {u"customer_name"_s, c.customerName},
            {u"product"_s, c.productCode},
            {u"pan_masked"_s, c.panMasked},
            {u"account"_s, c.account},
            {u"card_account"_s, c.cardAccount},
            {u"state"_s, c.state},
            {u"stored_state"_s, c.storedState},
            {u"issued_on"_s, dateOrNull(c.issuedOn)},
            {u"expires_on"_s, dateOrNull(c.expiresOn)},
            {u"pin_set"_s, c.pinSet},
            {u"pin_locked"_s, c.pinLocked},
            {u"pin_tries_left"_s, c.pinTriesLeft},
            {u"loss_kind"_s, textOrNull(c.lossKind)},
            {u"loss_reported_on"_s, dateOrNull(c.lossReportedOn)},
            {u"loss_lapses_on"_s, dateOrNull(c.lossLapsesOn)},
            {u"replaceable_on"_s, dateOrNull(c.replaceableOn)},
            {u"replaces_card_id"_s, idOrNull(c.replacesCardId)},
            {u"replaced_by_card_id"_s, idOrNull(c.replacedByCardId)},
            {u"online_enabled"_s, c.onlineEnabled},
            {u"online_method"_s, textOrNull(c.onlineMethod)},
            {u"online_daily_limit"_s, amountJson(c.onlineDailyLimit)},
            {u"credit_limit"_s, amountJson(c.creditLimit)},
            {u"available"_s, amountJson(c.available)},
            {u"statement_day"_s, c.statementDay > 0 ? QJsonValue(c.statementDay) : QJsonValue()},
            {u"due_day"_s, c.dueDay > 0 ? QJsonValue(c.dueDay) : QJsonValue()}};
}

// A secret from the environment, wiped when done with: the PIN, the new PIN or a card number to look
// up. Invalid `code` naming `field` when the variable is not set.
Result<SecureBytes> secretFromEnvironment(const char* variable, const QString& code, const QString& field)
{
    SecureBytes value(qgetenv(variable));
    if (!value.bytes().isEmpty())
        return value;
    const QString name = QString::fromLatin1(variable);
    return fail(Error::invalid(code, field,
                               field == u"pan"_s
                                   ? QCoreApplication::translate("cs::batch", "Put the card number in %1, never on the "
                                                                              "command line.").arg(name)
                                   : QCoreApplication::translate("cs::batch", "Put the PIN in %1, never on the command "
                                                                              "line.").arg(name)));
}

Result<int> dayOption(const CliArgs& args, const QString& option)
{
    if (!args.has(option))
        return 0;
    bool ok = false;
    const int day = args.value(option).trimmed().toInt(&ok);
    if (!ok || day < 1 || day > 28)
        return fail(Error::invalid(u"usage.bad_number"_s, option,
                                   QCoreApplication::translate("cs::batch", "The option --%1 needs a day of the month "
                                                                            "from 1 to 28.").arg(option)));
    return day;
}

// What a lifecycle step answers: the card as it stands afterwards; when it waits for a checker
// (../shared/CLI.md) `state` is "pending" with `approval_id`, the card's own state as card_state.
Result<QJsonObject> changeJson(const CardService& cards, const Session& session, const CardChange& change)
{
    auto view = cards.show(session, change.cardId);
    if (!view)
        return fail(view.error());
    QJsonObject out = cardJson(*view);
    out.insert(u"replayed"_s, change.replayed);
    if (change.pending()) {
        out.insert(u"card_state"_s, out.value(u"state"_s));
        out.insert(u"state"_s, u"pending"_s);
        out.insert(u"approval_id"_s, change.approvalId);
    }
    if (change.newCardId > 0) {
        out.insert(u"new_card_id"_s, change.newCardId);
        out.insert(u"new_pan_masked"_s, change.newPanMasked);
    }
    return out;
}

struct IssueOptions {
    IssueCardRequest request;
    QString limitText;
};

Result<IssueOptions> issueOptions(const CliArgs& args)
{
    IssueOptions o;
    for (const auto& [option, target] :
         {std::pair{u"account"_s, &o.request.account}, std::pair{u"product"_s, &o.request.productCode}}) {
        auto value = required(args, option);
        if (!value)
            return fail(value.error());
        *target = value->trimmed();
    }
    o.request.presentedIdNumber = args.value(u"id-number"_s).trimmed();
    o.request.requestId = args.value(u"request-id"_s);
    auto statementDay = dayOption(args, u"statement-day"_s);
    if (!statementDay)
        return fail(statementDay.error());
    auto dueDay = dayOption(args, u"due-day"_s);
    if (!dueDay)
        return fail(dueDay.error());
    o.request.statementDay = *statementDay;
    o.request.dueDay = *dueDay;
    if (args.has(u"limit"_s)) {
        // Card limits are CNY, as the card products are.
        auto limit = amountOption(args, u"limit"_s, Currency::cny());
        if (!limit)
            return fail(limit.error());
        o.request.limit = *limit;
    }
    return o;
}

Result<QJsonObject> issue(const CardService& cards, const Session& session, const IssueCardRequest& request)
{
    auto issued = cards.issue(session, request);
    if (!issued)
        return fail(issued.error());
    // The full number is for the voucher at the counter; a script gets the masked one only.
    return QJsonObject{{u"card_id"_s, issued->cardId},
                       {u"pan_masked"_s, issued->panMasked},
                       {u"state"_s, issued->state},
                       {u"account"_s, issued->account},
                       {u"card_account"_s, issued->cardAccount},
                       {u"product"_s, issued->productCode},
                       {u"expires_on"_s, dateOrNull(issued->expiresOn)},
                       {u"customer_name"_s, issued->customerName},
                       {u"replayed"_s, issued->replayed}};
}

// card online: --enable or --disable, and what changes; what is not given stays as it is.
struct OnlineOptions {
    bool enable = false;
    std::optional<OnlineMethod> method;
    std::optional<Money> limit;

    OnlinePaymentSettings applyTo(const CardView& current) const
    {
        OnlinePaymentSettings settings;
        settings.enabled = enable;
        settings.method = method.value_or(onlineMethodFromKey(current.onlineMethod).value_or(OnlineMethod::Sms));
        settings.dailyLimit = limit.value_or(current.onlineDailyLimit);
        return settings;
    }
};

Result<OnlineOptions> onlineOptions(const CliArgs& args)
{
    OnlineOptions o;
    o.enable = args.has(u"enable"_s);
    if (o.enable == args.has(u"disable"_s))
        return fail(Error::invalid(u"usage.missing_option"_s, u"enable"_s,
                                   QCoreApplication::translate("cs::batch", "Give either --enable or --disable.")));
    if (args.has(u"method"_s)) {
        o.method = onlineMethodFromKey(args.value(u"method"_s).trimmed());
        if (!o.method)
            return fail(Error::invalid(u"card.online_method"_s, u"method"_s,
                                       QCoreApplication::translate("cs::batch", "The method must be sms, otp, otp_trial "
                                                                                "or usbkey.")));
    }
    if (args.has(u"limit"_s)) {
        auto limit = amountOption(args, u"limit"_s, Currency::cny());
        if (!limit)
            return fail(limit.error());
        o.limit = *limit;
    }
    return o;
}

const QStringList& subcommands()
{
    static const QStringList known = {u"issue"_s,       u"show"_s,        u"list"_s,        u"find"_s,
                                      u"activate"_s,    u"pin-set"_s,     u"pin-change"_s,  u"pin-verify"_s,
                                      u"pin-reset"_s,   u"report-loss"_s, u"lift-loss"_s,   u"freeze"_s,
                                      u"unfreeze"_s,    u"replace"_s,     u"cancel"_s,      u"online"_s};
    return known;
}

// The subcommands that need --reason.
bool needsReason(const QString& sub)
{
    static const QStringList withReason = {u"pin-reset"_s, u"report-loss"_s, u"lift-loss"_s, u"freeze"_s,
                                           u"unfreeze"_s,  u"replace"_s,     u"cancel"_s};
    return withReason.contains(sub);
}

// The database, the acting staff and the card service over the batch's card key.
struct CardContext {
    Acting acting;
    CardService cards;
};

Result<CardContext> cardContext(const CliArgs& args)
{
    auto context = acting(args);
    if (!context)
        return fail(context.error());
    auto vault = batchCardVault(context->db);
    if (!vault)
        return fail(vault.error());
    CardService cards(context->db, std::move(*vault));
    return CardContext{std::move(*context), std::move(cards)};
}

} // namespace

Result<QJsonObject> cardCommand(const CliArgs& args)
{
    const QString sub = args.words.value(1);
    if (!subcommands().contains(sub))
        return fail(Error::invalid(u"usage.unknown_command"_s, {},
                                   QCoreApplication::translate("cs::batch", "Unknown command: %1 %2 (%3).")
                                       .arg(u"card"_s, sub, subcommands().join(u", "_s))));
    const QString requestId = args.value(u"request-id"_s);

    // Options are checked before the database is opened.
    if (sub == u"issue"_s) {
        auto options = issueOptions(args);
        if (!options)
            return fail(options.error());
        auto context = cardContext(args);
        if (!context)
            return fail(context.error());
        return issue(context->cards, context->acting.session, options->request);
    }
    if (sub == u"list"_s) {
        auto customer = idOption(args, u"customer"_s);
        if (!customer)
            return fail(customer.error());
        auto context = cardContext(args);
        if (!context)
            return fail(context.error());
        auto listed = context->cards.listForCustomer(context->acting.session, *customer);
        if (!listed)
            return fail(listed.error());
        QJsonArray all;
        for (const CardView& card : std::as_const(*listed))
            all.append(cardJson(card));
        return QJsonObject{{u"customer_id"_s, *customer}, {u"cards"_s, all}, {u"count"_s, all.size()}};
    }
    if (sub == u"find"_s) {
        auto pan = secretFromEnvironment("COUNTERSIGN_PAN", u"usage.no_pan"_s, u"pan"_s);
        if (!pan)
            return fail(pan.error());
        auto context = cardContext(args);
        if (!context)
            return fail(context.error());
        auto found = context->cards.findByPan(context->acting.session, QString::fromLatin1(pan->bytes()));
        if (!found)
            return fail(found.error());
        return cardJson(*found);
    }

    auto card = idOption(args, u"card"_s);
    if (!card)
        return fail(card.error());
    QString reason;
    if (needsReason(sub)) {
        auto given = required(args, u"reason"_s);
        if (!given)
            return fail(given.error());
        reason = *given;
    }
    std::optional<LossKind> lossKind;
    if (sub == u"report-loss"_s) {
        auto kind = required(args, u"kind"_s);
        if (!kind)
            return fail(kind.error());
        lossKind = lossKindFromKey(kind->trimmed());
        if (!lossKind)
            return fail(Error::invalid(u"card.loss_kind"_s, u"kind"_s,
                                       QCoreApplication::translate("cs::batch", "The kind of loss report must be oral or "
                                                                                "written.")));
    }
    // PINs are read before anything opens so that a missing one changes nothing.
    std::optional<SecureBytes> pin;
    std::optional<SecureBytes> newPin;
    if (sub == u"pin-set"_s || sub == u"pin-verify"_s || sub == u"pin-change"_s) {
        auto given = secretFromEnvironment("COUNTERSIGN_PIN", u"usage.no_pin"_s, u"pin"_s);
        if (!given)
            return fail(given.error());
        pin.emplace(std::move(*given));
    }
    if (sub == u"pin-change"_s) {
        auto given = secretFromEnvironment("COUNTERSIGN_NEW_PIN", u"usage.no_pin"_s, u"new_pin"_s);
        if (!given)
            return fail(given.error());
        newPin.emplace(std::move(*given));
    }
    std::optional<OnlineOptions> online;
    if (sub == u"online"_s) {
        auto given = onlineOptions(args);
        if (!given)
            return fail(given.error());
        online = *given;
    }

    auto context = cardContext(args);
    if (!context)
        return fail(context.error());
    const CardService& cards = context->cards;
    const Session& session = context->acting.session;

    if (sub == u"show"_s) {
        auto view = cards.show(session, *card);
        if (!view)
            return fail(view.error());
        return cardJson(*view);
    }
    if (sub == u"pin-verify"_s) {
        if (auto verified = cards.verifyPin(session, *card, *pin); !verified)
            return fail(verified.error());
        return QJsonObject{{u"card_id"_s, *card}, {u"verified"_s, true}};
    }

    Result<CardChange> done;
    if (sub == u"activate"_s) {
        done = cards.activate(session, *card, requestId);
    } else if (sub == u"pin-set"_s) {
        // The customer keyed it twice on the pad; a script gives it once.
        const SecureBytes confirmation(pin->bytes());
        done = cards.setPin(session, *card, *pin, confirmation, requestId);
    } else if (sub == u"pin-change"_s) {
        const SecureBytes confirmation(newPin->bytes());
        done = cards.changePin(session, *card, *pin, *newPin, confirmation, requestId);
    } else if (sub == u"pin-reset"_s) {
        done = cards.resetPin(session, *card, reason, requestId);
    } else if (sub == u"report-loss"_s) {
        done = cards.reportLoss(session, *card, *lossKind, reason, requestId);
    } else if (sub == u"lift-loss"_s) {
        done = cards.liftLoss(session, *card, reason, requestId);
    } else if (sub == u"freeze"_s) {
        done = cards.freeze(session, *card, reason, requestId);
    } else if (sub == u"unfreeze"_s) {
        done = cards.unfreeze(session, *card, reason, requestId);
    } else if (sub == u"replace"_s) {
        done = cards.replace(session, *card, reason, requestId);
    } else if (sub == u"cancel"_s) {
        done = cards.cancel(session, *card, reason, requestId);
    } else {
        auto current = cards.show(session, *card);
        if (!current)
            return fail(current.error());
        done = cards.setOnlinePayment(session, *card, online->applyTo(*current), requestId);
    }
    if (!done)
        return fail(done.error());
    return changeJson(cards, session, *done);
}

} // namespace cs::batch
