#pragma once

#include "common/result.h"
#include "storage/databaseurl.h"

#include <QSqlError>

namespace cs {

// A serialization failure, deadlock or busy file: the transaction may succeed if run again.
bool isRetryable(const QSqlError& error, Dialect dialect);
// A constraint of the schema refused the write (unique, check, foreign key, trigger).
bool isConstraintViolation(const QSqlError& error, Dialect dialect);
Error toError(const QSqlError& error, Dialect dialect, const QString& what);

} // namespace cs
