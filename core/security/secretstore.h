#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace cs {

// Where the terminal keeps secrets (the database password, keys): the system keychain in the GUI,
// memory in tests. Never a plain settings file. Callers wipe what they read (SecureBytes).
class SecretStore {
public:
    virtual ~SecretStore() = default;
    virtual bool isAvailable() const = 0;
    // `secret.not_found` (NotFound) when the key holds nothing.
    virtual Result<QByteArray> read(const QString& key) = 0;
    virtual Status write(const QString& key, const QByteArray& secret) = 0;
    virtual Status remove(const QString& key) = 0;
};

// A byte buffer that is overwritten with zeros when it goes out of scope.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArray bytes) : m_bytes(std::move(bytes)) { m_bytes.detach(); }
    ~SecureBytes() { wipe(); }
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    SecureBytes(SecureBytes&& other) noexcept : m_bytes(std::move(other.m_bytes)) {}
    SecureBytes& operator=(SecureBytes&& other) noexcept
    {
        wipe();
        m_bytes = std::move(other.m_bytes);
        return *this;
    }

    const QByteArray& bytes() const { return m_bytes; }
    void wipe();

private:
    QByteArray m_bytes;
};

// Another store's secrets through this one, without owning it (the caller keeps the other store alive).
class BorrowedSecretStore final : public SecretStore {
public:
    explicit BorrowedSecretStore(SecretStore& store) : m_store(store) {}
    bool isAvailable() const override { return m_store.isAvailable(); }
    Result<QByteArray> read(const QString& key) override { return m_store.read(key); }
    Status write(const QString& key, const QByteArray& secret) override { return m_store.write(key, secret); }
    Status remove(const QString& key) override { return m_store.remove(key); }

private:
    SecretStore& m_store;
};

class MemorySecretStore final : public SecretStore {
public:
    ~MemorySecretStore() override;
    bool isAvailable() const override { return true; }
    Result<QByteArray> read(const QString& key) override;
    Status write(const QString& key, const QByteArray& secret) override;
    Status remove(const QString& key) override;

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace cs
