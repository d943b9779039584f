#pragma once

#include "auth/session.h"
#include "domain/cardrules.h"
#include "services/accountservice.h"
#include "services/cardservice.h"
#include "services/customerservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"
#include "widgets/permittedactions.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;

namespace cs::ui {

class CardsModel;
class PinPad;
enum class CardStep;

// The selected customer's cards in the Counter, and what the counter does with them. Each action has
// a shortcut wherever the focus is in `shortcutScope` (the Counter), a button (grouped by topic) and a
// place in the table's context menu; it is enabled only when the role holds its permission (card.issue,
// card.service) and the card rules (checkCardCommand) allow it for the selected card on the business day:
//   Issue card… F4; Activate Ctrl+Shift+A; Set PIN… Ctrl+Shift+P; Change PIN… Ctrl+Shift+C;
//   Reset PIN… Ctrl+Shift+R (approval); Report loss… Ctrl+Shift+L; Lift loss report… Ctrl+Shift+U;
//   Freeze… Ctrl+Shift+F; Unfreeze… Ctrl+Shift+N; Replace… Ctrl+Shift+X (approval);
//   Cancel card… Ctrl+Shift+D; Online payment… Ctrl+Shift+O; Reprint voucher… Ctrl+Shift+V (the
//   issuance voucher again, with the full number, while the card is not yet activated; card.issue).
// PINs come from the customer on the PinPad; the teller's screen shows only that one is awaited. The
// card vault opens with the first customer (openTerminalCardVault); when it cannot, the panel says why
// and offers nothing. Outcomes go to message().
// Object names: cardsPanel, cardsTable, cardsNote; actions issueCardAction, activateCardAction,
// setPinAction, changePinAction, resetPinAction, reportLossAction, liftLossAction, freezeCardAction,
// unfreezeCardAction, replaceCardAction, cancelCardAction, onlinePaymentAction, reprintCardVoucherAction;
// buttons issueCardButton, activateCardButton, cardPinButton, cardLossButton, cardFreezeButton,
// replaceCardButton, cancelCardButton, onlinePaymentButton, reprintCardVoucherButton; dialogs cardIssueWizard, cardStepDialog, onlinePaymentDialog.
class CardsPanel : public QWidget {
    Q_OBJECT
public:
    CardsPanel(Database db, Session session, PermittedActions permitted, PinPad* pinPad, QWidget* shortcutScope,
               QWidget* parent);

    // The customer whose cards are shown (nullopt: none) and their accounts (for the issuance wizard).
    // The same customer again keeps the selected card.
    void setCustomer(const std::optional<CustomerSummary>& customer, const QList<AccountView>& accounts);

    CardsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    qint64 selectedCardId() const;
    bool selectCard(qint64 cardId);
    bool isBusy() const { return m_call.isBusy(); }
    QString noteText() const;
    // Closes the dialogs that are not in the middle of a call, and cancels a PIN entry (lock screen).
    void closeDialogs();

public slots:
    void refresh();
    void issueCard();
    void activate();
    void setPin();
    void changePin();
    void resetPin();
    void reportLoss();
    void liftLoss();
    void freeze();
    void unfreeze();
    void replace();
    void cancelCard();
    void onlinePayment();
    void reprintVoucher();

signals:
    void message(const QString& text, bool error);
    // An action was started: the Counter shows the panel.
    void showRequested();
    // The customer's accounts changed (a quasi-credit or credit card opened its own account).
    void accountsChanged();
    void countChanged(int count);

protected:
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(QWidget* scope, const QString& name, const QKeySequence& shortcut, void (CardsPanel::*slot)());
    QPushButton* createMenuButton(const QString& name, const QList<QAction*>& actions);
    bool ensureVault();
    void load(qint64 selectCardId);
    void updateActions();
    bool allows(CardCommand command, const CardView& card) const;
    const CardView* selectedCard() const;
    void openStep(CardStep step);
    void askNewPin(qint64 cardId, const QString& panMasked, const QString& note, int attempt);
    void stepDone(const CardChange& change, const QString& panMasked, CardStep step);
    void showNote(const QString& text, bool error);
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    PinPad* m_pinPad = nullptr;
    std::optional<CardVault> m_vault;
    std::optional<Error> m_vaultError;
    std::optional<CustomerSummary> m_customer;
    QList<AccountView> m_accounts;
    int m_oralLapseDays = 5;
    int m_writtenReplaceDays = 7;

    CardsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_note = nullptr;

    QAction* m_issue = nullptr;
    QAction* m_activate = nullptr;
    QAction* m_setPin = nullptr;
    QAction* m_changePin = nullptr;
    QAction* m_resetPin = nullptr;
    QAction* m_reportLoss = nullptr;
    QAction* m_liftLoss = nullptr;
    QAction* m_freeze = nullptr;
    QAction* m_unfreeze = nullptr;
    QAction* m_replace = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_online = nullptr;
    QAction* m_reprint = nullptr;
    QPushButton* m_pinButton = nullptr;
    QPushButton* m_lossButton = nullptr;
    QPushButton* m_freezeButton = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
