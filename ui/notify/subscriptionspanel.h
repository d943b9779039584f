#pragma once

#include "auth/session.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "services/noticeservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"
#include "widgets/permittedactions.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QTableView;

namespace cs::ui {

class SubscriptionsModel;

// The selected customer's SMS notice subscriptions (短信通) in the Counter, and what the counter does
// with them. Each action has a shortcut wherever the focus is in `shortcutScope` (the Counter), a
// button and a place in the table's context menu, and is enabled only for a role holding
// notice.subscribe and when the selection allows it:
//   Subscribe or change… Ctrl+Shift+S (SubscriptionDialog: an open account of the customer; the
//     selected subscription's account, else the Counter's selected account, comes first);
//   Cancel subscription… F7 (an active one; asked first);
//   Customer confirms package… Ctrl+Shift+Y (an active package not yet confirmed; asked first).
// Each change goes to NoticeService under a request id of its own. Outcomes go to message().
// Object names: subscriptionsPanel, subscriptionsTable, subscriptionsNote; actions
// subscribeNoticeAction, cancelSubscriptionAction, confirmPackageAction and their buttons (…Button);
// dialogs subscriptionDialog, cancelSubscriptionBox, confirmPackageBox.
class SubscriptionsPanel : public QWidget {
    Q_OBJECT
public:
    SubscriptionsPanel(Database db, Session session, PermittedActions permitted, QWidget* shortcutScope,
                       QWidget* parent);

    // The customer whose subscriptions are shown (nullopt: none) and their accounts. The same customer
    // again keeps the selected row.
    void setCustomer(const std::optional<CustomerSummary>& customer, const QList<AccountView>& accounts);
    // The account selected in the Counter: the dialog offers it first when no subscription is selected.
    void setCurrentAccount(const QString& accountNumber) { m_currentAccount = accountNumber; }

    SubscriptionsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // The account of the selected subscription, or empty.
    QString selectedAccountNumber() const;
    bool selectAccount(const QString& accountNumber);
    bool isBusy() const { return m_call.isBusy(); }
    QString noteText() const;
    // Closes the dialogs that are not in the middle of a call (lock screen).
    void closeDialogs();

public slots:
    void refresh();
    void subscribe();
    void cancelSubscription();
    void confirmPackage();

signals:
    void message(const QString& text, bool error);
    // An action was started: the Counter shows the panel.
    void showRequested();
    // The number of active subscriptions of the customer.
    void countChanged(int active);

protected:
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(QWidget* scope, const QString& name, const QKeySequence& shortcut,
                          void (SubscriptionsPanel::*slot)());
    void load(const QString& selectAccountNumber);
    void updateActions();
    const NoticeSubscription* selectedSubscription() const;
    bool hasOpenAccount() const;
    // Asks `question` on a window-modal box named `name`; `onYes` runs when the teller agrees.
    void ask(const QString& name, const QString& title, const QString& question, std::function<void()> onYes);
    // Runs a change of `accountNumber`'s subscription off the GUI thread, then reloads and reports.
    void runChange(const QString& accountNumber,
                   std::function<Result<NoticeSubscription>(const NoticeService&, const Session&)> change,
                   std::function<QString(const NoticeSubscription&)> doneText);
    void showNote(const QString& text, bool error);
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    std::optional<CustomerSummary> m_customer;
    QList<AccountView> m_accounts;
    QString m_currentAccount;

    SubscriptionsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_note = nullptr;

    QAction* m_subscribe = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_confirm = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
