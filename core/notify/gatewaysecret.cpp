#include "notify/gatewaysecret.h"

#include "security/cardkeys.h"

using namespace Qt::StringLiterals;

namespace cs {

QString gatewaySecretName() { return u"countersign/sms-gateway-password"_s; }

std::unique_ptr<SecretStore> gatewaySecretStoreFor(const Database& db, SecretStore* fallback)
{
    // The card key's store is the terminal's store for this database; the gateway password sits beside it.
    return cardKeyStoreFor(db, fallback);
}

} // namespace cs
