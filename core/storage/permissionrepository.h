#pragma once

#include "common/result.h"
#include "domain/role.h"
#include "storage/unitofwork.h"

#include <QStringList>

namespace cs {

class PermissionRepository {
public:
    explicit PermissionRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<bool> allows(Role role, const QString& action);
    Result<QStringList> actionsFor(Role role);
    Result<QStringList> allActions();

private:
    UnitOfWork& m_uow;
};

} // namespace cs
