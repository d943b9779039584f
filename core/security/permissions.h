#pragma once

#include "common/result.h"
#include "domain/role.h"
#include "storage/unitofwork.h"

#include <QString>
#include <QStringList>

namespace cs {

// Who may do what: the `permissions` table (action x role), checked by every core service inside its
// transaction. Action names are the contract between services, the table and the audit trail.
namespace action {
inline const QString signOn = QStringLiteral("auth.sign_on");
inline const QString changeOwnPassword = QStringLiteral("auth.change_password");
inline const QString staffRead = QStringLiteral("staff.read");
inline const QString staffAdd = QStringLiteral("staff.add");
inline const QString staffDisable = QStringLiteral("staff.disable");
inline const QString staffEnable = QStringLiteral("staff.enable");
inline const QString staffUnlock = QStringLiteral("staff.unlock");
inline const QString staffResetPassword = QStringLiteral("staff.reset_password");
inline const QString staffChangeRole = QStringLiteral("staff.change_role");
inline const QString settingRead = QStringLiteral("setting.read");
inline const QString settingSet = QStringLiteral("setting.set");
inline const QString auditRead = QStringLiteral("audit.read");
inline const QString auditVerify = QStringLiteral("audit.verify");
} // namespace action

class Permissions {
public:
    // Refused (`permission.denied`, translated, naming the action and role) unless the role may.
    static Status require(UnitOfWork& uow, Role role, const QString& action);
    static Result<bool> allows(UnitOfWork& uow, Role role, const QString& action);
    static Result<QStringList> actionsFor(UnitOfWork& uow, Role role);
    // Every action the table knows, sorted.
    static Result<QStringList> allActions(UnitOfWork& uow);
    // "Add staff" for "staff.add"; the action name itself when it has no translation.
    static QString displayName(const QString& action);
};

} // namespace cs
