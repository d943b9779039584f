#include "domain/role.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Teller: return u"teller"_s;
    case Role::Supervisor: return u"supervisor"_s;
    case Role::Auditor: return u"auditor"_s;
    case Role::Admin: return u"admin"_s;
    }
    return {};
}

std::optional<Role> roleFromKey(const QString& key)
{
    for (Role role : {Role::Teller, Role::Supervisor, Role::Auditor, Role::Admin}) {
        if (roleKey(role) == key)
            return role;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Teller: return QCoreApplication::translate("cs::Role", "Teller");
    case Role::Supervisor: return QCoreApplication::translate("cs::Role", "Supervisor");
    case Role::Auditor: return QCoreApplication::translate("cs::Role", "Auditor");
    case Role::Admin: return QCoreApplication::translate("cs::Role", "Administrator");
    }
    return {};
}

} // namespace cs
