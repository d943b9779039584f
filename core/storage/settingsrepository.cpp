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

Result<QHash<QString, qint64>> SettingsRepository::integers(const QStringList& keys)
{
    QString marks;
    QVariantList values;
    for (const QString& key : keys) {
        marks += marks.isEmpty() ? u"?"_s : u", ?"_s;
        values.append(key);
    }
    auto query = m_uow.execList(u"SELECT key, value FROM settings WHERE key IN ("_s + marks + u")"_s, values);
    if (!query)
        return fail(query.error());
    QHash<QString, qint64> found;
    while (query->next()) {
        bool ok = false;
        const qint64 value = query->value(1).toString().toLongLong(&ok);
        if (ok)
            found.insert(query->value(0).toString(), value);
    }
    query->finish();
    for (const QString& key : keys) {
        if (!found.contains(key))
            return fail(Error::internal(u"setting.missing"_s, u"The setting %1 is missing or not a number"_s.arg(key)));
    }
    return found;
}

} // namespace cs
