#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QString>

#include <optional>

namespace cs {

// The database's one card master key id (table card_keys, 0010): the key itself is never stored here.
class CardKeyRepository {
public:
    explicit CardKeyRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<QString>> registeredKeyId();
    // Registers `keyId` unless a key is registered already (also one a concurrent transaction just
    // committed): the key id registered afterwards, which differs from `keyId` when another won.
    Result<QString> registerKey(const QString& keyId, qint64 createdBy);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
