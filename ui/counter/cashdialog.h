#pragma once

#include "auth/session.h"
#include "services/cashservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace cs::ui {

class AmountEdit;

// A cash deposit or withdrawal at the counter, in three steps on one window-modal dialog:
//  1. entry: the account, the amount (strictly parsed, shown in Chinese capitals as typed) and a
//     preview from CashService::preview that follows the amount (fee, balance and available after,
//     the customer's cash today, the large-value warning); when the amount calls for due diligence its
//     fields appear and are required. Enter goes on, Esc cancels.
//  2. confirmation: the amount in figures and capitals, the account and name. Enter posts, Esc goes
//     back.
//  3. done: the transaction and the balance after; the voucher can be previewed and printed
//     (Ctrl+P) or saved as PDF (Ctrl+S). Enter or Esc closes.
// The request id is made when the dialog opens and kept while the outcome of a post is unknown, so a
// retry after a lost connection posts once; a refusal (nothing posted) gets a new id for the next try.
// A refusal is shown under the field it names, or above the buttons.
// Object names: cashDialog; cashAmountEdit, cashCapitalsLabel, cashAmountError; previewFeeLabel,
// previewBalanceLabel, previewAvailableLabel, previewDayTotalLabel, largeValueLabel, previewError;
// dueDiligenceGroup, ddSourceEdit (deposits) / ddPurposeEdit (withdrawals), ddIdCopyEdit,
// ddAgentCheck, ddAgentNameEdit, ddAgentIdEdit; cashMemoEdit; formError; continueButton,
// cancelButton; confirmAmountLabel, confirmCapitalsLabel, postButton, backButton; doneLabel,
// previewVoucherButton, saveVoucherButton, closeButton.
class CashDialog : public QDialog {
    Q_OBJECT
public:
    enum class Step { Entry, Confirmation, Done };

    CashDialog(Database db, Session session, CashDirection direction, AccountView account, QWidget* parent);

    Step step() const;
    bool isBusy() const { return m_call.isBusy(); }
    QString requestId() const { return m_requestId; }
    // The error shown now (under a field or above the buttons); empty when none.
    QString shownError() const;
    const std::optional<CashPreview>& preview() const { return m_preview; }
    const std::optional<CashReceipt>& receipt() const { return m_receipt; }

public slots:
    void accept() override;
    void reject() override;
    // Reads the preview for the amount typed now (normally a moment after typing stops).
    void refreshPreview();

signals:
    // The transaction was posted (or found posted under this request id).
    void posted(const cs::CashReceipt& receipt);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createEntryPage();
    QWidget* createConfirmationPage();
    QWidget* createDonePage();
    void addField(QFormLayout* form, QLabel* label, QWidget* editor, const QStringList& fields, const QString& errorName);
    void showStep(Step step);
    void goOn();
    void post();
    void finish(Result<CashReceipt> outcome);
    void showPreview();
    void showDueDiligence(bool required);
    void growToFit();
    void showError(const Error& error);
    void clearErrors();
    bool checkDueDiligence();
    CashRequest request() const;
    void retranslateUi();

    Database m_db;
    Session m_session;
    CashDirection m_direction;
    AccountView m_account;
    QString m_requestId;
    std::optional<CashPreview> m_preview;
    std::optional<Error> m_previewError;
    std::optional<Money> m_previewedAmount;
    std::optional<CashReceipt> m_receipt;

    QStackedWidget* m_pages = nullptr;
    QTimer* m_previewTimer = nullptr;

    // Entry
    QLabel* m_intro = nullptr;
    QLabel* m_accountLabel = nullptr;
    QLabel* m_accountValue = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_nameValue = nullptr;
    QLabel* m_availableLabel = nullptr;
    QLabel* m_availableValue = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    QLabel* m_capitals = nullptr;
    QGroupBox* m_previewGroup = nullptr;
    QLabel* m_feeLabel = nullptr;
    QLabel* m_feeValue = nullptr;
    QLabel* m_balanceAfterLabel = nullptr;
    QLabel* m_balanceAfterValue = nullptr;
    QLabel* m_availableAfterLabel = nullptr;
    QLabel* m_availableAfterValue = nullptr;
    QLabel* m_dayTotalLabel = nullptr;
    QLabel* m_dayTotalValue = nullptr;
    QLabel* m_largeValue = nullptr;
    QLabel* m_previewErrorLabel = nullptr;
    QGroupBox* m_ddGroup = nullptr;
    QFormLayout* m_ddForm = nullptr;
    QLabel* m_ddReasonLabel = nullptr;
    QLineEdit* m_ddReason = nullptr; // source of funds (deposit) or purpose (withdrawal)
    QLabel* m_ddIdCopyLabel = nullptr;
    QLineEdit* m_ddIdCopy = nullptr;
    QCheckBox* m_ddAgent = nullptr;
    QLabel* m_ddAgentNameLabel = nullptr;
    QLineEdit* m_ddAgentName = nullptr;
    QLabel* m_ddAgentIdLabel = nullptr;
    QLineEdit* m_ddAgentId = nullptr;
    QLabel* m_memoLabel = nullptr;
    QLineEdit* m_memo = nullptr;
    QFormLayout* m_entryForm = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_continue = nullptr;
    QPushButton* m_cancel = nullptr;

    // Confirmation
    QLabel* m_confirmIntro = nullptr;
    QLabel* m_confirmAmount = nullptr;
    QLabel* m_confirmCapitals = nullptr;
    QLabel* m_confirmDetails = nullptr;
    QPushButton* m_post = nullptr;
    QPushButton* m_back = nullptr;

    // Done
    QLabel* m_doneLabel = nullptr;
    QPushButton* m_previewVoucher = nullptr;
    QPushButton* m_saveVoucher = nullptr;
    QPushButton* m_close = nullptr;

    struct FieldSlot {
        QFormLayout* form = nullptr;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };
    QList<FieldSlot> m_fields;
    QHash<QString, qsizetype> m_fieldByName;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
