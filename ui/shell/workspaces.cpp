#include "shell/workspaces.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace cs::ui {

namespace {

struct WorkspaceRow {
    Workspace workspace;
    bool teller;
    bool supervisor;
    bool auditor;
    bool admin;
    const char* key;
    const char* title;
    const char* description;
};

// Who uses what: the one table of role -> workspaces. Rows are in navigation order. Supervisors and
// auditors look at the Counter without acting (the permissions table gives them no cash actions); the
// Cash box is the teller's own (cashbox.* are teller permissions). Tellers find their own journal and
// cash box balancing under Reports.
constexpr WorkspaceRow kWorkspaces[] = {
    //                          teller supervisor auditor admin
    {Workspace::Counter,        true,  true,      true,   false, "counter", QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Counter"),
     QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Find a customer, see their accounts and cards, and act on them.")},
    {Workspace::Transfers,      true,  true,      false,  false, "transfers", QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Transfers"),
     QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Transfers between accounts, within the bank and to other banks.")},
    {Workspace::Approvals,      false, true,      false,  false, "approvals", QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Approvals"),
     QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Requests waiting for a second person: approve or reject them.")},
    {Workspace::CashBox,        true,  false,     false,  false, "cashbox", QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Cash box"),
     QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Cash received and paid out, transfers with the vault, and the balance.")},
    {Workspace::Administration, false, false,     false,  true,  "administration", QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Administration"),
     QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Staff, products and merchants.")},
    {Workspace::Reports,        true,  true,      true,   true,  "reports", QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Reports"),
     QT_TRANSLATE_NOOP("cs::ui::Workspaces", "Branch reports to view, print and export.")},
};

bool allows(const WorkspaceRow& row, Role role)
{
    switch (role) {
    case Role::Teller: return row.teller;
    case Role::Supervisor: return row.supervisor;
    case Role::Auditor: return row.auditor;
    case Role::Admin: return row.admin;
    }
    return false;
}

const WorkspaceRow& rowOf(Workspace workspace)
{
    const auto* row = std::find_if(std::begin(kWorkspaces), std::end(kWorkspaces),
                                   [workspace](const WorkspaceRow& r) { return r.workspace == workspace; });
    Q_ASSERT(row != std::end(kWorkspaces));
    return *row;
}

} // namespace

QList<Workspace> workspacesFor(Role role)
{
    QList<Workspace> result;
    for (const WorkspaceRow& row : kWorkspaces) {
        if (allows(row, role))
            result.append(row.workspace);
    }
    return result;
}

QString workspaceKey(Workspace workspace)
{
    return QString::fromLatin1(rowOf(workspace).key);
}

QString workspaceTitle(Workspace workspace)
{
    return QCoreApplication::translate("cs::ui::Workspaces", rowOf(workspace).title);
}

QString workspaceDescription(Workspace workspace)
{
    return QCoreApplication::translate("cs::ui::Workspaces", rowOf(workspace).description);
}

} // namespace cs::ui
