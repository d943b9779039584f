#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QList>
#include <QString>

namespace cs {

struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

// Applies the numbered migrations of a directory (by default the embedded :/db/migrations) that the
// database has not seen, all in one transaction, and records each in schema_migrations.
class Migrator {
public:
    explicit Migrator(Database db, QString directory = QStringLiteral(":/db/migrations"));

    // The migrations for this database's dialect, in order: `NNNN_name.sql` serves both dialects,
    // `NNNN_name.sqlite.sql` / `NNNN_name.postgresql.sql` one each.
    Result<QList<Migration>> available() const;
    // 0 for an empty database.
    Result<int> currentVersion() const;
    int latestVersion() const;

    // Brings the schema to the latest version and returns it. Refuses (`schema.too_new`) a database
    // whose version is newer than this program knows; a failing migration rolls back all of this run.
    Result<int> migrate() const;

private:
    Database m_db;
    QString m_directory;
};

// Cuts a migration file into statements at `;`, respecting quotes, comments, PostgreSQL dollar
// quoting and SQLite CREATE TRIGGER ... END blocks.
QStringList splitSqlStatements(const QString& script);

} // namespace cs
