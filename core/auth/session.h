#pragma once

#include "domain/role.h"

#include <QDate>
#include <QString>

namespace cs {

// Who is acting, where and on which business day: every service call takes one.
struct Session {
    qint64 staffId = 0;
    QString login;
    QString fullName;
    Role role = Role::Teller;
    qint64 branchId = 0;
    QString branchCode;
    QString branchName;
    QString terminal;
    QDate businessDate;
    bool mustChangePassword = false; // the initial or reset password: change it before anything else
};

} // namespace cs
