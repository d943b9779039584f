#include "storage/reversalrepository.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<QList<TouchedCashBox>> ReversalRepository::cashBoxesOf(qint64 txnId)
{
    auto boxes = m_uow.exec(u"SELECT DISTINCT l.account_id FROM journal_lines l JOIN accounts a ON a.id = l.account_id "
                            "WHERE l.txn_id = ? AND a.internal_role = 'cash_box' ORDER BY l.account_id"_s,
                            {txnId});
    if (!boxes)
        return fail(boxes.error());
    QList<TouchedCashBox> touched;
    while (boxes->next())
        touched.append({boxes->value(0).toLongLong(), 0});
    boxes->finish();

    // A box closed and opened again on the same day has a new session: the transaction belongs to the
    // closed one, whose count already included it. A session holds the box's transactions after its
    // after_txn_id (0004).
    const QString session =
        u"SELECT s.id FROM cashbox_sessions s JOIN journal_txns t ON t.id = ? "
        "WHERE s.account_id = ? AND s.state = 'open' AND s.business_date = t.business_date "
        "AND s.after_txn_id < t.id"_s;
    for (TouchedCashBox& box : touched) {
        auto open = m_uow.scalar(session, {txnId, box.accountId});
        if (!open)
            return fail(open.error());
        box.openSessionId = open->isNull() ? 0 : open->toLongLong();
    }
    return touched;
}

} // namespace cs
