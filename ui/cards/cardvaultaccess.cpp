#include "cards/cardvaultaccess.h"

#include "security/cardkeys.h"
#include "security/keychainsecretstore.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

SecretStore* g_testStore = nullptr;

} // namespace

void setCardKeyStoreForTesting(SecretStore* store)
{
    g_testStore = store;
}

namespace {

// The store of the card key for `db` on this terminal, with `keychain` as the PostgreSQL store.
std::unique_ptr<SecretStore> terminalStore(const Database& db, SecretStore& keychain)
{
    if (g_testStore)
        return std::make_unique<BorrowedSecretStore>(*g_testStore);
    return cardKeyStoreFor(db, &keychain);
}

Error noKeyStore()
{
    return Error::unavailable(u"card.key_store"_s, QCoreApplication::translate(
                                                       "cs::ui::CardVaultAccess",
                                                       "This terminal has no place to keep the card key."));
}

} // namespace

Result<CardVault> openTerminalCardVault(const Database& db)
{
    // The keychain is asked only for a PostgreSQL database; an SQLite one keeps its key beside its file.
    KeychainSecretStore keychain;
    std::unique_ptr<SecretStore> store = terminalStore(db, keychain);
    if (!store)
        return fail(noKeyStore());
    return openCardVault(*store, db, db.dialect() == Dialect::SQLite);
}

Status installTerminalCardKey(const Database& db, const QByteArray& hexKey)
{
    const QByteArray typed = hexKey.trimmed();
    static const QRegularExpression hex(u"^[0-9a-fA-F]{64}$"_s);
    if (!hex.match(QString::fromLatin1(typed)).hasMatch())
        return fail(Error::invalid(u"card.key_malformed"_s, u"card_key"_s,
                                   QCoreApplication::translate("cs::ui::CardVaultAccess",
                                                               "A card key is 64 hexadecimal digits.")));
    SecureBytes key(QByteArray::fromHex(typed));
    KeychainSecretStore keychain;
    std::unique_ptr<SecretStore> store = terminalStore(db, keychain);
    if (!store)
        return fail(noKeyStore());
    // Whatever this terminal held before is replaced only by a key the database accepts.
    auto previous = store->read(cardMasterKeyName());
    const std::optional<SecureBytes> kept = previous ? std::optional<SecureBytes>(SecureBytes(*previous)) : std::nullopt;
    if (auto written = store->write(cardMasterKeyName(), key.bytes()); !written)
        return written;
    auto vault = openCardVault(*store, db, false);
    if (vault)
        return {};
    if (kept)
        (void)store->write(cardMasterKeyName(), kept->bytes());
    else
        (void)store->remove(cardMasterKeyName());
    return fail(vault.error());
}

QString cardVaultErrorText(const Error& error)
{
    if (error.code == u"card.key_missing")
        return QCoreApplication::translate("cs::ui::CardVaultAccess",
                                           "Cards cannot be served on this terminal: the card key of this database is "
                                           "not installed here. An administrator must install the card key on this "
                                           "terminal.");
    if (error.code == u"card.key_mismatch")
        return QCoreApplication::translate("cs::ui::CardVaultAccess",
                                           "Cards cannot be served on this terminal: it holds another card key than "
                                           "this database. An administrator must install the database's card key on "
                                           "this terminal.");
    return QCoreApplication::translate("cs::ui::CardVaultAccess", "Cards cannot be served on this terminal: %1")
        .arg(error.message);
}

} // namespace cs::ui
