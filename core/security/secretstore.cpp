#include "security/secretstore.h"

#include <QCoreApplication>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Overwrites the bytes of `bytes` with zeros and empties it. A buffer shared with another QByteArray is
// not touched in place (that would zero the other holder's copy under it); it is only released here.
void cleanse(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

// A private copy: never shares its buffer with the caller, so it can be wiped without touching theirs.
QByteArray deepCopy(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QByteArray() : QByteArray(bytes.constData(), bytes.size());
}

Error emptyKey()
{
    return Error::invalid(u"secret.key"_s, u"key"_s,
                          QCoreApplication::translate("cs::SecretStore", "A secret needs a non-empty name."));
}

} // namespace

void SecureBytes::wipe()
{
    // Zeroes the bytes and empties the array but keeps its (now zeroed) allocation until destruction,
    // so a test can look at the very buffer after the wipe.
    if (m_bytes.isEmpty())
        return;
    if (m_bytes.isDetached()) {
        OPENSSL_cleanse(m_bytes.data(), static_cast<size_t>(m_bytes.size()));
        m_bytes.truncate(0);
    } else {
        m_bytes.clear();
    }
}

MemorySecretStore::~MemorySecretStore()
{
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        cleanse(it.value());
    m_secrets.clear();
}

Result<QByteArray> MemorySecretStore::read(const QString& key)
{
    if (key.isEmpty())
        return fail(emptyKey());
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return fail(Error::notFound(
            u"secret.not_found"_s, {},
            QCoreApplication::translate("cs::SecretStore", "No secret is stored under “%1”.").arg(key)));
    return deepCopy(it.value());
}

Status MemorySecretStore::write(const QString& key, const QByteArray& secret)
{
    if (key.isEmpty())
        return fail(emptyKey());
    auto it = m_secrets.find(key);
    if (it != m_secrets.end()) {
        cleanse(it.value());
        it.value() = deepCopy(secret);
    } else {
        m_secrets.insert(key, deepCopy(secret));
    }
    return {};
}

Status MemorySecretStore::remove(const QString& key)
{
    if (key.isEmpty())
        return fail(emptyKey());
    auto it = m_secrets.find(key);
    if (it != m_secrets.end()) {
        cleanse(it.value());
        m_secrets.erase(it);
    }
    return {};
}

} // namespace cs
