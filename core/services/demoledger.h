#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>

namespace cs {

// The demo's money (db/demo/demo.json): accounts of the demo customers, cash delivered to the vault,
// and past business days of teller cash, each day closed as end of day would, ending on an open day
// with every cash box closed. Everything is keyed (request ids, the branch's date), so running it
// again changes nothing.
// What the ledger leaves for the demo's cards: the account numbers by their key in the demo file,
// and the branch's business date after the history.
struct DemoAccounts {
    QHash<QString, QString> numbers;
    QDate businessDate;
};

class DemoLedger {
public:
    // The number of business days of history the demo file describes (the branch starts that many
    // days before today).
    static int historyDays(const QJsonObject& demo);
    static Result<DemoAccounts> seed(const Database& db, const QJsonObject& demo);
    // A staff member's session on `businessDate` at the demo terminal.
    static Result<Session> session(const Database& db, const QString& login, const QDate& businessDate);
};

} // namespace cs
