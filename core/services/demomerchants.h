#pragma once

#include "common/result.h"
#include "services/demoledger.h"
#include "storage/database.h"

#include <QJsonObject>

namespace cs {

// The demo's merchants (db/demo/demo.json "merchants", "merchant_payments", "merchant_refunds"): added by
// a supervisor, paid by the demo customers' accounts at a teller on the branch's business date, an
// authorisation captured and a refund made. Every step runs under a request id named after its key, so
// running it again replays and changes nothing. The payments settle at the day's end of day (T+0) and the
// next one's (T+1).
class DemoMerchants {
public:
    static Status seed(const Database& db, const QJsonObject& demo, const DemoAccounts& accounts);
};

} // namespace cs
