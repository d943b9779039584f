#include "counter/counterworkspace.h"

#include "cards/cardspanel.h"
#include "cards/onscreenpinpad.h"
#include "counter/accountdetailpanel.h"
#include "counter/accountnames.h"
#include "counter/accountsmodel.h"
#include "counter/cashdialog.h"
#include "counter/customerresultsmodel.h"
#include "counter/statementdialog.h"
#include "notify/subscriptionspanel.h"
#include "print/voucherprinting.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "shell/workspaces.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString actionDeposit = u"cash.deposit"_s;
const QString actionWithdraw = u"cash.withdraw"_s;

constexpr int kSearchLimit = 50;

} // namespace

CounterWorkspace::CounterWorkspace(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_customers(new CustomerResultsModel(this))
    , m_accounts(new AccountsModel(this))
    , m_title(new QLabel(this))
    , m_searchLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_customerView(new QTableView(this))
    , m_customerHeader(new QLabel(this))
    , m_accountsView(new QTableView(this))
    , m_detail(new AccountDetailPanel(this))
    , m_pinPad(new OnScreenPinPad(this))
    , m_detailTabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_message(createMessageLabel(u"counterMessage"_s, this))
{
    setObjectName(workspaceKey(Workspace::Counter) + u"Page"_s);

    // What this role may do decides which actions exist here; the services check again on each call.
    if (auto permitted = PermittedActions::load(m_db, m_session.role))
        m_permitted = std::move(*permitted);
    else
        showMessage(permitted.error().message, true);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);

    m_search->setObjectName(u"customerSearchEdit"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(100);
    m_searchLabel->setBuddy(m_search);

    m_customerView->setObjectName(u"customerTable"_s);
    m_customerView->setModel(m_customers);
    setUpRecordTable(m_customerView, CustomerResultsModel::NameColumn);
    m_customerView->horizontalHeader()->setSectionResizeMode(CustomerResultsModel::NameColumn,
                                                             QHeaderView::ResizeToContents);
    m_customerView->horizontalHeader()->setStretchLastSection(true);
    m_customerView->horizontalHeader()->setMinimumSectionSize(m_customerView->fontMetrics().horizontalAdvance(u"Name"_s) * 3);
    m_customerView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_customerHeader->setObjectName(u"customerHeader"_s);
    m_customerHeader->setTextFormat(Qt::PlainText);
    m_customerHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTitleFont(m_customerHeader, 1.15);

    m_accountsView->setObjectName(u"accountsTable"_s);
    m_accountsView->setModel(m_accounts);
    setUpRecordTable(m_accountsView, AccountsModel::ProductColumn);
    m_accountsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accountsView->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_searchAction = new QAction(this);
    m_searchAction->setObjectName(u"searchCustomerAction"_s);
    connect(m_searchAction, &QAction::triggered, this, &CounterWorkspace::search);
    m_depositAction = createAction(u"depositAction"_s, QKeySequence(Qt::Key_F2), &CounterWorkspace::deposit);
    m_withdrawAction = createAction(u"withdrawAction"_s, QKeySequence(Qt::Key_F3), &CounterWorkspace::withdraw);
    m_statementAction = createAction(u"statementAction"_s, QKeySequence(Qt::Key_F6), &CounterWorkspace::showStatement);
    m_printAction = createAction(u"printVoucherAction"_s, QKeySequence(Qt::CTRL | Qt::Key_P),
                                 &CounterWorkspace::printLastVoucher);
    m_refreshAction = createAction(u"refreshCounterAction"_s, QKeySequence(Qt::Key_F5), &CounterWorkspace::refresh);
    m_findAction = createAction(u"findCustomerAction"_s, QKeySequence(Qt::CTRL | Qt::Key_F), &CounterWorkspace::focusSearch);
    m_cardsAction = createAction(u"showCardsAction"_s, QKeySequence(Qt::Key_F9), &CounterWorkspace::showCards);
    // The card actions' shortcuts work anywhere in the Counter, as the cash actions' do.
    m_cards = new CardsPanel(m_db, m_session, m_permitted, m_pinPad, this, this);
    m_noticesAction = createAction(u"showNoticesAction"_s, QKeySequence(Qt::Key_F10), &CounterWorkspace::showNotices);
    m_notices = new SubscriptionsPanel(m_db, m_session, m_permitted, this, this);
    const bool mayTakeCash = m_permitted.allows(actionDeposit) || m_permitted.allows(actionWithdraw);
    if (m_permitted.allows(actionDeposit))
        m_accountsView->addAction(m_depositAction);
    if (m_permitted.allows(actionWithdraw))
        m_accountsView->addAction(m_withdrawAction);
    m_accountsView->addAction(m_statementAction);
    m_accountsView->addAction(m_printAction);

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchLabel);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(createActionButton(m_searchAction, u"customerSearchButton"_s, this));

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    QPushButton* depositButton = createActionButton(m_depositAction, u"depositButton"_s, this);
    QPushButton* withdrawButton = createActionButton(m_withdrawAction, u"withdrawButton"_s, this);
    depositButton->setVisible(m_permitted.allows(actionDeposit));
    withdrawButton->setVisible(m_permitted.allows(actionWithdraw));
    buttons->addWidget(depositButton);
    buttons->addWidget(withdrawButton);
    if (mayTakeCash)
        buttons->addSpacing(12);
    buttons->addWidget(createActionButton(m_statementAction, u"statementButton"_s, this));
    buttons->addWidget(createActionButton(m_printAction, u"printVoucherButton"_s, this));
    buttons->addStretch(1);
    buttons->addWidget(createActionButton(m_refreshAction, u"refreshCounterButton"_s, this));

    // Top to bottom, as the teller works: the customers found, the chosen one's accounts, the chosen
    // account in full. The accounts take the whole width, so their columns fit.
    auto* accounts = new QWidget(this);
    auto* accountsLayout = new QVBoxLayout(accounts);
    accountsLayout->setContentsMargins(0, 4, 0, 0);
    accountsLayout->setSpacing(8);
    accountsLayout->addWidget(m_customerHeader);
    accountsLayout->addLayout(buttons);
    accountsLayout->addWidget(m_accountsView, 1);

    m_splitter->setObjectName(u"counterSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_customerView);
    m_splitter->addWidget(accounts);
    m_detailTabs->setObjectName(u"counterDetailTabs"_s);
    m_detailTabs->addTab(m_detail, QString());
    m_detailTabs->addTab(m_cards, QString());
    m_detailTabs->addTab(m_notices, QString());
    m_splitter->addWidget(m_detailTabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    const int row = m_customerView->verticalHeader()->defaultSectionSize();
    m_customerView->setMinimumHeight(row * 3);
    m_splitter->setSizes({row * 5, 240, 240});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 14, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addLayout(searchRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_message);

    setTabChain({m_search, m_customerView, m_accountsView, m_detailTabs, m_cards->view(), m_notices->view()});

    connect(m_search, &QLineEdit::returnPressed, this, &CounterWorkspace::search);
    connect(m_customerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CounterWorkspace::customerChanged);
    connect(m_accountsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CounterWorkspace::accountChanged);
    // Enter on a customer goes on to their accounts, as the next field of the form.
    connect(m_customerView, &QTableView::activated, this, [this] {
        if (m_accounts->rowCount() > 0)
            m_accountsView->setFocus(Qt::OtherFocusReason);
    });

    connect(m_cards, &CardsPanel::message, this, &CounterWorkspace::showMessage);
    connect(m_cards, &CardsPanel::showRequested, this, [this] { m_detailTabs->setCurrentWidget(m_cards); });
    connect(m_cards, &CardsPanel::accountsChanged, this, [this] { loadAccounts(selectedAccountNumber()); });
    connect(m_cards, &CardsPanel::countChanged, this, [this](int count) {
        m_cardCount = count;
        retranslateUi();
    });
    connect(m_notices, &SubscriptionsPanel::message, this, &CounterWorkspace::showMessage);
    connect(m_notices, &SubscriptionsPanel::showRequested, this, [this] { m_detailTabs->setCurrentWidget(m_notices); });
    connect(m_notices, &SubscriptionsPanel::countChanged, this, [this](int count) {
        m_noticeCount = count;
        retranslateUi();
    });

    retranslateUi();
    customerChanged();
}

QAction* CounterWorkspace::createAction(const QString& name, const QKeySequence& shortcut,
                                        void (CounterWorkspace::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

qint64 CounterWorkspace::selectedCustomerId() const
{
    const QModelIndex current = m_customerView->selectionModel()->currentIndex();
    return current.isValid() ? m_customers->customerAt(current.row()).id : 0;
}

const AccountView* CounterWorkspace::selectedAccount() const
{
    const QModelIndex current = m_accountsView->selectionModel()->currentIndex();
    return current.isValid() ? &m_accounts->accountAt(current.row()) : nullptr;
}

QString CounterWorkspace::selectedAccountNumber() const
{
    const AccountView* account = selectedAccount();
    return account ? account->number : QString();
}

bool CounterWorkspace::selectAccount(const QString& number)
{
    const int row = m_accounts->rowOfAccount(number);
    if (row < 0)
        return false;
    const QModelIndex index = m_accounts->index(row, AccountsModel::NumberColumn);
    m_accountsView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                 | QItemSelectionModel::Rows);
    m_accountsView->scrollTo(index);
    return true;
}

QString CounterWorkspace::messageText() const
{
    return m_message->text();
}

void CounterWorkspace::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
}

void CounterWorkspace::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CounterWorkspace::showCards()
{
    m_detailTabs->setCurrentWidget(m_cards);
    m_cards->view()->setFocus(Qt::ShortcutFocusReason);
}

void CounterWorkspace::showNotices()
{
    m_detailTabs->setCurrentWidget(m_notices);
    m_notices->view()->setFocus(Qt::ShortcutFocusReason);
}

void CounterWorkspace::search()
{
    const QString query = m_search->text().trimmed();
    showMessage({}, false);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    auto found = CustomerService(m_db).find(m_session, query, kSearchLimit);
    QApplication::restoreOverrideCursor();
    if (!found) {
        m_customers->setCustomers({});
        customerChanged();
        showMessage(found.error().message, true);
        focusSearch();
        return;
    }
    m_customers->setCustomers(std::move(*found));
    const int count = m_customers->rowCount();
    if (count == 0) {
        customerChanged();
        showMessage(tr("No customer matches “%1”.").arg(query), true);
        focusSearch();
        return;
    }
    showMessage(count >= kSearchLimit ? tr("The first %n customers found; narrow the search to see others.", nullptr, count)
                                      : tr("%n customer(s) found.", nullptr, count),
                false);
    m_customerView->selectionModel()->setCurrentIndex(m_customers->index(0, 0), QItemSelectionModel::ClearAndSelect
                                                                                    | QItemSelectionModel::Rows);
    // Found by account number: that account is the one to work on.
    const QString typedNumber = QString(query).remove(u' ');
    if (selectAccount(typedNumber) || count == 1)
        m_accountsView->setFocus(Qt::OtherFocusReason);
    else
        m_customerView->setFocus(Qt::OtherFocusReason);
}

void CounterWorkspace::customerChanged()
{
    loadAccounts({});
}

void CounterWorkspace::loadAccounts(const QString& selectNumber)
{
    const qint64 customerId = selectedCustomerId();
    if (customerId == 0) {
        m_accounts->clear();
        m_customerHeader->setText(tr("Find a customer by ID number, name, phone or account number."));
        m_cards->setCustomer(std::nullopt, {});
        m_notices->setCustomer(std::nullopt, {});
        accountChanged();
        return;
    }
    const CustomerSummary& customer = m_customers->customerAt(m_customers->rowOfCustomer(customerId));
    const QString idType = customerIdTypeName(customer.idType);
    m_customerHeader->setText(customer.phone.isEmpty()
                                  ? tr("%1 · %2 %3").arg(customer.fullName, idType, customer.idNumber)
                                  : tr("%1 · %2 %3 · phone %4").arg(customer.fullName, idType, customer.idNumber,
                                                                     customer.phone));
    auto listed = AccountService(m_db).listForCustomer(m_session, customerId);
    if (!listed) {
        m_accounts->clear();
        m_cards->setCustomer(customer, {});
        m_notices->setCustomer(customer, {});
        showMessage(listed.error().message, true);
        accountChanged();
        return;
    }
    m_cards->setCustomer(customer, *listed);
    m_notices->setCustomer(customer, *listed);
    m_accounts->setAccounts(std::move(*listed));
    if (m_accounts->rowCount() > 0 && !selectAccount(selectNumber))
        selectAccount(m_accounts->accountAt(0).number);
    accountChanged();
}

void CounterWorkspace::accountChanged()
{
    const AccountView* account = selectedAccount();
    m_detail->setAccount(account ? std::optional<AccountView>(*account) : std::nullopt);
    m_notices->setCurrentAccount(account ? account->number : QString());
    updateActions();
}

void CounterWorkspace::updateActions()
{
    const AccountView* account = selectedAccount();
    const bool open = account && account->kind == u"customer" && account->state != u"closed";
    m_depositAction->setEnabled(open && m_permitted.allows(actionDeposit));
    m_withdrawAction->setEnabled(open && m_permitted.allows(actionWithdraw));
    m_statementAction->setEnabled(account != nullptr);
    m_printAction->setEnabled(m_lastReceipt.has_value());
}

void CounterWorkspace::refresh()
{
    const QString number = selectedAccountNumber();
    loadAccounts(number);
}

void CounterWorkspace::deposit()
{
    if (m_depositAction->isEnabled())
        openCashDialog(CashDirection::Deposit);
}

void CounterWorkspace::withdraw()
{
    if (m_withdrawAction->isEnabled())
        openCashDialog(CashDirection::Withdrawal);
}

void CounterWorkspace::openCashDialog(CashDirection direction)
{
    const AccountView* account = selectedAccount();
    if (!account)
        return;
    showMessage({}, false);
    auto* dialog = new CashDialog(m_db, m_session, direction, *account, this);
    connect(dialog, &CashDialog::posted, this, [this, direction](const CashReceipt& receipt) {
        const QString amount = moneyText(receipt.amount);
        if (receipt.state == u"pending"_s) {
            loadAccounts(receipt.accountNumber);
            showMessage(tr("Withdrawal of %1 from %2 waits for a supervisor's approval: request no. %3.")
                            .arg(amount, receipt.accountNumber)
                            .arg(receipt.approvalId),
                        false);
            return;
        }
        m_lastReceipt = receipt;
        loadAccounts(receipt.accountNumber);
        const QString txn = QString::number(receipt.txnId);
        const QString print = m_printAction->shortcut().toString(QKeySequence::NativeText);
        showMessage(direction == CashDirection::Deposit
                        ? tr("Deposit of %1 to %2 posted: transaction %3. %4 prints the voucher again.")
                              .arg(amount, receipt.accountNumber, txn, print)
                        : tr("Withdrawal of %1 from %2 posted: transaction %3. %4 prints the voucher again.")
                              .arg(amount, receipt.accountNumber, txn, print),
                    false);
    });
    connect(dialog, &QDialog::finished, this, [this] { m_accountsView->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

void CounterWorkspace::showStatement()
{
    const AccountView* account = selectedAccount();
    if (!account)
        return;
    auto* dialog = new StatementDialog(m_db, m_session, *account, this);
    connect(dialog, &QDialog::finished, this, [this] { m_accountsView->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

void CounterWorkspace::printLastVoucher()
{
    if (m_lastReceipt)
        previewVoucher(*m_lastReceipt, this);
}

void CounterWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The teller comes here to find someone: the search field has the cursor (after the window has
    // settled its own focus).
    QTimer::singleShot(0, this, [this] {
        if (isVisible() && !QApplication::activeModalWidget())
            m_search->setFocus(Qt::OtherFocusReason);
    });
}

void CounterWorkspace::hideEvent(QHideEvent* event)
{
    // The lock screen replaced the workspaces: no dialog stays above it. A post already under way
    // finishes (its dialog then shows the outcome).
    if (!event->spontaneous()) {
        for (CashDialog* dialog : findChildren<CashDialog*>(Qt::FindDirectChildrenOnly)) {
            if (!dialog->isBusy())
                dialog->done(QDialog::Rejected);
        }
        for (StatementDialog* dialog : findChildren<StatementDialog*>(Qt::FindDirectChildrenOnly))
            dialog->done(QDialog::Rejected);
        m_cards->closeDialogs();
        m_notices->closeDialogs();
    }
    QWidget::hideEvent(event);
}

void CounterWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CounterWorkspace::retranslateUi()
{
    m_title->setText(workspaceTitle(Workspace::Counter));
    m_searchLabel->setText(tr("&Customer:"));
    m_search->setPlaceholderText(tr("ID number, name, phone or account number, then Enter"));
    m_search->setAccessibleName(tr("Find a customer"));
    m_customerView->setAccessibleName(tr("Customers found"));
    m_accountsView->setAccessibleName(tr("Accounts of the customer"));

    const auto setUp = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut + u')');
        action->setStatusTip(tip);
    };
    setUp(m_searchAction, tr("Search"), tr("Find the customer (Enter in the search field)"));
    setUp(m_depositAction, tr("Deposit…"), tr("Take a cash deposit into the selected account"));
    setUp(m_withdrawAction, tr("Withdraw…"), tr("Pay out cash from the selected account"));
    setUp(m_statementAction, tr("Statement…"), tr("Show the statement of the selected account"));
    setUp(m_printAction, tr("Print voucher…"), tr("Preview and print the voucher of the last cash transaction"));
    setUp(m_refreshAction, tr("Refresh"), tr("Read the customer's accounts again"));
    setUp(m_findAction, tr("Find customer"), tr("Go to the search field"));
    setUp(m_cardsAction, tr("Cards"), tr("Show the customer's cards"));
    setUp(m_noticesAction, tr("Notices"), tr("Show the customer's SMS notice subscriptions"));
    m_detailTabs->setTabText(0, tr("Acc&ount"));
    m_detailTabs->setTabText(1, m_cardCount > 0 ? tr("Ca&rds (%1)").arg(m_cardCount) : tr("Ca&rds"));
    m_detailTabs->setTabToolTip(1, tr("The customer's cards (%1)").arg(m_cardsAction->shortcut().toString(QKeySequence::NativeText)));
    m_detailTabs->setTabText(2, m_noticeCount > 0 ? tr("&Notices (%1)").arg(m_noticeCount) : tr("&Notices"));
    m_detailTabs->setTabToolTip(2, tr("The customer's SMS notice subscriptions (%1)")
                                       .arg(m_noticesAction->shortcut().toString(QKeySequence::NativeText)));
    m_customers->retranslate();
    m_accounts->retranslate();
    if (selectedCustomerId() == 0)
        m_customerHeader->setText(tr("Find a customer by ID number, name, phone or account number."));
}

} // namespace cs::ui
