#include "counter/cashdialog.h"

#include "admin/requestid.h"
#include "counter/accountnames.h"
#include "print/voucherprinting.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

// The preview follows the amount once typing pauses, not at every key.
constexpr int kPreviewDelayMs = 150;

void setColour(QLabel* label, bool error)
{
    QPalette palette = label->parentWidget()->palette();
    if (error)
        palette.setColor(QPalette::WindowText, errorColor());
    label->setPalette(palette);
}

} // namespace

CashDialog::CashDialog(Database db, Session session, CashDirection direction, AccountView account, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_direction(direction)
    , m_account(std::move(account))
    , m_requestId(newRequestId())
    , m_pages(new QStackedWidget(this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"cashDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    m_pages->addWidget(createEntryPage());
    m_pages->addWidget(createConfirmationPage());
    m_pages->addWidget(createDonePage());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->addWidget(m_pages);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &CashDialog::refreshPreview);
    connect(m_amount, &AmountEdit::amountChanged, this, [this](const std::optional<Money>& amount) {
        if (amount && amount->isPositive()) {
            m_previewTimer->start();
        } else {
            m_previewTimer->stop();
            m_preview.reset();
            m_previewError.reset();
            m_previewedAmount.reset();
            showPreview();
        }
    });

    setMinimumWidth(560);
    retranslateUi();
    showPreview();
    showDueDiligence(false);
    showStep(Step::Entry);
}

QWidget* CashDialog::createEntryPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"cashEntryPage"_s);
    m_intro = new QLabel(page);
    m_intro->setWordWrap(true);

    m_entryForm = createFormLayout();
    m_accountLabel = new QLabel(page);
    m_accountValue = createValueLabel(u"cashAccountLabel"_s, page);
    QFont bold = m_accountValue->font();
    bold.setBold(true);
    m_accountValue->setFont(bold);
    m_nameLabel = new QLabel(page);
    m_nameValue = createValueLabel(u"cashNameLabel"_s, page);
    m_availableLabel = new QLabel(page);
    m_availableValue = createValueLabel(u"cashAvailableLabel"_s, page);
    m_entryForm->addRow(m_accountLabel, m_accountValue);
    m_entryForm->addRow(m_nameLabel, m_nameValue);
    m_entryForm->addRow(m_availableLabel, m_availableValue);

    m_amountLabel = new QLabel(page);
    m_amount = new AmountEdit(u"cashAmountEdit"_s, page);
    m_amount->setCurrency(m_account.currency);
    QFont amountFont = m_amount->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 1.3);
    m_amount->setFont(amountFont);
    addField(m_entryForm, m_amountLabel, m_amount, {u"amount"_s}, u"cashAmountError"_s);
    m_capitals = m_amount->createCapitalsLabel(u"cashCapitalsLabel"_s, page);
    QFont capitalsFont = m_capitals->font();
    capitalsFont.setPointSizeF(capitalsFont.pointSizeF() * 1.15);
    m_capitals->setFont(capitalsFont);
    // The capitals come right under the amount, before its error line.
    m_entryForm->insertRow(m_entryForm->rowCount() - 1, static_cast<QWidget*>(nullptr), m_capitals);

    m_previewGroup = new QGroupBox(page);
    m_previewGroup->setObjectName(u"cashPreviewGroup"_s);
    auto* previewForm = createFormLayout();
    m_feeLabel = new QLabel(m_previewGroup);
    m_feeValue = createMoneyLabel(u"previewFeeLabel"_s, m_previewGroup);
    m_balanceAfterLabel = new QLabel(m_previewGroup);
    m_balanceAfterValue = createMoneyLabel(u"previewBalanceLabel"_s, m_previewGroup);
    m_availableAfterLabel = new QLabel(m_previewGroup);
    m_availableAfterValue = createMoneyLabel(u"previewAvailableLabel"_s, m_previewGroup);
    m_dayTotalLabel = new QLabel(m_previewGroup);
    m_dayTotalValue = createMoneyLabel(u"previewDayTotalLabel"_s, m_previewGroup);
    previewForm->addRow(m_feeLabel, m_feeValue);
    previewForm->addRow(m_balanceAfterLabel, m_balanceAfterValue);
    previewForm->addRow(m_availableAfterLabel, m_availableAfterValue);
    previewForm->addRow(m_dayTotalLabel, m_dayTotalValue);
    previewForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_largeValue = createErrorLabel(u"largeValueLabel"_s, m_previewGroup);
    m_previewErrorLabel = createErrorLabel(u"previewError"_s, m_previewGroup);
    auto* previewLayout = new QVBoxLayout(m_previewGroup);
    previewLayout->addLayout(previewForm);
    previewLayout->addWidget(m_largeValue);
    previewLayout->addWidget(m_previewErrorLabel);

    m_ddGroup = new QGroupBox(page);
    m_ddGroup->setObjectName(u"dueDiligenceGroup"_s);
    m_ddForm = createFormLayout();
    m_ddReasonLabel = new QLabel(m_ddGroup);
    m_ddReason = new QLineEdit(m_ddGroup);
    m_ddReason->setObjectName(m_direction == CashDirection::Deposit ? u"ddSourceEdit"_s : u"ddPurposeEdit"_s);
    m_ddReason->setMaxLength(200);
    m_ddIdCopyLabel = new QLabel(m_ddGroup);
    m_ddIdCopy = new QLineEdit(m_ddGroup);
    m_ddIdCopy->setObjectName(u"ddIdCopyEdit"_s);
    m_ddIdCopy->setMaxLength(100);
    m_ddAgent = new QCheckBox(m_ddGroup);
    m_ddAgent->setObjectName(u"ddAgentCheck"_s);
    m_ddAgentNameLabel = new QLabel(m_ddGroup);
    m_ddAgentName = new QLineEdit(m_ddGroup);
    m_ddAgentName->setObjectName(u"ddAgentNameEdit"_s);
    m_ddAgentName->setMaxLength(100);
    m_ddAgentIdLabel = new QLabel(m_ddGroup);
    m_ddAgentId = new QLineEdit(m_ddGroup);
    m_ddAgentId->setObjectName(u"ddAgentIdEdit"_s);
    m_ddAgentId->setMaxLength(40);
    addField(m_ddForm, m_ddReasonLabel, m_ddReason,
             {u"source_of_funds"_s, u"sourceOfFunds"_s, u"purpose"_s, u"due_diligence"_s}, u"ddReasonError"_s);
    addField(m_ddForm, m_ddIdCopyLabel, m_ddIdCopy, {u"id_copy_ref"_s, u"idCopyRef"_s, u"id_copy"_s},
             u"ddIdCopyError"_s);
    m_ddForm->addRow(static_cast<QWidget*>(nullptr), m_ddAgent);
    addField(m_ddForm, m_ddAgentNameLabel, m_ddAgentName, {u"agent_name"_s, u"agentName"_s}, u"ddAgentNameError"_s);
    addField(m_ddForm, m_ddAgentIdLabel, m_ddAgentId, {u"agent_id_number"_s, u"agentIdNumber"_s, u"agent_id"_s},
             u"ddAgentIdError"_s);
    m_ddGroup->setLayout(m_ddForm);
    connect(m_ddAgent, &QCheckBox::toggled, this, [this](bool agent) {
        m_ddForm->setRowVisible(m_ddAgentName, agent);
        m_ddForm->setRowVisible(m_ddAgentId, agent);
    });

    auto* memoForm = createFormLayout();
    m_memoLabel = new QLabel(page);
    m_memo = new QLineEdit(page);
    m_memo->setObjectName(u"cashMemoEdit"_s);
    m_memo->setMaxLength(100);
    addField(memoForm, m_memoLabel, m_memo, {u"memo"_s}, u"cashMemoError"_s);

    m_error = createErrorLabel(u"formError"_s, page);
    m_error->hide();

    m_continue = createDialogButton(u"continueButton"_s, page, true);
    m_cancel = createDialogButton(u"cancelButton"_s, page, false);
    connect(m_continue, &QPushButton::clicked, this, &CashDialog::goOn);
    connect(m_cancel, &QPushButton::clicked, this, &CashDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addLayout(m_entryForm);
    layout->addWidget(m_previewGroup);
    layout->addWidget(m_ddGroup);
    layout->addLayout(memoForm);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addLayout(buttons);

    // Tab follows the paper form: amount, the due-diligence fields when shown, memo, then the buttons.
    setTabChain({m_amount, m_ddReason, m_ddIdCopy, m_ddAgent, m_ddAgentName, m_ddAgentId, m_memo, m_continue, m_cancel});
    return page;
}

QWidget* CashDialog::createConfirmationPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"cashConfirmationPage"_s);
    m_confirmIntro = new QLabel(page);
    m_confirmIntro->setWordWrap(true);
    m_confirmAmount = createValueLabel(u"confirmAmountLabel"_s, page);
    setTitleFont(m_confirmAmount, 2.0);
    m_confirmAmount->setAlignment(Qt::AlignCenter);
    m_confirmCapitals = createValueLabel(u"confirmCapitalsLabel"_s, page);
    setTitleFont(m_confirmCapitals, 1.4);
    m_confirmCapitals->setAlignment(Qt::AlignCenter);
    m_confirmCapitals->setWordWrap(true);
    m_confirmDetails = createValueLabel(u"confirmDetailsLabel"_s, page);
    m_confirmDetails->setWordWrap(true);
    m_confirmDetails->setAlignment(Qt::AlignCenter);

    m_post = createDialogButton(u"postButton"_s, page, true);
    m_back = createDialogButton(u"backButton"_s, page, false);
    connect(m_post, &QPushButton::clicked, this, &CashDialog::post);
    connect(m_back, &QPushButton::clicked, this, [this] { showStep(Step::Entry); });
    auto* busy = createBusyIndicator(u"cashBusyIndicator"_s, page);
    m_call.setBusyIndicator(busy);
    m_call.setBusyWidgets({m_post, m_back});

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_post);
    buttons->addWidget(m_back);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_confirmIntro);
    layout->addStretch(1);
    layout->addWidget(m_confirmAmount);
    layout->addWidget(m_confirmCapitals);
    layout->addWidget(m_confirmDetails);
    layout->addStretch(1);
    layout->addWidget(busy);
    layout->addLayout(buttons);
    return page;
}

QWidget* CashDialog::createDonePage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"cashDonePage"_s);
    m_doneLabel = createValueLabel(u"doneLabel"_s, page);
    m_doneLabel->setWordWrap(true);
    setTitleFont(m_doneLabel, 1.15);

    m_previewVoucher = createDialogButton(u"previewVoucherButton"_s, page, false);
    m_previewVoucher->setShortcut(QKeySequence::Print);
    m_saveVoucher = createDialogButton(u"saveVoucherButton"_s, page, false);
    m_saveVoucher->setShortcut(QKeySequence::Save);
    m_close = createDialogButton(u"closeButton"_s, page, true);
    connect(m_previewVoucher, &QPushButton::clicked, this, [this] {
        if (m_receipt)
            previewVoucher(*m_receipt, this);
    });
    connect(m_saveVoucher, &QPushButton::clicked, this, [this] {
        if (m_receipt)
            exportVoucherPdf(*m_receipt, this);
    });
    connect(m_close, &QPushButton::clicked, this, [this] { QDialog::accept(); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_previewVoucher);
    buttons->addWidget(m_saveVoucher);
    buttons->addStretch(1);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(m_doneLabel);
    layout->addStretch(1);
    layout->addLayout(buttons);
    return page;
}

void CashDialog::addField(QFormLayout* form, QLabel* label, QWidget* editor, const QStringList& fields,
                          const QString& errorName)
{
    label->setBuddy(editor);
    auto* error = createErrorLabel(errorName, editor->parentWidget());
    form->addRow(label, editor);
    form->addRow(static_cast<QWidget*>(nullptr), error);
    form->setRowVisible(error, false);
    const qsizetype index = m_fields.size();
    m_fields.append({form, editor, error});
    for (const QString& field : fields)
        m_fieldByName.insert(field, index);
}

CashDialog::Step CashDialog::step() const
{
    return static_cast<Step>(m_pages->currentIndex());
}

void CashDialog::showStep(Step step)
{
    m_pages->setCurrentIndex(static_cast<int>(step));
    // One default button per dialog: Enter presses the one of the step shown.
    switch (step) {
    case Step::Entry:
        m_continue->setDefault(true);
        m_amount->setFocus(Qt::OtherFocusReason);
        break;
    case Step::Confirmation:
        m_post->setDefault(true);
        m_post->setFocus(Qt::OtherFocusReason);
        break;
    case Step::Done:
        m_close->setDefault(true);
        m_close->setFocus(Qt::OtherFocusReason);
        break;
    }
}

void CashDialog::accept()
{
    switch (step()) {
    case Step::Entry: goOn(); break;
    case Step::Confirmation: post(); break;
    case Step::Done: QDialog::accept(); break;
    }
}

void CashDialog::reject()
{
    if (isBusy())
        return;
    switch (step()) {
    case Step::Entry: QDialog::reject(); break;
    case Step::Confirmation: showStep(Step::Entry); break;
    case Step::Done: QDialog::accept(); break;
    }
}

void CashDialog::refreshPreview()
{
    m_previewTimer->stop();
    m_preview.reset();
    m_previewError.reset();
    m_previewedAmount = m_amount->validAmount();
    if (m_previewedAmount && m_previewedAmount->isPositive()) {
        auto read = CashService(m_db).preview(m_session, m_direction, m_account.number, *m_previewedAmount);
        if (read)
            m_preview = std::move(*read);
        else
            m_previewError = read.error();
    }
    showPreview();
}

void CashDialog::showPreview()
{
    const bool shown = m_preview.has_value();
    const QString none = u"—"_s;
    m_feeValue->setText(shown ? moneyText(m_preview->fee) : none);
    m_balanceAfterValue->setText(shown ? moneyText(m_preview->balanceAfter) : none);
    m_availableAfterValue->setText(shown ? moneyText(m_preview->availableAfter) : none);
    setColour(m_availableAfterValue, shown && m_preview->availableAfter.isNegative());
    m_dayTotalValue->setText(shown ? moneyText(m_preview->customerDayTotal) : none);
    m_largeValue->setText(tr("Large-value cash: with this one the customer's cash today reaches the reporting "
                             "threshold, and it will be reported."));
    m_largeValue->setVisible(shown && m_preview->largeValue);
    m_previewErrorLabel->setText(m_previewError ? m_previewError->message : QString());
    m_previewErrorLabel->setVisible(m_previewError.has_value());
    showDueDiligence(shown && m_preview->dueDiligenceRequired);
    growToFit();
}

void CashDialog::growToFit()
{
    // Wrapped warnings need more height than the layout's minimum tells the window.
    QLayout* top = layout();
    const int needed = top->hasHeightForWidth() ? top->totalHeightForWidth(width()) : top->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void CashDialog::showDueDiligence(bool required)
{
    if (m_ddGroup->isHidden() == !required)
        return;
    m_ddGroup->setVisible(required);
    m_ddForm->setRowVisible(m_ddAgentName, required && m_ddAgent->isChecked());
    m_ddForm->setRowVisible(m_ddAgentId, required && m_ddAgent->isChecked());
    adjustSize();
    growToFit();
}

void CashDialog::clearErrors()
{
    for (const FieldSlot& slot : std::as_const(m_fields)) {
        slot.error->clear();
        slot.form->setRowVisible(slot.error, false);
    }
    m_error->clear();
    m_error->hide();
}

void CashDialog::showError(const Error& error)
{
    clearErrors();
    const auto found = m_fieldByName.constFind(error.field);
    if (found == m_fieldByName.cend() || !m_fields.at(*found).editor->isVisibleTo(m_pages->widget(0))) {
        m_error->setText(error.message);
        m_error->show();
        growToFit();
        m_amount->setFocus(Qt::OtherFocusReason);
        return;
    }
    const FieldSlot& slot = m_fields.at(*found);
    slot.error->setText(error.message);
    slot.form->setRowVisible(slot.error, true);
    growToFit();
    slot.editor->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(slot.editor))
        edit->selectAll();
}

QString CashDialog::shownError() const
{
    if (!m_error->text().isEmpty())
        return m_error->text();
    for (const FieldSlot& slot : m_fields) {
        if (!slot.error->text().isEmpty())
            return slot.error->text();
    }
    return m_previewErrorLabel->isHidden() ? QString() : m_previewErrorLabel->text();
}

bool CashDialog::checkDueDiligence()
{
    if (!m_preview || !m_preview->dueDiligenceRequired)
        return true;
    const QString required = tr("Required for a cash amount this large.");
    const auto missing = [&](QLineEdit* edit, const QString& field) {
        if (!edit->text().trimmed().isEmpty())
            return false;
        showError(Error::invalid(u"cash.due_diligence_required"_s, field, required));
        return true;
    };
    if (missing(m_ddReason, m_direction == CashDirection::Deposit ? u"source_of_funds"_s : u"purpose"_s)
        || missing(m_ddIdCopy, u"id_copy_ref"_s))
        return false;
    if (m_ddAgent->isChecked() && (missing(m_ddAgentName, u"agent_name"_s) || missing(m_ddAgentId, u"agent_id_number"_s)))
        return false;
    return true;
}

void CashDialog::goOn()
{
    if (isBusy() || step() != Step::Entry)
        return;
    clearErrors();
    const auto amount = m_amount->amount();
    if (!amount) {
        showError(amount.error());
        return;
    }
    if (!m_previewedAmount || !(*m_previewedAmount == *amount) || m_previewTimer->isActive())
        refreshPreview();
    if (m_previewError) {
        showError(*m_previewError);
        return;
    }
    if (!checkDueDiligence())
        return;

    const bool deposit = m_direction == CashDirection::Deposit;
    m_confirmIntro->setText(deposit ? tr("Take this cash deposit? Count the notes once more.")
                                    : tr("Pay out this cash? Count the notes once more."));
    m_confirmAmount->setText((m_account.currency == Currency::cny() ? u"¥"_s : m_account.currency.code() + u' ')
                             + moneyText(*amount));
    m_confirmCapitals->setText(capitalsText(*amount));
    QString details = (deposit ? tr("Into account %1, %2") : tr("From account %1, %2"))
                          .arg(m_account.number, m_account.customerName.isEmpty() ? m_account.title
                                                                                   : m_account.customerName);
    if (m_preview) {
        details += u'\n' + tr("Fee %1 · balance after %2")
                               .arg(moneyText(m_preview->fee), moneyText(m_preview->balanceAfter));
    }
    m_confirmDetails->setText(details);
    showStep(Step::Confirmation);
}

CashRequest CashDialog::request() const
{
    CashRequest r;
    r.accountNumber = m_account.number;
    r.amount = m_amount->validAmount().value_or(Money::zero(m_account.currency));
    r.requestId = m_requestId;
    r.memo = m_memo->text().trimmed();
    if (m_preview && m_preview->dueDiligenceRequired) {
        if (m_direction == CashDirection::Deposit)
            r.dueDiligence.sourceOfFunds = m_ddReason->text().trimmed();
        else
            r.dueDiligence.purpose = m_ddReason->text().trimmed();
        r.dueDiligence.idCopyRef = m_ddIdCopy->text().trimmed();
        if (m_ddAgent->isChecked()) {
            r.dueDiligence.agentName = m_ddAgentName->text().trimmed();
            r.dueDiligence.agentIdNumber = m_ddAgentId->text().trimmed();
        }
    }
    return r;
}

void CashDialog::post()
{
    if (isBusy() || step() != Step::Confirmation)
        return;
    m_call.start(
        u"cashWorker"_s,
        [db = m_db, session = m_session, direction = m_direction, request = request()] {
            const CashService service(db);
            return direction == CashDirection::Deposit ? service.deposit(session, request)
                                                       : service.withdraw(session, request);
        },
        Error::internal(u"cash.no_result"_s, tr("The request did not complete.")),
        [this](Result<CashReceipt> outcome) { finish(std::move(outcome)); });
}

void CashDialog::finish(Result<CashReceipt> outcome)
{
    if (!outcome) {
        // Refused: nothing was posted, the next try is a new request. Unknown: the same id again.
        if (needsNewRequestId(outcome.error()))
            m_requestId = newRequestId();
        showStep(Step::Entry);
        showError(outcome.error());
        refreshPreview();
        return;
    }
    m_receipt = std::move(*outcome);
    const bool pending = m_receipt->state == u"pending"_s;
    // A withdrawal above the teller's authority waits for a supervisor: no cash leaves the box and there
    // is no voucher until it is approved.
    m_previewVoucher->setEnabled(!pending);
    m_saveVoucher->setEnabled(!pending);
    const bool deposit = m_direction == CashDirection::Deposit;
    QString text;
    if (pending) {
        text = tr("Withdrawal of %1 waits for a supervisor's approval: request no. %2.")
                   .arg(moneyText(m_receipt->amount))
                   .arg(m_receipt->approvalId);
        text += u'\n' + tr("The amount is held on the account. Pay out the cash only after the approval.");
    } else {
        text = (deposit ? tr("Deposit posted: transaction %1.") : tr("Withdrawal posted: transaction %1."))
                   .arg(m_receipt->txnId);
        if (m_receipt->replayed)
            text += u' ' + tr("It had already been posted under this request; nothing was posted twice.");
        text += u'\n' + tr("Amount %1, fee %2, balance after %3.")
                            .arg(moneyText(m_receipt->amount), moneyText(m_receipt->fee), moneyText(m_receipt->balanceAfter));
        text += u'\n' + tr("Give the customer the voucher to sign.");
    }
    m_doneLabel->setText(text);
    showStep(Step::Done);
    emit posted(*m_receipt);
}

void CashDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CashDialog::retranslateUi()
{
    const bool deposit = m_direction == CashDirection::Deposit;
    setWindowTitle(deposit ? tr("Cash deposit") : tr("Cash withdrawal"));
    m_intro->setText(deposit ? tr("Cash paid into the account through your cash box.")
                             : tr("Cash paid out of the account through your cash box."));
    m_accountLabel->setText(tr("Account:"));
    const QString product = productName(m_account.productCode, m_account.productName);
    m_accountValue->setText(product.isEmpty() ? m_account.number : tr("%1 (%2)").arg(m_account.number, product));
    m_nameLabel->setText(tr("Name:"));
    m_nameValue->setText(m_account.customerName.isEmpty() ? m_account.title : m_account.customerName);
    m_availableLabel->setText(tr("Available:"));
    m_availableValue->setText(moneyText(m_account.available) + u' ' + m_account.currency.code());
    m_amountLabel->setText(tr("&Amount:"));
    m_amount->setFieldLabel(tr("Amount"));
    m_amount->setPlaceholderText(tr("e.g. 1,000.00"));
    m_amount->setAccessibleName(tr("Amount"));
    m_previewGroup->setTitle(tr("Preview"));
    m_feeLabel->setText(tr("Fee:"));
    m_balanceAfterLabel->setText(tr("Balance after:"));
    m_availableAfterLabel->setText(tr("Available after:"));
    m_dayTotalLabel->setText(tr("Customer's cash today:"));
    m_dayTotalValue->setToolTip(deposit ? tr("This customer's cash deposits today, with this one")
                                        : tr("This customer's cash withdrawals today, with this one"));
    m_ddGroup->setTitle(tr("Due diligence (required for this amount)"));
    m_ddReasonLabel->setText(deposit ? tr("&Source of funds:") : tr("&Purpose:"));
    m_ddIdCopyLabel->setText(tr("&ID copy reference:"));
    m_ddIdCopy->setPlaceholderText(tr("Where the copy of the ID is kept"));
    m_ddAgent->setText(tr("Someone &acts for the customer"));
    m_ddAgentNameLabel->setText(tr("A&gent's name:"));
    m_ddAgentIdLabel->setText(tr("Agent's ID &number:"));
    m_memoLabel->setText(tr("&Memo:"));
    m_memo->setPlaceholderText(tr("Optional"));
    m_continue->setText(tr("Continue"));
    m_cancel->setText(tr("Cancel"));
    m_post->setText(deposit ? tr("Post deposit") : tr("Post withdrawal"));
    m_back->setText(tr("Back"));
    m_previewVoucher->setText(tr("Print preview…"));
    m_previewVoucher->setToolTip(tr("Show the voucher and print it (%1)")
                                     .arg(m_previewVoucher->shortcut().toString(QKeySequence::NativeText)));
    m_saveVoucher->setText(tr("Save PDF…"));
    m_saveVoucher->setToolTip(tr("Save the voucher as a PDF file (%1)")
                                  .arg(m_saveVoucher->shortcut().toString(QKeySequence::NativeText)));
    m_close->setText(tr("Close"));
}

} // namespace cs::ui
