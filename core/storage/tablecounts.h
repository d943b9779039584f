#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

namespace cs {

// Row count of one of the schema's tables (named from a fixed list, never from input).
Result<qint64> countRows(UnitOfWork& uow, const QString& table);

} // namespace cs
