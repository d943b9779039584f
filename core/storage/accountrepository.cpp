#include "storage/accountrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString columns = u"SELECT id, number, title, branch_id, customer_id, product_code, kind, internal_role, "
                        "owner_staff_id, class, bound_account_id, currency, normal_side, state, freeze_mode, "
                        "freeze_reason, balance, held, overdraft_limit, opened_on, maturity_on, closed_on, version, "
                        "balance_mode FROM accounts "_s;

} // namespace

AccountRecord AccountRepository::fromRow(const QSqlQuery& row, int first)
{
    // Columns in the order of selectColumns(), from `first` on.
    const auto value = [&](int i) { return row.value(first + i); };
    AccountRecord r;
    r.id = value(0).toLongLong();
    r.number = value(1).toString();
    r.title = value(2).toString();
    r.branchId = value(3).toLongLong();
    r.customerId = value(4).toLongLong();
    r.productCode = value(5).toString();
    r.kind = value(6).toString();
    r.internalRole = value(7).toString();
    r.ownerStaffId = value(8).toLongLong();
    r.accountClass = value(9).toString();
    r.boundAccountId = value(10).toLongLong();
    r.currency = value(11).toString();
    r.normalSide = value(12).toString();
    r.state = value(13).toString();
    r.freezeMode = value(14).toString();
    r.freezeReason = value(15).toString();
    r.balance = value(16).toLongLong();
    r.held = value(17).toLongLong();
    r.overdraftLimit = value(18).toLongLong();
    r.openedOn = sql::toDate(value(19));
    r.maturityOn = value(20).isNull() ? QDate() : sql::toDate(value(20));
    r.closedOn = value(21).isNull() ? QDate() : sql::toDate(value(21));
    r.version = value(22).toLongLong();
    r.balanceMode = value(23).toString();
    return r;
}

namespace {

QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
QVariant nullId() { return QVariant(QMetaType(QMetaType::LongLong)); }
QVariant textOrNull(const QString& s) { return s.isEmpty() ? nullText() : QVariant(s); }
QVariant idOrNull(qint64 id) { return id > 0 ? QVariant(id) : nullId(); }
QVariant dateOrNull(const QDate& d) { return d.isValid() ? QVariant(sql::date(d)) : nullText(); }

} // namespace

Result<std::optional<AccountRecord>> AccountRepository::selectOne(const QString& sql, const QVariant& key)
{
    auto query = m_uow.execList(sql, {key});
    if (!query)
        return fail(query.error());
    std::optional<AccountRecord> found;
    if (query->next())
        found = fromRow(*query);
    query->finish();
    return found;
}

Result<std::optional<AccountRecord>> AccountRepository::findById(qint64 id)
{
    return selectOne(columns + u"WHERE id = ?"_s, id);
}

Result<std::optional<AccountRecord>> AccountRepository::findByNumber(const QString& number)
{
    return selectOne(columns + u"WHERE number = ?"_s, number);
}

Result<std::optional<AccountRecord>> AccountRepository::lockById(qint64 id)
{
    return selectOne(columns + (m_uow.dialect() == Dialect::PostgreSQL ? u"WHERE id = ? FOR NO KEY UPDATE"_s
                                                                        : u"WHERE id = ?"_s),
                     id);
}

Result<std::optional<AccountRecord>> AccountRepository::lockByNumber(const QString& number)
{
    return selectOne(columns + (m_uow.dialect() == Dialect::PostgreSQL ? u"WHERE number = ? FOR NO KEY UPDATE"_s
                                                                        : u"WHERE number = ?"_s),
                     number);
}

Result<QList<AccountRecord>> AccountRepository::listByCustomer(qint64 customerId)
{
    auto query = m_uow.exec(columns + u"WHERE customer_id = ? ORDER BY id"_s, {customerId});
    if (!query)
        return fail(query.error());
    QList<AccountRecord> all;
    while (query->next())
        all.append(fromRow(*query));
    query->finish();
    return all;
}

Result<qint64> AccountRepository::insert(const NewAccount& a)
{
    const QString now = sql::nowUtc();
    auto query = m_uow.exec(
        u"INSERT INTO accounts (number, title, branch_id, customer_id, product_code, kind, internal_role, "
        "owner_staff_id, class, bound_account_id, currency, normal_side, state, balance, held, overdraft_limit, "
        "opened_on, maturity_on, version, balance_mode, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', 0, 0, 0, ?, ?, 0, ?, ?, ?) RETURNING id"_s,
        {a.number, textOrNull(a.title), a.branchId, idOrNull(a.customerId), a.productCode, a.kind,
         textOrNull(a.internalRole), idOrNull(a.ownerStaffId), textOrNull(a.accountClass), idOrNull(a.boundAccountId),
         a.currency, a.normalSide, sql::date(a.openedOn), dateOrNull(a.maturityOn), a.balanceMode, now, now});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::internal(u"db.error"_s, u"INSERT INTO accounts returned no id"_s));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

using sql::placeholders;

SqlStatement AccountRepository::lockForPostingStatement(const QList<qint64>& ids) const
{
    // The statement's text depends only on the count, so it is prepared once per count per connection.
    const QString in = placeholders(ids.size(), u"?"_s);
    SqlStatement s;
    for (qint64 id : ids)
        s.values << id;
    if (m_uow.dialect() == Dialect::PostgreSQL) {
        // LockRows sits above the sort: rows are locked in ascending id order, and FOR NO KEY UPDATE
        // returns each row as it is after the lock.
        s.text = u"WITH locked AS MATERIALIZED ("_s + columns + u"WHERE id IN ("_s + in
                 + u") AND balance_mode = 'row' ORDER BY id FOR NO KEY UPDATE) SELECT * FROM locked UNION ALL "_s
                 + columns + u"WHERE id IN ("_s + in + u") AND balance_mode = 'journal'"_s;
        s.values += s.values;
    } else {
        s.text = columns + u"WHERE id IN ("_s + in + u")"_s;
    }
    return s;
}

Result<QList<AccountRecord>> AccountRepository::lockForPosting(const QList<qint64>& ids)
{
    auto query = m_uow.exec(lockForPostingStatement(ids));
    if (!query)
        return fail(query.error());
    QList<AccountRecord> all;
    while (query->next())
        all.append(fromRow(*query));
    query->finish();
    std::sort(all.begin(), all.end(), [](const AccountRecord& a, const AccountRecord& b) { return a.id < b.id; });
    return all;
}

SqlStatement AccountRepository::applyPostingsStatement(const QList<BalanceChange>& changes)
{
    SqlStatement s;
    s.values << sql::nowUtc();
    for (const BalanceChange& c : changes)
        s.values << c.id << c.delta << c.released;
    // (id, delta, released) rows; both dialects name a VALUES list's columns column1, column2, ...
    s.text = u"UPDATE accounts SET balance = accounts.balance + v.column2, held = accounts.held - v.column3, "
             "version = accounts.version + 1, updated_at = ? FROM (VALUES "_s
             + placeholders(changes.size(), u"(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))"_s)
             + u") AS v WHERE accounts.id = v.column1 RETURNING accounts.id, accounts.balance"_s;
    return s;
}

Result<QHash<qint64, qint64>> AccountRepository::applyPostings(const QList<BalanceChange>& changes)
{
    QHash<qint64, qint64> balances;
    if (changes.isEmpty())
        return balances;
    auto query = m_uow.exec(applyPostingsStatement(changes));
    if (!query)
        return fail(query.error());
    while (query->next())
        balances.insert(query->value(0).toLongLong(), query->value(1).toLongLong());
    query->finish();
    if (balances.size() != changes.size())
        return fail(Error::notFound(u"account.not_found"_s, u"account"_s, {}));
    return balances;
}

Status AccountRepository::updateOne(const QString& sql, const QVariantList& values)
{
    auto query = m_uow.execList(sql, values);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"account.not_found"_s, u"account"_s, {}));
    return {};
}

Status AccountRepository::changeHeld(qint64 id, qint64 delta)
{
    return updateOne(u"UPDATE accounts SET held = held + ?, version = version + 1, updated_at = ? WHERE id = ?"_s,
                     {delta, sql::nowUtc(), id});
}

Status AccountRepository::setFrozen(qint64 id, const QString& mode, const QString& reason)
{
    return updateOne(u"UPDATE accounts SET state = 'frozen', freeze_mode = ?, freeze_reason = ?, "
                     "version = version + 1, updated_at = ? WHERE id = ?"_s,
                     {mode, reason, sql::nowUtc(), id});
}

Status AccountRepository::setUnfrozen(qint64 id)
{
    return updateOne(u"UPDATE accounts SET state = 'normal', freeze_mode = NULL, freeze_reason = NULL, "
                     "version = version + 1, updated_at = ? WHERE id = ?"_s,
                     {sql::nowUtc(), id});
}

Status AccountRepository::setClosed(qint64 id, const QDate& closedOn)
{
    return updateOne(u"UPDATE accounts SET state = 'closed', closed_on = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ?"_s,
                     {sql::date(closedOn), sql::nowUtc(), id});
}

Status AccountRepository::setOverdraftLimit(qint64 id, qint64 limit)
{
    return updateOne(u"UPDATE accounts SET overdraft_limit = ?, version = version + 1, updated_at = ? WHERE id = ?"_s,
                     {limit, sql::nowUtc(), id});
}

Result<int> AccountRepository::openClassICount(qint64 customerId)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM accounts WHERE customer_id = ? AND class = 'I' AND state <> 'closed'"_s,
                            {customerId});
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<int> AccountRepository::openBoundCount(qint64 accountId)
{
    auto value = m_uow.scalar(u"SELECT COUNT(*) FROM accounts WHERE bound_account_id = ? AND state <> 'closed'"_s,
                            {accountId});
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<qint64> AccountRepository::nextSequence(qint64 branchId, const QString& kind)
{
    // The UPDATE takes the row lock, so two terminals never draw the same number.
    for (int pass = 0; pass < 2; ++pass) {
        auto taken = m_uow.exec(u"UPDATE account_sequences SET next_value = next_value + 1 "
                                "WHERE branch_id = ? AND kind = ? RETURNING next_value - 1"_s,
                                {branchId, kind});
        if (!taken)
            return fail(taken.error());
        if (taken->next()) {
            const qint64 value = taken->value(0).toLongLong();
            taken->finish();
            return value;
        }
        taken->finish();
        auto created = m_uow.exec(u"INSERT INTO account_sequences (branch_id, kind, next_value) VALUES (?, ?, 1) "
                                  "ON CONFLICT DO NOTHING"_s,
                                  {branchId, kind});
        if (!created)
            return fail(created.error());
    }
    return fail(Error::internal(u"db.error"_s, u"account_sequences row missing after insert"_s));
}

Status AccountRepository::lockSequence(qint64 branchId, const QString& kind)
{
    auto created = m_uow.exec(u"INSERT INTO account_sequences (branch_id, kind, next_value) VALUES (?, ?, 1) "
                              "ON CONFLICT DO NOTHING"_s,
                              {branchId, kind});
    if (!created)
        return fail(created.error());
    if (m_uow.dialect() != Dialect::PostgreSQL)
        return {};
    auto locked = m_uow.exec(u"SELECT next_value FROM account_sequences WHERE branch_id = ? AND kind = ? FOR UPDATE"_s,
                             {branchId, kind});
    if (!locked)
        return fail(locked.error());
    locked->finish();
    return {};
}

Result<QList<std::pair<QString, qint64>>> AccountRepository::openInternal(qint64 branchId, const QString& currency)
{
    auto query = m_uow.exec(u"SELECT internal_role, id FROM accounts WHERE branch_id = ? AND currency = ? "
                            "AND kind = 'internal' AND internal_role <> 'cash_box' AND state <> 'closed' ORDER BY id"_s,
                            {branchId, currency});
    if (!query)
        return fail(query.error());
    QList<std::pair<QString, qint64>> all;
    while (query->next())
        all.append({query->value(0).toString(), query->value(1).toLongLong()});
    query->finish();
    return all;
}

Result<std::optional<qint64>> AccountRepository::openCashBox(qint64 staffId, const QString& currency)
{
    auto query = m_uow.exec(u"SELECT id FROM accounts WHERE owner_staff_id = ? AND currency = ? "
                            "AND internal_role = 'cash_box' AND state <> 'closed'"_s,
                            {staffId, currency});
    if (!query)
        return fail(query.error());
    std::optional<qint64> id;
    if (query->next())
        id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Result<std::optional<ProductRecord>> AccountRepository::product(const QString& code)
{
    auto query = m_uow.exec(u"SELECT code, name, kind, currency, term_months, min_opening_minor, active "
                            "FROM products WHERE code = ?"_s,
                            {code});
    if (!query)
        return fail(query.error());
    std::optional<ProductRecord> found;
    if (query->next())
        found = ProductRecord{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                              query->value(3).toString(),  query->value(4).toInt(),    query->value(5).toLongLong(),
                              query->value(6).toBool()};
    query->finish();
    return found;
}

Result<std::optional<AccountOwner>> AccountRepository::lockOwner(qint64 customerId)
{
    auto query = m_uow.exec(m_uow.dialect() == Dialect::PostgreSQL
                                ? u"SELECT id, kind, full_name FROM customers WHERE id = ? FOR NO KEY UPDATE"_s
                                : u"SELECT id, kind, full_name FROM customers WHERE id = ?"_s,
                            {customerId});
    if (!query)
        return fail(query.error());
    std::optional<AccountOwner> found;
    if (query->next())
        found = AccountOwner{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()};
    query->finish();
    return found;
}

Result<std::optional<AccountOwner>> AccountRepository::owner(qint64 customerId)
{
    auto query = m_uow.exec(u"SELECT id, kind, full_name FROM customers WHERE id = ?"_s, {customerId});
    if (!query)
        return fail(query.error());
    std::optional<AccountOwner> found;
    if (query->next())
        found = AccountOwner{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()};
    query->finish();
    return found;
}

Result<std::optional<BranchDay>> AccountRepository::branch(qint64 branchId)
{
    auto query = m_uow.exec(u"SELECT id, code, business_date FROM branches WHERE id = ?"_s, {branchId});
    if (!query)
        return fail(query.error());
    std::optional<BranchDay> found;
    if (query->next())
        found = BranchDay{query->value(0).toLongLong(), query->value(1).toString(), sql::toDate(query->value(2))};
    query->finish();
    return found;
}

Result<LimitUsage> AccountRepository::limitUsage(qint64 accountId, const QDate& day, const QDate& yearStart)
{
    auto query = m_uow.exec(u"SELECT period, direction, amount FROM account_limit_usage WHERE account_id = ? "
                            "AND ((period = 'day' AND period_start = ?) OR (period = 'year' AND period_start = ?))"_s,
                            {accountId, sql::date(day), sql::date(yearStart)});
    if (!query)
        return fail(query.error());
    LimitUsage usage;
    while (query->next()) {
        const bool isDay = query->value(0).toString() == u"day"_s;
        const bool in = query->value(1).toString() == u"in"_s;
        const qint64 amount = query->value(2).toLongLong();
        (isDay ? (in ? usage.dayIn : usage.dayOut) : (in ? usage.yearIn : usage.yearOut)) += amount;
    }
    query->finish();
    return usage;
}

} // namespace cs
