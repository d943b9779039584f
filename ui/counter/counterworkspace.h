#pragma once

#include "auth/session.h"
#include "services/cashservice.h"
#include "storage/database.h"
#include "widgets/permittedactions.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;

namespace cs::ui {

class AccountDetailPanel;
class AccountsModel;
class CardsPanel;
class CustomerResultsModel;
class PinPad;
class SubscriptionsPanel;

// The Counter workspace: find a customer (ID number, name, phone or account number; Enter searches),
// see their accounts and the selected account in full, and act on it. Actions, each with its
// shortcut while the workspace is shown, a button and a place in the accounts' context menu:
// Deposit (F2), Withdraw (F3), Statement (F6), Print last voucher (Ctrl+P), Refresh (F5),
// Find (Ctrl+F), Cards (F9: the customer's cards, see CardsPanel for their actions), Notices (F10: the
// customer's SMS notice subscriptions, see SubscriptionsPanel for their actions). A role the
// permissions table lets only look (supervisor, auditor) gets no deposit, withdrawal, card or notice
// action. Below the accounts, three tabs: the selected account in full, the customer's cards and their
// SMS notices (短信通). The search
// field has the cursor whenever the workspace is shown. PINs are entered by the customer on the
// counter's PinPad (the on-screen one).
// Object names: counterPage, customerSearchEdit, customerSearchButton, customerTable, customerHeader,
// accountsTable, counterDetailTabs, accountDetailPanel, cardsPanel, subscriptionsPanel, counterMessage;
// actions depositAction, withdrawAction, statementAction, printVoucherAction, refreshCounterAction,
// findCustomerAction, showCardsAction, showNoticesAction and their buttons (…Button); dialogs
// cashDialog, statementDialog.
class CounterWorkspace : public QWidget {
    Q_OBJECT
public:
    CounterWorkspace(Database db, Session session, QWidget* parent = nullptr);

    CustomerResultsModel* customerModel() const { return m_customers; }
    AccountsModel* accountsModel() const { return m_accounts; }
    QTableView* customerView() const { return m_customerView; }
    QTableView* accountsView() const { return m_accountsView; }
    CardsPanel* cardsPanel() const { return m_cards; }
    SubscriptionsPanel* subscriptionsPanel() const { return m_notices; }
    PinPad* pinPad() const { return m_pinPad; }

    qint64 selectedCustomerId() const;
    QString selectedAccountNumber() const;
    bool selectAccount(const QString& number);
    QString messageText() const;
    // The receipt of the last cash transaction posted here, for Ctrl+P.
    const std::optional<CashReceipt>& lastReceipt() const { return m_lastReceipt; }

public slots:
    void search();
    void refresh();
    void deposit();
    void withdraw();
    void showStatement();
    void printLastVoucher();
    void focusSearch();
    void showCards();
    void showNotices();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (CounterWorkspace::*slot)());
    void loadAccounts(const QString& selectNumber);
    void customerChanged();
    void accountChanged();
    void updateActions();
    void openCashDialog(CashDirection direction);
    void showMessage(const QString& text, bool error);
    const AccountView* selectedAccount() const;
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    std::optional<CashReceipt> m_lastReceipt;

    CustomerResultsModel* m_customers = nullptr;
    AccountsModel* m_accounts = nullptr;

    QLabel* m_title = nullptr;
    QLabel* m_searchLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_customerView = nullptr;
    QLabel* m_customerHeader = nullptr;
    QTableView* m_accountsView = nullptr;
    AccountDetailPanel* m_detail = nullptr;
    PinPad* m_pinPad = nullptr;
    CardsPanel* m_cards = nullptr;
    QTabWidget* m_detailTabs = nullptr;
    int m_cardCount = 0;
    SubscriptionsPanel* m_notices = nullptr;
    int m_noticeCount = 0;
    QSplitter* m_splitter = nullptr;
    QLabel* m_message = nullptr;

    QAction* m_searchAction = nullptr;
    QAction* m_depositAction = nullptr;
    QAction* m_withdrawAction = nullptr;
    QAction* m_statementAction = nullptr;
    QAction* m_printAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_cardsAction = nullptr;
    QAction* m_noticesAction = nullptr;
    QList<QWidget*> m_cashButtons;
};

} // namespace cs::ui
