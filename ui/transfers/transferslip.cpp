#include "transfers/transferslip.h"

#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

// The preview follows the slip once typing pauses, not at every key.
constexpr int kPreviewDelayMs = 150;

QLineEdit* lineEdit(const QString& objectName, int maxLength, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    return edit;
}

void setColour(QLabel* label, bool error)
{
    QPalette palette = label->parentWidget()->palette();
    if (error)
        palette.setColor(QPalette::WindowText, errorColor());
    label->setPalette(palette);
}

// Account numbers are keyed with spaces in groups of four, as printed on passbooks and cards.
QString accountText(const QLineEdit* edit)
{
    return edit->text().remove(u' ').trimmed();
}

bool sameRequest(const TransferRequest& a, const TransferRequest& b)
{
    return a.fromAccount == b.fromAccount && a.toAccount == b.toAccount && a.toBankCode == b.toBankCode
           && a.toName == b.toName && a.amount == b.amount && a.remarks == b.remarks && a.waiveFee == b.waiveFee;
}

} // namespace

TransferSlip::TransferSlip(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"transferSlip"_s);

    auto* slip = new QFrame(this);
    slip->setObjectName(u"transferSlipFrame"_s);
    slip->setFrameShape(QFrame::StyledPanel);
    slip->setFrameShadow(QFrame::Plain);

    // Payer (付款人), the left half of the slip.
    m_payerTitle = new QLabel(slip);
    setTitleFont(m_payerTitle, 1.05);
    m_payerForm = createFormLayout();
    m_payerAccountLabel = new QLabel(slip);
    m_payerAccount = lineEdit(u"payerAccountEdit"_s, 40, slip);
    addField(m_payerForm, m_payerAccountLabel, m_payerAccount, {u"from_account"_s, u"fromAccount"_s, u"from"_s, u"payer"_s},
             u"payerAccountError"_s);
    m_payerNameLabel = new QLabel(slip);
    m_payerName = createValueLabel(u"payerNameLabel"_s, slip);
    QFont bold = m_payerName->font();
    bold.setBold(true);
    m_payerName->setFont(bold);
    m_payerAvailableLabel = new QLabel(slip);
    m_payerAvailable = createValueLabel(u"payerAvailableLabel"_s, slip);
    m_payerForm->addRow(m_payerNameLabel, m_payerName);
    m_payerForm->addRow(m_payerAvailableLabel, m_payerAvailable);

    // Payee (收款人), the right half.
    m_payeeTitle = new QLabel(slip);
    setTitleFont(m_payeeTitle, 1.05);
    m_payeeForm = createFormLayout();
    m_intra = new QRadioButton(slip);
    m_intra->setObjectName(u"intraRadio"_s);
    m_interbank = new QRadioButton(slip);
    m_interbank->setObjectName(u"interbankRadio"_s);
    m_routeGroup = new QButtonGroup(this);
    m_routeGroup->addButton(m_intra);
    m_routeGroup->addButton(m_interbank);
    m_intra->setChecked(true);
    auto* routeRow = new QHBoxLayout;
    routeRow->addWidget(m_intra);
    routeRow->addWidget(m_interbank);
    routeRow->addStretch(1);
    m_payeeForm->addRow(static_cast<QWidget*>(nullptr), routeRow);
    m_bankCodeLabel = new QLabel(slip);
    m_bankCode = lineEdit(u"payeeBankCodeEdit"_s, 12, slip);
    m_bankCode->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,12}"_s), m_bankCode));
    m_bankCode->setInputMethodHints(Qt::ImhDigitsOnly);
    addField(m_payeeForm, m_bankCodeLabel, m_bankCode, {u"to_bank_code"_s, u"toBankCode"_s, u"bank_code"_s},
             u"payeeBankCodeError"_s);
    m_payeeAccountLabel = new QLabel(slip);
    m_payeeAccount = lineEdit(u"payeeAccountEdit"_s, 40, slip);
    addField(m_payeeForm, m_payeeAccountLabel, m_payeeAccount, {u"to_account"_s, u"toAccount"_s, u"to"_s, u"payee"_s},
             u"payeeAccountError"_s);
    m_payeeNameLabel = new QLabel(slip);
    m_payeeName = lineEdit(u"payeeNameEdit"_s, 60, slip);
    addField(m_payeeForm, m_payeeNameLabel, m_payeeName, {u"to_name"_s, u"toName"_s}, u"payeeNameError"_s);

    // The amount in capitals and figures, remarks and the fee, across the slip.
    auto* bottom = createFormLayout();
    m_amountLabel = new QLabel(slip);
    m_amount = new AmountEdit(u"transferAmountEdit"_s, slip);
    QFont amountFont = m_amount->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 1.3);
    m_amount->setFont(amountFont);
    m_amount->setMaximumWidth(m_amount->fontMetrics().horizontalAdvance(u"0,000,000,000.00"_s) + 24);
    addField(bottom, m_amountLabel, m_amount, {u"amount"_s}, u"transferAmountError"_s);
    m_capitals = m_amount->createCapitalsLabel(u"transferCapitalsLabel"_s, slip);
    QFont capitalsFont = m_capitals->font();
    capitalsFont.setPointSizeF(capitalsFont.pointSizeF() * 1.15);
    m_capitals->setFont(capitalsFont);
    bottom->insertRow(bottom->rowCount() - 1, static_cast<QWidget*>(nullptr), m_capitals);
    m_remarksLabel = new QLabel(slip);
    m_remarks = lineEdit(u"transferRemarksEdit"_s, 256, slip);
    addField(bottom, m_remarksLabel, m_remarks, {u"remarks"_s}, u"transferRemarksError"_s);
    m_waiveFee = new QCheckBox(slip);
    m_waiveFee->setObjectName(u"waiveFeeCheck"_s);
    bottom->addRow(static_cast<QWidget*>(nullptr), m_waiveFee);
    m_fieldByName.insert(u"waive_fee"_s, m_fields.size());
    m_fieldByName.insert(u"fee"_s, m_fields.size());
    m_fields.append({bottom, m_waiveFee, createErrorLabel(u"waiveFeeError"_s, slip)});
    bottom->addRow(static_cast<QWidget*>(nullptr), m_fields.constLast().error);
    bottom->setRowVisible(m_fields.constLast().error, false);

    auto* divider = new QFrame(slip);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    auto* line = new QFrame(slip);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto* grid = new QGridLayout(slip);
    grid->setContentsMargins(14, 10, 14, 10);
    grid->setHorizontalSpacing(14);
    for (QFormLayout* form : {m_payerForm, m_payeeForm, bottom})
        form->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    grid->addWidget(m_payerTitle, 0, 0);
    grid->addWidget(m_payeeTitle, 0, 2);
    grid->addLayout(m_payerForm, 1, 0);
    grid->addWidget(divider, 0, 1, 2, 1);
    grid->addLayout(m_payeeForm, 1, 2);
    grid->addWidget(line, 2, 0, 1, 3);
    grid->addLayout(bottom, 3, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(4, 1);

    m_error = createErrorLabel(u"slipError"_s, this);
    m_error->hide();

    // The preview, beside the slip.
    m_previewGroup = new QGroupBox(this);
    m_previewGroup->setObjectName(u"transferPreviewGroup"_s);
    auto* previewForm = createFormLayout();
    m_routeLabel = new QLabel(m_previewGroup);
    m_routeValue = createValueLabel(u"previewRouteLabel"_s, m_previewGroup);
    m_routeValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_feeLabel = new QLabel(m_previewGroup);
    m_feeValue = createMoneyLabel(u"previewFeeLabel"_s, m_previewGroup);
    m_balanceLabel = new QLabel(m_previewGroup);
    m_balanceValue = createMoneyLabel(u"previewBalanceLabel"_s, m_previewGroup);
    m_availableLabel = new QLabel(m_previewGroup);
    m_availableValue = createMoneyLabel(u"previewAvailableLabel"_s, m_previewGroup);
    previewForm->addRow(m_routeLabel, m_routeValue);
    previewForm->addRow(m_feeLabel, m_feeValue);
    previewForm->addRow(m_balanceLabel, m_balanceValue);
    previewForm->addRow(m_availableLabel, m_availableValue);
    m_approval = createValueLabel(u"previewApprovalLabel"_s, m_previewGroup);
    m_approval->setWordWrap(true);
    m_previewErrorLabel = createErrorLabel(u"previewError"_s, m_previewGroup);
    auto* previewLayout = new QVBoxLayout(m_previewGroup);
    previewLayout->addLayout(previewForm);
    previewLayout->addWidget(m_approval);
    previewLayout->addWidget(m_previewErrorLabel);
    previewLayout->addStretch(1);
    m_previewGroup->setMinimumWidth(300);

    auto* slipColumn = new QVBoxLayout;
    slipColumn->setSpacing(6);
    slipColumn->addWidget(slip);
    slipColumn->addWidget(m_error);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(slipColumn, 3);
    layout->addWidget(m_previewGroup, 1);

    // Tab follows the slip: payer, route, payee, amount, remarks, fee.
    setTabChain({m_payerAccount, m_intra, m_interbank, m_bankCode, m_payeeAccount, m_payeeName, m_amount, m_remarks,
                 m_waiveFee});

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &TransferSlip::refreshPreview);
    const auto changed = [this] { m_previewTimer->start(); };
    for (QLineEdit* edit : {m_payerAccount, m_bankCode, m_payeeAccount, m_payeeName, m_remarks})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_amount, &QLineEdit::textChanged, this, changed);
    connect(m_waiveFee, &QCheckBox::toggled, this, changed);
    connect(m_intra, &QRadioButton::toggled, this, [this] { routeChanged(); });
    connect(m_payerAccount, &QLineEdit::editingFinished, this, &TransferSlip::lookUpPayer);
    connect(m_payerAccount, &QLineEdit::textEdited, this, [this] {
        m_payer.reset();
        m_payerName->clear();
        m_payerAvailable->clear();
    });
    connect(m_payeeAccount, &QLineEdit::editingFinished, this, &TransferSlip::lookUpPayee);
    connect(m_payeeAccount, &QLineEdit::textEdited, this, [this] {
        if (!isInterbank())
            m_payeeName->clear();
    });

    retranslateUi();
    routeChanged();
    showPreview();
}

QLabel* TransferSlip::addField(QFormLayout* form, QLabel* label, QWidget* editor, const QStringList& fields,
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
    return error;
}

bool TransferSlip::isInterbank() const
{
    return m_interbank->isChecked();
}

void TransferSlip::setInterbank(bool interbank)
{
    (interbank ? m_interbank : m_intra)->setChecked(true);
}

QWidget* TransferSlip::firstField() const
{
    return m_payerAccount;
}

void TransferSlip::routeChanged()
{
    const bool interbank = isInterbank();
    m_payeeForm->setRowVisible(m_bankCode, interbank);
    // Within the bank the payee's name is the account holder's, looked up; to another bank it is keyed
    // as the customer wrote it.
    m_payeeName->setReadOnly(!interbank);
    m_payeeName->setFocusPolicy(interbank ? Qt::StrongFocus : Qt::NoFocus);
    // Another kind of payee altogether: what was keyed for the other one goes.
    m_payeeName->clear();
    m_payeeAccount->clear();
    m_bankCode->clear();
    m_preview.reset();
    m_previewError.reset();
    showPreview();
    for (const FieldSlot& slot : std::as_const(m_fields)) {
        if (slot.editor == m_bankCode || slot.editor == m_payeeAccount || slot.editor == m_payeeName) {
            slot.error->clear();
            slot.form->setRowVisible(slot.error, false);
        }
    }
    if (!interbank)
        lookUpPayee();
    retranslateUi();
    m_previewTimer->start();
}

TransferRequest TransferSlip::request(const QString& requestId) const
{
    TransferRequest r;
    r.fromAccount = accountText(m_payerAccount);
    r.toAccount = accountText(m_payeeAccount);
    if (isInterbank()) {
        r.toBankCode = m_bankCode->text().trimmed();
        r.toName = m_payeeName->text().trimmed();
    }
    r.amount = m_amount->validAmount().value_or(Money::zero(m_amount->currency()));
    r.remarks = m_remarks->text().trimmed();
    r.waiveFee = m_waiveFee->isChecked();
    r.requestId = requestId;
    return r;
}

void TransferSlip::lookUpPayer()
{
    const QString number = accountText(m_payerAccount);
    if (number.isEmpty() || (m_payer && m_payer->number == number))
        return;
    auto shown = AccountService(m_db).show(m_session, number);
    if (!shown) {
        m_payer.reset();
        m_payerName->clear();
        m_payerAvailable->clear();
        Error e = shown.error();
        e.field = u"from_account"_s;
        showError(e);
        return;
    }
    m_payer = std::move(*shown);
    m_payerName->setText(m_payer->customerName.isEmpty() ? m_payer->title : m_payer->customerName);
    m_payerAvailable->setText(moneyText(m_payer->available) + u' ' + m_payer->currency.code());
    m_amount->setCurrency(m_payer->currency);
    for (const FieldSlot& slot : std::as_const(m_fields)) {
        if (slot.editor == m_payerAccount) {
            slot.error->clear();
            slot.form->setRowVisible(slot.error, false);
        }
    }
    m_previewTimer->start();
}

void TransferSlip::lookUpPayee()
{
    if (isInterbank())
        return;
    const QString number = accountText(m_payeeAccount);
    if (number.isEmpty()) {
        m_payeeName->clear();
        return;
    }
    auto shown = AccountService(m_db).show(m_session, number);
    if (!shown) {
        m_payeeName->clear();
        Error e = shown.error();
        e.field = u"to_account"_s;
        showError(e);
        return;
    }
    m_payeeName->setText(shown->customerName.isEmpty() ? shown->title : shown->customerName);
    for (const FieldSlot& slot : std::as_const(m_fields)) {
        if (slot.editor == m_payeeAccount) {
            slot.error->clear();
            slot.form->setRowVisible(slot.error, false);
        }
    }
    m_previewTimer->start();
}

void TransferSlip::refreshPreview()
{
    m_previewTimer->stop();
    m_preview.reset();
    m_previewError.reset();
    const TransferRequest r = request();
    m_previewed = r;
    const bool complete = !r.fromAccount.isEmpty() && !r.toAccount.isEmpty() && r.amount.isPositive()
                          && (!isInterbank() || (validBankCode(r.toBankCode) && !r.toName.isEmpty()));
    if (complete) {
        auto read = TransferService(m_db).preview(m_session, r);
        if (read)
            m_preview = std::move(*read);
        else
            m_previewError = read.error();
    }
    showPreview();
}

void TransferSlip::showPreview()
{
    const bool shown = m_preview.has_value();
    const QString none = u"—"_s;
    m_routeValue->setText(shown ? routeDisplayName(m_preview->route) : none);
    m_feeValue->setText(shown ? moneyText(m_preview->fee) : none);
    m_balanceValue->setText(shown ? moneyText(m_preview->balanceAfter) : none);
    m_availableValue->setText(shown ? moneyText(m_preview->availableAfter) : none);
    setColour(m_balanceValue, shown && m_preview->balanceAfter.isNegative());
    setColour(m_availableValue, shown && m_preview->availableAfter.isNegative());
    if (shown) {
        QString text = m_preview->approvalRequired
                           ? tr("A supervisor must approve this transfer; the funds are held until then.")
                           : tr("Within your authority: it posts at once.");
        if (m_preview->queued)
            text += u' ' + tr("HVPS is closed now: it is sent in the next window.");
        m_approval->setText(text);
    }
    m_approval->setVisible(shown);
    m_previewErrorLabel->setText(m_previewError ? m_previewError->message : QString());
    m_previewErrorLabel->setVisible(m_previewError.has_value());
}

bool TransferSlip::checkForSubmit()
{
    clearErrors();
    const auto required = [this](const QString& code, const QString& field, const QString& message) {
        showError(Error::invalid(code, field, message));
        return false;
    };
    if (accountText(m_payerAccount).isEmpty())
        return required(u"transfer.from_account"_s, u"from_account"_s, tr("Key the payer's account."));
    lookUpPayer();
    if (!m_payer)
        return false;
    if (isInterbank() && !validBankCode(m_bankCode->text().trimmed()))
        return required(u"transfer.bank_code"_s, u"to_bank_code"_s,
                        tr("The bank code has 12 digits, the last a check digit; check it against the slip."));
    if (accountText(m_payeeAccount).isEmpty())
        return required(u"transfer.to_account"_s, u"to_account"_s, tr("Key the payee's account."));
    if (isInterbank() && m_payeeName->text().trimmed().isEmpty())
        return required(u"transfer.to_name"_s, u"to_name"_s, tr("Key the payee's name as the slip gives it."));
    if (!isInterbank()) {
        lookUpPayee();
        if (m_payeeName->text().isEmpty())
            return false;
    }
    const auto amount = m_amount->amount();
    if (!amount) {
        showError(amount.error());
        return false;
    }
    if (!sameRequest(m_previewed, request()) || m_previewTimer->isActive() || !(m_preview || m_previewError))
        refreshPreview();
    if (m_previewError) {
        showError(*m_previewError);
        return false;
    }
    return m_preview.has_value();
}

void TransferSlip::clearErrors()
{
    for (const FieldSlot& slot : std::as_const(m_fields)) {
        slot.error->clear();
        slot.form->setRowVisible(slot.error, false);
    }
    m_error->clear();
    m_error->hide();
}

void TransferSlip::showError(const Error& error)
{
    clearErrors();
    const auto found = m_fieldByName.constFind(error.field);
    if (found == m_fieldByName.cend() || !m_fields.at(*found).editor->isVisibleTo(this)) {
        m_error->setText(error.message);
        m_error->show();
        m_amount->setFocus(Qt::OtherFocusReason);
        return;
    }
    const FieldSlot& slot = m_fields.at(*found);
    slot.error->setText(error.message);
    slot.form->setRowVisible(slot.error, true);
    if (slot.editor->focusPolicy() != Qt::NoFocus) {
        slot.editor->setFocus(Qt::OtherFocusReason);
        if (auto* edit = qobject_cast<QLineEdit*>(slot.editor))
            edit->selectAll();
    }
}

QString TransferSlip::shownError() const
{
    if (!m_error->text().isEmpty())
        return m_error->text();
    for (const FieldSlot& slot : m_fields) {
        if (!slot.error->text().isEmpty())
            return slot.error->text();
    }
    return m_previewErrorLabel->isHidden() ? QString() : m_previewErrorLabel->text();
}

void TransferSlip::clear()
{
    m_previewTimer->stop();
    for (QLineEdit* edit : {m_payerAccount, m_bankCode, m_payeeAccount, m_payeeName, m_remarks})
        edit->clear();
    m_amount->clear();
    m_waiveFee->setChecked(false);
    m_intra->setChecked(true);
    m_payer.reset();
    m_payerName->clear();
    m_payerAvailable->clear();
    m_preview.reset();
    m_previewError.reset();
    m_previewed = {};
    clearErrors();
    showPreview();
    m_previewTimer->stop();
    m_payerAccount->setFocus(Qt::OtherFocusReason);
}

void TransferSlip::keyPressEvent(QKeyEvent* event)
{
    // The fields leave Enter and Esc to the form they are on.
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            emit submitRequested();
            return;
        }
        break;
    case Qt::Key_Escape:
        emit cancelRequested();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void TransferSlip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TransferSlip::retranslateUi()
{
    m_payerTitle->setText(tr("Payer"));
    m_payeeTitle->setText(tr("Payee"));
    m_payerAccountLabel->setText(tr("&Account:"));
    m_payerAccount->setPlaceholderText(tr("Payer's account number"));
    m_payerAccount->setAccessibleName(tr("Payer's account"));
    m_payerNameLabel->setText(tr("Name:"));
    m_payerAvailableLabel->setText(tr("Available:"));
    m_intra->setText(tr("&Within the bank"));
    m_interbank->setText(tr("To an&other bank"));
    m_bankCodeLabel->setText(tr("&Bank code:"));
    m_bankCode->setPlaceholderText(tr("12 digits"));
    m_bankCode->setAccessibleName(tr("Payee's bank code"));
    m_payeeAccountLabel->setText(tr("A&ccount:"));
    m_payeeAccount->setPlaceholderText(isInterbank() ? tr("At the payee's bank") : tr("Payee's account number"));
    m_payeeAccount->setAccessibleName(tr("Payee's account"));
    m_payeeNameLabel->setText(tr("&Name:"));
    m_payeeName->setPlaceholderText(isInterbank() ? tr("As written on the slip") : tr("Looked up from the account"));
    m_payeeName->setAccessibleName(tr("Payee's name"));
    m_amountLabel->setText(tr("A&mount:"));
    m_amount->setFieldLabel(tr("Amount"));
    m_amount->setPlaceholderText(tr("e.g. 1,000.00"));
    m_amount->setAccessibleName(tr("Amount"));
    m_remarksLabel->setText(tr("&Remarks:"));
    m_remarks->setPlaceholderText(tr("Optional, printed on the voucher"));
    m_waiveFee->setText(tr("Wai&ve the fee (a supervisor approves)"));
    m_previewGroup->setTitle(tr("Preview"));
    m_routeLabel->setText(tr("Route:"));
    m_feeLabel->setText(tr("Fee:"));
    m_balanceLabel->setText(tr("Balance after:"));
    m_availableLabel->setText(tr("Available after:"));
}

} // namespace cs::ui
