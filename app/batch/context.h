#pragma once

#include "auth/session.h"
#include "batch/cliargs.h"
#include "common/result.h"
#include "storage/database.h"

namespace cs::batch {

// The database of --db or COUNTERSIGN_DB.
Result<Database> openDatabase(const CliArgs& args);

// The acting staff of --as LOGIN, signed on with COUNTERSIGN_PASSWORD (never an argument) at the
// terminal of --terminal (default: the host name). A password that must be changed first is refused.
Result<Session> actingSession(const CliArgs& args, const Database& db);

// A required option: Invalid `usage.missing_option` naming it when absent or empty.
Result<QString> required(const CliArgs& args, const QString& name);

} // namespace cs::batch
