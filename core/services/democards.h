#pragma once

#include "common/result.h"
#include "security/cardvault.h"
#include "services/demoledger.h"
#include "storage/database.h"

#include <QJsonObject>

namespace cs {

// The demo's cards (db/demo/demo.json "cards"): issued by a teller on the branch's business date to
// the demo customers' accounts, with the demo's own PINs set, activated, and where the file says so an
// online payment setting or a loss report. Every step runs under a request id named after the card,
// so running it again replays and changes nothing.
class DemoCards {
public:
    static Status seed(const Database& db, const CardVault& vault, const QJsonObject& demo, const DemoAccounts& accounts);
};

} // namespace cs
