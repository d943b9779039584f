#include "storage/merchantrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString merchantColumns =
    u"SELECT m.id, m.code, m.name, m.branch_id, m.customer_id, m.settlement_account_id, m.fee_plan, m.fee_rate_bp, "
    "m.fixed_fee, m.cycle, m.settlement_days, m.state, m.request_id, m.created_by, a.number "
    "FROM merchants m JOIN accounts a ON a.id = m.settlement_account_id "_s;

const QString paymentColumns =
    u"SELECT p.id, p.merchant_id, p.branch_id, p.order_number, p.request_id, p.mode, p.state, p.channel, "
    "p.payer_account_id, p.payer_card_id, p.amount, p.captured, p.refunded, p.fee, p.business_date, p.captured_on, "
    "p.settle_on, p.settlement_id, p.hold_id, p.txn_id, p.staff_id, p.terminal, a.number "
    "FROM merchant_payments p JOIN accounts a ON a.id = p.payer_account_id "_s;

const QString settlementColumns =
    u"SELECT s.id, s.merchant_id, s.branch_id, s.business_date, s.payment_id, s.gross, s.fees, s.refunds, s.net, "
    "s.payments, s.txn_id, s.staff_id, m.code, m.name "
    "FROM merchant_settlements s JOIN merchants m ON m.id = s.merchant_id "_s;

// The captured payments of one merchant that a settlement on a day takes.
const QString dueCondition = u"merchant_id = ? AND state = 'captured' AND settle_on <= ?"_s;

MerchantRow toMerchant(const QSqlQuery& q)
{
    MerchantRow r;
    r.id = q.value(0).toLongLong();
    r.code = q.value(1).toString();
    r.name = q.value(2).toString();
    r.branchId = q.value(3).toLongLong();
    r.customerId = q.value(4).toLongLong();
    r.settlementAccountId = q.value(5).toLongLong();
    r.feePlan = q.value(6).toString();
    r.feeRateBp = q.value(7).toLongLong();
    r.fixedFee = q.value(8).toLongLong();
    r.cycle = q.value(9).toString();
    r.settlementDays = q.value(10).toInt();
    r.state = q.value(11).toString();
    r.requestId = q.value(12).toString();
    r.createdBy = q.value(13).toLongLong();
    r.settlementAccount = q.value(14).toString();
    return r;
}

MerchantPaymentRow toPayment(const QSqlQuery& q)
{
    MerchantPaymentRow r;
    r.id = q.value(0).toLongLong();
    r.merchantId = q.value(1).toLongLong();
    r.branchId = q.value(2).toLongLong();
    r.orderNumber = q.value(3).toString();
    r.requestId = q.value(4).toString();
    r.mode = q.value(5).toString();
    r.state = q.value(6).toString();
    r.channel = q.value(7).toString();
    r.payerAccountId = q.value(8).toLongLong();
    r.payerCardId = q.value(9).toLongLong();
    r.amount = q.value(10).toLongLong();
    r.captured = q.value(11).toLongLong();
    r.refunded = q.value(12).toLongLong();
    r.fee = q.value(13).toLongLong();
    r.businessDate = sql::toDate(q.value(14));
    r.capturedOn = q.value(15).isNull() ? QDate() : sql::toDate(q.value(15));
    r.settleOn = q.value(16).isNull() ? QDate() : sql::toDate(q.value(16));
    r.settlementId = q.value(17).toLongLong();
    r.holdId = q.value(18).toLongLong();
    r.txnId = q.value(19).toLongLong();
    r.staffId = q.value(20).toLongLong();
    r.terminal = q.value(21).toString();
    r.payerAccount = q.value(22).toString();
    return r;
}

MerchantSettlementRow toSettlement(const QSqlQuery& q)
{
    MerchantSettlementRow r;
    r.id = q.value(0).toLongLong();
    r.merchantId = q.value(1).toLongLong();
    r.branchId = q.value(2).toLongLong();
    r.businessDate = sql::toDate(q.value(3));
    r.paymentId = q.value(4).toLongLong();
    r.gross = q.value(5).toLongLong();
    r.fees = q.value(6).toLongLong();
    r.refunds = q.value(7).toLongLong();
    r.net = q.value(8).toLongLong();
    r.payments = q.value(9).toInt();
    r.txnId = q.value(10).toLongLong();
    r.staffId = q.value(11).toLongLong();
    r.merchantCode = q.value(12).toString();
    r.merchantName = q.value(13).toString();
    return r;
}

QVariant idOrNull(qint64 id) { return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong)); }
QVariant dateOrNull(const QDate& d) { return d.isValid() ? QVariant(sql::date(d)) : QVariant(QMetaType(QMetaType::QString)); }

} // namespace

Result<qint64> MerchantRepository::nextId(const QString& table)
{
    auto id = m_uow.scalar(m_uow.dialect() == Dialect::PostgreSQL
                               ? u"SELECT nextval(pg_get_serial_sequence('%1', 'id'))"_s.arg(table)
                               : u"SELECT coalesce(max(id), 0) + 1 FROM %1"_s.arg(table));
    if (!id)
        return fail(id.error());
    return id->toLongLong();
}

Status MerchantRepository::updateOne(const QString& sql, const QVariantList& values)
{
    auto query = m_uow.execList(sql, values);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"merchant.payment_not_found"_s, u"order"_s, {}));
    return {};
}

Result<qint64> MerchantRepository::nextMerchantId() { return nextId(u"merchants"_s); }

Status MerchantRepository::insertMerchant(const MerchantRow& r)
{
    const QString now = sql::nowUtc();
    auto query = m_uow.execList(
        u"INSERT INTO merchants (id, code, name, branch_id, customer_id, settlement_account_id, fee_plan, fee_rate_bp, "
        "fixed_fee, cycle, settlement_days, state, request_id, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {r.id, r.code, r.name, r.branchId, r.customerId, r.settlementAccountId, r.feePlan, r.feeRateBp, r.fixedFee, r.cycle,
         r.settlementDays, r.state, r.requestId, r.createdBy, now, now});
    if (!query)
        return fail(query.error());
    return {};
}

Result<std::optional<MerchantRow>> MerchantRepository::selectMerchant(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(merchantColumns + condition, values);
    if (!query)
        return fail(query.error());
    std::optional<MerchantRow> found;
    if (query->next())
        found = toMerchant(*query);
    query->finish();
    return found;
}

Result<std::optional<MerchantRow>> MerchantRepository::findMerchant(qint64 id)
{
    return selectMerchant(u"WHERE m.id = ?"_s, {id});
}

Result<std::optional<MerchantRow>> MerchantRepository::findMerchantByRequestId(const QString& requestId)
{
    return selectMerchant(u"WHERE m.request_id = ?"_s, {requestId});
}

Result<QList<MerchantRow>> MerchantRepository::listMerchants()
{
    auto query = m_uow.exec(merchantColumns + u"ORDER BY m.id"_s);
    if (!query)
        return fail(query.error());
    QList<MerchantRow> rows;
    while (query->next())
        rows.append(toMerchant(*query));
    query->finish();
    return rows;
}

Result<qint64> MerchantRepository::nextPaymentId() { return nextId(u"merchant_payments"_s); }

Status MerchantRepository::insertPayment(const MerchantPaymentRow& r)
{
    const QString now = sql::nowUtc();
    auto query = m_uow.execList(
        u"INSERT INTO merchant_payments (id, merchant_id, branch_id, order_number, request_id, mode, state, channel, "
        "payer_account_id, payer_card_id, amount, captured, refunded, fee, business_date, captured_on, settle_on, "
        "hold_id, txn_id, staff_id, terminal, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {r.id, r.merchantId, r.branchId, r.orderNumber, r.requestId, r.mode, r.state, r.channel, r.payerAccountId,
         idOrNull(r.payerCardId), r.amount, r.captured, r.fee, sql::date(r.businessDate), dateOrNull(r.capturedOn),
         dateOrNull(r.settleOn), idOrNull(r.holdId), idOrNull(r.txnId), r.staffId, r.terminal, now, now});
    if (!query)
        return fail(query.error());
    return {};
}

Result<std::optional<MerchantPaymentRow>> MerchantRepository::selectPayment(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(paymentColumns + condition, values);
    if (!query)
        return fail(query.error());
    std::optional<MerchantPaymentRow> found;
    if (query->next())
        found = toPayment(*query);
    query->finish();
    return found;
}

Result<std::optional<MerchantPaymentRow>> MerchantRepository::findPayment(qint64 merchantId, const QString& orderNumber)
{
    return selectPayment(u"WHERE p.merchant_id = ? AND p.order_number = ?"_s, {merchantId, orderNumber});
}

Result<std::optional<MerchantPaymentRow>> MerchantRepository::findPaymentById(qint64 id)
{
    return selectPayment(u"WHERE p.id = ?"_s, {id});
}

Result<std::optional<MerchantPaymentRow>> MerchantRepository::lockPayment(qint64 merchantId, const QString& orderNumber)
{
    if (m_uow.dialect() == Dialect::PostgreSQL) {
        auto locked = m_uow.exec(u"SELECT id FROM merchant_payments WHERE merchant_id = ? AND order_number = ? FOR UPDATE"_s,
                                 {merchantId, orderNumber});
        if (!locked)
            return fail(locked.error());
        locked->finish();
    }
    return findPayment(merchantId, orderNumber);
}

Status MerchantRepository::setCaptured(qint64 id, qint64 captured, qint64 fee, const QDate& capturedOn, const QDate& settleOn,
                                       qint64 txnId)
{
    return updateOne(u"UPDATE merchant_payments SET state = 'captured', captured = ?, fee = ?, captured_on = ?, settle_on = ?, "
                     "txn_id = ?, updated_at = ? WHERE id = ? AND state = 'authorised'"_s,
                     {captured, fee, sql::date(capturedOn), sql::date(settleOn), txnId, sql::nowUtc(), id});
}

Status MerchantRepository::addRefunded(qint64 id, qint64 amount)
{
    return updateOne(u"UPDATE merchant_payments SET refunded = refunded + ?, updated_at = ? "
                     "WHERE id = ? AND refunded + ? <= captured"_s,
                     {amount, sql::nowUtc(), id, amount});
}

Status MerchantRepository::setSettled(qint64 id, qint64 settlementId)
{
    return updateOne(u"UPDATE merchant_payments SET state = 'settled', settlement_id = ?, updated_at = ? "
                     "WHERE id = ? AND state = 'captured'"_s,
                     {settlementId, sql::nowUtc(), id});
}

Result<qint64> MerchantRepository::onlineCardTotal(qint64 cardId, const QDate& day)
{
    auto total = m_uow.scalar(u"SELECT CAST(coalesce(sum(amount), 0) AS BIGINT) FROM merchant_payments "
                              "WHERE payer_card_id = ? AND business_date = ? AND channel = 'online' AND state <> 'voided'"_s,
                              {cardId, sql::date(day)});
    if (!total)
        return fail(total.error());
    return total->toLongLong();
}

Result<qint64> MerchantRepository::nextRefundId() { return nextId(u"merchant_refunds"_s); }

Status MerchantRepository::insertRefund(const MerchantRefundRow& r)
{
    auto query = m_uow.execList(
        u"INSERT INTO merchant_refunds (id, payment_id, branch_id, request_id, amount, after_settlement, business_date, "
        "txn_id, staff_id, terminal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {r.id, r.paymentId, r.branchId, r.requestId, r.amount, sql::boolean(r.afterSettlement, m_uow.dialect()),
         sql::date(r.businessDate), r.txnId, r.staffId, r.terminal, sql::nowUtc()});
    if (!query)
        return fail(query.error());
    return {};
}

Result<QList<qint64>> MerchantRepository::merchantsDue(qint64 branchId, const QDate& day)
{
    auto query = m_uow.exec(u"SELECT DISTINCT p.merchant_id FROM merchant_payments p JOIN merchants m ON m.id = p.merchant_id "
                            "WHERE m.branch_id = ? AND p.state = 'captured' AND p.settle_on <= ? ORDER BY p.merchant_id"_s,
                            {branchId, sql::date(day)});
    if (!query)
        return fail(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    query->finish();
    return ids;
}

Result<MerchantDue> MerchantRepository::lockDue(qint64 merchantId, const QDate& day)
{
    const QString date = sql::date(day);
    if (m_uow.dialect() == Dialect::PostgreSQL) {
        // A refund locks its payment first: once these rows are ours, no refund of them is in flight.
        auto locked = m_uow.exec(u"SELECT id FROM merchant_payments WHERE "_s + dueCondition + u" ORDER BY id FOR UPDATE"_s,
                                 {merchantId, date});
        if (!locked)
            return fail(locked.error());
        locked->finish();
    }
    auto query = m_uow.exec(
        u"SELECT COUNT(*), CAST(coalesce(sum(captured), 0) AS BIGINT), CAST(coalesce(sum(fee), 0) AS BIGINT), "
        "(SELECT CAST(coalesce(sum(r.amount), 0) AS BIGINT) FROM merchant_refunds r JOIN merchant_payments p "
        "ON p.id = r.payment_id WHERE p.merchant_id = ? AND p.state = 'captured' AND p.settle_on <= ? AND r.after_settlement = ?) "
        "FROM merchant_payments WHERE "_s + dueCondition,
        {merchantId, date, sql::boolean(false, m_uow.dialect()), merchantId, date});
    if (!query)
        return fail(query.error());
    MerchantDue due;
    if (query->next()) {
        due.payments = query->value(0).toInt();
        due.gross = query->value(1).toLongLong();
        due.fees = query->value(2).toLongLong();
        due.refunds = query->value(3).toLongLong();
    }
    query->finish();
    return due;
}

Result<int> MerchantRepository::settleDue(qint64 merchantId, const QDate& day, qint64 settlementId)
{
    auto query = m_uow.exec(u"UPDATE merchant_payments SET state = 'settled', settlement_id = ?, updated_at = ? WHERE "_s + dueCondition,
                            {settlementId, sql::nowUtc(), merchantId, sql::date(day)});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Result<std::optional<MerchantSettlementRow>> MerchantRepository::findDaySettlement(qint64 merchantId, const QDate& day)
{
    auto query = m_uow.exec(settlementColumns + u"WHERE s.merchant_id = ? AND s.business_date = ? AND s.payment_id IS NULL"_s,
                            {merchantId, sql::date(day)});
    if (!query)
        return fail(query.error());
    std::optional<MerchantSettlementRow> found;
    if (query->next())
        found = toSettlement(*query);
    query->finish();
    return found;
}

Result<qint64> MerchantRepository::insertSettlement(const MerchantSettlementRow& r)
{
    auto id = nextId(u"merchant_settlements"_s);
    if (!id)
        return fail(id.error());
    auto query = m_uow.execList(
        u"INSERT INTO merchant_settlements (id, merchant_id, branch_id, business_date, payment_id, gross, fees, refunds, net, "
        "payments, txn_id, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {*id, r.merchantId, r.branchId, sql::date(r.businessDate), idOrNull(r.paymentId), r.gross, r.fees, r.refunds, r.net,
         r.payments, idOrNull(r.txnId), r.staffId, sql::nowUtc()});
    if (!query)
        return fail(query.error());
    return *id;
}

Result<QList<MerchantSettlementRow>> MerchantRepository::settlements(const QDate& from, const QDate& to)
{
    auto query = m_uow.exec(settlementColumns + u"WHERE s.business_date BETWEEN ? AND ? ORDER BY s.business_date, s.merchant_id, s.id"_s,
                            {sql::date(from), sql::date(to)});
    if (!query)
        return fail(query.error());
    QList<MerchantSettlementRow> rows;
    while (query->next())
        rows.append(toSettlement(*query));
    query->finish();
    return rows;
}

} // namespace cs
