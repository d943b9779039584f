#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/unitofwork.h"

#include <optional>

namespace cs {

struct StaffRecord {
    Session session; // staff and branch fields filled; terminal empty
    QString state;   // active, disabled, locked
    QString passwordHash;
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
    // Inserts unless the login exists; returns true when it inserted.
    Result<bool> insertIfAbsent(const NewStaff& staff);

private:
    Result<std::optional<StaffRecord>> findWhere(const QString& condition, const QVariant& value);
    UnitOfWork& m_uow;
};

} // namespace cs
