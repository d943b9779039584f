#include "security/passwordhasher.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

constexpr int saltBytes = 16;
constexpr int keyBytes = 32;

// Wipes the password's bytes when they go out of scope.
struct SecretBytes {
    QByteArray data;
    ~SecretBytes() { OPENSSL_cleanse(data.data(), static_cast<size_t>(data.size())); }
};

std::optional<QByteArray> scrypt(const QByteArray& password, const QByteArray& salt, PasswordHasher::Params p)
{
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr), EVP_KDF_free);
    if (!kdf)
        return std::nullopt;
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), EVP_KDF_CTX_free);
    if (!ctx)
        return std::nullopt;
    uint64_t n = uint64_t{1} << p.logN;
    uint32_t r = static_cast<uint32_t>(p.r);
    uint32_t par = static_cast<uint32_t>(p.p);
    uint64_t maxmem = 128 * n * r * 2 + (1 << 20);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.constData()),
                                          static_cast<size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.constData()),
                                          static_cast<size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &par),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(keyBytes, '\0');
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(key.data()), keyBytes, params) != 1)
        return std::nullopt;
    return key;
}

struct Parsed {
    PasswordHasher::Params params;
    QByteArray salt;
    QByteArray key;
};

std::optional<Parsed> parse(const QString& encoded)
{
    static const QRegularExpression format(
        u"^\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)$"_s);
    const auto m = format.match(encoded);
    if (!m.hasMatch())
        return std::nullopt;
    Parsed parsed;
    parsed.params = {m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
    if (parsed.params.logN < 10 || parsed.params.logN > 22 || parsed.params.r < 1 || parsed.params.p < 1)
        return std::nullopt;
    parsed.salt = QByteArray::fromBase64(m.captured(4).toLatin1());
    parsed.key = QByteArray::fromBase64(m.captured(5).toLatin1());
    if (parsed.salt.size() < saltBytes || parsed.key.size() != keyBytes)
        return std::nullopt;
    return parsed;
}

} // namespace

Result<QString> PasswordHasher::hash(const QString& password, Params params)
{
    QByteArray salt(saltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), saltBytes) != 1)
        return fail(Error::internal(u"crypto.random"_s, QCoreApplication::translate("cs::PasswordHasher", "The system random generator failed.")));
    const SecretBytes secret{password.toUtf8()};
    const auto key = scrypt(secret.data, salt, params);
    if (!key)
        return fail(Error::internal(u"crypto.kdf"_s, QCoreApplication::translate("cs::PasswordHasher", "scrypt is not available in this OpenSSL.")));
    return u"$scrypt$ln=%1,r=%2,p=%3$%4$%5"_s.arg(params.logN).arg(params.r).arg(params.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key->toBase64()));
}

bool PasswordHasher::verify(const QString& password, const QString& encoded)
{
    const auto parsed = parse(encoded);
    if (!parsed)
        return false;
    const SecretBytes secret{password.toUtf8()};
    const auto key = scrypt(secret.data, parsed->salt, parsed->params);
    return key && CRYPTO_memcmp(key->constData(), parsed->key.constData(), keyBytes) == 0;
}

bool PasswordHasher::needsRehash(const QString& encoded, Params params)
{
    const auto parsed = parse(encoded);
    return !parsed || parsed->params.logN < params.logN || parsed->params.r < params.r
        || parsed->params.p < params.p;
}

} // namespace cs
