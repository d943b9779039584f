#pragma once

#include "services/accountservice.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// A customer's accounts (AccountService::listForCustomer) as a table: number, product, class, state
// (with the freeze mode), currency, balance, available, held and, for Class II/III accounts, the class
// limits used today and this year (in / out). Money is grouped and right-aligned.
// AccountNumberRole holds the number.
class AccountsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        ProductColumn,
        ClassColumn,
        StateColumn,
        CurrencyColumn,
        BalanceColumn,
        AvailableColumn,
        HeldColumn,
        UsedTodayColumn,
        UsedYearColumn,
        ColumnCount
    };
    static constexpr int AccountNumberRole = Qt::UserRole + 1;

    explicit AccountsModel(QObject* parent = nullptr);

    void setAccounts(QList<AccountView> accounts);
    void clear() { setAccounts({}); }
    const AccountView& accountAt(int row) const { return m_rows.at(row); }
    int rowOfAccount(const QString& number) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

    // Whether the PBOC class limits apply: personal Class II and III accounts.
    static bool hasClassLimits(const AccountView& account);

private:
    QVariant display(const AccountView& account, int column) const;

    QList<AccountView> m_rows;
};

} // namespace cs::ui
