#pragma once

#include "batch/cliargs.h"
#include "common/result.h"

#include <QJsonObject>

namespace cs::batch {

// Runs the command the arguments name and returns its JSON answer.
Result<QJsonObject> runCommand(const CliArgs& args);
QString usage();

} // namespace cs::batch
