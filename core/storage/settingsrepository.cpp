#include "storage/settingsrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<QList<StoredSetting>> SettingsRepository::select(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(u"SELECT s.key, s.value, s.updated_at, st.login FROM settings s "
                                "LEFT JOIN staff st ON st.id = s.updated_by "_s + condition,
                                values);
    if (!query)
        return fail(query.error());
    QList<StoredSetting> settings;
    while (query->next())
        settings.append({query->value(0).toString(), query->value(1).toString(), sql::toDateTime(query->value(2)),
                         query->value(3).toString()});
    query->finish();
    return settings;
}

Result<QList<StoredSetting>> SettingsRepository::list() { return select(u"ORDER BY s.key"_s, {}); }

Result<std::optional<StoredSetting>> SettingsRepository::find(const QString& key)
{
    auto found = select(u"WHERE s.key = ?"_s, {key});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::optional<StoredSetting>() : std::optional<StoredSetting>(found->takeFirst());
}

Status SettingsRepository::update(const QString& key, const QString& value, qint64 staffId)
{
    auto query = m_uow.exec(u"UPDATE settings SET value = ?, updated_at = ?, updated_by = ? WHERE key = ?"_s,
                            {value, sql::nowUtc(), staffId, key});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"setting.unknown"_s, u"key"_s, {}));
    return {};
}

} // namespace cs
