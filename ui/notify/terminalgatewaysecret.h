#pragma once

#include "common/result.h"
#include "security/secretstore.h"
#include "storage/database.h"

#include <memory>

namespace cs::ui {

class KeychainSecretStore;

// This terminal's store of the SMS gateway's password for `db` (gatewaySecretStoreFor: the file beside
// an SQLite database, the system keychain for PostgreSQL). The password is written here and read only
// by the NoticeSender; the screens learn no more than whether one is stored.
class TerminalGatewaySecret {
public:
    explicit TerminalGatewaySecret(const Database& db);
    ~TerminalGatewaySecret();
    TerminalGatewaySecret(const TerminalGatewaySecret&) = delete;
    TerminalGatewaySecret& operator=(const TerminalGatewaySecret&) = delete;

    // The store, for a NoticeSender; null when this terminal has no place for the password.
    SecretStore* store() const { return m_store.get(); }
    // Whether the store holds a password (what it is stays unread past this call).
    bool isStored() const;
    // Replaces the stored password; Invalid notice.gateway_password (field password) when empty.
    Status write(const QString& password);

private:
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<SecretStore> m_store;
};

// Tests: `store` (not owned; it must outlive its use) stands in for the file and the keychain until
// this is called again with nullptr.
void setGatewaySecretStoreForTesting(SecretStore* store);

} // namespace cs::ui
