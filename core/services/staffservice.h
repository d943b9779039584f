#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cs {

struct StaffSummary {
    qint64 id = 0;
    QString login;
    QString fullName;
    Role role = Role::Teller;
    QString branchCode;
    QString state; // active, disabled, locked
    int failedLogins = 0;
    bool mustChangePassword = false;
    QDateTime lastLoginAt;
};

struct NewStaffRequest {
    QString login;
    QString fullName;
    Role role = Role::Teller;
    QString branchCode;
    QString initialPassword; // must be changed at the first sign-on
    QString requestId;
};

// Password rules: at least `minLength` characters (setting security.password_min_length), not
// containing the login, not one repeated character. Invalid `password.*` with field "password".
Status checkPasswordRules(const QString& login, const QString& password, int minLength);

// Staff administration (admin role) and the staff member's own password. Every change is audited;
// no password or hash ever enters the audit trail.
class StaffService {
public:
    explicit StaffService(Database db);

    Result<QList<StaffSummary>> list(const Session& session) const;
    Result<qint64> add(const Session& session, const NewStaffRequest& request) const;
    Status disable(const Session& session, qint64 staffId, const QString& reason) const;
    Status enable(const Session& session, qint64 staffId) const;
    Status unlock(const Session& session, qint64 staffId) const;
    Status resetPassword(const Session& session, qint64 staffId, const QString& temporaryPassword) const;
    Status changeRole(const Session& session, qint64 staffId, Role role) const;
    Status changeOwnPassword(const Session& session, const QString& oldPassword, const QString& newPassword) const;

private:
    Database m_db;
};

} // namespace cs
