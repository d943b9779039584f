#include "cards/cardissuewizard.h"

#include "admin/requestid.h"
#include "cards/pinpad.h"
#include "cards/pinrequest.h"
#include "counter/accountnames.h"
#include "domain/cardrules.h"
#include "print/voucherprinting.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

constexpr int kPageCount = 6;
constexpr int kPinAttempts = 3;

// The accounts a card may settle on: the customer's own open Class I or II demand accounts.
QList<AccountView> settlementAccounts(const QList<AccountView>& accounts)
{
    QList<AccountView> eligible;
    for (const AccountView& a : accounts) {
        if (a.kind == u"customer" && a.productCode == u"demand" && (a.accountClass == u"I" || a.accountClass == u"II")
            && a.state != u"closed")
            eligible.append(a);
    }
    return eligible;
}

QLabel* createIntro(QWidget* page)
{
    auto* label = new QLabel(page);
    label->setWordWrap(true);
    return label;
}

} // namespace

CardIssueWizard::CardIssueWizard(Database db, Session session, CardVault vault, PinPad* pinPad,
                                 CustomerSummary customer, QList<AccountView> accounts, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_vault(std::move(vault))
    , m_pinPad(pinPad)
    , m_customer(std::move(customer))
    , m_accounts(settlementAccounts(accounts))
    , m_requestId(newRequestId())
    , m_stepLabel(new QLabel(this))
    , m_customerLabel(createValueLabel(u"cardWizardCustomer"_s, this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(u"cardIssueWizard"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    m_stepLabel->setObjectName(u"cardWizardStep"_s);
    setTitleFont(m_stepLabel, 1.25);
    m_customerLabel->setForegroundRole(QPalette::PlaceholderText);

    m_pages->addWidget(createProductPage());
    m_pages->addWidget(createAccountPage());
    m_pages->addWidget(createIdentityPage());
    m_pages->addWidget(createReviewPage());
    m_pages->addWidget(createPinPage());
    m_pages->addWidget(createVoucherPage());

    m_preview = createDialogButton(u"previewCardVoucherButton"_s, this, false);
    m_preview->setShortcut(QKeySequence::Print);
    m_save = createDialogButton(u"saveCardVoucherButton"_s, this, false);
    m_save->setShortcut(QKeySequence::Save);
    m_askAgain = createDialogButton(u"pinAskAgainButton"_s, this, false);
    m_back = createDialogButton(u"wizardBackButton"_s, this, false);
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_B));
    m_next = createDialogButton(u"wizardNextButton"_s, this, true);
    m_cancel = createDialogButton(u"wizardCancelButton"_s, this, false);
    connect(m_preview, &QPushButton::clicked, this, [this] {
        if (m_voucher)
            previewCardVoucher(*m_voucher, this);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_voucher)
            exportCardVoucherPdf(*m_voucher, this);
    });
    connect(m_askAgain, &QPushButton::clicked, this, [this] {
        m_pinAttempts = 0;
        askPin();
    });
    connect(m_back, &QPushButton::clicked, this, &CardIssueWizard::back);
    connect(m_next, &QPushButton::clicked, this, &CardIssueWizard::next);
    connect(m_cancel, &QPushButton::clicked, this, &CardIssueWizard::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_preview);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_askAgain);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_cancel);

    m_busy = createBusyIndicator(u"cardIssueBusy"_s, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_customerLabel);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);

    m_call.setBusyWidgets({m_pages, m_back, m_next, m_cancel});
    m_call.setBusyIndicator(m_busy);

    setMinimumSize(620, 440);
    retranslateUi();
    updateProductFields();
    showPage(Page::Product);
}

CardIssueWizard::~CardIssueWizard()
{
    // The one copy of the full number on this terminal goes with the wizard.
    if (m_voucher)
        m_voucher->card.pan.fill(u'0');
}

QLabel* CardIssueWizard::addErrorRow(QFormLayout* form, const QString& objectName, QWidget* page)
{
    QLabel* error = createErrorLabel(objectName, page);
    form->addRow(static_cast<QWidget*>(nullptr), error);
    form->setRowVisible(error, false);
    return error;
}

QWidget* CardIssueWizard::createProductPage()
{
    auto* page = new QWidget(this);
    m_productIntro = createIntro(page);
    m_debit = new QRadioButton(page);
    m_debit->setObjectName(u"productDebitRadio"_s);
    m_quasi = new QRadioButton(page);
    m_quasi->setObjectName(u"productQuasiRadio"_s);
    m_credit = new QRadioButton(page);
    m_credit->setObjectName(u"productCreditRadio"_s);
    auto* group = new QButtonGroup(page);
    group->addButton(m_debit);
    group->addButton(m_quasi);
    group->addButton(m_credit);
    m_debit->setChecked(true);
    connect(group, &QButtonGroup::buttonToggled, this, [this] { updateProductFields(); });
    m_productError = createErrorLabel(u"cardProductError"_s, page);
    m_productError->hide();

    m_productForm = createFormLayout();
    m_limitLabel = new QLabel(page);
    m_limitEdit = new AmountEdit(u"cardLimitEdit"_s, page);
    m_limitEdit->setFieldName(u"limit"_s);
    m_limitLabel->setBuddy(m_limitEdit);
    m_limitCapitals = m_limitEdit->createCapitalsLabel(u"cardLimitCapitals"_s, page);
    m_statementDayLabel = new QLabel(page);
    m_statementDay = new QSpinBox(page);
    m_statementDay->setObjectName(u"cardStatementDaySpin"_s);
    m_statementDay->setRange(0, 28);
    m_statementDayLabel->setBuddy(m_statementDay);
    m_dueDayLabel = new QLabel(page);
    m_dueDay = new QSpinBox(page);
    m_dueDay->setObjectName(u"cardDueDaySpin"_s);
    m_dueDay->setRange(0, 28);
    m_dueDayLabel->setBuddy(m_dueDay);
    m_productForm->addRow(m_limitLabel, m_limitEdit);
    m_productForm->addRow(static_cast<QWidget*>(nullptr), m_limitCapitals);
    m_limitError = addErrorRow(m_productForm, u"cardLimitError"_s, page);
    m_productForm->addRow(m_statementDayLabel, m_statementDay);
    m_productForm->addRow(m_dueDayLabel, m_dueDay);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_productIntro);
    layout->addWidget(m_debit);
    layout->addWidget(m_quasi);
    layout->addWidget(m_credit);
    layout->addWidget(m_productError);
    layout->addSpacing(6);
    layout->addLayout(m_productForm);
    layout->addStretch(1);
    return page;
}

QWidget* CardIssueWizard::createAccountPage()
{
    auto* page = new QWidget(this);
    m_accountIntro = createIntro(page);
    auto* form = m_accountForm = createFormLayout();
    m_accountLabel = new QLabel(page);
    m_account = new QComboBox(page);
    m_account->setObjectName(u"cardAccountCombo"_s);
    for (const AccountView& a : std::as_const(m_accounts))
        m_account->addItem(QString(), a.number);
    m_accountLabel->setBuddy(m_account);
    m_accountInfo = createValueLabel(u"cardAccountInfo"_s, page);
    m_accountInfo->setWordWrap(true);
    form->addRow(m_accountLabel, m_account);
    form->addRow(static_cast<QWidget*>(nullptr), m_accountInfo);
    m_accountError = addErrorRow(form, u"cardAccountError"_s, page);
    connect(m_account, &QComboBox::currentIndexChanged, this, [this] { retranslateUi(); });

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_accountIntro);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QWidget* CardIssueWizard::createIdentityPage()
{
    auto* page = new QWidget(this);
    m_identityIntro = createIntro(page);
    auto* form = m_identityForm = createFormLayout();
    m_idNumberLabel = new QLabel(page);
    m_idNumber = new QLineEdit(page);
    m_idNumber->setObjectName(u"cardIdNumberEdit"_s);
    m_idNumber->setMaxLength(40);
    m_idNumber->setInputMethodHints(Qt::ImhPreferUppercase | Qt::ImhNoPredictiveText | Qt::ImhPreferLatin);
    QFont font = m_idNumber->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_idNumber->setFont(font);
    m_idNumberLabel->setBuddy(m_idNumber);
    form->addRow(m_idNumberLabel, m_idNumber);
    m_idNumberError = addErrorRow(form, u"cardIdNumberError"_s, page);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_identityIntro);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QWidget* CardIssueWizard::createReviewPage()
{
    auto* page = new QWidget(this);
    m_reviewIntro = createIntro(page);
    m_reviewForm = createFormLayout();
    for (const QString& key : {u"holder"_s, u"idNumber"_s, u"product"_s, u"limit"_s, u"account"_s}) {
        auto* label = new QLabel(page);
        QLabel* value = createValueLabel(u"review"_s + key.at(0).toUpper() + key.mid(1), page);
        value->setWordWrap(true);
        m_reviewForm->addRow(label, value);
        m_reviewLabels.insert(key, label);
        m_reviewValues.insert(key, value);
    }
    m_reviewError = createErrorLabel(u"cardReviewError"_s, page);
    m_reviewError->hide();

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reviewIntro);
    layout->addLayout(m_reviewForm);
    layout->addWidget(m_reviewError);
    layout->addStretch(1);
    return page;
}

QWidget* CardIssueWizard::createPinPage()
{
    auto* page = new QWidget(this);
    m_pinIntro = createIntro(page);
    m_pinStatus = createValueLabel(u"cardPinStatus"_s, page);
    m_pinStatus->setWordWrap(true);
    setTitleFont(m_pinStatus, 1.1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pinIntro);
    layout->addSpacing(12);
    layout->addWidget(m_pinStatus);
    layout->addStretch(1);
    return page;
}

QWidget* CardIssueWizard::createVoucherPage()
{
    auto* page = new QWidget(this);
    m_voucherIntro = createIntro(page);
    m_voucherPan = createValueLabel(u"cardVoucherPan"_s, page);
    m_voucherPan->setAlignment(Qt::AlignCenter);
    setTitleFont(m_voucherPan, 2.0);
    QFont mono = m_voucherPan->font();
    mono.setStyleHint(QFont::Monospace);
    mono.setFamilies({u"DejaVu Sans Mono"_s, u"monospace"_s});
    m_voucherPan->setFont(mono);
    m_voucherDetails = createValueLabel(u"cardVoucherDetails"_s, page);
    m_voucherDetails->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_voucherIntro);
    layout->addSpacing(10);
    layout->addWidget(m_voucherPan);
    layout->addSpacing(10);
    layout->addWidget(m_voucherDetails);
    layout->addStretch(1);
    return page;
}

CardIssueWizard::Page CardIssueWizard::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

bool CardIssueWizard::mayClose() const
{
    return !isBusy() && !m_waitingForPin;
}

std::optional<CardProduct> CardIssueWizard::product() const
{
    if (m_debit->isChecked())
        return CardProduct::Debit;
    if (m_quasi->isChecked())
        return CardProduct::Quasi;
    if (m_credit->isChecked())
        return CardProduct::Credit;
    return std::nullopt;
}

QString CardIssueWizard::selectedAccount() const
{
    return m_account->currentData().toString();
}

void CardIssueWizard::updateProductFields()
{
    const bool limit = product() != CardProduct::Debit;
    const bool credit = product() == CardProduct::Credit;
    m_productForm->setRowVisible(m_limitEdit, limit);
    m_productForm->setRowVisible(m_limitCapitals, limit);
    m_productForm->setRowVisible(m_statementDay, credit);
    m_productForm->setRowVisible(m_dueDay, credit);
    if (!limit)
        m_productForm->setRowVisible(m_limitError, false);
    retranslateUi();
}

void CardIssueWizard::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
    const bool before = page <= Page::Review;
    m_back->setVisible(page == Page::Account || page == Page::Identity || page == Page::Review);
    m_cancel->setVisible(before);
    m_askAgain->setVisible(page == Page::Pin && !m_pinSet && !m_waitingForPin);
    m_preview->setVisible(page == Page::Voucher);
    m_save->setVisible(page == Page::Voucher);
    m_next->setEnabled(page != Page::Account || m_account->count() > 0);
    m_next->setDefault(true);
    retranslateUi();
    switch (page) {
    case Page::Product:
        (m_debit->isChecked() ? m_debit : m_quasi->isChecked() ? m_quasi : m_credit)->setFocus(Qt::OtherFocusReason);
        break;
    case Page::Account:
        m_account->setFocus(Qt::OtherFocusReason);
        break;
    case Page::Identity:
        m_idNumber->setFocus(Qt::OtherFocusReason);
        m_idNumber->selectAll();
        break;
    case Page::Review:
    case Page::Pin:
    case Page::Voucher:
        m_next->setFocus(Qt::OtherFocusReason);
        break;
    }
}

void CardIssueWizard::accept()
{
    next();
}

void CardIssueWizard::reject()
{
    if (isBusy() || m_waitingForPin)
        return;
    switch (page()) {
    case Page::Product:
    case Page::Account:
    case Page::Identity:
    case Page::Review:
        QDialog::reject();
        break;
    case Page::Pin:
        showVoucher();
        break;
    case Page::Voucher:
        QDialog::accept();
        break;
    }
}

void CardIssueWizard::done(int result)
{
    announce();
    if (m_pinPad && m_waitingForPin)
        m_pinPad->cancel();
    QDialog::done(result);
}

void CardIssueWizard::back()
{
    if (isBusy())
        return;
    clearErrors();
    switch (page()) {
    case Page::Account: showPage(Page::Product); break;
    case Page::Identity: showPage(Page::Account); break;
    case Page::Review: showPage(Page::Identity); break;
    default: break;
    }
}

void CardIssueWizard::next()
{
    if (isBusy() || m_waitingForPin)
        return;
    clearErrors();
    switch (page()) {
    case Page::Product:
        if (checkProduct())
            showPage(Page::Account);
        break;
    case Page::Account:
        if (m_account->count() == 0)
            return;
        showPage(Page::Identity);
        break;
    case Page::Identity:
        if (checkIdentity()) {
            fillReview();
            showPage(Page::Review);
        }
        break;
    case Page::Review:
        issue();
        break;
    case Page::Pin:
        showVoucher();
        break;
    case Page::Voucher:
        QDialog::accept();
        break;
    }
}

bool CardIssueWizard::checkProduct()
{
    m_limit.reset();
    if (product() == CardProduct::Debit)
        return true;
    if (m_limitEdit->text().trimmed().isEmpty())
        return true; // the product's default limit
    auto limit = m_limitEdit->amount();
    if (!limit) {
        showError(limit.error());
        return false;
    }
    m_limit = *limit;
    return true;
}

bool CardIssueWizard::checkIdentity()
{
    const QString typed = m_idNumber->text().simplified().remove(u' ').toUpper();
    m_idNumber->setText(typed);
    if (typed.isEmpty()) {
        showError(Error::invalid(u"card.id_number_required"_s, u"id_number"_s,
                                 tr("Type the ID number from the ID the customer presents.")));
        return false;
    }
    return true;
}

void CardIssueWizard::fillReview()
{
    const auto set = [this](const QString& key, const QString& text) { m_reviewValues.value(key)->setText(text); };
    set(u"holder"_s, m_customer.fullName);
    set(u"idNumber"_s, m_idNumber->text());
    set(u"product"_s, product() ? cardProductLabel(*product()) : QString());
    const bool limit = product() != CardProduct::Debit;
    m_reviewForm->setRowVisible(m_reviewValues.value(u"limit"_s), limit);
    set(u"limit"_s, m_limit ? moneyText(*m_limit) : tr("The product's default"));
    set(u"account"_s, m_account->currentText());
}

void CardIssueWizard::issue()
{
    const auto chosen = product();
    if (!chosen)
        return;
    IssueCardRequest request;
    request.account = selectedAccount();
    request.productCode = cardProductKey(*chosen);
    request.presentedIdNumber = m_idNumber->text();
    request.limit = m_limit;
    if (*chosen == CardProduct::Credit) {
        request.statementDay = m_statementDay->value();
        request.dueDay = m_dueDay->value();
    }
    request.requestId = m_requestId;
    m_call.start(
        u"cardIssueWorker"_s,
        [db = m_db, session = m_session, vault = m_vault, request] { return CardService(db, vault).issue(session, request); },
        Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
        [this](Result<IssuedCard> outcome) { finishIssue(std::move(outcome)); });
}

void CardIssueWizard::finishIssue(Result<IssuedCard> outcome)
{
    if (!outcome) {
        // Refused: nothing was issued, the next try is a new request. Unknown: the same id again.
        if (needsNewRequestId(outcome.error()))
            m_requestId = newRequestId();
        showError(outcome.error());
        return;
    }
    CardVoucher voucher;
    voucher.card = std::move(*outcome);
    voucher.branchCode = m_session.branchCode;
    voucher.branchName = m_session.branchName;
    voucher.tellerLogin = m_session.login;
    voucher.tellerName = m_session.fullName;
    voucher.terminal = m_session.terminal;
    voucher.businessDate = m_session.businessDate;
    voucher.issuedAt = QDateTime::currentDateTime();
    voucher.requestId = m_requestId;
    voucher.limit = m_limit;
    m_voucher = std::move(voucher);
    m_pinAttempts = 0;
    showPage(Page::Pin);
    askPin();
}

void CardIssueWizard::askPin()
{
    if (!m_voucher || m_pinSet || m_waitingForPin)
        return;
    if (!m_pinPad) {
        m_pinStatus->setText(tr("There is no PIN pad at this counter: the customer sets the PIN later."));
        showPage(Page::Pin);
        return;
    }
    ++m_pinAttempts;
    m_waitingForPin = true;
    m_pinStatus->setText(tr("Waiting for the customer's PIN…"));
    showPage(Page::Pin);
    requestCustomerPin(*m_pinPad, PinPad::Purpose::NewPin,
                       tr("Card %1: choose your PIN").arg(m_voucher->card.panMasked), this,
                       [this](PinPad::Entry&& entry) {
                           pinEntered(entry.entered, std::move(entry.pin), std::move(entry.confirmation));
                       });
}

void CardIssueWizard::pinEntered(bool entered, SecureBytes pin, SecureBytes confirmation)
{
    if (!entered) {
        m_waitingForPin = false;
        m_pinStatus->setText(tr("No PIN was entered. Ask again, or go on without a PIN: the card stays issued "
                                "and the customer sets the PIN later (Set PIN in the Counter)."));
        showPage(Page::Pin);
        return;
    }
    m_pinStatus->setText(tr("Setting the PIN…"));
    m_call.start(
        u"cardPinWorker"_s,
        [db = m_db, session = m_session, vault = m_vault, cardId = m_voucher->card.cardId, pin = std::move(pin),
         confirmation = std::move(confirmation)] {
            return CardService(db, vault).setPin(session, cardId, pin, confirmation, newRequestId());
        },
        Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
        [this](Result<CardChange> outcome) {
            m_waitingForPin = false;
            if (!outcome) {
                const Error& error = outcome.error();
                const bool retype = error.kind == ErrorKind::Invalid
                                    && (error.field == u"pin" || error.field == u"pin_confirmation");
                if (retype && m_pinAttempts < kPinAttempts) {
                    askPin();
                    m_pinStatus->setText(tr("%1 The customer tries again.").arg(error.message));
                    return;
                }
                m_pinStatus->setText(tr("%1 Ask again, or go on without a PIN.").arg(error.message));
                showPage(Page::Pin);
                return;
            }
            m_pinSet = true;
            if (m_voucher)
                m_voucher->pinSet = true;
            showVoucher();
        });
}

void CardIssueWizard::showVoucher()
{
    if (!m_voucher)
        return;
    announce();
    showPage(Page::Voucher);
}

void CardIssueWizard::announce()
{
    if (!m_voucher || m_announced)
        return;
    m_announced = true;
    emit issued(m_voucher->card, m_pinSet);
}

void CardIssueWizard::clearErrors()
{
    for (QLabel* error : {m_productError, m_limitError, m_accountError, m_idNumberError, m_reviewError})
        error->clear();
    m_productForm->setRowVisible(m_limitError, false);
    m_accountForm->setRowVisible(m_accountError, false);
    m_identityForm->setRowVisible(m_idNumberError, false);
    m_productError->hide();
    m_reviewError->hide();
}

void CardIssueWizard::showError(const Error& error)
{
    clearErrors();
    const QString& field = error.field;
    if (field == u"limit" || field == u"amount" || field == u"statement_day" || field == u"due_day") {
        showPage(Page::Product);
        m_limitError->setText(error.message);
        m_productForm->setRowVisible(m_limitError, true);
        m_limitEdit->setFocus(Qt::OtherFocusReason);
        m_limitEdit->selectAll();
    } else if (field == u"product") {
        showPage(Page::Product);
        m_productError->setText(error.message);
        m_productError->show();
    } else if (field == u"account") {
        showPage(Page::Account);
        m_accountError->setText(error.message);
        m_accountForm->setRowVisible(m_accountError, true);
    } else if (field == u"id_number") {
        showPage(Page::Identity);
        m_idNumberError->setText(error.message);
        m_identityForm->setRowVisible(m_idNumberError, true);
        m_idNumber->setFocus(Qt::OtherFocusReason);
        m_idNumber->selectAll();
    } else {
        showPage(Page::Review);
        m_reviewError->setText(error.message);
        m_reviewError->show();
    }
}

QString CardIssueWizard::shownError() const
{
    for (const QLabel* error : {m_productError, m_limitError, m_accountError, m_idNumberError, m_reviewError}) {
        if (!error->text().isEmpty())
            return error->text();
    }
    return {};
}

void CardIssueWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CardIssueWizard::retranslateUi()
{
    setWindowTitle(tr("Issue a card"));
    const int index = m_pages->currentIndex();
    QString title;
    switch (page()) {
    case Page::Product: title = tr("Card product"); break;
    case Page::Account: title = tr("Settlement account"); break;
    case Page::Identity: title = tr("Identity"); break;
    case Page::Review: title = tr("Review"); break;
    case Page::Pin: title = tr("PIN"); break;
    case Page::Voucher: title = tr("Voucher"); break;
    }
    m_stepLabel->setText(tr("Step %1 of %2 · %3").arg(index + 1).arg(kPageCount).arg(title));
    m_customerLabel->setText(tr("For %1").arg(m_customer.fullName));

    m_productIntro->setText(tr("Which card does the customer apply for?"));
    m_debit->setText(tr("&Debit card: pays from the settlement account"));
    m_quasi->setText(tr("&Quasi-credit card: its own account with an overdraft limit, linked to the settlement account"));
    m_credit->setText(tr("C&redit card: a credit limit, repaid each month"));
    m_limitLabel->setText(product() == CardProduct::Credit ? tr("Credit &limit:") : tr("Overdraft &limit:"));
    m_limitEdit->setFieldLabel(product() == CardProduct::Credit ? tr("Credit limit") : tr("Overdraft limit"));
    m_limitEdit->setPlaceholderText(tr("Empty: the product's default"));
    m_statementDayLabel->setText(tr("&Statement day:"));
    m_statementDay->setSpecialValueText(tr("Default"));
    m_dueDayLabel->setText(tr("D&ue day:"));
    m_dueDay->setSpecialValueText(tr("Default"));

    m_accountIntro->setText(m_accounts.isEmpty()
                                ? tr("%1 has no open Class I or II account to settle a card on. Open one first.")
                                      .arg(m_customer.fullName)
                                : tr("The card pays from and into this account of the customer's."));
    m_accountLabel->setText(tr("&Account:"));
    for (int i = 0; i < m_account->count() && i < m_accounts.size(); ++i) {
        const AccountView& a = m_accounts.at(i);
        m_account->setItemText(i, tr("%1 · Class %2 · %3").arg(a.number, a.accountClass, accountStateText(a)));
    }
    if (const int current = m_account->currentIndex(); current >= 0 && current < m_accounts.size()) {
        const AccountView& a = m_accounts.at(current);
        m_accountInfo->setText(tr("%1, available %2 %3").arg(productName(a.productCode, a.productName),
                                                            moneyText(a.available), a.currency.code()));
    }

    m_identityIntro->setText(tr("Take the customer's ID card and type its number as printed on it. The card is "
                                "issued only on the customer's own, valid ID."));
    m_idNumberLabel->setText(tr("Presented &ID number:"));
    m_idNumber->setPlaceholderText(tr("18 characters on a resident ID"));

    m_reviewIntro->setText(tr("Read it back to the customer. Enter issues the card."));
    m_reviewLabels.value(u"holder"_s)->setText(tr("Cardholder:"));
    m_reviewLabels.value(u"idNumber"_s)->setText(tr("ID number:"));
    m_reviewLabels.value(u"product"_s)->setText(tr("Product:"));
    m_reviewLabels.value(u"limit"_s)->setText(tr("Limit:"));
    m_reviewLabels.value(u"account"_s)->setText(tr("Settlement account:"));

    m_pinIntro->setText(tr("The card is issued. The customer now chooses a 6-digit PIN on the PIN pad and enters it "
                           "twice; it never shows on this screen."));
    m_voucherIntro->setText(tr("The card number, shown this once. Print the voucher for the customer to sign; the "
                               "Counter shows only the masked number from now on."));
    if (m_voucher) {
        const IssuedCard& c = m_voucher->card;
        m_voucherPan->setText(groupedPan(c.pan));
        const auto productKind = cardProductFromKey(c.productCode);
        QString details = tr("%1 · %2 · expires %3")
                              .arg(c.customerName, productKind ? cardProductLabel(*productKind) : c.productCode,
                                   c.expiresOn.toString(u"MM/yyyy"));
        details += u'\n' + tr("Settlement account %1").arg(c.account);
        if (!c.cardAccount.isEmpty() && c.cardAccount != c.account)
            details += u'\n' + tr("Card account %1").arg(c.cardAccount);
        details += u'\n' + (m_pinSet ? tr("PIN set by the customer.") : tr("No PIN yet: the customer sets it later."));
        m_voucherDetails->setText(details);
    }

    m_preview->setText(tr("Print preview…"));
    m_preview->setToolTip(tr("Show the voucher and print it (%1)").arg(m_preview->shortcut().toString(QKeySequence::NativeText)));
    m_save->setText(tr("Save PDF…"));
    m_save->setToolTip(tr("Save the voucher as a PDF file (%1)").arg(m_save->shortcut().toString(QKeySequence::NativeText)));
    m_askAgain->setText(tr("&Ask again"));
    m_back->setText(tr("Back"));
    m_back->setToolTip(tr("The previous page (%1)").arg(m_back->shortcut().toString(QKeySequence::NativeText)));
    switch (page()) {
    case Page::Review: m_next->setText(tr("Issue card")); break;
    case Page::Pin: m_next->setText(m_pinSet ? tr("Next") : tr("Go on without PIN")); break;
    case Page::Voucher: m_next->setText(tr("Finish")); break;
    default: m_next->setText(tr("Next")); break;
    }
    m_cancel->setText(tr("Cancel"));
}

} // namespace cs::ui
