#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cs {

// What a setting holds, how it is typed and shown, and its range.
struct SettingDefinition {
    enum class Kind { Money, Count, Minutes, Days, TimeOfDay };
    QString key;
    Kind kind = Kind::Count;
    qint64 min = 0;
    qint64 max = 0;
    const char* label = nullptr;       // QT_TRANSLATE_NOOP("cs::Settings", ...)
    const char* description = nullptr; // QT_TRANSLATE_NOOP("cs::Settings", ...)
};

// The editable settings (limits, timeouts, security), one table in one place.
const QList<SettingDefinition>& settingDefinitions();
const SettingDefinition* findSetting(const QString& key);

struct SettingValue {
    SettingDefinition definition;
    QString value;      // as shown and typed: money in decimal yuan ("50000.00"), "17:15", "5"
    QString label;      // translated
    QString description;
    QDateTime updatedAt;
    QString updatedBy;  // login, empty when never changed
};

class SettingsService {
public:
    explicit SettingsService(Database db);

    Result<QList<SettingValue>> list(const Session& session) const; // setting.read
    Result<SettingValue> get(const Session& session, const QString& key) const;
    // Validates (`setting.unknown`, `setting.invalid`, field "value") and audits the old and new value.
    Status set(const Session& session, const QString& key, const QString& value, const QString& requestId = {}) const;

    // The stored integer (money in fen) for the core's own use, e.g. the lockout count at sign-on.
    Result<qint64> integer(const QString& key) const;

private:
    Database m_db;
};

} // namespace cs
