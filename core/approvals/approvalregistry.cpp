#include "approvals/approvalregistry.h"

namespace cs {

const ApprovalRegistry& ApprovalRegistry::standard()
{
    static const ApprovalRegistry registry = [] {
        ApprovalRegistry r;
        registerCoreActions(r);
        registerTransferActions(r);
        registerCardActions(r);
        return r;
    }();
    return registry;
}

const ApprovalAction* ApprovalRegistry::find(const QString& action) const
{
    for (const auto& a : m_actions) {
        if (a->action() == action)
            return a.get();
    }
    return nullptr;
}

void ApprovalRegistry::add(std::unique_ptr<ApprovalAction> action) { m_actions.push_back(std::move(action)); }

} // namespace cs
