#include "storage/sqlerror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// SQLite primary result codes (the native code may carry an extended code in its upper bits).
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteConstraint = 19;

int sqlitePrimaryCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

} // namespace

bool isRetryable(const QSqlError& error, Dialect dialect)
{
    if (dialect == Dialect::PostgreSQL) {
        const QString state = error.nativeErrorCode();
        return state == u"40001"_s || state == u"40P01"_s;
    }
    const int code = sqlitePrimaryCode(error);
    return code == sqliteBusy || code == sqliteLocked;
}

bool isConstraintViolation(const QSqlError& error, Dialect dialect)
{
    if (dialect == Dialect::PostgreSQL) {
        // Class 23: integrity constraint violation; P0001: RAISE EXCEPTION from our triggers.
        const QString state = error.nativeErrorCode();
        return state.startsWith(u"23"_s) || state == u"P0001"_s;
    }
    return sqlitePrimaryCode(error) == sqliteConstraint;
}

Error toError(const QSqlError& error, Dialect dialect, const QString& what)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // 42501: the database role lacks the privilege (the application role never changes the journal or audit).
    if (dialect == Dialect::PostgreSQL && error.nativeErrorCode() == u"42501"_s)
        return Error::refused(u"db.permission_denied"_s, {},
                              QCoreApplication::translate("cs::SqlError",
                                                          "The database does not allow this terminal's role to %1: %2")
                                  .arg(what, detail));
    if (isRetryable(error, dialect))
        return Error::conflict(u"db.conflict"_s,
                               QCoreApplication::translate("cs::SqlError",
                                                           "Another terminal changed the same data; "
                                                           "try again (%1).").arg(what));
    if (isConstraintViolation(error, dialect))
        return Error::refused(u"db.constraint"_s, {},
                              QCoreApplication::translate("cs::SqlError",
                                                          "The database refused %1: %2").arg(what, detail));
    if (error.type() == QSqlError::ConnectionError)
        return Error::unavailable(u"db.unavailable"_s,
                                  QCoreApplication::translate("cs::SqlError",
                                                              "The database is not available: %1").arg(detail));
    return Error::internal(u"db.error"_s,
                           QCoreApplication::translate("cs::SqlError", "Database error in %1: %2")
                               .arg(what, detail));
}

} // namespace cs
