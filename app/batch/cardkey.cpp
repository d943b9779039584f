#include "batch/cardkey.h"

#include "security/cardkeys.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

const QString keyVariable = u"COUNTERSIGN_CARD_KEY"_s;

bool isHex(const QByteArray& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// The key of COUNTERSIGN_CARD_KEY in `store`; false when the variable is not set.
Result<bool> keyFromEnvironment(SecretStore& store)
{
    const SecureBytes hex(qgetenv("COUNTERSIGN_CARD_KEY").trimmed());
    if (hex.bytes().isEmpty())
        return false;
    if (hex.bytes().size() != 2 * CardVault::masterKeySize || !isHex(hex.bytes()))
        return fail(Error::invalid(u"card.key_malformed"_s, keyVariable,
                                   QCoreApplication::translate("cs::batch", "%1 must hold the card key as %2 hexadecimal "
                                                                            "digits.")
                                       .arg(keyVariable)
                                       .arg(2 * CardVault::masterKeySize)));
    const SecureBytes key(QByteArray::fromHex(hex.bytes()));
    if (auto written = store.write(cardMasterKeyName(), key.bytes()); !written)
        return fail(written.error());
    return true;
}

} // namespace

Result<CardVault> batchCardVault(const Database& db)
{
    MemorySecretStore fromEnvironment;
    auto given = keyFromEnvironment(fromEnvironment);
    if (!given)
        return fail(given.error());
    const auto store = cardKeyStoreFor(db, *given ? &fromEnvironment : nullptr);
    if (!store)
        return fail(Error::refused(u"card.key_missing"_s, keyVariable,
                                   QCoreApplication::translate("cs::batch",
                                                               "Cards on a central database need its card key in %1 "
                                                               "(%2 hexadecimal digits; for a new database, for example "
                                                               "from `openssl rand -hex 32`, kept as safely as the "
                                                               "database password).")
                                       .arg(keyVariable)
                                       .arg(2 * CardVault::masterKeySize)));
    return openCardVault(*store, db, true);
}

} // namespace cs::batch
