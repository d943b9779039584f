#include "counter/accountnames.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString lookUp(const QHash<QString, const char*>& names, const QString& key)
{
    const auto found = names.constFind(key);
    return found == names.cend() ? key : QCoreApplication::translate("cs::ui::AccountNames", *found);
}

} // namespace

QString accountStateName(const QString& state)
{
    static const QHash<QString, const char*> names = {
        {u"normal"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Normal")},
        {u"frozen"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Frozen")},
        {u"dormant"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Dormant")},
        {u"closed"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Closed")},
    };
    return lookUp(names, state);
}

QString freezeModeName(const QString& mode)
{
    static const QHash<QString, const char*> names = {
        {u"full"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "in full")},
        {u"debit"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "no debits")},
        {u"credit"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "no credits")},
    };
    return lookUp(names, mode);
}

QString accountStateText(const AccountView& account)
{
    if (account.state == u"frozen" && !account.freezeMode.isEmpty())
        return QCoreApplication::translate("cs::ui::AccountNames", "%1 (%2)")
            .arg(accountStateName(account.state), freezeModeName(account.freezeMode));
    return accountStateName(account.state);
}

QString accountClassName(const QString& accountClass)
{
    if (accountClass.isEmpty())
        return {};
    return QCoreApplication::translate("cs::ui::AccountNames", "Class %1").arg(accountClass);
}

QString productName(const QString& code, const QString& stored)
{
    static const QHash<QString, const char*> names = {
        {u"demand"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Demand deposit")},
        {u"td3m"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Time deposit, 3 months")},
        {u"td6m"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Time deposit, 6 months")},
        {u"td1y"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Time deposit, 1 year")},
        {u"td2y"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Time deposit, 2 years")},
        {u"td3y"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Time deposit, 3 years")},
        {u"td5y"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Time deposit, 5 years")},
        {u"corp"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Corporate current account")},
    };
    if (!names.contains(code))
        return stored.isEmpty() ? code : stored;
    return lookUp(names, code);
}

QString transactionKindName(const QString& kind)
{
    static const QHash<QString, const char*> names = {
        {u"cash_deposit"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Cash deposit")},
        {u"cash_withdrawal"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Cash withdrawal")},
        {u"cash_fee"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Fee")},
        {u"fee"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Fee")},
        {u"transfer"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Transfer")},
        {u"interest"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Interest")},
        {u"reversal"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Reversal")},
        {u"opening"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Opening balance")},
    };
    return lookUp(names, kind);
}

QString holdReasonName(const QString& code)
{
    static const QHash<QString, const char*> names = {
        {u"judicial"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Judicial")},
        {u"customer"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Customer's request")},
        {u"aml"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Anti-money-laundering")},
        {u"bank"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Bank")},
        {u"transfer"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Pending transfer")},
        {u"other"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Other")},
    };
    return lookUp(names, code);
}

QString customerIdTypeName(const QString& idType)
{
    static const QHash<QString, const char*> names = {
        {u"resident"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Resident ID")},
        {u"uscc"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Social credit code")},
        {u"passport"_s, QT_TRANSLATE_NOOP("cs::ui::AccountNames", "Passport")},
    };
    return lookUp(names, idType);
}

} // namespace cs::ui
