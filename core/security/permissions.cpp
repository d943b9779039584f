#include "security/permissions.h"

#include "storage/permissionrepository.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs {

Status Permissions::require(UnitOfWork& uow, Role role, const QString& action)
{
    auto allowed = allows(uow, role, action);
    if (!allowed)
        return fail(allowed.error());
    if (!*allowed)
        return fail(Error::refused(u"permission.denied"_s, {},
                                   QCoreApplication::translate("cs::Permissions", "A %1 may not %2.")
                                       .arg(roleDisplayName(role), displayName(action))));
    return {};
}

Result<bool> Permissions::allows(UnitOfWork& uow, Role role, const QString& action)
{
    return PermissionRepository(uow).allows(role, action);
}

Result<QStringList> Permissions::actionsFor(UnitOfWork& uow, Role role)
{
    return PermissionRepository(uow).actionsFor(role);
}

Result<QStringList> Permissions::allActions(UnitOfWork& uow) { return PermissionRepository(uow).allActions(); }

QString Permissions::displayName(const QString& action)
{
    // Phrased to follow "A teller may not ...".
    static const QHash<QString, const char*> names = {
        {u"auth.sign_on"_s, QT_TRANSLATE_NOOP("cs::Permissions", "sign on")},
        {u"auth.change_password"_s, QT_TRANSLATE_NOOP("cs::Permissions", "change their password")},
        {u"staff.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "see the staff list")},
        {u"staff.add"_s, QT_TRANSLATE_NOOP("cs::Permissions", "add staff")},
        {u"staff.disable"_s, QT_TRANSLATE_NOOP("cs::Permissions", "disable staff")},
        {u"staff.enable"_s, QT_TRANSLATE_NOOP("cs::Permissions", "enable staff")},
        {u"staff.unlock"_s, QT_TRANSLATE_NOOP("cs::Permissions", "unlock staff")},
        {u"staff.reset_password"_s, QT_TRANSLATE_NOOP("cs::Permissions", "reset a staff password")},
        {u"staff.change_role"_s, QT_TRANSLATE_NOOP("cs::Permissions", "change a staff role")},
        {u"setting.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "read the settings")},
        {u"setting.set"_s, QT_TRANSLATE_NOOP("cs::Permissions", "change a setting")},
        {u"product.manage"_s, QT_TRANSLATE_NOOP("cs::Permissions", "manage products")},
        {u"notice.manage"_s, QT_TRANSLATE_NOOP("cs::Permissions", "set up the SMS gateway and retry dead notices")},
        {u"notice.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "see notice subscriptions and the notice outbox")},
        {u"notice.send"_s, QT_TRANSLATE_NOOP("cs::Permissions", "send the notice outbox to the SMS gateway")},
        {u"notice.subscribe"_s, QT_TRANSLATE_NOOP("cs::Permissions", "subscribe customers to SMS notices")},
        {u"merchant.manage"_s, QT_TRANSLATE_NOOP("cs::Permissions", "manage merchants")},
        {u"merchant.pay"_s, QT_TRANSLATE_NOOP("cs::Permissions", "take merchant payments, captures and refunds")},
        {u"merchant.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "see merchants and their settlements")},
        {u"audit.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "read the audit trail")},
        {u"audit.verify"_s, QT_TRANSLATE_NOOP("cs::Permissions", "verify the audit trail")},
        {u"report.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "read reports")},
        {u"report.own"_s, QT_TRANSLATE_NOOP("cs::Permissions", "read their own teller journal and cash box balancing")},
        {u"customer.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "look up customers")},
        {u"customer.add"_s, QT_TRANSLATE_NOOP("cs::Permissions", "add a customer")},
        {u"customer.edit"_s, QT_TRANSLATE_NOOP("cs::Permissions", "edit a customer")},
        {u"account.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "look up accounts")},
        {u"account.open"_s, QT_TRANSLATE_NOOP("cs::Permissions", "open an account")},
        {u"account.freeze"_s, QT_TRANSLATE_NOOP("cs::Permissions", "freeze an account")},
        {u"account.unfreeze"_s, QT_TRANSLATE_NOOP("cs::Permissions", "unfreeze an account")},
        {u"account.close"_s, QT_TRANSLATE_NOOP("cs::Permissions", "close an account")},
        {u"account.reactivate"_s, QT_TRANSLATE_NOOP("cs::Permissions", "reactivate a dormant account")},
        {u"account.dormancy_sweep"_s, QT_TRANSLATE_NOOP("cs::Permissions", "mark dormant accounts")},
        {u"cash.deposit"_s, QT_TRANSLATE_NOOP("cs::Permissions", "take a cash deposit")},
        {u"cash.withdraw"_s, QT_TRANSLATE_NOOP("cs::Permissions", "pay out a cash withdrawal")},
        {u"cashbox.open"_s, QT_TRANSLATE_NOOP("cs::Permissions", "open a cash box")},
        {u"cashbox.count"_s, QT_TRANSLATE_NOOP("cs::Permissions", "count a cash box")},
        {u"cashbox.close"_s, QT_TRANSLATE_NOOP("cs::Permissions", "close a cash box")},
        {u"cashbox.transfer"_s, QT_TRANSLATE_NOOP("cs::Permissions", "move cash between a cash box and the vault")},
        {u"transfer.enter"_s, QT_TRANSLATE_NOOP("cs::Permissions", "enter a transfer")},
        {u"transfer.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "see transfers")},
        {u"clearing.acknowledge"_s, QT_TRANSLATE_NOOP("cs::Permissions", "record the clearing network's answer")},
        {u"clearing.release"_s, QT_TRANSLATE_NOOP("cs::Permissions", "send queued clearing items")},
        {u"reversal.request"_s, QT_TRANSLATE_NOOP("cs::Permissions", "request a reversal")},
        {u"card.issue"_s, QT_TRANSLATE_NOOP("cs::Permissions", "issue a card")},
        {u"card.service"_s, QT_TRANSLATE_NOOP("cs::Permissions", "service a card")},
        {u"approval.read"_s, QT_TRANSLATE_NOOP("cs::Permissions", "see approvals")},
        {u"approval.cancel"_s, QT_TRANSLATE_NOOP("cs::Permissions", "cancel an approval")},
        {u"approval.decide"_s, QT_TRANSLATE_NOOP("cs::Permissions", "approve or reject")},
        {u"approval.expire"_s, QT_TRANSLATE_NOOP("cs::Permissions", "expire pending approvals")},
        {u"eod.run"_s, QT_TRANSLATE_NOOP("cs::Permissions", "close the business day")},
        {u"deposit.place"_s, QT_TRANSLATE_NOOP("cs::Permissions", "place a time deposit")},
        {u"deposit.withdraw"_s, QT_TRANSLATE_NOOP("cs::Permissions", "withdraw a time deposit early")},
    };
    const auto it = names.constFind(action);
    return it == names.cend() ? action : QCoreApplication::translate("cs::Permissions", it.value());
}

} // namespace cs
