#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace cs {

struct StaffRecord {
    Session session; // staff and branch fields filled; terminal empty
    QString state;   // active, disabled, locked
    QString passwordHash;
    int failedLogins = 0;
    QDateTime lastLoginAt;
};

struct NewStaff {
    QString branchCode;
    QString login;
    QString fullName;
    Role role = Role::Teller;
    QString passwordHash;
    bool mustChangePassword = true;
};

class StaffRepository {
public:
    explicit StaffRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<StaffRecord>> findByLogin(const QString& login);
    Result<std::optional<StaffRecord>> findById(qint64 staffId);
    Result<QList<StaffRecord>> list();
    // Inserts unless the login exists; returns true when it inserted.
    Result<bool> insertIfAbsent(const NewStaff& staff);
    Result<qint64> insert(const NewStaff& staff);

    // A wrong password: counts it and locks the staff member at `lockAt` failures, in one statement so
    // that concurrent attempts cannot lose a count. Returns the new count and state.
    Result<std::pair<int, QString>> recordFailedSignOn(qint64 staffId, int lockAt);
    // A good password: clears the count; `newHash` (when not empty) replaces a hash with old parameters.
    Status recordSignOn(qint64 staffId, const QString& newHash);
    Status setState(qint64 staffId, const QString& state);
    Status unlock(qint64 staffId);
    Status setPassword(qint64 staffId, const QString& hash, bool mustChange);
    Status setRole(qint64 staffId, Role role);
    UnitOfWork& uow() { return m_uow; }

private:
    Result<QList<StaffRecord>> select(const QString& condition, const QVariantList& values);
    Status update(const QString& assignments, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
