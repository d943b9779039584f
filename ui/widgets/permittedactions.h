#pragma once

#include "common/result.h"
#include "domain/role.h"
#include "storage/database.h"

#include <QSet>
#include <QString>

namespace cs::ui {

// What a role may do, read once from the permissions table, so a screen offers only the actions the
// services will accept (they check again on every call). A role that may only look gets a read-only
// screen.
class PermittedActions {
public:
    PermittedActions() = default;
    static Result<PermittedActions> load(const Database& db, Role role);

    bool allows(const QString& action) const { return m_actions.contains(action); }

private:
    QSet<QString> m_actions;
};

} // namespace cs::ui
