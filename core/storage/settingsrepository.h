#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QList>

#include <optional>

namespace cs {

struct StoredSetting {
    QString key;
    QString value; // as stored: money in fen, minutes, "17:15"
    QDateTime updatedAt;
    QString updatedBy; // login
};

class SettingsRepository {
public:
    explicit SettingsRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<QList<StoredSetting>> list();
    Result<std::optional<StoredSetting>> find(const QString& key);
    Status update(const QString& key, const QString& value, qint64 staffId);
    // The integer values (money in fen) of the keys, in one round trip; a missing or non-numeric key
    // is Internal `setting.missing` naming it (the migrations seed every default).
    Result<QHash<QString, qint64>> integers(const QStringList& keys);

private:
    Result<QList<StoredSetting>> select(const QString& condition, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
