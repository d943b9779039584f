#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <memory>

// The calling thread's named connections and their prepared statements. Each thread owns its own
// QSqlDatabase connections (Qt forbids sharing one across threads); they close when the thread ends.
namespace cs::connections {

// The connection of this thread for `prefix`, or an invalid QSqlDatabase when there is none yet.
QSqlDatabase find(const QString& prefix);
QString threadConnectionName(const QString& prefix);
void remember(const QString& prefix, const QString& name);
void close(const QString& prefix);

// A statement prepared once per connection and reused (QPSQL prepares with server round trips).
// Null when the statement does not prepare; `prepareError` then says why.
std::shared_ptr<QSqlQuery> cachedStatement(const QSqlDatabase& db, const QString& sql, QSqlError* prepareError);
// Releases every cached statement's result on this connection (SQLite commits need no open reads).
void finishStatements(const QSqlDatabase& db);

} // namespace cs::connections
