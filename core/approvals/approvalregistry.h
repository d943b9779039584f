#pragma once

#include "approvals/approvalaction.h"

#include <memory>
#include <vector>

namespace cs {

// Every approvable command, by its action name. Each module registers its own actions in its own file
// (register*Actions below); approvalregistry.cpp lists the modules.
class ApprovalRegistry {
public:
    static const ApprovalRegistry& standard();
    const ApprovalAction* find(const QString& action) const;
    void add(std::unique_ptr<ApprovalAction> action);

private:
    std::vector<std::unique_ptr<ApprovalAction>> m_actions;
};

// cash.withdraw, reversal, account.freeze, account.unfreeze, account.close, cashbox.overshort
void registerCoreActions(ApprovalRegistry& registry);
// transfer.intra, transfer.interbank
void registerTransferActions(ApprovalRegistry& registry);
// card.replace, card.pin_reset (services/cardactions.cpp)
void registerCardActions(ApprovalRegistry& registry);

} // namespace cs
