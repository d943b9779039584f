#include "notify/subscriptionspanel.h"

#include "admin/requestid.h"
#include "notify/noticenames.h"
#include "notify/subscriptiondialog.h"
#include "notify/subscriptionsmodel.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString permissionSubscribe = u"notice.subscribe"_s;

} // namespace

SubscriptionsPanel::SubscriptionsPanel(Database db, Session session, PermittedActions permitted,
                                       QWidget* shortcutScope, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_permitted(std::move(permitted))
    , m_model(new SubscriptionsModel(this))
    , m_view(new QTableView(this))
    , m_note(createMessageLabel(u"subscriptionsNote"_s, this))
{
    setObjectName(u"subscriptionsPanel"_s);

    m_view->setObjectName(u"subscriptionsTable"_s);
    m_view->setModel(m_model);
    setUpRecordTable(m_view, SubscriptionsModel::FeeColumn);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    QWidget* scope = shortcutScope ? shortcutScope : this;
    m_subscribe = createAction(scope, u"subscribeNoticeAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                               &SubscriptionsPanel::subscribe);
    m_cancel = createAction(scope, u"cancelSubscriptionAction"_s, QKeySequence(Qt::Key_F7),
                            &SubscriptionsPanel::cancelSubscription);
    m_confirm = createAction(scope, u"confirmPackageAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y),
                             &SubscriptionsPanel::confirmPackage);

    const bool maySubscribe = m_permitted.allows(permissionSubscribe);
    if (maySubscribe)
        m_view->addActions({m_subscribe, m_cancel, m_confirm});

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    const QList<QPushButton*> actionButtons = {
        createActionButton(m_subscribe, u"subscribeNoticeButton"_s, this),
        createActionButton(m_cancel, u"cancelSubscriptionButton"_s, this),
        createActionButton(m_confirm, u"confirmPackageButton"_s, this),
    };
    for (QPushButton* button : actionButtons) {
        button->setVisible(maySubscribe);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SubscriptionsPanel::updateActions);

    retranslateUi();
    load({});
}

QAction* SubscriptionsPanel::createAction(QWidget* scope, const QString& name, const QKeySequence& shortcut,
                                          void (SubscriptionsPanel::*slot)())
{
    QAction* action = createPageAction(scope, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void SubscriptionsPanel::setCustomer(const std::optional<CustomerSummary>& customer, const QList<AccountView>& accounts)
{
    const bool same = customer && m_customer && customer->id == m_customer->id;
    const QString keep = same ? selectedAccountNumber() : QString();
    m_customer = customer;
    m_accounts = accounts;
    load(keep);
}

const NoticeSubscription* SubscriptionsPanel::selectedSubscription() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? &m_model->subscriptionAt(current.row()) : nullptr;
}

QString SubscriptionsPanel::selectedAccountNumber() const
{
    const NoticeSubscription* subscription = selectedSubscription();
    return subscription ? subscription->accountNumber : QString();
}

bool SubscriptionsPanel::selectAccount(const QString& accountNumber)
{
    const int row = m_model->rowOfAccount(accountNumber);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, SubscriptionsModel::AccountColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

bool SubscriptionsPanel::hasOpenAccount() const
{
    return std::any_of(m_accounts.cbegin(), m_accounts.cend(), [](const AccountView& account) {
        return account.kind == u"customer" && account.state != u"closed";
    });
}

QString SubscriptionsPanel::noteText() const
{
    return m_note->text();
}

void SubscriptionsPanel::showNote(const QString& text, bool error)
{
    setMessage(m_note, text, error);
    m_note->setVisible(!text.isEmpty());
}

void SubscriptionsPanel::refresh()
{
    load(selectedAccountNumber());
}

void SubscriptionsPanel::load(const QString& selectAccountNumber)
{
    if (!m_customer) {
        m_model->clear();
        showNote({}, false);
        emit countChanged(0);
        updateActions();
        return;
    }
    auto listed = NoticeService(m_db).subscriptionsOfCustomer(m_session, m_customer->id);
    if (!listed) {
        m_model->clear();
        showNote(listed.error().message, true);
        emit countChanged(0);
        updateActions();
        return;
    }
    m_model->setSubscriptions(std::move(*listed));
    const QList<NoticeSubscription>& rows = m_model->subscriptions();
    const auto active = std::count_if(rows.cbegin(), rows.cend(),
                                      [](const NoticeSubscription& s) { return s.state == u"active"; });
    if (rows.isEmpty() && m_permitted.allows(permissionSubscribe))
        showNote(tr("No account of %1 is subscribed to SMS notices; %2 subscribes one.")
                     .arg(m_customer->fullName, m_subscribe->shortcut().toString(QKeySequence::NativeText)),
                 false);
    else if (rows.isEmpty())
        showNote(tr("No account of %1 is subscribed to SMS notices.").arg(m_customer->fullName), false);
    else
        showNote({}, false);
    if (m_model->rowCount() > 0 && !selectAccount(selectAccountNumber))
        selectAccount(m_model->subscriptionAt(0).accountNumber);
    emit countChanged(static_cast<int>(active));
    updateActions();
}

void SubscriptionsPanel::updateActions()
{
    const bool may = m_permitted.allows(permissionSubscribe) && !m_call.isBusy();
    const NoticeSubscription* subscription = selectedSubscription();
    const bool active = subscription && subscription->state == u"active";
    m_subscribe->setEnabled(may && m_customer && hasOpenAccount());
    m_cancel->setEnabled(may && active);
    m_confirm->setEnabled(may && active && subscription->feePlan == u"package" && !subscription->confirmedOn.isValid());
}

void SubscriptionsPanel::subscribe()
{
    if (!m_subscribe->isEnabled())
        return;
    emit showRequested();
    emit message({}, false);
    const NoticeSubscription* selected = selectedSubscription();
    const QString account = selected && selected->state == u"active" ? selected->accountNumber : m_currentAccount;
    auto* dialog = new SubscriptionDialog(m_db, m_session, *m_customer, m_accounts, m_model->subscriptions(), account, this);
    connect(dialog, &SubscriptionDialog::subscribed, this, [this](const NoticeSubscription& subscription, bool changed) {
        load(subscription.accountNumber);
        emit message(changed ? tr("SMS notices of account %1 changed: %2 to %3.")
                                   .arg(subscription.accountNumber, subscriptionKindsText(subscription), subscription.phone)
                             : tr("Account %1 subscribed to SMS notices: %2 to %3.")
                                   .arg(subscription.accountNumber, subscriptionKindsText(subscription), subscription.phone),
                     false);
    });
    connect(dialog, &QDialog::finished, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

void SubscriptionsPanel::ask(const QString& name, const QString& title, const QString& question,
                             std::function<void()> onYes)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setObjectName(u"yesButton"_s);
    box->button(QMessageBox::No)->setObjectName(u"noButton"_s);
    connect(box, &QMessageBox::finished, this, [this, box, onYes = std::move(onYes)](int) {
        const bool yes = box->clickedButton() == box->button(QMessageBox::Yes);
        m_view->setFocus(Qt::OtherFocusReason);
        if (yes)
            onYes();
    });
    box->open();
}

void SubscriptionsPanel::cancelSubscription()
{
    const NoticeSubscription* subscription = selectedSubscription();
    if (!m_cancel->isEnabled() || !subscription)
        return;
    emit showRequested();
    emit message({}, false);
    const QString account = subscription->accountNumber;
    ask(u"cancelSubscriptionBox"_s, tr("Cancel SMS notices"),
        tr("Cancel the SMS notices of account %1 to %2? Notices already queued are still sent.")
            .arg(account, subscription->phone),
        [this, account] {
            runChange(
                account,
                [account, requestId = newRequestId()](const NoticeService& service, const Session& session) {
                    return service.cancel(session, account, requestId);
                },
                [](const NoticeSubscription& done) {
                    return tr("SMS notices of account %1 cancelled.").arg(done.accountNumber);
                });
        });
}

void SubscriptionsPanel::confirmPackage()
{
    const NoticeSubscription* subscription = selectedSubscription();
    if (!m_confirm->isEnabled() || !subscription)
        return;
    emit showRequested();
    emit message({}, false);
    const QString account = subscription->accountNumber;
    ask(u"confirmPackageBox"_s, tr("Customer confirms the package"),
        tr("Has the customer confirmed the SMS notice package of account %1? %2 a month is due after the trial, "
           "which ends on %3.")
            .arg(account, moneyText(subscription->monthlyFee), subscription->trialEndsOn.toString(u"yyyy-MM-dd"_s)),
        [this, account] {
            runChange(
                account,
                [account, requestId = newRequestId()](const NoticeService& service, const Session& session) {
                    return service.confirmPackage(session, account, requestId);
                },
                [](const NoticeSubscription& done) {
                    return tr("The customer confirmed the SMS notice package of account %1 on %2.")
                        .arg(done.accountNumber, done.confirmedOn.toString(u"yyyy-MM-dd"_s));
                });
        });
}

void SubscriptionsPanel::runChange(const QString& accountNumber,
                                   std::function<Result<NoticeSubscription>(const NoticeService&, const Session&)> change,
                                   std::function<QString(const NoticeSubscription&)> doneText)
{
    m_call.start(
        u"noticeChangeWorker"_s,
        [db = m_db, session = m_session, change = std::move(change)] { return change(NoticeService(db), session); },
        Error::internal(u"notice.no_result"_s, tr("The request did not complete.")),
        [this, accountNumber, doneText = std::move(doneText)](Result<NoticeSubscription> outcome) {
            if (!outcome) {
                load(accountNumber);
                emit message(outcome.error().message, true);
                return;
            }
            load(outcome->accountNumber);
            emit message(doneText(*outcome), false);
        });
    updateActions();
}

void SubscriptionsPanel::closeDialogs()
{
    for (SubscriptionDialog* dialog : findChildren<SubscriptionDialog*>(Qt::FindDirectChildrenOnly)) {
        if (!dialog->isBusy())
            dialog->done(QDialog::Rejected);
    }
    for (QMessageBox* box : findChildren<QMessageBox*>(Qt::FindDirectChildrenOnly))
        box->done(QMessageBox::No);
}

void SubscriptionsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SubscriptionsPanel::retranslateUi()
{
    m_view->setAccessibleName(tr("SMS notice subscriptions of the customer"));
    setActionTexts(m_subscribe, tr("Subscribe or change…"),
          tr("Subscribe an account of the customer to SMS notices, or change its subscription"));
    setActionTexts(m_cancel, tr("Cancel subscription…"), tr("Stop the SMS notices of the selected subscription"));
    setActionTexts(m_confirm, tr("Customer confirms package…"),
          tr("Record that the customer confirmed the paid package: its fee is due after the trial"));
    m_model->retranslate();
}

} // namespace cs::ui
