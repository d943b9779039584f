#pragma once

#include "common/result.h"
#include "security/cardvault.h"
#include "security/secretstore.h"
#include "storage/database.h"

namespace cs::ui {

// The card vault of this terminal for `db`: the card key's store for the database (cardKeyStoreFor:
// the file beside an SQLite database, the system keychain for PostgreSQL), opened with openCardVault.
// Only an SQLite database gets a new key made here: the key of a central database is made once by an
// administrator and installed on every terminal (installTerminalCardKey), since a key made by one
// terminal would live in that terminal's keychain alone.
Result<CardVault> openTerminalCardVault(const Database& db);

// `countersign --db URL --install-card-key` (the key as 64 hexadecimal digits on standard input): puts
// the database's card key into this terminal's store. The database registers it when it has no key yet;
// a key other than the registered one is refused card.key_mismatch and taken out of the store again.
// Invalid card.key_malformed for anything but 64 hexadecimal digits.
Status installTerminalCardKey(const Database& db, const QByteArray& hexKey);

// Tests: `store` (not owned; it must outlive its use) stands in for the file and the keychain until
// this is called again with nullptr.
void setCardKeyStoreForTesting(SecretStore* store);

// What to tell the teller when the vault does not open: card.key_missing and card.key_mismatch say that
// an administrator must install the database's card key on this terminal; anything else is the
// error's own message.
QString cardVaultErrorText(const Error& error);

} // namespace cs::ui
