#include "storage/tablecounts.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<qint64> countRows(UnitOfWork& uow, const QString& table)
{
    static const QStringList known = {u"branches"_s, u"staff"_s, u"customers"_s, u"accounts"_s,
                                      u"business_days"_s, u"products"_s, u"journal_txns"_s,
                                      u"journal_lines"_s, u"holds"_s, u"approvals"_s, u"audit_log"_s,
                                      u"settings"_s, u"cards"_s, u"merchants"_s};
    if (!known.contains(table))
        return fail(Error::internal(u"db.unknown_table"_s, u"Unknown table %1"_s.arg(table)));
    auto value = uow.scalar(u"SELECT COUNT(*) FROM "_s + table);
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

} // namespace cs
