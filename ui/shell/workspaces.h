#pragma once

#include "domain/role.h"

#include <QList>
#include <QString>

namespace cs::ui {

// The workspaces of the main window. Which role may use which, and in what order, is decided by one
// table in workspaces.cpp.
enum class Workspace { Counter, Transfers, Approvals, CashBox, Administration, Reports };

// The workspaces `role` may use, in navigation order (Ctrl+1 is the first).
QList<Workspace> workspacesFor(Role role);

// Stable, untranslated key: "counter", "transfers", "approvals", "cashbox", "administration", "reports".
// Object names derive from it ("counterPage").
QString workspaceKey(Workspace workspace);
QString workspaceTitle(Workspace workspace);       // translated, e.g. "Cash box"
QString workspaceDescription(Workspace workspace); // translated, one line

} // namespace cs::ui
