#include "storage/permissionrepository.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

Result<QStringList> column(Result<QSqlQuery> query)
{
    if (!query)
        return fail(query.error());
    QStringList values;
    while (query->next())
        values << query->value(0).toString();
    query->finish();
    return values;
}

} // namespace

Result<bool> PermissionRepository::allows(Role role, const QString& action)
{
    auto query = m_uow.exec(u"SELECT 1 FROM permissions WHERE action = ? AND role = ?"_s, {action, roleKey(role)});
    if (!query)
        return fail(query.error());
    const bool found = query->next();
    query->finish();
    return found;
}

Result<QStringList> PermissionRepository::actionsFor(Role role)
{
    return column(m_uow.exec(u"SELECT action FROM permissions WHERE role = ? ORDER BY action"_s, {roleKey(role)}));
}

Result<QStringList> PermissionRepository::allActions()
{
    return column(m_uow.exec(u"SELECT DISTINCT action FROM permissions ORDER BY action"_s));
}

} // namespace cs
