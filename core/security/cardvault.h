#pragma once

#include "common/result.h"
#include "security/secretstore.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <memory>

namespace cs {

// The card secrets of DESIGN rule 9, in the role an HSM plays at a bank. One 32-byte master key (kept
// in a SecretStore, never in the database) derives, by HKDF-SHA256 with distinct labels, three keys:
// - the PAN encryption key (AES-256-GCM),
// - the PAN lookup key (HMAC-SHA256: find a card by its number without decrypting every row),
// - the PIN verification key (HMAC-SHA256: the keyed verification value; the PIN itself is never kept).
// Copies share the key material, which is wiped when the last copy goes.
class CardVault {
public:
    static constexpr int masterKeySize = 32;

    // Invalid `card.key_malformed` unless exactly 32 bytes.
    static Result<CardVault> fromMasterKey(const QByteArray& masterKey);
    // 32 random bytes from OpenSSL's RAND_bytes (Internal `card.key_random` if it fails).
    static Result<QByteArray> generateMasterKey();

    // 16 lower-case hex characters naming the master key without revealing it (HKDF label "key id"):
    // stored beside every sealed PAN and registered in the database, so that a terminal holding another
    // key is refused instead of writing rows nobody can read.
    QString keyId() const;

    // AES-256-GCM of the PAN's ASCII digits: 1 version byte (1) | 12-byte random nonce | ciphertext |
    // 16-byte tag, the key id as additional authenticated data.
    Result<QByteArray> sealPan(QStringView pan) const;
    // Refused `card.pan_unreadable` when the blob was sealed under another key or was altered.
    Result<QString> openPan(const QByteArray& sealed) const;

    // 64 lower-case hex characters: HMAC-SHA256(lookup key, PAN digits). Equal PANs, equal hashes.
    QString panLookupHash(QStringView pan) const;

    // 64 lower-case hex characters: HMAC-SHA256(PIN key, panLookupHash | PIN). Binding the card makes equal
    // PINs on two cards differ.
    QString pinVerificationValue(const QString& panLookupHash, const SecureBytes& pin) const;
    // Compared in constant time.
    bool pinMatches(const QString& panLookupHash, const SecureBytes& pin, const QString& storedValue) const;

private:
    struct Keys;
    explicit CardVault(std::shared_ptr<const Keys> keys);
    std::shared_ptr<const Keys> m_keys;
};

} // namespace cs
