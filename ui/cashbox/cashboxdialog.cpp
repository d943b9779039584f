#include "cashbox/cashboxdialog.h"

#include "admin/requestid.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

bool isCount(CashBoxDialog::Kind kind)
{
    return kind == CashBoxDialog::Kind::Count || kind == CashBoxDialog::Kind::Close;
}

} // namespace

CashBoxDialog::CashBoxDialog(Database db, Session session, Kind kind, CashBoxView box, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_kind(kind)
    , m_box(std::move(box))
    , m_requestId(newRequestId())
    , m_pages(new QStackedWidget(this))
{
    setObjectName(u"cashBoxDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    // Entry: the amount.
    auto* entry = new QWidget(m_pages);
    m_intro = new QLabel(entry);
    m_intro->setWordWrap(true);
    m_form = createFormLayout();
    QFormLayout* form = m_form;
    m_expectedLabel = new QLabel(entry);
    m_expected = new QLabel(entry);
    m_expected->setObjectName(u"cashBoxExpectedLabel"_s);
    m_expected->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_amountLabel = new QLabel(entry);
    m_amount = new AmountEdit(u"cashBoxAmountEdit"_s, entry);
    m_amount->setAllowZero(kind == Kind::Open || isCount(kind));
    m_amount->setFieldName(isCount(kind) ? u"counted"_s : u"amount"_s);
    QFont amountFont = m_amount->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 1.3);
    m_amount->setFont(amountFont);
    m_amountLabel->setBuddy(m_amount);
    m_capitals = m_amount->createCapitalsLabel(u"cashBoxCapitalsLabel"_s, entry);
    m_amountError = createErrorLabel(u"cashBoxAmountError"_s, entry);
    m_difference = new QLabel(entry);
    m_difference->setObjectName(u"cashBoxDifferenceLabel"_s);
    m_difference->setTextFormat(Qt::PlainText);
    if (isCount(kind))
        form->addRow(m_expectedLabel, m_expected);
    form->addRow(m_amountLabel, m_amount);
    form->addRow(static_cast<QWidget*>(nullptr), m_capitals);
    form->addRow(static_cast<QWidget*>(nullptr), m_amountError);
    if (isCount(kind))
        form->addRow(static_cast<QWidget*>(nullptr), m_difference);
    else
        m_difference->hide();
    form->setRowVisible(m_amountError, false);
    m_expectedLabel->setVisible(isCount(kind));
    m_expected->setVisible(isCount(kind));
    m_error = createErrorLabel(u"formError"_s, entry);
    m_error->hide();
    m_continue = createDialogButton(u"continueButton"_s, entry, true);
    m_cancel = createDialogButton(u"cancelButton"_s, entry, false);
    connect(m_continue, &QPushButton::clicked, this, &CashBoxDialog::goOn);
    connect(m_cancel, &QPushButton::clicked, this, &CashBoxDialog::reject);
    auto* entryButtons = new QHBoxLayout;
    entryButtons->addStretch(1);
    entryButtons->addWidget(m_continue);
    entryButtons->addWidget(m_cancel);
    auto* entryLayout = new QVBoxLayout(entry);
    entryLayout->setContentsMargins(0, 0, 0, 0);
    entryLayout->setSpacing(10);
    entryLayout->addWidget(m_intro);
    entryLayout->addLayout(form);
    entryLayout->addWidget(m_error);
    entryLayout->addStretch(1);
    entryLayout->addLayout(entryButtons);
    setTabChain({m_amount, m_continue, m_cancel});

    // Confirmation: what will happen.
    auto* confirmation = new QWidget(m_pages);
    m_confirmLabel = new QLabel(confirmation);
    m_confirmLabel->setObjectName(u"confirmLabel"_s);
    m_confirmLabel->setWordWrap(true);
    m_confirmLabel->setTextFormat(Qt::PlainText);
    setTitleFont(m_confirmLabel, 1.15);
    m_confirm = createDialogButton(u"confirmButton"_s, confirmation, true);
    m_back = createDialogButton(u"backButton"_s, confirmation, false);
    connect(m_confirm, &QPushButton::clicked, this, &CashBoxDialog::confirm);
    connect(m_back, &QPushButton::clicked, this, &CashBoxDialog::showEntry);
    QProgressBar* busy = createBusyIndicator(u"cashBoxBusyIndicator"_s, confirmation);
    m_call.setBusyIndicator(busy);
    m_call.setBusyWidgets({m_confirm, m_back});
    auto* confirmButtons = new QHBoxLayout;
    confirmButtons->addStretch(1);
    confirmButtons->addWidget(m_confirm);
    confirmButtons->addWidget(m_back);
    auto* confirmLayout = new QVBoxLayout(confirmation);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    confirmLayout->addStretch(1);
    confirmLayout->addWidget(m_confirmLabel);
    confirmLayout->addStretch(1);
    confirmLayout->addWidget(busy);
    confirmLayout->addLayout(confirmButtons);

    m_pages->addWidget(entry);
    m_pages->addWidget(confirmation);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->addWidget(m_pages);

    connect(m_amount, &AmountEdit::amountChanged, this, &CashBoxDialog::showDifference);
    setMinimumWidth(480);
    retranslateUi();
    showEntry();
}

bool CashBoxDialog::isConfirming() const
{
    return m_pages->currentIndex() == 1;
}

void CashBoxDialog::accept()
{
    if (isConfirming())
        confirm();
    else
        goOn();
}

void CashBoxDialog::reject()
{
    if (isBusy())
        return;
    if (isConfirming()) {
        showEntry();
        return;
    }
    QDialog::reject();
}

void CashBoxDialog::showEntry()
{
    // One default button per dialog: Enter presses the one of the page shown.
    m_pages->setCurrentIndex(0);
    m_continue->setDefault(true);
    m_amount->setFocus(Qt::OtherFocusReason);
}

QString CashBoxDialog::shownError() const
{
    return m_amountError->text().isEmpty() ? m_error->text() : m_amountError->text();
}

void CashBoxDialog::clearErrors()
{
    m_amountError->clear();
    m_form->setRowVisible(m_amountError, false);
    m_error->clear();
    m_error->hide();
}

void CashBoxDialog::showError(const Error& error)
{
    clearErrors();
    if (error.field == u"amount" || error.field == u"counted") {
        m_amountError->setText(error.message);
        m_form->setRowVisible(m_amountError, true);
    } else {
        m_error->setText(error.message);
        m_error->show();
    }
    m_amount->setFocus(Qt::OtherFocusReason);
    m_amount->selectAll();
}

void CashBoxDialog::showDifference()
{
    if (!isCount(m_kind))
        return;
    const auto counted = m_amount->validAmount();
    if (!counted) {
        m_difference->clear();
        return;
    }
    const qint64 gap = counted->minor() - m_box.expected.minor();
    const Money size(gap < 0 ? -gap : gap, m_box.expected.currency());
    if (gap == 0)
        m_difference->setText(tr("The count matches the expected cash."));
    else if (gap > 0)
        m_difference->setText(tr("Over by %1.").arg(moneyText(size)));
    else
        m_difference->setText(tr("Short by %1.").arg(moneyText(size)));
    QPalette colours = this->palette();
    if (gap != 0)
        colours.setColor(QPalette::WindowText, errorColor());
    m_difference->setPalette(colours);
}

void CashBoxDialog::goOn()
{
    if (isBusy() || isConfirming())
        return;
    clearErrors();
    const auto amount = m_amount->amount();
    if (!amount) {
        showError(amount.error());
        return;
    }
    const QString figures = moneyText(*amount);
    const QString capitals = capitalsText(*amount);
    const qint64 gap = amount->minor() - m_box.expected.minor();
    const QString gapText = moneyText(Money(gap < 0 ? -gap : gap, amount->currency()));
    QString text;
    switch (m_kind) {
    case Kind::Open:
        text = tr("Open your cash box with %1 (%2) from the vault?").arg(figures, capitals);
        break;
    case Kind::TakeFromVault:
        text = tr("Take %1 (%2) from the vault into your cash box?").arg(figures, capitals);
        break;
    case Kind::ReturnToVault:
        text = tr("Return %1 (%2) from your cash box to the vault?").arg(figures, capitals);
        break;
    case Kind::Count:
        text = tr("Record a count of %1 (%2)?").arg(figures, capitals);
        text += u"\n\n"_s;
        text += gap == 0 ? tr("The count matches the expected %1.").arg(moneyText(m_box.expected))
                : gap > 0 ? tr("The box is over by %1. Nothing is booked until the box is closed.").arg(gapText)
                          : tr("The box is short by %1. Nothing is booked until the box is closed.").arg(gapText);
        break;
    case Kind::Close:
        text = tr("Close your cash box with %1 (%2) counted?").arg(figures, capitals);
        text += u"\n\n"_s;
        text += gap == 0 ? tr("The count matches the expected %1.").arg(moneyText(m_box.expected))
                : gap > 0 ? tr("An over of %1 will be booked to suspense payable.").arg(gapText)
                          : tr("A short of %1 will be booked to suspense receivable.").arg(gapText);
        text += u"\n"_s + tr("All the counted cash, %1, goes back to the vault.").arg(figures);
        break;
    }
    m_confirmLabel->setText(text);
    m_pages->setCurrentIndex(1);
    m_confirm->setDefault(true);
    m_confirm->setFocus(Qt::OtherFocusReason);
}

void CashBoxDialog::confirm()
{
    if (isBusy() || !isConfirming())
        return;
    const auto amount = m_amount->validAmount();
    if (!amount)
        return;
    m_call.start(
        u"cashBoxWorker"_s,
        [db = m_db, session = m_session, kind = m_kind, amount = *amount, requestId = m_requestId]() -> Result<QString> {
            const CashBoxService service(db);
            Result<CashBoxView> view = fail(Error::internal(u"cashbox.kind"_s, {}));
            switch (kind) {
            case Kind::Open: view = service.open(session, amount, requestId); break;
            case Kind::TakeFromVault: view = service.takeFromVault(session, amount, requestId); break;
            case Kind::ReturnToVault: view = service.returnToVault(session, amount, requestId); break;
            case Kind::Count: view = service.count(session, amount, requestId); break;
            case Kind::Close: {
                auto closing = service.close(session, amount, requestId);
                if (!closing)
                    return fail(closing.error());
                if (closing->pending())
                    return (closing->over.isPositive()
                                ? tr("An over of %1 waits for a supervisor's approval (request no. %2).")
                                      .arg(moneyText(closing->over))
                                : tr("A short of %1 waits for a supervisor's approval (request no. %2).")
                                      .arg(moneyText(closing->shortage)))
                               .arg(closing->approvalId)
                           + u' ' + tr("The box stays open until it is decided; move no cash meanwhile.");
                QString message = tr("Cash box closed: %1 returned to the vault.").arg(moneyText(closing->returnedToVault));
                if (closing->over.isPositive())
                    message += u' ' + tr("An over of %1 was booked to suspense payable.").arg(moneyText(closing->over));
                if (closing->shortage.isPositive())
                    message += u' '
                               + tr("A short of %1 was booked to suspense receivable.").arg(moneyText(closing->shortage));
                return message;
            }
            }
            if (!view)
                return fail(view.error());
            switch (kind) {
            case Kind::Open:
                return tr("Cash box opened with %1 from the vault.").arg(moneyText(amount));
            case Kind::TakeFromVault:
                return tr("%1 taken from the vault; the box now holds %2.").arg(moneyText(amount), moneyText(view->expected));
            case Kind::ReturnToVault:
                return tr("%1 returned to the vault; the box now holds %2.").arg(moneyText(amount), moneyText(view->expected));
            default:
                break;
            }
            const qint64 gap = view->difference.minor();
            const QString size = moneyText(Money(gap < 0 ? -gap : gap, view->difference.currency()));
            return gap == 0 ? tr("Counted %1: the box balances.").arg(moneyText(amount))
                   : gap > 0 ? tr("Counted %1: over by %2.").arg(moneyText(amount), size)
                             : tr("Counted %1: short by %2.").arg(moneyText(amount), size);
        },
        Error::internal(u"cashbox.no_result"_s, tr("The request did not complete.")),
        [this](const Result<QString>& outcome) { finish(outcome); });
}

void CashBoxDialog::finish(const Result<QString>& outcome)
{
    if (!outcome) {
        if (needsNewRequestId(outcome.error()))
            m_requestId = newRequestId();
        showEntry();
        showError(outcome.error());
        return;
    }
    emit succeeded(*outcome);
    QDialog::accept();
}

void CashBoxDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CashBoxDialog::retranslateUi()
{
    switch (m_kind) {
    case Kind::Open:
        setWindowTitle(tr("Open cash box"));
        m_intro->setText(tr("Take the cash for the day from the vault into your cash box."));
        m_amountLabel->setText(tr("&From the vault:"));
        m_confirm->setText(tr("Open cash box"));
        break;
    case Kind::TakeFromVault:
        setWindowTitle(tr("Take cash from the vault"));
        m_intro->setText(tr("More cash from the vault into your open cash box."));
        m_amountLabel->setText(tr("&Amount:"));
        m_confirm->setText(tr("Take from vault"));
        break;
    case Kind::ReturnToVault:
        setWindowTitle(tr("Return cash to the vault"));
        m_intro->setText(tr("Cash from your cash box back to the vault. The box now holds %1.")
                             .arg(moneyText(m_box.expected)));
        m_amountLabel->setText(tr("&Amount:"));
        m_confirm->setText(tr("Return to vault"));
        break;
    case Kind::Count:
        setWindowTitle(tr("Count the cash box"));
        m_intro->setText(tr("Count the cash in your box and type the total. The count is recorded; nothing is "
                            "booked."));
        m_amountLabel->setText(tr("&Counted:"));
        m_confirm->setText(tr("Record count"));
        break;
    case Kind::Close:
        setWindowTitle(tr("Close the cash box"));
        m_intro->setText(tr("Count the cash in your box and type the total. Closing books any over or short and "
                            "returns all the cash to the vault."));
        m_amountLabel->setText(tr("&Counted:"));
        m_confirm->setText(tr("Close cash box"));
        break;
    }
    m_amount->setFieldLabel(isCount(m_kind) ? tr("Counted cash") : tr("Amount"));
    m_amount->setAccessibleName(isCount(m_kind) ? tr("Counted cash") : tr("Amount"));
    m_expectedLabel->setText(tr("Expected:"));
    m_expected->setText(moneyText(m_box.expected));
    m_continue->setText(tr("Continue"));
    m_cancel->setText(tr("Cancel"));
    m_back->setText(tr("Back"));
    showDifference();
}

} // namespace cs::ui
