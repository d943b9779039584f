#include "widgets/permittedactions.h"

#include "security/permissions.h"

namespace cs::ui {

Result<PermittedActions> PermittedActions::load(const Database& db, Role role)
{
    PermittedActions permitted;
    const Status read = db.transact([&](UnitOfWork& uow) -> Status {
        auto actions = Permissions::actionsFor(uow, role);
        if (!actions)
            return fail(actions.error());
        permitted.m_actions = QSet<QString>(actions->cbegin(), actions->cend());
        return {};
    }, UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return permitted;
}

} // namespace cs::ui
