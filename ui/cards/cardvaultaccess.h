#pragma once

#include "common/result.h"
#include "security/cardvault.h"
#include "security/secretstore.h"
#include "storage/database.h"

namespace cs::ui {

// The card vault of this terminal for `db`: the card key's store for the database (cardKeyStoreFor:
// the file beside an SQLite database, the system keychain for PostgreSQL), opened with openCardVault,
// which may create and register the key of a database that has none yet.
Result<CardVault> openTerminalCardVault(const Database& db);

// Tests: `store` (not owned; it must outlive its use) stands in for the file and the keychain until
// this is called again with nullptr.
void setCardKeyStoreForTesting(SecretStore* store);

// What to tell the teller when the vault does not open: card.key_missing and card.key_mismatch say that
// an administrator must install the database's card key on this terminal; anything else is the
// error's own message.
QString cardVaultErrorText(const Error& error);

} // namespace cs::ui
