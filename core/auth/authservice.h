#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QString>

namespace cs {

// Sign-on: checks the password against the stored hash and builds the Session.
class AuthService {
public:
    explicit AuthService(Database db);

    // Refusals: `auth.bad_credentials` (field "password"; the same for an unknown login, so a caller
    // cannot probe which logins exist), `auth.disabled`, `auth.locked`; `auth.empty_login` (field "login").
    Result<Session> signOn(const QString& login, const QString& password, const QString& terminal) const;

    // The same staff member's password again, for the idle lock screen.
    Status confirm(const Session& session, const QString& password) const;

private:
    Database m_db;
};

} // namespace cs
