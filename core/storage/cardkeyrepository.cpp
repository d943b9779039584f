#include "storage/cardkeyrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<std::optional<QString>> CardKeyRepository::registeredKeyId()
{
    auto value = m_uow.scalar(u"SELECT key_id FROM card_keys"_s);
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return std::optional<QString>();
    return std::optional<QString>(value->toString());
}

Result<QString> CardKeyRepository::registerKey(const QString& keyId, qint64 createdBy)
{
    // The singleton column makes a second key a conflict; DO NOTHING leaves the first in place, and the
    // read below tells the caller which key won.
    auto inserted = m_uow.exec(u"INSERT INTO card_keys (key_id, created_at, created_by) VALUES (?, ?, ?) "
                               "ON CONFLICT DO NOTHING"_s,
                               {keyId, sql::nowUtc(),
                                createdBy > 0 ? QVariant(createdBy) : QVariant(QMetaType(QMetaType::LongLong))});
    if (!inserted)
        return fail(inserted.error());
    inserted->finish();
    auto registered = registeredKeyId();
    if (!registered)
        return fail(registered.error());
    if (!registered->has_value())
        return fail(Error::internal(u"card.key_register"_s, u"No card key is registered after registering one"_s));
    return **registered;
}

} // namespace cs
