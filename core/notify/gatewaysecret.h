#pragma once

#include "common/result.h"
#include "security/secretstore.h"
#include "storage/database.h"

#include <memory>

namespace cs {

// The SMS gateway's password lives in each sending terminal's SecretStore under this name (never in the
// database or a settings file): the system keychain in the GUI, `<file>.keys` beside an SQLite demo or
// training database, and COUNTERSIGN_SMS_GATEWAY_PASSWORD for the batch on PostgreSQL.
QString gatewaySecretName();

// The store that holds it for `db` (cardKeyStoreFor's rules: a file beside an SQLite file, `fallback` on
// PostgreSQL; nullptr without one).
std::unique_ptr<SecretStore> gatewaySecretStoreFor(const Database& db, SecretStore* fallback);

} // namespace cs
