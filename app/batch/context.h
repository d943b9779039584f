#pragma once

#include "auth/session.h"
#include "batch/cliargs.h"
#include "common/result.h"
#include "money/money.h"
#include "storage/database.h"

#include <QDate>

namespace cs::batch {

// The database of --db or COUNTERSIGN_DB.
Result<Database> openDatabase(const CliArgs& args);

// The acting staff of --as LOGIN, signed on with COUNTERSIGN_PASSWORD (never an argument) at the
// terminal of --terminal (default: the host name). A password that must be changed first is refused.
Result<Session> actingSession(const CliArgs& args, const Database& db);

// The database and its signed-on acting staff: what every acting command starts with.
struct Acting {
    Database db;
    Session session;
};
Result<Acting> acting(const CliArgs& args);

// A required option: Invalid `usage.missing_option` naming it when absent or empty.
Result<QString> required(const CliArgs& args, const QString& name);
// An optional date option (YYYY-MM-DD): an invalid QDate when absent, Invalid `usage.bad_date` naming
// `field` (default: the option) when malformed.
Result<QDate> dateOption(const CliArgs& args, const QString& option, const QString& field = {});
// A required positive whole number: Invalid `usage.bad_number` naming the option otherwise.
Result<qint64> idOption(const CliArgs& args, const QString& option);
// A required amount in `currency`, parsed strictly as the terminal does (the error names the option).
Result<Money> amountOption(const CliArgs& args, const QString& option, Currency currency, bool allowZero = false);

// An amount in the JSON answers: a decimal string ("1234.56"), never a number.
QString amountJson(const Money& money);

} // namespace cs::batch
