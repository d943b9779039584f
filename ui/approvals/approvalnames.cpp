#include "approvals/approvalnames.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString lookUp(const QHash<QString, const char*>& names, const QString& key)
{
    const auto found = names.constFind(key);
    return found == names.cend() ? key : QCoreApplication::translate("cs::ui::ApprovalNames", *found);
}

} // namespace

QString approvalActionName(const QString& action)
{
    static const QHash<QString, const char*> names = {
        {u"transfer.intra"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Transfer within the bank")},
        {u"transfer.interbank"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Transfer to another bank")},
        {u"cash.withdraw"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Cash withdrawal")},
        {u"reversal"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Reversal")},
        {u"account.freeze"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Account freeze")},
        {u"account.unfreeze"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Account unfreeze")},
        {u"account.close"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Account closure")},
        {u"cashbox.overshort"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Cash over or short")},
        {u"fee.waive"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Fee waiver")},
        {u"card.replace"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Card replacement")},
        {u"card.pin_reset"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Card PIN reset")},
    };
    return lookUp(names, action);
}

QString approvalStateName(const QString& state)
{
    static const QHash<QString, const char*> names = {
        {u"pending"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Pending")},
        {u"approved"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Approved")},
        {u"rejected"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Rejected")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Cancelled")},
        {u"expired"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Expired")},
    };
    return lookUp(names, state);
}

QString approvalEntityName(const QString& entityType)
{
    static const QHash<QString, const char*> names = {
        {u"account"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Account")},
        {u"txn"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Transaction")},
        {u"transfer"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Transfer")},
        {u"cashbox"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Cash box")},
        {u"card"_s, QT_TRANSLATE_NOOP("cs::ui::ApprovalNames", "Card")},
    };
    return lookUp(names, entityType);
}

const QStringList& knownApprovalActions()
{
    static const QStringList actions{u"transfer.intra"_s, u"transfer.interbank"_s, u"cash.withdraw"_s,
                                     u"reversal"_s, u"account.freeze"_s, u"account.unfreeze"_s,
                                     u"account.close"_s, u"cashbox.overshort"_s, u"fee.waive"_s,
                                     u"card.replace"_s};
    return actions;
}

const QStringList& approvalStates()
{
    static const QStringList states{u"pending"_s, u"approved"_s, u"rejected"_s, u"cancelled"_s, u"expired"_s};
    return states;
}

bool amountIsBlind(const ApprovalRecord& approval, qint64 viewerId)
{
    if (approval.state != u"pending" || approval.makerId == viewerId || !approval.amount)
        return false;
    return approval.action.startsWith(u"cash.") || approval.action.startsWith(u"transfer.");
}

bool isAmountField(const QString& key)
{
    const QString k = key.toLower();
    return k.contains(u"amount") || k.contains(u"capitals") || k == u"total";
}

} // namespace cs::ui
