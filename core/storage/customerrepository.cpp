#include "storage/customerrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

QVariant nullableText(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QVariant nullableDate(const QDate& value)
{
    return value.isValid() ? QVariant(sql::date(value)) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullableId(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant(QMetaType::fromType<qlonglong>());
}

// `text` as a LIKE pattern that matches it literally anywhere; '!' is the escape character.
QString containsPattern(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (QChar c : text) {
        if (c == u'!' || c == u'%' || c == u'_')
            escaped.append(u'!');
        escaped.append(c);
    }
    return u'%' + escaped + u'%';
}

} // namespace

Result<bool> CustomerRepository::insertIfAbsent(const NewCustomer& c)
{
    auto id = insert(c);
    if (!id)
        return fail(id.error());
    return id->has_value();
}

Result<std::optional<qint64>> CustomerRepository::insert(const NewCustomer& c)
{
    const QString now = sql::nowUtc();
    // VALUES (not INSERT ... SELECT) so PostgreSQL types each parameter from its column.
    auto query = m_uow.exec(
        u"INSERT INTO customers (branch_id, kind, full_name, id_type, id_number, id_expires_on, birth_date, phone, "
        "address, kyc_state, id_check_confirmed_by, created_at, updated_at) "
        "VALUES ((SELECT id FROM branches WHERE code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING RETURNING id"_s,
        {c.branchCode, c.kind, c.fullName, c.idType, c.idNumber, nullableDate(c.idExpiresOn), nullableDate(c.birthDate),
         nullableText(c.phone), nullableText(c.address), c.kycState, nullableId(c.idCheckConfirmedBy), now, now});
    if (!query)
        return fail(query.error());
    std::optional<qint64> id;
    if (query->next())
        id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Result<QList<CustomerRecord>> CustomerRepository::select(const QString& condition, const QVariantList& values)
{
    auto query = m_uow.execList(
        u"SELECT c.id, c.branch_id, b.code, c.kind, c.full_name, c.id_type, c.id_number, c.id_expires_on, "
        "c.birth_date, c.phone, c.address, c.kyc_state, c.id_check_confirmed_by, s.login, c.created_at, c.updated_at "
        "FROM customers c JOIN branches b ON b.id = c.branch_id "
        "LEFT JOIN staff s ON s.id = c.id_check_confirmed_by "_s
            + condition,
        values);
    if (!query)
        return fail(query.error());
    QList<CustomerRecord> records;
    while (query->next()) {
        CustomerRecord r;
        r.id = query->value(0).toLongLong();
        r.branchId = query->value(1).toLongLong();
        r.branchCode = query->value(2).toString();
        r.kind = query->value(3).toString();
        r.fullName = query->value(4).toString();
        r.idType = query->value(5).toString();
        r.idNumber = query->value(6).toString();
        r.idExpiresOn = sql::toDate(query->value(7));
        r.birthDate = sql::toDate(query->value(8));
        r.phone = query->value(9).toString();
        r.address = query->value(10).toString();
        r.kycState = query->value(11).toString();
        r.idCheckConfirmedBy = query->value(12).toLongLong();
        r.idCheckConfirmedByLogin = query->value(13).toString();
        r.createdAt = sql::toDateTime(query->value(14));
        r.updatedAt = sql::toDateTime(query->value(15));
        records.append(std::move(r));
    }
    query->finish();
    return records;
}

Result<std::optional<CustomerRecord>> CustomerRepository::findById(qint64 id, bool forUpdate)
{
    // FOR UPDATE OF c: lock the customer row only, not the branch or staff rows joined to it.
    const bool lock = forUpdate && m_uow.dialect() == Dialect::PostgreSQL;
    auto found = select(lock ? u"WHERE c.id = ? FOR UPDATE OF c"_s : u"WHERE c.id = ?"_s, {id});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::optional<CustomerRecord>() : std::optional<CustomerRecord>(found->takeFirst());
}

Result<std::optional<CustomerRecord>> CustomerRepository::findByDocument(const QString& idType, const QString& idNumber)
{
    auto found = select(u"WHERE c.id_type = ? AND c.id_number = ?"_s, {idType, idNumber});
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::optional<CustomerRecord>() : std::optional<CustomerRecord>(found->takeFirst());
}

Result<QList<CustomerRecord>> CustomerRepository::findByIdNumber(const QString& idNumber, int limit)
{
    // The ID types listed so that both databases can use the (id_type, id_number) unique index.
    return select(u"WHERE c.id_type IN ('resident', 'uscc', 'passport') AND c.id_number = ? ORDER BY c.id LIMIT ?"_s,
                  {idNumber, limit});
}

Result<QList<CustomerRecord>> CustomerRepository::findByPhone(const QString& phone, int limit)
{
    return select(u"WHERE c.phone = ? ORDER BY c.id LIMIT ?"_s, {phone, limit});
}

Result<QList<CustomerRecord>> CustomerRepository::findByAccountNumber(const QString& accountNumber, int limit)
{
    return select(u"WHERE c.id IN (SELECT a.customer_id FROM accounts a WHERE a.number = ?) ORDER BY c.id LIMIT ?"_s,
                  {accountNumber, limit});
}

Result<QList<CustomerRecord>> CustomerRepository::findByNameContaining(const QString& text, int limit)
{
    return select(u"WHERE lower(c.full_name) LIKE ? ESCAPE '!' ORDER BY c.id LIMIT ?"_s,
                  {containsPattern(text.toLower()), limit});
}

Status CustomerRepository::updateContact(qint64 id, const QString& fullName, const QString& phone,
                                         const QString& address)
{
    auto query = m_uow.exec(u"UPDATE customers SET full_name = ?, phone = ?, address = ?, updated_at = ? WHERE id = ?"_s,
                            {fullName, nullableText(phone), nullableText(address), sql::nowUtc(), id});
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(Error::notFound(u"customer.not_found"_s, u"customer"_s, {}));
    return {};
}

} // namespace cs
