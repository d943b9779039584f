#pragma once

#include "common/result.h"
#include "security/cardvault.h"
#include "security/secretstore.h"
#include "storage/database.h"

#include <memory>

namespace cs {

// The name under which a SecretStore keeps the card master key (32 raw bytes).
QString cardMasterKeyName();

// The card vault of this terminal for `db`. The database registers the id of its one master key
// (table card_keys); the key itself lives only in `store`.
// - store has a key, the database none: the key is registered (first use of a new database);
// - store has none, the database none, and `mayCreate`: a new key is generated, written to the store,
//   then registered (a concurrent terminal doing the same loses the race and is refused card.key_mismatch,
//   having removed nothing);
// - store has none, the database has one: Refused `card.key_missing` (the message says an administrator
//   installs the database's card key on this terminal);
// - the ids differ: Refused `card.key_mismatch`.
Result<CardVault> openCardVault(SecretStore& store, const Database& db, bool mayCreate);

// The store a terminal or the batch keeps the card master key in for `db`:
// - an SQLite database file (demo or training branch): a FileSecretStore in the same directory,
//   `<file>.keys`, mode 0600, readable only by its owner; an in-memory SQLite database: memory;
// - PostgreSQL: `fallback` (the system keychain in the GUI; in the batch, COUNTERSIGN_CARD_KEY as 64 hex
//   digits put into a MemorySecretStore).
// Nullptr for PostgreSQL without a fallback.
std::unique_ptr<SecretStore> cardKeyStoreFor(const Database& db, SecretStore* fallback);

// A SecretStore in one file holding name/value pairs (values base64), written atomically with mode 0600.
// Only for the card key of an SQLite demo or training database, which lives beside it on the same disk.
class FileSecretStore final : public SecretStore {
public:
    explicit FileSecretStore(QString path);
    bool isAvailable() const override { return true; }
    Result<QByteArray> read(const QString& key) override;
    Status write(const QString& key, const QByteArray& secret) override;
    Status remove(const QString& key) override;

private:
    QString m_path;
};

} // namespace cs
