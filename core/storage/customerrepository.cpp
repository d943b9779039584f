#include "storage/customerrepository.h"

#include "storage/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<bool> CustomerRepository::insertIfAbsent(const NewCustomer& c)
{
    const QString now = sql::nowUtc();
    const QVariant birth = c.birthDate.isValid() ? QVariant(sql::date(c.birthDate)) : QVariant(QMetaType(QMetaType::QString));
    auto query = m_uow.exec(
        u"INSERT INTO customers (branch_id, kind, full_name, id_type, id_number, birth_date, phone, address, "
        "kyc_state, created_at, updated_at) "
        "VALUES ((SELECT id FROM branches WHERE code = ?), ?, ?, ?, ?, ?, ?, ?, 'verified', ?, ?) "
        "ON CONFLICT DO NOTHING"_s,
        {c.branchCode, c.kind, c.fullName, c.idType, c.idNumber, birth, c.phone, c.address, now, now});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() > 0;
}

} // namespace cs
