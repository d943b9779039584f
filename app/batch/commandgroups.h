#pragma once

#include "batch/cliargs.h"
#include "common/result.h"

#include <QJsonObject>

// The commands of ../shared/CLI.md, one file per group; batch/commands.cpp lists them.
namespace cs::batch {

// staffcommands.cpp
Result<QJsonObject> staffCommand(const CliArgs& args);   // staff add|list|unlock|disable|enable|reset-password|set-role
Result<QJsonObject> settingCommand(const CliArgs& args); // setting get|set|list

Result<QJsonObject> customerCommand(const CliArgs& args); // customercommands.cpp
Result<QJsonObject> accountCommand(const CliArgs& args); // accountcommands.cpp

// cashcommands.cpp
Result<QJsonObject> cashCommand(const CliArgs& args);    // cash deposit|withdraw
Result<QJsonObject> cashboxCommand(const CliArgs& args); // cashbox open|take|return|count|close|show
Result<QJsonObject> reverseCommand(const CliArgs& args); // reverse

// transfercommands.cpp
Result<QJsonObject> transferCommand(const CliArgs& args); // transfer enter|preview|list|show|ack|release-queued

// cardcommands.cpp
Result<QJsonObject> cardCommand(const CliArgs& args); // card issue|show|list|find|activate|pin-*|report-loss|lift-loss|freeze|unfreeze|replace|cancel|online

// merchantcommands.cpp
Result<QJsonObject> merchantCommand(const CliArgs& args); // merchant add|list|payment|capture|refund|show|settlements

// approvalcommands.cpp
Result<QJsonObject> approvalCommand(const CliArgs& args); // approval list|show|approve|reject|cancel

// eodcommands.cpp
Result<QJsonObject> eodCommand(const CliArgs& args);     // eod [status] --branch CODE
Result<QJsonObject> depositCommand(const CliArgs& args); // deposit place|withdraw-early|show (time deposits)

// reportcommands.cpp
Result<QJsonObject> reportCommand(const CliArgs& args); // report NAME --date D [--to D] --format pdf|csv|json --out FILE

// noticecommands.cpp
Result<QJsonObject> noticeCommand(const CliArgs& args); // notice subscribe|cancel|confirm|show|outbox|attempts|retry|gateway
Result<QJsonObject> notifyCommand(const CliArgs& args); // notify: one delivery pass of the outbox

// auditcommands.cpp
Result<QJsonObject> verifyAuditCommand(const CliArgs& args); // verify-audit

} // namespace cs::batch
