#pragma once

#include "common/result.h"
#include "security/cardvault.h"
#include "storage/database.h"

namespace cs::batch {

// The card vault of the batch for `db`, from the store cardKeyStoreFor picks: on SQLite the `.keys`
// file beside the database, created on first use; on PostgreSQL the key in COUNTERSIGN_CARD_KEY
// (64 hex digits), never generated here, since a key that only this process held would die with it.
// Invalid `card.key_malformed` (field COUNTERSIGN_CARD_KEY) when the variable is set but malformed;
// Refused `card.key_missing` on PostgreSQL without it; openCardVault's refusals otherwise.
Result<CardVault> batchCardVault(const Database& db);

} // namespace cs::batch
