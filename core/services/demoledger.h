#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QJsonObject>

namespace cs {

// The demo's money (db/demo/demo.json): accounts of the demo customers, cash delivered to the vault,
// and past business days of teller cash, each day closed as end of day would, ending on an open day
// with every cash box closed. Everything is keyed (request ids, the branch's date), so running it
// again changes nothing.
class DemoLedger {
public:
    // The number of business days of history the demo file describes (the branch starts that many
    // days before today).
    static int historyDays(const QJsonObject& demo);
    static Status seed(const Database& db, const QJsonObject& demo);
};

} // namespace cs
