#include "notify/subscriptiondialog.h"

#include "admin/requestid.h"
#include "counter/accountnames.h"
#include "notify/noticenames.h"
#include "services/settingsservice.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString kPackage = u"package"_s;
const QString kFree = u"free"_s;

// The form field a refusal belongs to: by the field the service names, else by its code.
std::optional<int> fieldIndexOf(const Error& error)
{
    enum { Account, Phone, Language, Kinds, FeePlan }; // SubscriptionDialog::Field
    static const QHash<QString, int> byField = {
        {u"account"_s, Account},     {u"accountNumber"_s, Account}, {u"account_number"_s, Account},
        {u"phone"_s, Phone},         {u"language"_s, Language},     {u"kinds"_s, Kinds},
        {u"movements"_s, Kinds},     {u"with_balance"_s, Kinds},    {u"withBalance"_s, Kinds},
        {u"maturity"_s, Kinds},      {u"fee_plan"_s, FeePlan},      {u"feePlan"_s, FeePlan},
    };
    static const QHash<QString, int> byCode = {
        {u"notice.phone"_s, Phone},           {u"notice.language"_s, Language},
        {u"notice.kinds"_s, Kinds},           {u"notice.fee_plan"_s, FeePlan},
        {u"account.not_found"_s, Account},    {u"notice.account_state"_s, Account},
    };
    if (const auto found = byField.constFind(error.field); found != byField.cend())
        return *found;
    if (const auto found = byCode.constFind(error.code); found != byCode.cend())
        return *found;
    return std::nullopt;
}

} // namespace

SubscriptionDialog::SubscriptionDialog(Database db, Session session, CustomerSummary customer,
                                       const QList<AccountView>& accounts, QList<NoticeSubscription> subscriptions,
                                       const QString& accountNumber, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_customer(std::move(customer))
    , m_subscriptions(std::move(subscriptions))
    , m_requestId(newRequestId())
    , m_intro(new QLabel(this))
    , m_form(createFormLayout())
    , m_accountLabel(new QLabel(this))
    , m_account(new QComboBox(this))
    , m_accountNote(createValueLabel(u"subscriptionAccountNote"_s, this))
    , m_phoneLabel(new QLabel(this))
    , m_phone(new QLineEdit(this))
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_kindsLabel(new QLabel(this))
    , m_kinds(new QWidget(this))
    , m_movements(new QCheckBox(m_kinds))
    , m_balance(new QCheckBox(m_kinds))
    , m_maturity(new QCheckBox(m_kinds))
    , m_feeLabel(new QLabel(this))
    , m_feePlan(new QComboBox(this))
    , m_feeNote(new QLabel(this))
    , m_error(createErrorLabel(u"subscriptionError"_s, this))
    , m_busy(createBusyIndicator(u"subscriptionBusy"_s, this))
    , m_save(createDialogButton(u"subscriptionSaveButton"_s, this, true))
    , m_cancel(createDialogButton(u"subscriptionCancelButton"_s, this, false))
{
    setObjectName(u"subscriptionDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    // The package's terms as the service will apply them.
    const SettingsService settings(m_db);
    if (auto fee = settings.integer(u"notice.package_monthly_fee"_s))
        m_packageFee = *fee;
    if (auto days = settings.integer(u"notice.trial_days"_s))
        m_trialDays = static_cast<int>(*days);

    m_intro->setObjectName(u"subscriptionIntro"_s);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);

    m_account->setObjectName(u"subscriptionAccountCombo"_s);
    for (const AccountView& account : accounts) {
        if (account.kind != u"customer" || account.state == u"closed")
            continue;
        QString text = account.number + u"  "_s + productName(account.productCode, account.productName);
        if (!account.accountClass.isEmpty())
            text += u" · "_s + accountClassName(account.accountClass);
        m_account->addItem(text, account.number);
    }
    if (const int index = m_account->findData(accountNumber); index >= 0)
        m_account->setCurrentIndex(index);
    m_accountNote->setWordWrap(true);
    m_accountNote->setForegroundRole(QPalette::PlaceholderText);

    m_phone->setObjectName(u"subscriptionPhoneEdit"_s);
    m_phone->setMaxLength(20);
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly | Qt::ImhNoPredictiveText);
    m_language->setObjectName(u"subscriptionLanguageCombo"_s);
    m_language->addItem(QString(), u"zh_CN"_s);
    m_language->addItem(QString(), u"en"_s);

    m_kinds->setObjectName(u"subscriptionKinds"_s);
    m_movements->setObjectName(u"subscriptionMovementsCheck"_s);
    m_balance->setObjectName(u"subscriptionBalanceCheck"_s);
    m_maturity->setObjectName(u"subscriptionMaturityCheck"_s);
    auto* kinds = new QVBoxLayout(m_kinds);
    kinds->setContentsMargins(0, 0, 0, 0);
    kinds->setSpacing(4);
    kinds->addWidget(m_movements);
    auto* balanceRow = new QHBoxLayout;
    // The balance is a detail of the movement notices: it sits under them.
    balanceRow->addSpacing(m_movements->style()->pixelMetric(QStyle::PM_IndicatorWidth) + 8);
    balanceRow->addWidget(m_balance, 1);
    kinds->addLayout(balanceRow);
    kinds->addWidget(m_maturity);

    m_feePlan->setObjectName(u"subscriptionFeePlanCombo"_s);
    m_feePlan->addItem(QString(), kFree);
    m_feePlan->addItem(QString(), kPackage);
    m_feeNote->setObjectName(u"subscriptionFeeNote"_s);
    m_feeNote->setWordWrap(true);
    m_feeNote->setTextFormat(Qt::PlainText);
    m_feeNote->setForegroundRole(QPalette::PlaceholderText);

    addField(AccountField, m_accountLabel, m_account, u"subscriptionAccountError"_s);
    m_form->addRow(static_cast<QWidget*>(nullptr), m_accountNote);
    addField(PhoneField, m_phoneLabel, m_phone, u"subscriptionPhoneError"_s);
    addField(LanguageField, m_languageLabel, m_language, u"subscriptionLanguageError"_s);
    addField(KindsField, m_kindsLabel, m_kinds, u"subscriptionKindsError"_s);
    m_kindsLabel->setBuddy(m_movements);
    addField(FeePlanField, m_feeLabel, m_feePlan, u"subscriptionFeePlanError"_s);
    m_form->addRow(static_cast<QWidget*>(nullptr), m_feeNote);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);

    m_error->hide();
    connect(m_save, &QPushButton::clicked, this, &SubscriptionDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &SubscriptionDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);

    connect(m_account, &QComboBox::currentIndexChanged, this, &SubscriptionDialog::accountChosen);
    connect(m_movements, &QCheckBox::toggled, this, &SubscriptionDialog::followKinds);
    connect(m_feePlan, &QComboBox::currentIndexChanged, this, &SubscriptionDialog::showFeeNote);

    setTabChain({m_account, m_phone, m_language, m_movements, m_balance, m_maturity, m_feePlan, m_save, m_cancel});
    m_call.setBusyWidgets({m_account, m_phone, m_language, m_kinds, m_feePlan, m_save, m_cancel});
    m_call.setBusyIndicator(m_busy);
    setMinimumWidth(560);
    retranslateUi();
    accountChosen();
    // The account comes from the Counter's selection; the number is what the teller types first.
    if (m_account->count() > 0)
        m_phone->setFocus(Qt::OtherFocusReason);
    else
        m_save->setEnabled(false);
}

void SubscriptionDialog::addField(Field field, QLabel* label, QWidget* editor, const QString& errorName)
{
    label->setBuddy(editor);
    QLabel* error = createErrorLabel(errorName, this);
    m_form->addRow(label, editor);
    m_form->addRow(static_cast<QWidget*>(nullptr), error);
    m_form->setRowVisible(error, false);
    m_fields[field] = {editor, error};
}

QString SubscriptionDialog::accountNumber() const
{
    return m_account->currentData().toString();
}

const NoticeSubscription* SubscriptionDialog::activeSubscription(const QString& accountNumber) const
{
    for (const NoticeSubscription& subscription : m_subscriptions) {
        if (subscription.accountNumber == accountNumber && subscription.state == u"active")
            return &subscription;
    }
    return nullptr;
}

void SubscriptionDialog::accountChosen()
{
    clearErrors();
    const NoticeSubscription* current = activeSubscription(accountNumber());
    const auto select = [](QComboBox* combo, const QString& key) {
        if (const int index = combo->findData(key); index >= 0)
            combo->setCurrentIndex(index);
    };
    if (current) {
        m_phone->setText(current->phone);
        select(m_language, current->language);
        m_movements->setChecked(current->movements);
        m_balance->setChecked(current->withBalance);
        m_maturity->setChecked(current->maturity);
        select(m_feePlan, current->feePlan);
        m_accountNote->setText(tr("Subscribed since %1: saving changes this subscription.")
                                   .arg(current->createdOn.toString(u"yyyy-MM-dd"_s)));
    } else {
        m_phone->setText(m_customer.phone);
        select(m_language, u"zh_CN"_s);
        m_movements->setChecked(true);
        m_balance->setChecked(false);
        m_maturity->setChecked(true);
        select(m_feePlan, kFree);
        m_accountNote->setText(m_account->count() > 0 ? tr("Not subscribed yet.")
                                                      : tr("The customer has no open account to subscribe."));
    }
    followKinds();
    showFeeNote();
}

void SubscriptionDialog::followKinds()
{
    // The balance rides on the movement notices: without them there is nothing to carry it.
    m_balance->setEnabled(m_movements->isChecked());
    if (!m_movements->isChecked())
        m_balance->setChecked(false);
}

void SubscriptionDialog::showFeeNote()
{
    if (m_feePlan->currentData().toString() != kPackage) {
        m_feeNote->setText(tr("No fee."));
        return;
    }
    const NoticeSubscription* current = activeSubscription(accountNumber());
    if (current && current->feePlan == kPackage) {
        m_feeNote->setText(current->confirmedOn.isValid()
                               ? tr("%1 a month after the trial, which ends on %2; the customer confirmed on %3.")
                                     .arg(moneyText(current->monthlyFee),
                                          current->trialEndsOn.toString(u"yyyy-MM-dd"_s),
                                          current->confirmedOn.toString(u"yyyy-MM-dd"_s))
                               : tr("%1 a month after the trial, which ends on %2, and only once the customer "
                                    "confirms the package.")
                                     .arg(moneyText(current->monthlyFee),
                                          current->trialEndsOn.toString(u"yyyy-MM-dd"_s)));
        return;
    }
    m_feeNote->setText(tr("%1 a month after a free trial of %2 days, and only once the customer confirms the "
                          "package.")
                           .arg(moneyText(Money(m_packageFee, Currency::cny())))
                           .arg(m_trialDays));
}

void SubscriptionDialog::accept()
{
    save();
}

void SubscriptionDialog::reject()
{
    if (!isBusy())
        QDialog::reject();
}

void SubscriptionDialog::clearErrors()
{
    for (const auto& [editor, error] : std::as_const(m_fields)) {
        error->clear();
        m_form->setRowVisible(error, false);
    }
    m_error->clear();
    m_error->hide();
}

void SubscriptionDialog::showError(const Error& error)
{
    clearErrors();
    const std::optional<int> index = fieldIndexOf(error);
    if (!index) {
        m_error->setText(error.message);
        m_error->show();
        return;
    }
    const auto& [editor, line] = m_fields.at(static_cast<std::size_t>(*index));
    line->setText(error.message);
    m_form->setRowVisible(line, true);
    QWidget* focus = editor == m_kinds ? m_movements : editor;
    focus->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(focus))
        edit->selectAll();
}

QString SubscriptionDialog::shownError() const
{
    for (const auto& [editor, error] : std::as_const(m_fields)) {
        if (!error->text().isEmpty())
            return error->text();
    }
    return m_error->text();
}

void SubscriptionDialog::save()
{
    if (isBusy() || m_account->count() == 0)
        return;
    clearErrors();
    SubscribeRequest request;
    request.accountNumber = accountNumber();
    request.phone = m_phone->text().trimmed();
    request.language = m_language->currentData().toString();
    request.movements = m_movements->isChecked();
    request.withBalance = m_movements->isChecked() && m_balance->isChecked();
    request.maturity = m_maturity->isChecked();
    request.feePlan = m_feePlan->currentData().toString();
    request.requestId = m_requestId;
    const bool changing = activeSubscription(request.accountNumber) != nullptr;
    m_call.start(
        u"noticeSubscribeWorker"_s,
        [db = m_db, session = m_session, request] { return NoticeService(db).subscribe(session, request); },
        Error::internal(u"notice.no_result"_s, tr("The request did not complete.")),
        [this, changing](Result<NoticeSubscription> outcome) {
            if (!outcome) {
                if (needsNewRequestId(outcome.error()))
                    m_requestId = newRequestId();
                showError(outcome.error());
                return;
            }
            emit subscribed(*outcome, changing);
            QDialog::accept();
        });
}

void SubscriptionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SubscriptionDialog::retranslateUi()
{
    setWindowTitle(tr("SMS notices of %1").arg(m_customer.fullName));
    m_intro->setText(tr("Which notices %1 receives by SMS for an account, on which mobile phone and in which "
                        "language, and the fee plan.")
                         .arg(m_customer.fullName));
    m_accountLabel->setText(tr("&Account:"));
    m_phoneLabel->setText(tr("&Mobile phone:"));
    m_phone->setPlaceholderText(tr("11 digits, e.g. 13800138000"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setItemText(0, noticeLanguageName(u"zh_CN"_s));
    m_language->setItemText(1, noticeLanguageName(u"en"_s));
    m_kindsLabel->setText(tr("&What is sent:"));
    m_movements->setText(tr("E&very movement of the account (counter, ATM, POS)"));
    m_balance->setText(tr("with the &balance after it"));
    m_maturity->setText(tr("Time deposit ma&turity"));
    m_feeLabel->setText(tr("Fee &plan:"));
    m_feePlan->setItemText(0, tr("Free"));
    m_feePlan->setItemText(1, tr("Package (monthly fee)"));
    m_save->setText(tr("Save"));
    m_cancel->setText(tr("Cancel"));
    showFeeNote();
}

} // namespace cs::ui
