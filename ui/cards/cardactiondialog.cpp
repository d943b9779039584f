#include "cards/cardactiondialog.h"

#include "admin/requestid.h"
#include "cards/cardsmodel.h"
#include "widgets/formwidgets.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

bool cardStepNeedsApproval(CardStep step)
{
    return step == CardStep::Replace || step == CardStep::ResetPin;
}

CardActionDialog::CardActionDialog(Database db, Session session, CardVault vault, CardStep step, CardView card,
                                   QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_vault(std::move(vault))
    , m_step(step)
    , m_card(std::move(card))
    , m_requestId(newRequestId())
{
    setObjectName(u"cardStepDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_summary = createValueLabel(u"cardStepSummary"_s, this);
    m_summary->setWordWrap(true);
    setTitleFont(m_summary, 1.1);

    auto* form = createFormLayout();
    m_kindLabel = new QLabel(this);
    m_oral = new QRadioButton(this);
    m_oral->setObjectName(u"lossOralRadio"_s);
    m_written = new QRadioButton(this);
    m_written->setObjectName(u"lossWrittenRadio"_s);
    m_kinds = new QButtonGroup(this);
    m_kinds->addButton(m_oral);
    m_kinds->addButton(m_written);
    // An oral report is what a customer without the card in hand makes first; a written report of an
    // oral one is the follow-up.
    // An oral report in force can only be followed by a written one.
    const bool oralInForce = m_card.state == u"lost_oral";
    (oralInForce ? m_written : m_oral)->setChecked(true);
    m_oral->setEnabled(!oralInForce);
    auto* kinds = new QVBoxLayout;
    kinds->setSpacing(4);
    kinds->addWidget(m_oral);
    kinds->addWidget(m_written);
    if (m_step == CardStep::ReportLoss) {
        form->addRow(m_kindLabel, kinds);
        m_kindLabel->setBuddy(m_oral);
    } else {
        m_kindLabel->hide();
        m_oral->hide();
        m_written->hide();
    }

    m_reasonLabel = new QLabel(this);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"cardReasonEdit"_s);
    m_reason->setMaxLength(200);
    m_reasonLabel->setBuddy(m_reason);
    m_reasonError = createErrorLabel(u"cardReasonError"_s, this);
    form->addRow(m_reasonLabel, m_reason);
    form->addRow(static_cast<QWidget*>(nullptr), m_reasonError);
    m_reasonError->hide();

    m_approvalNote = new QLabel(this);
    m_approvalNote->setObjectName(u"cardApprovalNote"_s);
    m_approvalNote->setWordWrap(true);
    m_approvalNote->setVisible(cardStepNeedsApproval(m_step));
    m_error = createErrorLabel(u"cardStepError"_s, this);
    m_error->hide();
    m_busy = createBusyIndicator(u"cardStepBusy"_s, this);

    m_submit = createDialogButton(u"cardStepSubmitButton"_s, this, true);
    m_cancel = createDialogButton(u"cardStepCancelButton"_s, this, false);
    connect(m_submit, &QPushButton::clicked, this, &CardActionDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &CardActionDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    buttons->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_approvalNote);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);

    setTabChain({m_oral, m_written, m_reason, m_submit, m_cancel});
    m_call.setBusyWidgets({m_oral, m_written, m_reason, m_submit, m_cancel});
    m_call.setBusyIndicator(m_busy);

    setMinimumWidth(520);
    retranslateUi();
    if (m_step == CardStep::ReportLoss)
        m_kinds->checkedButton()->setFocus(Qt::OtherFocusReason);
    else
        m_reason->setFocus(Qt::OtherFocusReason);
}

void CardActionDialog::accept()
{
    submit();
}

void CardActionDialog::reject()
{
    if (!isBusy())
        QDialog::reject();
}

void CardActionDialog::clearErrors()
{
    m_reasonError->clear();
    m_reasonError->hide();
    m_error->clear();
    m_error->hide();
}

void CardActionDialog::showError(const Error& error)
{
    clearErrors();
    if (error.field == u"reason") {
        m_reasonError->setText(error.message);
        m_reasonError->show();
        m_reason->setFocus(Qt::OtherFocusReason);
        m_reason->selectAll();
    } else {
        m_error->setText(error.message);
        m_error->show();
    }
    adjustSize();
}

QString CardActionDialog::shownError() const
{
    return !m_reasonError->text().isEmpty() ? m_reasonError->text() : m_error->text();
}

void CardActionDialog::submit()
{
    if (isBusy())
        return;
    clearErrors();
    const QString reason = m_reason->text().simplified();
    if (reason.isEmpty()) {
        showError(Error::invalid(u"card.reason_required"_s, u"reason"_s, tr("Say why, as the customer or the instruction gives it.")));
        return;
    }
    const LossKind kind = m_written->isChecked() ? LossKind::Written : LossKind::Oral;
    m_call.start(
        u"cardStepWorker"_s,
        [db = m_db, session = m_session, vault = m_vault, step = m_step, cardId = m_card.id, kind, reason,
         requestId = m_requestId]() -> Result<CardChange> {
            const CardService service(db, vault);
            switch (step) {
            case CardStep::ReportLoss: return service.reportLoss(session, cardId, kind, reason, requestId);
            case CardStep::LiftLoss: return service.liftLoss(session, cardId, reason, requestId);
            case CardStep::Freeze: return service.freeze(session, cardId, reason, requestId);
            case CardStep::Unfreeze: return service.unfreeze(session, cardId, reason, requestId);
            case CardStep::Replace: return service.replace(session, cardId, reason, requestId);
            case CardStep::Cancel: return service.cancel(session, cardId, reason, requestId);
            case CardStep::ResetPin: return service.resetPin(session, cardId, reason, requestId);
            }
            return fail(Error::internal(u"card.step"_s, QString()));
        },
        Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
        [this](Result<CardChange> outcome) { finish(std::move(outcome)); });
}

void CardActionDialog::finish(Result<CardChange> outcome)
{
    if (!outcome) {
        if (needsNewRequestId(outcome.error()))
            m_requestId = newRequestId();
        m_oral->setEnabled(m_card.state != u"lost_oral"); // the busy state ended enabled every input
        showError(outcome.error());
        return;
    }
    emit changed(*outcome);
    QDialog::accept();
}

void CardActionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CardActionDialog::retranslateUi()
{
    QString title;
    QString intro;
    QString submit;
    switch (m_step) {
    case CardStep::ReportLoss:
        title = tr("Report a card lost");
        intro = tr("Debits on the card stop at once. An oral report lapses unless a written one follows; a "
                   "written report cannot be lifted, the card is replaced.");
        submit = tr("Report loss");
        break;
    case CardStep::LiftLoss:
        title = tr("Lift a loss report");
        intro = tr("The customer found the card: it works again as before the oral report. Check the ID.");
        submit = tr("Lift loss report");
        break;
    case CardStep::Freeze:
        title = tr("Freeze a card");
        intro = tr("The frozen card pays nothing until it is unfrozen.");
        submit = tr("Freeze card");
        break;
    case CardStep::Unfreeze:
        title = tr("Unfreeze a card");
        intro = tr("The card works again.");
        submit = tr("Unfreeze card");
        break;
    case CardStep::Replace:
        title = tr("Replace a card");
        intro = tr("A new card with a new number on the same account; the old card becomes void. The customer "
                   "sets a PIN for the new card.");
        submit = tr("Request replacement");
        break;
    case CardStep::Cancel:
        title = tr("Cancel a card");
        intro = tr("The card is closed for good. A quasi-credit or credit card's own account must be at zero and "
                   "closes with it.");
        submit = tr("Cancel card");
        break;
    case CardStep::ResetPin:
        title = tr("Reset a PIN");
        intro = tr("The PIN and its lock are cleared, so that the customer can set a new one. Check the ID.");
        submit = tr("Request PIN reset");
        break;
    }
    setWindowTitle(title);
    m_intro->setText(intro);
    m_summary->setText(tr("%1 · %2 · %3 · %4")
                           .arg(m_card.panMasked, CardsModel::productText(m_card), m_card.customerName,
                                CardsModel::stateText(m_card)));
    m_kindLabel->setText(tr("Report:"));
    m_oral->setText(tr("&Oral (by phone or in person, without a form)"));
    m_written->setText(tr("&Written (the signed form, with the ID)"));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Required"));
    m_approvalNote->setText(tr("This waits for a supervisor's approval: nothing changes until a supervisor "
                               "approves it in the Approvals workspace."));
    m_submit->setText(submit);
    m_cancel->setText(tr("Close"));
    m_cancel->setToolTip(tr("Close without changing anything (Esc)"));
}

} // namespace cs::ui
