#pragma once

#include "auth/authservice.h"
#include "security/cardkeys.h"
#include "services/cardservice.h"
#include "services/demodata.h"

#include <QMap>
#include <QString>

namespace cs::test {

// The card key as countersign-batch finds it on the test's backend, and the same vault in the test
// process: on SQLite the `.keys` file the batch creates beside the database; on PostgreSQL a key made
// here and handed to every run in COUNTERSIGN_CARD_KEY.
class CardKeyFixture {
public:
    Status init(const Database& db)
    {
        if (db.dialect() != Dialect::PostgreSQL)
            return {};
        auto key = CardVault::generateMasterKey();
        if (!key)
            return fail(key.error());
        m_hex = QString::fromLatin1(key->toHex());
        return {};
    }

    // What each run of the batch gets in its environment.
    QMap<QString, QString> env() const
    {
        if (m_hex.isEmpty())
            return {};
        return {{QStringLiteral("COUNTERSIGN_CARD_KEY"), m_hex}};
    }

    Result<CardVault> vault(const Database& db) const
    {
        MemorySecretStore given;
        if (!m_hex.isEmpty()) {
            if (auto written = given.write(cardMasterKeyName(), QByteArray::fromHex(m_hex.toLatin1())); !written)
                return fail(written.error());
        }
        const auto store = cardKeyStoreFor(db, &given);
        return openCardVault(*store, db, false);
    }

    // The full number of a card still `issued`, as its voucher shows it (read by teller1).
    Result<QString> fullPan(const Database& db, qint64 cardId) const
    {
        auto v = vault(db);
        if (!v)
            return fail(v.error());
        auto teller = AuthService(db).signOn(QStringLiteral("teller1"), QString::fromUtf16(DemoData::password),
                                             QStringLiteral("T-TEST"));
        if (!teller)
            return fail(teller.error());
        return CardService(db, *v).voucherPan(*teller, cardId);
    }

private:
    QString m_hex;
};

} // namespace cs::test
