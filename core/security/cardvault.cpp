#include "security/cardvault.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace cs {

namespace {

constexpr int derivedKeySize = 32;
constexpr int nonceSize = 12;
constexpr int tagSize = 16;
constexpr char sealVersion = 1;

// A key that is wiped when it goes.
struct WipedKey {
    QByteArray bytes;
    ~WipedKey() { OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size())); }
};

std::optional<QByteArray> hkdf(const QByteArray& master, const char* label)
{
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), EVP_KDF_free);
    if (!kdf)
        return std::nullopt;
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), EVP_KDF_CTX_free);
    if (!ctx)
        return std::nullopt;
    char digest[] = "SHA256";
    char salt[] = "countersign card vault v1";
    QByteArray info(label);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char*>(master.constData()),
                                          static_cast<size_t>(master.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt, sizeof(salt) - 1),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), static_cast<size_t>(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(derivedKeySize, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), derivedKeySize, params) != 1)
        return std::nullopt;
    return out;
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.constData(), key.size(), reinterpret_cast<const unsigned char*>(data.constData()),
         static_cast<size_t>(data.size()), digest, &length);
    return QByteArray(reinterpret_cast<const char*>(digest), int(length));
}

Error unreadable()
{
    return Error::refused(u"card.pan_unreadable"_s, u"card"_s,
                          QCoreApplication::translate("cs::Cards", "The stored card number cannot be read with this "
                                                                   "terminal's card key."));
}

} // namespace

struct CardVault::Keys {
    WipedKey encryption;
    WipedKey lookup;
    WipedKey pin;
    QString keyId;
};

CardVault::CardVault(std::shared_ptr<const Keys> keys) : m_keys(std::move(keys)) {}

Result<CardVault> CardVault::fromMasterKey(const QByteArray& masterKey)
{
    if (masterKey.size() != masterKeySize)
        return fail(Error::invalid(u"card.key_malformed"_s, u"card_key"_s,
                                   QCoreApplication::translate("cs::Cards", "A card master key has exactly 32 bytes.")));
    auto keys = std::make_shared<Keys>();
    const auto encryption = hkdf(masterKey, "pan encryption");
    const auto lookup = hkdf(masterKey, "pan lookup");
    const auto pin = hkdf(masterKey, "pin verification");
    const auto id = hkdf(masterKey, "key id");
    if (!encryption || !lookup || !pin || !id)
        return fail(Error::internal(u"card.key_derivation"_s,
                                    QCoreApplication::translate("cs::Cards", "The card keys could not be derived.")));
    keys->encryption.bytes = *encryption;
    keys->lookup.bytes = *lookup;
    keys->pin.bytes = *pin;
    keys->keyId = QString::fromLatin1(id->left(8).toHex());
    return CardVault(std::move(keys));
}

Result<QByteArray> CardVault::generateMasterKey()
{
    QByteArray key(masterKeySize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), masterKeySize) != 1)
        return fail(Error::internal(u"card.key_random"_s,
                                    QCoreApplication::translate("cs::Cards", "No random card key could be made.")));
    return key;
}

QString CardVault::keyId() const { return m_keys->keyId; }

Result<QByteArray> CardVault::sealPan(QStringView pan) const
{
    const QByteArray plain = pan.toLatin1();
    const QByteArray aad = m_keys->keyId.toLatin1();
    QByteArray out(1 + nonceSize + plain.size() + tagSize, Qt::Uninitialized);
    out[0] = sealVersion;
    auto* nonce = reinterpret_cast<unsigned char*>(out.data() + 1);
    auto* cipher = nonce + nonceSize;
    if (RAND_bytes(nonce, nonceSize) != 1)
        return fail(Error::internal(u"card.key_random"_s,
                                    QCoreApplication::translate("cs::Cards", "No random card key could be made.")));
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
                    && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceSize, nullptr) == 1
                    && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr,
                                          reinterpret_cast<const unsigned char*>(m_keys->encryption.bytes.constData()),
                                          nonce) == 1
                    && EVP_EncryptUpdate(ctx.get(), nullptr, &length,
                                         reinterpret_cast<const unsigned char*>(aad.constData()), int(aad.size())) == 1
                    && EVP_EncryptUpdate(ctx.get(), cipher, &length,
                                         reinterpret_cast<const unsigned char*>(plain.constData()), int(plain.size())) == 1
                    && EVP_EncryptFinal_ex(ctx.get(), cipher + length, &length) == 1
                    && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagSize, cipher + plain.size()) == 1;
    if (!ok)
        return fail(Error::internal(u"card.seal_failed"_s,
                                    QCoreApplication::translate("cs::Cards", "The card number could not be encrypted.")));
    return out;
}

Result<QString> CardVault::openPan(const QByteArray& sealed) const
{
    if (sealed.size() <= 1 + nonceSize + tagSize || sealed[0] != sealVersion)
        return fail(unreadable());
    const QByteArray aad = m_keys->keyId.toLatin1();
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData() + 1);
    const auto* cipher = nonce + nonceSize;
    const int cipherSize = int(sealed.size()) - 1 - nonceSize - tagSize;
    WipedKey plain{QByteArray(cipherSize, Qt::Uninitialized)};
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
                    && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceSize, nullptr) == 1
                    && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr,
                                          reinterpret_cast<const unsigned char*>(m_keys->encryption.bytes.constData()),
                                          nonce) == 1
                    && EVP_DecryptUpdate(ctx.get(), nullptr, &length,
                                         reinterpret_cast<const unsigned char*>(aad.constData()), int(aad.size())) == 1
                    && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.bytes.data()), &length, cipher,
                                         cipherSize) == 1
                    && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagSize,
                                           const_cast<unsigned char*>(cipher + cipherSize)) == 1
                    && EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.bytes.data()) + length,
                                           &length) == 1;
    if (!ok)
        return fail(unreadable());
    return QString::fromLatin1(plain.bytes);
}

QString CardVault::panLookupHash(QStringView pan) const
{
    return QString::fromLatin1(hmacSha256(m_keys->lookup.bytes, pan.toLatin1()).toHex());
}

QString CardVault::pinVerificationValue(const QString& panLookupHash, const SecureBytes& pin) const
{
    WipedKey message{panLookupHash.toLatin1() + '|' + pin.bytes()};
    return QString::fromLatin1(hmacSha256(m_keys->pin.bytes, message.bytes).toHex());
}

bool CardVault::pinMatches(const QString& panLookupHash, const SecureBytes& pin, const QString& storedValue) const
{
    const QByteArray computed = pinVerificationValue(panLookupHash, pin).toLatin1();
    const QByteArray stored = storedValue.toLatin1();
    return computed.size() == stored.size()
           && CRYPTO_memcmp(computed.constData(), stored.constData(), static_cast<size_t>(computed.size())) == 0;
}

} // namespace cs
