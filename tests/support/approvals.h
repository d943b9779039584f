#pragma once

#include "approvals/approvalservice.h"
#include "auth/authservice.h"

#include <QUuid>

namespace cs::test {

// A second person decides: super1 signs on at terminal T09 and approves at once. For tests whose subject
// is what a command does, not how it waits (freezes, closures and reversals wait for a checker by
// default, settings approvals.required.*).
inline Result<ApprovalDecision> approveAsSupervisor(const Database& db, qint64 approvalId,
                                                    std::optional<Money> rekeyed = std::nullopt)
{
    auto super = AuthService(db).signOn(QStringLiteral("super1"), QStringLiteral("demo-pass-1"), QStringLiteral("T09"));
    if (!super)
        return fail(super.error());
    return ApprovalService(db).approve(*super, approvalId, rekeyed, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// The command's answer, approved by a supervisor when it waits (AccountChange and the like: pending(),
// approvalId). Fails with the first error.
template <typename R>
Status settled(const Database& db, const R& result)
{
    if (!result)
        return fail(result.error());
    if (result->pending()) {
        auto approved = approveAsSupervisor(db, result->approvalId);
        if (!approved)
            return fail(approved.error());
    }
    return {};
}

} // namespace cs::test
