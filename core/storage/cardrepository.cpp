#include "storage/cardrepository.h"

#include "storage/sqlvalues.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns =
    u"SELECT id, customer_id, product_code, settlement_account_id, card_account_id, branch_id, bin, pan_sealed, "
    "pan_key_id, pan_hash, pan_masked, expires_on, issued_on, state, state_before_loss, loss_kind, loss_reported_on, "
    "pin_vv, pin_failures, pin_failure_date, replaces_card_id, replaced_by_card_id, online_enabled, online_method, "
    "online_daily_limit, credit_limit, statement_day, due_day, request_id, created_by, created_at, updated_at, version "
    "FROM cards "_s;

QDate dateOf(const QVariant& v) { return v.isNull() ? QDate() : sql::toDate(v); }

CardRecord fromRow(const QSqlQuery& q)
{
    CardRecord c;
    c.id = q.value(0).toLongLong();
    c.customerId = q.value(1).toLongLong();
    c.productCode = q.value(2).toString();
    c.settlementAccountId = q.value(3).toLongLong();
    c.cardAccountId = q.value(4).toLongLong();
    c.branchId = q.value(5).toLongLong();
    c.bin = q.value(6).toString();
    c.panSealed = q.value(7).toByteArray();
    c.panKeyId = q.value(8).toString();
    c.panHash = q.value(9).toString();
    c.panMasked = q.value(10).toString();
    c.expiresOn = dateOf(q.value(11));
    c.issuedOn = dateOf(q.value(12));
    c.state = q.value(13).toString();
    c.stateBeforeLoss = q.value(14).toString();
    c.lossKind = q.value(15).toString();
    c.lossReportedOn = dateOf(q.value(16));
    c.pinVv = q.value(17).toString();
    c.pinFailures = q.value(18).toInt();
    c.pinFailureDate = dateOf(q.value(19));
    c.replacesCardId = q.value(20).toLongLong();
    c.replacedByCardId = q.value(21).toLongLong();
    c.onlineEnabled = q.value(22).toBool();
    c.onlineMethod = q.value(23).toString();
    c.onlineDailyLimit = q.value(24).toLongLong();
    c.creditLimit = q.value(25).toLongLong();
    c.statementDay = q.value(26).toInt();
    c.dueDay = q.value(27).toInt();
    c.requestId = q.value(28).toString();
    c.createdBy = q.value(29).toLongLong();
    c.createdAt = sql::toDateTime(q.value(30));
    c.updatedAt = sql::toDateTime(q.value(31));
    c.version = q.value(32).toLongLong();
    return c;
}

QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
QVariant nullId() { return QVariant(QMetaType(QMetaType::LongLong)); }
QVariant nullInt() { return QVariant(QMetaType(QMetaType::Int)); }
QVariant textOrNull(const QString& s) { return s.isEmpty() ? nullText() : QVariant(s); }
QVariant idOrNull(qint64 id) { return id > 0 ? QVariant(id) : nullId(); }
QVariant dayOrNull(int day) { return day > 0 ? QVariant(day) : nullInt(); }
QVariant dateOrNull(const QDate& d) { return d.isValid() ? QVariant(sql::date(d)) : nullText(); }

} // namespace

Result<std::optional<CardRecord>> CardRepository::selectOne(const QString& condition, const QVariant& key)
{
    auto query = m_uow.execList(columns + condition, {key});
    if (!query)
        return fail(query.error());
    std::optional<CardRecord> found;
    if (query->next())
        found = fromRow(*query);
    query->finish();
    return found;
}

Result<std::optional<CardRecord>> CardRepository::find(qint64 id) { return selectOne(u"WHERE id = ?"_s, id); }

Result<std::optional<CardRecord>> CardRepository::lock(qint64 id)
{
    return selectOne(m_uow.dialect() == Dialect::PostgreSQL ? u"WHERE id = ? FOR NO KEY UPDATE"_s : u"WHERE id = ?"_s, id);
}

Result<std::optional<CardRecord>> CardRepository::findByPanHash(const QString& panHash)
{
    return selectOne(u"WHERE pan_hash = ?"_s, panHash);
}

Result<QList<CardRecord>> CardRepository::listByCustomer(qint64 customerId)
{
    auto query = m_uow.exec(columns + u"WHERE customer_id = ? ORDER BY id"_s, {customerId});
    if (!query)
        return fail(query.error());
    QList<CardRecord> all;
    while (query->next())
        all.append(fromRow(*query));
    query->finish();
    return all;
}

Result<qint64> CardRepository::insert(const CardRecord& c)
{
    const QString now = sql::nowUtc();
    auto query = m_uow.exec(
        u"INSERT INTO cards (customer_id, product_code, settlement_account_id, card_account_id, branch_id, bin, "
        "pan_sealed, pan_key_id, pan_hash, pan_masked, expires_on, issued_on, state, pin_vv, replaces_card_id, "
        "online_enabled, online_method, online_daily_limit, credit_limit, statement_day, due_day, request_id, "
        "created_by, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id"_s,
        {c.customerId, c.productCode, c.settlementAccountId, c.cardAccountId, c.branchId, c.bin, c.panSealed,
         c.panKeyId, c.panHash, c.panMasked, sql::date(c.expiresOn), sql::date(c.issuedOn), c.state,
         textOrNull(c.pinVv), idOrNull(c.replacesCardId), sql::boolean(c.onlineEnabled, m_uow.dialect()),
         textOrNull(c.onlineMethod), c.onlineDailyLimit, c.creditLimit, dayOrNull(c.statementDay), dayOrNull(c.dueDay),
         c.requestId, c.createdBy, now, now});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::internal(u"db.error"_s, u"INSERT INTO cards returned no id"_s));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Status CardRepository::update(const CardRecord& c)
{
    auto query = m_uow.exec(
        u"UPDATE cards SET state = ?, state_before_loss = ?, loss_kind = ?, loss_reported_on = ?, pin_vv = ?, "
        "pin_failures = ?, pin_failure_date = ?, replaced_by_card_id = ?, online_enabled = ?, online_method = ?, "
        "online_daily_limit = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING id"_s,
        {c.state, textOrNull(c.stateBeforeLoss), textOrNull(c.lossKind), dateOrNull(c.lossReportedOn),
         textOrNull(c.pinVv), c.pinFailures, dateOrNull(c.pinFailureDate), idOrNull(c.replacedByCardId),
         sql::boolean(c.onlineEnabled, m_uow.dialect()), textOrNull(c.onlineMethod), c.onlineDailyLimit, sql::nowUtc(),
         c.id, c.version});
    if (!query)
        return fail(query.error());
    const bool changed = query->next();
    query->finish();
    if (!changed)
        return fail(Error::conflict(u"card.changed"_s, QCoreApplication::translate("cs::Cards", "Another terminal changed card %1 at the same time; try again.").arg(c.id)));
    return {};
}

Result<int> CardRepository::liveCardsOn(qint64 accountId)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM cards WHERE (settlement_account_id = ? OR card_account_id = ?) "
                              "AND state NOT IN ('replaced', 'cancelled')"_s,
                              {accountId, accountId});
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<QString> CardRepository::branchBankCode(qint64 branchId)
{
    auto value = m_uow.scalar(u"SELECT bank_code FROM branches WHERE id = ?"_s, {branchId});
    if (!value)
        return fail(value.error());
    return value->isNull() ? QString() : value->toString();
}

Result<qint64> CardRepository::remoteCashTotal(qint64 accountId, const QDate& businessDate, const QString& homeCity)
{
    auto value = m_uow.scalar(
        u"SELECT coalesce(sum(c.amount), 0) FROM journal_txns t "
        "JOIN branches b ON b.id = t.branch_id "
        "JOIN journal_lines c ON c.txn_id = t.id "
        "JOIN accounts a ON a.id = c.account_id AND a.internal_role = 'cash_box' "
        "WHERE t.id IN (SELECT txn_id FROM journal_lines WHERE account_id = ?) AND t.business_date = ? "
        "AND t.kind IN ('cash_deposit', 'cash_withdrawal') AND b.bank_code IS NOT NULL "
        "AND substr(b.bank_code, 4, 4) <> ?"_s,
        {accountId, sql::date(businessDate), homeCity});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

} // namespace cs
