#pragma once

#include "auth/session.h"
#include "services/cashboxservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace cs::ui {

class AmountEdit;

// One movement or count of the teller's cash box, in two steps on a window-modal dialog: the amount
// (strict, with its capitals; for a count or the closing, the difference to the expected cash as it is
// typed), then a confirmation that says what will happen (for the closing: the over or short that will
// be booked and the cash returned to the vault). Enter goes on and confirms, Esc goes back and cancels.
// A refusal is shown under the amount or above the buttons. The request id is made when the dialog
// opens and renewed only after a refusal.
// Object names: cashBoxDialog, cashBoxAmountEdit, cashBoxCapitalsLabel, cashBoxAmountError,
// cashBoxDifferenceLabel, formError, continueButton, cancelButton, confirmLabel, confirmButton,
// backButton.
class CashBoxDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Open, TakeFromVault, ReturnToVault, Count, Close };

    CashBoxDialog(Database db, Session session, Kind kind, CashBoxView box, QWidget* parent);

    Kind kind() const { return m_kind; }
    bool isConfirming() const;
    bool isBusy() const { return m_call.isBusy(); }
    QString shownError() const;

public slots:
    void accept() override;
    void reject() override;

signals:
    // Done; `message` says what was done, for the workspace's message line.
    void succeeded(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showEntry();
    void goOn();
    void confirm();
    void finish(const Result<QString>& outcome);
    void showDifference();
    void showError(const Error& error);
    void clearErrors();
    void retranslateUi();

    Database m_db;
    Session m_session;
    Kind m_kind;
    CashBoxView m_box;
    QString m_requestId;

    QStackedWidget* m_pages = nullptr;
    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_expectedLabel = nullptr;
    QLabel* m_expected = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    QLabel* m_capitals = nullptr;
    QLabel* m_amountError = nullptr;
    QLabel* m_difference = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_continue = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_back = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
