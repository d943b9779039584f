#pragma once

#include "common/result.h"

#include <QJsonObject>

namespace cs::batch {

// One JSON object on stdout, exit 0.
int printResult(const QJsonObject& result);
// One JSON object on stderr, and the exit code of the error's kind (../shared/CLI.md).
int printError(const Error& error);
// Keys the next printError adds to its object beside error, field and message (eod.blocked lists its
// blockers this way); they are printed once.
void addErrorDetail(const QJsonObject& detail);
int exitCodeFor(ErrorKind kind);

} // namespace cs::batch
