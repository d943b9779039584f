#include "cards/cardspanel.h"

#include "admin/requestid.h"
#include "cards/cardactiondialog.h"
#include "cards/cardissuewizard.h"
#include "cards/cardsmodel.h"
#include "cards/cardvaultaccess.h"
#include "cards/onlinepaymentdialog.h"
#include "cards/pinpad.h"
#include "cards/pinrequest.h"
#include "print/voucherprinting.h"
#include "services/settingsservice.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString permissionIssue = u"card.issue"_s;
const QString permissionService = u"card.service"_s;

// A wrong format or a confirmation that differs: the customer may try again on the pad at once.
bool customerMayRetype(const Error& error)
{
    return error.kind == ErrorKind::Invalid && (error.field == u"pin" || error.field == u"pin_confirmation");
}

constexpr int kPinAttempts = 3;

} // namespace

CardsPanel::CardsPanel(Database db, Session session, PermittedActions permitted, PinPad* pinPad, QWidget* shortcutScope,
                       QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_permitted(std::move(permitted))
    , m_pinPad(pinPad)
    , m_model(new CardsModel(this))
    , m_view(new QTableView(this))
    , m_note(createMessageLabel(u"cardsNote"_s, this))
{
    setObjectName(u"cardsPanel"_s);
    // The day counts of the loss rules, so that the actions offered follow the rules the service applies.
    const SettingsService settings(m_db);
    if (auto days = settings.integer(u"cards.oral_loss_lapse_days"_s))
        m_oralLapseDays = static_cast<int>(*days);
    if (auto days = settings.integer(u"cards.written_loss_replace_days"_s))
        m_writtenReplaceDays = static_cast<int>(*days);

    m_view->setObjectName(u"cardsTable"_s);
    m_view->setModel(m_model);
    setUpRecordTable(m_view, CardsModel::OnlineColumn);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    QWidget* scope = shortcutScope ? shortcutScope : this;
    m_issue = createAction(scope, u"issueCardAction"_s, QKeySequence(Qt::Key_F4), &CardsPanel::issueCard);
    m_activate = createAction(scope, u"activateCardAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                              &CardsPanel::activate);
    m_setPin = createAction(scope, u"setPinAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &CardsPanel::setPin);
    m_changePin = createAction(scope, u"changePinAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                               &CardsPanel::changePin);
    m_resetPin = createAction(scope, u"resetPinAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                              &CardsPanel::resetPin);
    m_reportLoss = createAction(scope, u"reportLossAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                &CardsPanel::reportLoss);
    m_liftLoss = createAction(scope, u"liftLossAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                              &CardsPanel::liftLoss);
    m_freeze = createAction(scope, u"freezeCardAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), &CardsPanel::freeze);
    m_unfreeze = createAction(scope, u"unfreezeCardAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                              &CardsPanel::unfreeze);
    m_replace = createAction(scope, u"replaceCardAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                             &CardsPanel::replace);
    m_cancel = createAction(scope, u"cancelCardAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                            &CardsPanel::cancelCard);
    m_online = createAction(scope, u"onlinePaymentAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                            &CardsPanel::onlinePayment);
    m_reprint = createAction(scope, u"reprintCardVoucherAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                             &CardsPanel::reprintVoucher);

    const bool mayIssue = m_permitted.allows(permissionIssue);
    const bool mayServe = m_permitted.allows(permissionService);
    const auto separator = [this] {
        auto* line = new QAction(this);
        line->setSeparator(true);
        m_view->addAction(line);
    };
    if (mayIssue) {
        m_view->addActions({m_issue, m_reprint});
        separator();
    }
    if (mayServe) {
        m_view->addActions({m_activate, m_setPin, m_changePin, m_resetPin});
        separator();
        m_view->addActions({m_reportLoss, m_liftLoss, m_freeze, m_unfreeze});
        separator();
        m_view->addActions({m_replace, m_cancel, m_online});
    }

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    QPushButton* issueButton = createActionButton(m_issue, u"issueCardButton"_s, this);
    issueButton->setVisible(mayIssue);
    buttons->addWidget(issueButton);
    QList<QWidget*> serviceButtons = {
        createActionButton(m_activate, u"activateCardButton"_s, this),
        m_pinButton = createMenuButton(u"cardPinButton"_s, {m_setPin, m_changePin, m_resetPin}),
        m_lossButton = createMenuButton(u"cardLossButton"_s, {m_reportLoss, m_liftLoss}),
        m_freezeButton = createMenuButton(u"cardFreezeButton"_s, {m_freeze, m_unfreeze}),
        createActionButton(m_replace, u"replaceCardButton"_s, this),
        createActionButton(m_cancel, u"cancelCardButton"_s, this),
        createActionButton(m_online, u"onlinePaymentButton"_s, this),
    };
    for (QWidget* button : std::as_const(serviceButtons)) {
        button->setVisible(mayServe);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    QPushButton* reprintButton = createActionButton(m_reprint, u"reprintCardVoucherButton"_s, this);
    reprintButton->setVisible(mayIssue);
    buttons->addWidget(reprintButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CardsPanel::updateActions);

    retranslateUi();
    load(0);
}

QAction* CardsPanel::createAction(QWidget* scope, const QString& name, const QKeySequence& shortcut,
                                  void (CardsPanel::*slot)())
{
    QAction* action = createPageAction(scope, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

QPushButton* CardsPanel::createMenuButton(const QString& name, const QList<QAction*>& actions)
{
    auto* button = new QPushButton(this);
    button->setObjectName(name);
    button->setAutoDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    auto* menu = new QMenu(button);
    menu->addActions(actions);
    button->setMenu(menu);
    // The button is there while any of its actions may be taken.
    const auto sync = [button, actions] {
        button->setEnabled(std::any_of(actions.cbegin(), actions.cend(), [](QAction* a) { return a->isEnabled(); }));
    };
    for (QAction* action : actions)
        connect(action, &QAction::changed, button, sync);
    sync();
    return button;
}

void CardsPanel::setCustomer(const std::optional<CustomerSummary>& customer, const QList<AccountView>& accounts)
{
    const bool same = customer && m_customer && customer->id == m_customer->id;
    const qint64 keep = same ? selectedCardId() : 0;
    m_customer = customer;
    m_accounts = accounts;
    load(keep);
}

qint64 CardsPanel::selectedCardId() const
{
    const CardView* card = selectedCard();
    return card ? card->id : 0;
}

const CardView* CardsPanel::selectedCard() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? &m_model->cardAt(current.row()) : nullptr;
}

bool CardsPanel::selectCard(qint64 cardId)
{
    const int row = m_model->rowOfCard(cardId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, CardsModel::PanColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QString CardsPanel::noteText() const
{
    return m_note->text();
}

void CardsPanel::showNote(const QString& text, bool error)
{
    setMessage(m_note, text, error);
    m_note->setVisible(!text.isEmpty());
}

bool CardsPanel::ensureVault()
{
    if (m_vault)
        return true;
    auto opened = openTerminalCardVault(m_db);
    if (!opened) {
        m_vaultError = opened.error();
        return false;
    }
    m_vault = std::move(*opened);
    m_vaultError.reset();
    return true;
}

void CardsPanel::refresh()
{
    load(selectedCardId());
}

void CardsPanel::load(qint64 selectCardId)
{
    if (!m_customer) {
        m_model->clear();
        showNote({}, false);
        emit countChanged(0);
        updateActions();
        return;
    }
    if (!ensureVault()) {
        m_model->clear();
        showNote(cardVaultErrorText(*m_vaultError), true);
        emit countChanged(0);
        updateActions();
        return;
    }
    auto listed = CardService(m_db, *m_vault).listForCustomer(m_session, m_customer->id);
    if (!listed) {
        m_model->clear();
        showNote(listed.error().message, true);
        emit countChanged(0);
        updateActions();
        return;
    }
    m_model->setCards(std::move(*listed));
    const int count = m_model->rowCount();
    if (count > 0 && !selectCard(selectCardId))
        selectCard(m_model->cardAt(0).id);
    if (count == 0)
        showNote(m_permitted.allows(permissionIssue)
                     ? tr("%1 has no card yet. %2 issues one.")
                           .arg(m_customer->fullName, m_issue->shortcut().toString(QKeySequence::NativeText))
                     : tr("%1 has no card.").arg(m_customer->fullName),
                 false);
    else
        showNote({}, false);
    emit countChanged(count);
    updateActions();
}

bool CardsPanel::allows(CardCommand command, const CardView& card) const
{
    const auto state = cardStateFromKey(card.state);
    if (!state)
        return false;
    CardFacts facts;
    facts.state = *state;
    facts.lossReportedOn = card.lossReportedOn;
    facts.pinSet = card.pinSet;
    facts.businessDate = m_session.businessDate;
    facts.oralLossLapseDays = m_oralLapseDays;
    facts.writtenLossReplaceDays = m_writtenReplaceDays;
    return checkCardCommand(command, facts).has_value();
}

void CardsPanel::updateActions()
{
    const CardView* card = selectedCard();
    const bool ready = m_vault.has_value() && m_customer.has_value() && !m_call.isBusy();
    m_issue->setEnabled(ready && m_permitted.allows(permissionIssue) && m_customer->kind == u"person");
    const bool serve = ready && card && m_permitted.allows(permissionService);
    const bool pad = m_pinPad && !m_pinPad->busy();
    m_activate->setEnabled(serve && allows(CardCommand::Activate, *card));
    m_setPin->setEnabled(serve && pad && allows(CardCommand::SetPin, *card));
    m_changePin->setEnabled(serve && pad && !card->pinLocked && allows(CardCommand::ChangePin, *card));
    m_resetPin->setEnabled(serve && allows(CardCommand::ResetPin, *card));
    m_reportLoss->setEnabled(serve
                             && (allows(CardCommand::ReportOralLoss, *card) || allows(CardCommand::ReportWrittenLoss, *card)));
    m_liftLoss->setEnabled(serve && allows(CardCommand::LiftLoss, *card));
    m_freeze->setEnabled(serve && allows(CardCommand::Freeze, *card));
    m_unfreeze->setEnabled(serve && allows(CardCommand::Unfreeze, *card));
    m_replace->setEnabled(serve && allows(CardCommand::Replace, *card));
    m_cancel->setEnabled(serve && allows(CardCommand::Cancel, *card));
    m_online->setEnabled(serve && allows(CardCommand::SetOnline, *card));
    m_reprint->setEnabled(ready && card && card->state == u"issued" && m_permitted.allows(permissionIssue));
}

void CardsPanel::issueCard()
{
    if (!m_issue->isEnabled())
        return;
    emit showRequested();
    emit message({}, false);
    auto* wizard = new CardIssueWizard(m_db, m_session, *m_vault, m_pinPad, *m_customer, m_accounts, this);
    connect(wizard, &CardIssueWizard::issued, this, [this](const IssuedCard& card, bool pinSet) {
        load(card.cardId);
        if (card.cardAccount != card.account)
            emit accountsChanged();
        emit message(pinSet ? tr("Card %1 issued to %2 with the PIN the customer chose; activate it when the "
                                 "customer has signed it.")
                                  .arg(card.panMasked, card.customerName)
                            : tr("Card %1 issued to %2 without a PIN: %3 lets the customer set one.")
                                  .arg(card.panMasked, card.customerName,
                                       m_setPin->shortcut().toString(QKeySequence::NativeText)),
                     false);
    });
    connect(wizard, &QDialog::finished, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    wizard->open();
}

void CardsPanel::activate()
{
    const CardView* card = selectedCard();
    if (!m_activate->isEnabled() || !card)
        return;
    emit showRequested();
    const QString masked = card->panMasked;
    m_call.start(
        u"cardActivateWorker"_s,
        [db = m_db, session = m_session, vault = *m_vault, cardId = card->id] {
            return CardService(db, vault).activate(session, cardId, newRequestId());
        },
        Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
        [this, masked](Result<CardChange> outcome) {
            updateActions();
            if (!outcome) {
                emit message(outcome.error().message, true);
                return;
            }
            emit message(tr("Card %1 activated.").arg(masked), false);
            load(outcome->cardId);
        });
    updateActions();
}

void CardsPanel::setPin()
{
    const CardView* card = selectedCard();
    if (!m_setPin->isEnabled() || !card)
        return;
    emit showRequested();
    emit message({}, false);
    askNewPin(card->id, card->panMasked, {}, 1);
}

void CardsPanel::askNewPin(qint64 cardId, const QString& panMasked, const QString& note, int attempt)
{
    QString prompt = tr("Card %1: choose a new PIN").arg(panMasked);
    if (!note.isEmpty())
        prompt = note + u'\n' + prompt;
    requestCustomerPin(*m_pinPad, PinPad::Purpose::NewPin, prompt, this,
                       [this, cardId, panMasked, attempt](PinPad::Entry&& entry) {
        if (!entry.entered) {
            emit message(tr("No PIN was entered for card %1; nothing changed.").arg(panMasked), true);
            updateActions();
            return;
        }
        m_call.start(
            u"cardPinWorker"_s,
            [db = m_db, session = m_session, vault = *m_vault, cardId, pin = std::move(entry.pin),
             confirmation = std::move(entry.confirmation)] {
                return CardService(db, vault).setPin(session, cardId, pin, confirmation, newRequestId());
            },
            Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
            [this, cardId, panMasked, attempt](Result<CardChange> outcome) {
                updateActions();
                if (!outcome) {
                    if (customerMayRetype(outcome.error()) && attempt < kPinAttempts) {
                        emit message(outcome.error().message, true);
                        askNewPin(cardId, panMasked, outcome.error().message, attempt + 1);
                        return;
                    }
                    emit message(outcome.error().message, true);
                    load(cardId);
                    return;
                }
                emit message(tr("The customer set the PIN of card %1.").arg(panMasked), false);
                load(cardId);
            });
        updateActions();
    });
}

void CardsPanel::changePin()
{
    const CardView* card = selectedCard();
    if (!m_changePin->isEnabled() || !card)
        return;
    emit showRequested();
    emit message({}, false);
    const qint64 cardId = card->id;
    const QString masked = card->panMasked;
    requestCustomerPin(*m_pinPad, PinPad::Purpose::CurrentPin, tr("Card %1: enter your current PIN").arg(masked), this,
                       [this, cardId, masked](PinPad::Entry&& current) {
        if (!current.entered) {
            emit message(tr("No PIN was entered for card %1; nothing changed.").arg(masked), true);
            updateActions();
            return;
        }
        auto oldPin = std::make_shared<SecureBytes>(std::move(current.pin));
        requestCustomerPin(*m_pinPad, PinPad::Purpose::NewPin, tr("Card %1: choose a new PIN").arg(masked), this,
                           [this, cardId, masked, oldPin](PinPad::Entry&& entry) {
            if (!entry.entered) {
                emit message(tr("No new PIN was entered for card %1; nothing changed.").arg(masked), true);
                updateActions();
                return;
            }
            m_call.start(
                u"cardPinWorker"_s,
                [db = m_db, session = m_session, vault = *m_vault, cardId, oldPin, pin = std::move(entry.pin),
                 confirmation = std::move(entry.confirmation)] {
                    return CardService(db, vault).changePin(session, cardId, *oldPin, pin, confirmation, newRequestId());
                },
                Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
                [this, cardId, masked](Result<CardChange> outcome) {
                    updateActions();
                    if (!outcome) {
                        emit message(outcome.error().message, true);
                        load(cardId);
                        return;
                    }
                    emit message(tr("The customer changed the PIN of card %1.").arg(masked), false);
                    load(cardId);
                });
            updateActions();
        });
    });
}

void CardsPanel::openStep(CardStep step)
{
    const CardView* card = selectedCard();
    if (!card || !m_vault)
        return;
    emit showRequested();
    emit message({}, false);
    auto* dialog = new CardActionDialog(m_db, m_session, *m_vault, step, *card, this);
    const QString masked = card->panMasked;
    connect(dialog, &CardActionDialog::changed, this,
            [this, masked, step](const CardChange& change) { stepDone(change, masked, step); });
    connect(dialog, &QDialog::finished, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

void CardsPanel::stepDone(const CardChange& change, const QString& panMasked, CardStep step)
{
    if (change.pending()) {
        QString text;
        switch (step) {
        case CardStep::Replace:
            text = tr("The replacement of card %1 waits for a supervisor's approval: request no. %2.");
            break;
        case CardStep::ResetPin:
            text = tr("The PIN reset of card %1 waits for a supervisor's approval: request no. %2.");
            break;
        default:
            text = tr("The change of card %1 waits for a supervisor's approval: request no. %2.");
            break;
        }
        emit message(text.arg(panMasked).arg(change.approvalId), false);
        load(change.cardId);
        return;
    }
    const auto state = cardStateFromKey(change.state);
    QString text = tr("Card %1: %2.").arg(panMasked, state ? cardStateLabel(*state) : change.state);
    if (change.newCardId != 0)
        text += u' ' + tr("The new card is %1.").arg(change.newPanMasked);
    emit message(text, false);
    load(change.newCardId != 0 ? change.newCardId : change.cardId);
    if (step == CardStep::Cancel)
        emit accountsChanged();
}

void CardsPanel::resetPin()
{
    if (m_resetPin->isEnabled())
        openStep(CardStep::ResetPin);
}

void CardsPanel::reportLoss()
{
    if (m_reportLoss->isEnabled())
        openStep(CardStep::ReportLoss);
}

void CardsPanel::liftLoss()
{
    if (m_liftLoss->isEnabled())
        openStep(CardStep::LiftLoss);
}

void CardsPanel::freeze()
{
    if (m_freeze->isEnabled())
        openStep(CardStep::Freeze);
}

void CardsPanel::unfreeze()
{
    if (m_unfreeze->isEnabled())
        openStep(CardStep::Unfreeze);
}

void CardsPanel::replace()
{
    if (m_replace->isEnabled())
        openStep(CardStep::Replace);
}

void CardsPanel::cancelCard()
{
    if (m_cancel->isEnabled())
        openStep(CardStep::Cancel);
}

void CardsPanel::onlinePayment()
{
    const CardView* card = selectedCard();
    if (!m_online->isEnabled() || !card)
        return;
    emit showRequested();
    emit message({}, false);
    auto* dialog = new OnlinePaymentDialog(m_db, m_session, *m_vault, *card, readOnlineCeilings(m_db), this);
    const QString masked = card->panMasked;
    connect(dialog, &OnlinePaymentDialog::changed, this, [this, masked](const CardChange& change) {
        emit message(tr("Online payment settings of card %1 saved.").arg(masked), false);
        load(change.cardId);
    });
    connect(dialog, &QDialog::finished, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

void CardsPanel::reprintVoucher()
{
    const CardView* card = selectedCard();
    if (!m_reprint->isEnabled() || !card)
        return;
    emit showRequested();
    emit message({}, false);
    CardVoucher voucher;
    voucher.card.cardId = card->id;
    voucher.card.panMasked = card->panMasked;
    voucher.card.state = card->state;
    voucher.card.account = card->account;
    voucher.card.cardAccount = card->cardAccount;
    voucher.card.productCode = card->productCode;
    voucher.card.expiresOn = card->expiresOn;
    voucher.card.customerName = card->customerName;
    voucher.branchCode = m_session.branchCode;
    voucher.branchName = m_session.branchName;
    voucher.tellerLogin = m_session.login;
    voucher.tellerName = m_session.fullName;
    voucher.terminal = m_session.terminal;
    voucher.businessDate = m_session.businessDate;
    if (card->productCode != u"debit")
        voucher.limit = card->creditLimit;
    voucher.pinSet = card->pinSet;
    voucher.reprint = true;
    m_call.start(
        u"cardVoucherWorker"_s,
        [db = m_db, session = m_session, vault = *m_vault, cardId = card->id] {
            return CardService(db, vault).voucherPan(session, cardId);
        },
        Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
        [this, voucher](Result<QString> pan) {
            updateActions();
            if (!pan) {
                emit message(pan.error().message, true);
                return;
            }
            CardVoucher full = voucher;
            full.card.pan = std::move(*pan);
            full.issuedAt = QDateTime::currentDateTime();
            previewCardVoucher(full, this);
            full.card.pan.fill(u'0');
        });
    updateActions();
}

void CardsPanel::closeDialogs()
{
    if (m_pinPad)
        m_pinPad->cancel();
    for (CardActionDialog* dialog : findChildren<CardActionDialog*>(Qt::FindDirectChildrenOnly)) {
        if (!dialog->isBusy())
            dialog->done(QDialog::Rejected);
    }
    for (OnlinePaymentDialog* dialog : findChildren<OnlinePaymentDialog*>(Qt::FindDirectChildrenOnly)) {
        if (!dialog->isBusy())
            dialog->done(QDialog::Rejected);
    }
    for (CardIssueWizard* wizard : findChildren<CardIssueWizard*>(Qt::FindDirectChildrenOnly)) {
        if (wizard->mayClose())
            wizard->done(QDialog::Rejected);
    }
}

void CardsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CardsPanel::retranslateUi()
{
    m_view->setAccessibleName(tr("Cards of the customer"));
    setActionTexts(m_issue, tr("Issue card…"), tr("Issue a new card to the customer"));
    setActionTexts(m_activate, tr("Activate"), tr("Activate the selected card once the customer has it and has set a PIN"));
    setActionTexts(m_setPin, tr("Set PIN…"), tr("The customer chooses the card's PIN on the PIN pad"));
    setActionTexts(m_changePin, tr("Change PIN…"), tr("The customer enters the current PIN, then a new one, on the PIN pad"));
    setActionTexts(m_resetPin, tr("Reset PIN…"), tr("Clear a forgotten PIN so that the customer sets a new one (waits for approval)"));
    setActionTexts(m_reportLoss, tr("Report loss…"), tr("Report the selected card lost, orally or in writing"));
    setActionTexts(m_liftLoss, tr("Lift loss report…"), tr("Lift an oral loss report: the card works again"));
    setActionTexts(m_freeze, tr("Freeze…"), tr("Freeze the selected card"));
    setActionTexts(m_unfreeze, tr("Unfreeze…"), tr("Unfreeze the selected card"));
    setActionTexts(m_replace, tr("Replace…"), tr("Replace the card with a new number on the same account (waits for approval)"));
    setActionTexts(m_cancel, tr("Cancel card…"), tr("Close the selected card for good"));
    setActionTexts(m_online, tr("Online payment…"), tr("Online payment: enabled, verification method and daily limit"));
    setActionTexts(m_reprint, tr("Reprint voucher…"), tr("Print the issuance voucher of a card not yet activated again"));
    m_pinButton->setText(tr("PIN"));
    m_pinButton->setToolTip(tr("Set, change or reset the PIN"));
    m_lossButton->setText(tr("Loss"));
    m_lossButton->setToolTip(tr("Report a loss or lift an oral report"));
    m_freezeButton->setText(tr("Freeze"));
    m_freezeButton->setToolTip(tr("Freeze or unfreeze the card"));
    m_model->retranslate();
}

} // namespace cs::ui
