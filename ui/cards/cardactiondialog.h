#pragma once

#include "auth/session.h"
#include "services/cardservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace cs::ui {

// The lifecycle steps of a card that take a reason and nothing else of the customer.
enum class CardStep { ReportLoss, LiftLoss, Freeze, Unfreeze, Replace, Cancel, ResetPin };

// Whether `step` waits for a supervisor (Replace and ResetPin: maker-checker, DESIGN rule 6).
bool cardStepNeedsApproval(CardStep step);

// One lifecycle step of one card on a window-modal dialog: the card (masked number, product, holder,
// state), for a loss report oral or written, the reason (required), and for a step under approval a
// note that it waits for a supervisor. Enter submits, Esc cancels; the service call runs off the GUI
// thread. A refusal shows under the reason when it names it, else above the buttons, and changes
// nothing; the dialog stays for another try (under a new request id).
// Object names: cardStepDialog; cardStepSummary, lossOralRadio, lossWrittenRadio, cardReasonEdit,
// cardReasonError, cardApprovalNote, cardStepError, cardStepBusy, cardStepSubmitButton,
// cardStepCancelButton.
class CardActionDialog : public QDialog {
    Q_OBJECT
public:
    CardActionDialog(Database db, Session session, CardVault vault, CardStep step, CardView card, QWidget* parent);

    CardStep step() const { return m_step; }
    const CardView& card() const { return m_card; }
    bool isBusy() const { return m_call.isBusy(); }
    QString shownError() const;

public slots:
    void accept() override;
    void reject() override;

signals:
    // The service answered: done (the card's state after) or waiting for approval (change.pending()).
    void changed(const cs::CardChange& change);

protected:
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void finish(Result<CardChange> outcome);
    void showError(const Error& error);
    void clearErrors();
    void retranslateUi();

    Database m_db;
    Session m_session;
    CardVault m_vault;
    CardStep m_step;
    CardView m_card;
    QString m_requestId;

    QLabel* m_intro = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_kindLabel = nullptr;
    QRadioButton* m_oral = nullptr;
    QRadioButton* m_written = nullptr;
    QButtonGroup* m_kinds = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_reasonError = nullptr;
    QLabel* m_approvalNote = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_cancel = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
