#include "cards/cardvaultaccess.h"

#include "security/cardkeys.h"
#include "security/keychainsecretstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

SecretStore* g_testStore = nullptr;

} // namespace

void setCardKeyStoreForTesting(SecretStore* store)
{
    g_testStore = store;
}

Result<CardVault> openTerminalCardVault(const Database& db)
{
    if (g_testStore)
        return openCardVault(*g_testStore, db, true);
    // The keychain is asked only for a PostgreSQL database; an SQLite one keeps its key beside its file.
    KeychainSecretStore keychain;
    std::unique_ptr<SecretStore> store = cardKeyStoreFor(db, &keychain);
    if (!store)
        return fail(Error::unavailable(u"card.key_store"_s, QCoreApplication::translate(
                                                               "cs::ui::CardVaultAccess",
                                                               "This terminal has no place to keep the card key.")));
    return openCardVault(*store, db, true);
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
