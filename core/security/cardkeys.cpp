#include "security/cardkeys.h"

#include "storage/cardkeyrepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

Error keyMissing()
{
    return Error::refused(u"card.key_missing"_s, {},
                          QCoreApplication::translate("cs::CardKeys",
                                                      "This terminal does not hold the card key of this database. An "
                                                      "administrator installs the database's card key on this terminal."));
}

Error keyMismatch()
{
    return Error::refused(u"card.key_mismatch"_s, {},
                          QCoreApplication::translate("cs::CardKeys",
                                                      "The card key of this terminal is not the one this database was "
                                                      "set up with. An administrator installs the database's card key "
                                                      "on this terminal."));
}

// Overwrites a buffer this code owns before it goes.
void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

Result<QString> registerKeyId(const Database& db, const QString& keyId)
{
    QString registered;
    const Status done = db.transact([&](UnitOfWork& uow) -> Status {
        auto id = CardKeyRepository(uow).registerKey(keyId, 0);
        if (!id)
            return fail(id.error());
        registered = *id;
        return {};
    });
    if (!done)
        return fail(done.error());
    return registered;
}

Result<std::optional<QString>> registeredKeyId(const Database& db)
{
    std::optional<QString> id;
    const Status read = db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto found = CardKeyRepository(uow).registeredKeyId();
            if (!found)
                return fail(found.error());
            id = *found;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return id;
}

} // namespace

QString cardMasterKeyName() { return u"countersign/card-master-key"_s; }

Result<CardVault> openCardVault(SecretStore& store, const Database& db, bool mayCreate)
{
    auto stored = store.read(cardMasterKeyName());
    if (!stored && stored.error().code != u"secret.not_found"_s)
        return fail(stored.error());
    SecureBytes key(stored ? std::move(*stored) : QByteArray());

    auto registered = registeredKeyId(db);
    if (!registered)
        return fail(registered.error());

    if (key.bytes().isEmpty()) {
        if (registered->has_value() || !mayCreate)
            return fail(keyMissing());
        auto fresh = CardVault::generateMasterKey();
        if (!fresh)
            return fail(fresh.error());
        key = SecureBytes(std::move(*fresh));
        // Written before it is registered: a key registered but kept nowhere would lock every card out.
        if (auto written = store.write(cardMasterKeyName(), key.bytes()); !written)
            return fail(written.error());
    }

    auto vault = CardVault::fromMasterKey(key.bytes());
    if (!vault)
        return fail(vault.error());
    if (registered->has_value()) {
        if (**registered != vault->keyId())
            return fail(keyMismatch());
        return std::move(*vault);
    }
    auto now = registerKeyId(db, vault->keyId());
    if (!now)
        return fail(now.error());
    if (*now != vault->keyId())
        return fail(keyMismatch()); // another terminal registered its key first
    return std::move(*vault);
}

std::unique_ptr<SecretStore> cardKeyStoreFor(const Database& db, SecretStore* fallback)
{
    if (db.dialect() == Dialect::SQLite) {
        const QString path = db.url().path;
        if (path.isEmpty() || path == u":memory:"_s)
            return std::make_unique<MemorySecretStore>();
        return std::make_unique<FileSecretStore>(path + u".keys"_s);
    }
    if (!fallback)
        return nullptr;
    return std::make_unique<BorrowedSecretStore>(*fallback);
}

// The file: a JSON object of name -> base64 value, rewritten whole on every change.

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path)) {}

namespace {

Error fileError(const QString& path, const QString& detail)
{
    return Error::unavailable(u"secret.file"_s, QCoreApplication::translate("cs::CardKeys", "The key file %1 cannot be used: %2")
                                                    .arg(path, detail));
}

Result<QJsonObject> readAll(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return fail(fileError(path, file.errorString()));
    QByteArray bytes = file.readAll();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    wipe(bytes);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(fileError(path, QCoreApplication::translate("cs::CardKeys", "it is not a key file")));
    return doc.object();
}

Status writeAll(const QString& path, const QJsonObject& all)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(fileError(path, file.errorString()));
    // Owner only, before a byte of the key is written.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(fileError(path, file.errorString()));
    QByteArray bytes = QJsonDocument(all).toJson(QJsonDocument::Compact);
    const bool written = file.write(bytes) == bytes.size();
    wipe(bytes);
    if (!written || !file.commit())
        return fail(fileError(path, file.errorString()));
    // QSaveFile keeps an existing file's mode on some platforms: make sure of it.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Error emptyName()
{
    return Error::invalid(u"secret.key"_s, u"key"_s,
                          QCoreApplication::translate("cs::SecretStore", "A secret needs a non-empty name."));
}

} // namespace

Result<QByteArray> FileSecretStore::read(const QString& key)
{
    if (key.isEmpty())
        return fail(emptyName());
    auto all = readAll(m_path);
    if (!all)
        return fail(all.error());
    if (!all->contains(key))
        return fail(Error::notFound(
            u"secret.not_found"_s, {},
            QCoreApplication::translate("cs::SecretStore", "No secret is stored under “%1”.").arg(key)));
    QByteArray encoded = all->value(key).toString().toLatin1();
    QByteArray secret = QByteArray::fromBase64(encoded);
    wipe(encoded);
    return secret;
}

Status FileSecretStore::write(const QString& key, const QByteArray& secret)
{
    if (key.isEmpty())
        return fail(emptyName());
    auto all = readAll(m_path);
    if (!all)
        return fail(all.error());
    all->insert(key, QString::fromLatin1(secret.toBase64()));
    return writeAll(m_path, *all);
}

Status FileSecretStore::remove(const QString& key)
{
    if (key.isEmpty())
        return fail(emptyName());
    auto all = readAll(m_path);
    if (!all)
        return fail(all.error());
    if (!all->contains(key))
        return {};
    all->remove(key);
    return writeAll(m_path, *all);
}

} // namespace cs
