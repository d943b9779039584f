#pragma once

#include "services/accountservice.h"

#include <QWidget>

#include <optional>

class QGridLayout;
class QGroupBox;
class QLabel;
class QTableWidget;

namespace cs::ui {

// The selected account in full: number and title, owner, product, class and bound account, state
// with the freeze reason, dates, balance, held, overdraft, available, and the active holds.
// Object names: accountDetailPanel, detailValue_<key> for each value (number, name, product, class,
// state, opened, balance, held, overdraft, available), holdsTable.
class AccountDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit AccountDetailPanel(QWidget* parent = nullptr);

    void setAccount(const std::optional<AccountView>& account);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Item {
        QString key;
        QLabel* label = nullptr;
        QLabel* value = nullptr;
    };
    QLabel* addItem(const QString& key, int row, int column, bool money);
    void showAccount();
    void retranslateUi();

    std::optional<AccountView> m_account;
    QGroupBox* m_group = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<Item> m_items;
    QLabel* m_holdsTitle = nullptr;
    QTableWidget* m_holds = nullptr;
};

} // namespace cs::ui
