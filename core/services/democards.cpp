#include "services/democards.h"

#include "money/amountparser.h"
#include "services/cardservice.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString issuer = u"teller1"_s;

Error malformed(const QString& what)
{
    return Error::internal(u"demo.malformed"_s,
                           QCoreApplication::translate("cs::DemoData", "The demo data is malformed: %1").arg(what));
}

// The ID number of the customer whose account has `key`: presented at issuance as at the counter.
QString idNumberOf(const QJsonObject& demo, const QString& key)
{
    for (const auto& value : demo.value(u"accounts"_s).toArray()) {
        const QJsonObject a = value.toObject();
        if (a.value(u"key"_s).toString() == key)
            return a.value(u"customer"_s).toString();
    }
    return {};
}

Status seedCard(const CardService& cards, const Session& teller, const QJsonObject& spec, const QJsonObject& demo,
                const DemoAccounts& accounts)
{
    const QString key = spec.value(u"key"_s).toString();
    const QString accountKey = spec.value(u"account"_s).toString();
    const QString prefix = u"demo-card-"_s + key;
    if (key.isEmpty() || !accounts.numbers.contains(accountKey))
        return fail(malformed(u"card "_s + key));

    IssueCardRequest request;
    request.account = accounts.numbers.value(accountKey);
    request.productCode = spec.value(u"product"_s).toString();
    request.presentedIdNumber = idNumberOf(demo, accountKey);
    request.requestId = prefix;
    if (spec.contains(u"limit"_s)) {
        auto limit = parseAmount(spec.value(u"limit"_s).toString(), Currency::cny());
        if (!limit)
            return fail(malformed(u"limit of "_s + key));
        request.limit = *limit;
    }
    auto issued = cards.issue(teller, request);
    if (!issued)
        return fail(issued.error());
    const qint64 card = issued->cardId;

    if (spec.contains(u"pin"_s)) {
        const SecureBytes pin(spec.value(u"pin"_s).toString().toLatin1());
        const SecureBytes confirmation(pin.bytes());
        if (auto set = cards.setPin(teller, card, pin, confirmation, prefix + u"-pin"_s); !set)
            return fail(set.error());
    }
    if (spec.value(u"activate"_s).toBool()) {
        if (auto activated = cards.activate(teller, card, prefix + u"-activate"_s); !activated)
            return fail(activated.error());
    }
    if (const QJsonObject online = spec.value(u"online"_s).toObject(); !online.isEmpty()) {
        const auto method = onlineMethodFromKey(online.value(u"method"_s).toString());
        auto limit = parseAmount(online.value(u"limit"_s).toString(), Currency::cny());
        if (!method || !limit)
            return fail(malformed(u"online payment of "_s + key));
        if (auto set = cards.setOnlinePayment(teller, card, {true, *method, *limit}, prefix + u"-online"_s); !set)
            return fail(set.error());
    }
    if (const QJsonObject loss = spec.value(u"loss"_s).toObject(); !loss.isEmpty()) {
        const auto kind = lossKindFromKey(loss.value(u"kind"_s).toString());
        if (!kind)
            return fail(malformed(u"loss report of "_s + key));
        if (auto reported = cards.reportLoss(teller, card, *kind, loss.value(u"reason"_s).toString(), prefix + u"-loss"_s);
            !reported)
            return fail(reported.error());
    }
    return {};
}

} // namespace

Status DemoCards::seed(const Database& db, const CardVault& vault, const QJsonObject& demo, const DemoAccounts& accounts)
{
    auto teller = DemoLedger::session(db, issuer, accounts.businessDate);
    if (!teller)
        return fail(teller.error());
    const CardService cards(db, vault);
    for (const auto& value : demo.value(u"cards"_s).toArray()) {
        if (auto seeded = seedCard(cards, *teller, value.toObject(), demo, accounts); !seeded)
            return seeded;
    }
    return {};
}

} // namespace cs
