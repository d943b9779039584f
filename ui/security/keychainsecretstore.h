#pragma once

#include "security/secretstore.h"

#include <QString>

#include <optional>

namespace cs::ui {

// The SecretStore of the GUI: the system keychain through QtKeychain (on Linux the freedesktop secret
// service, e.g. gnome-keyring or KWallet). Never falls back to a plaintext file: without a reachable
// secret service every call fails with `secret.unavailable`.
//
// QtKeychain works asynchronously; each call here runs its job to the end in a local event loop (user
// input excluded), so call it from the GUI thread of a running QCoreApplication.
class KeychainSecretStore final : public SecretStore {
public:
    // `service` names the collection of entries ("Countersign"); tests pass their own throwaway name.
    explicit KeychainSecretStore(QString service = defaultService());

    static QString defaultService() { return QStringLiteral("Countersign"); }
    QString service() const { return m_service; }

    // Probes the keychain once by writing and deleting a test entry; the answer is cached (a later
    // successful write also marks the store available).
    bool isAvailable() const override;
    Result<QByteArray> read(const QString& key) override;
    Status write(const QString& key, const QByteArray& secret) override;
    Status remove(const QString& key) override;

private:
    QString m_service;
    mutable std::optional<bool> m_available;
};

} // namespace cs::ui
