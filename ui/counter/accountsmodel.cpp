#include "counter/accountsmodel.h"

#include "counter/accountnames.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

using namespace Qt::StringLiterals;

namespace cs::ui {

AccountsModel::AccountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AccountsModel::setAccounts(QList<AccountView> accounts)
{
    beginResetModel();
    m_rows = std::move(accounts);
    endResetModel();
}

int AccountsModel::rowOfAccount(const QString& number) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).number == number)
            return static_cast<int>(row);
    }
    return -1;
}

bool AccountsModel::hasClassLimits(const AccountView& account)
{
    return account.accountClass == u"II" || account.accountClass == u"III";
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountView& a = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(a, column);
    case Qt::ToolTipRole:
        if (column == StateColumn && !a.freezeReason.isEmpty())
            return tr("%1: %2").arg(accountStateText(a), a.freezeReason);
        if ((column == UsedTodayColumn || column == UsedYearColumn) && !hasClassLimits(a))
            return tr("No class limits apply to this account.");
        return display(a, column);
    case AccountNumberRole:
        return a.number;
    case Qt::TextAlignmentRole:
        switch (column) {
        case BalanceColumn:
        case AvailableColumn:
        case HeldColumn:
        case UsedTodayColumn:
        case UsedYearColumn:
            return moneyAlignment();
        case ClassColumn:
        case CurrencyColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        default:
            return {};
        }
    case Qt::ForegroundRole:
        // Accounts that cannot move money freely stand out.
        if (column == StateColumn && a.state != u"normal")
            return errorColor();
        if (column == AvailableColumn && a.available.isNegative())
            return errorColor();
        return {};
    default:
        return {};
    }
}

QVariant AccountsModel::display(const AccountView& a, int column) const
{
    switch (column) {
    case NumberColumn: return a.number;
    case ProductColumn: return productName(a.productCode, a.productName);
    case ClassColumn: return a.accountClass.isEmpty() ? u"—"_s : a.accountClass;
    case StateColumn: return accountStateText(a);
    case CurrencyColumn: return a.currency.code();
    case BalanceColumn: return moneyText(a.balance);
    case AvailableColumn: return moneyText(a.available);
    case HeldColumn: return moneyText(a.held);
    case UsedTodayColumn:
        if (!hasClassLimits(a))
            return u"—"_s;
        return tr("%1 / %2").arg(moneyText(a.usedTodayIn), moneyText(a.usedTodayOut));
    case UsedYearColumn:
        if (!hasClassLimits(a))
            return u"—"_s;
        return tr("%1 / %2").arg(moneyText(a.usedYearIn), moneyText(a.usedYearOut));
    default: return {};
    }
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        if (section >= BalanceColumn)
            return moneyAlignment();
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (section == UsedTodayColumn)
            return tr("Class II/III limits used on this business day: cash and non-bound credits in / out");
        if (section == UsedYearColumn)
            return tr("Class II/III limits used this year: in / out");
        if (section == AvailableColumn)
            return tr("Balance less active holds, plus any overdraft");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn: return tr("Account");
    case ProductColumn: return tr("Product");
    case ClassColumn: return tr("Class");
    case StateColumn: return tr("State");
    case CurrencyColumn: return tr("Currency");
    case BalanceColumn: return tr("Balance");
    case AvailableColumn: return tr("Available");
    case HeldColumn: return tr("Held");
    case UsedTodayColumn: return tr("Used today (in / out)");
    case UsedYearColumn: return tr("Used this year (in / out)");
    default: return {};
    }
}

void AccountsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
