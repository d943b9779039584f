#pragma once

#include "common/result.h"

#include <QString>

namespace cs {

enum class Dialect { SQLite, PostgreSQL };

// Where the database is, parsed from `sqlite:PATH` or `postgresql://USER:PASSWORD@HOST:PORT/DBNAME?sslmode=...`.
struct DatabaseUrl {
    Dialect dialect = Dialect::SQLite;
    QString path;     // SQLite file
    QString host;     // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString sslMode;  // disable, prefer, require, verify-ca, verify-full (empty: driver default)

    static Result<DatabaseUrl> parse(const QString& text);
    // For logs and the status bar: never shows the password.
    QString displayName() const;
    // The URL again, password included; for handing to a child process only.
    QString toString() const;
};

} // namespace cs
