#pragma once

#include "auth/session.h"
#include "services/accountservice.h"
#include "services/transferservice.h"
#include "storage/database.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTimer;

namespace cs::ui {

class AmountEdit;

// The transfer slip (转账凭证) as the teller keys it, laid out like the paper form: the payer on the
// left (account; name and available looked up), the payee on the right (within the bank: the account,
// whose holder is looked up and shown; to another bank: the 12-digit bank code, the account and the
// name as the customer wrote them), then the amount with its Chinese capitals as typed, the remarks and
// the fee waiver. Beside it the preview from TransferService::preview follows what is keyed: route,
// fee, the payer's balance and available after, and whether a supervisor must approve. Nothing is
// written here. Tab follows the slip; Enter asks to go on (submitRequested), Esc to clear it
// (cancelRequested). A refusal is shown under the field it names, or under the slip.
// Object names: transferSlip, payerAccountEdit, payerNameLabel, payerAvailableLabel, intraRadio,
// interbankRadio, payeeBankCodeEdit, payeeAccountEdit, payeeNameEdit, transferAmountEdit,
// transferCapitalsLabel, transferRemarksEdit, waiveFeeCheck, <field>Error (payerAccountError,
// payeeBankCodeError, payeeAccountError, payeeNameError, transferAmountError, transferRemarksError),
// slipError; transferPreviewGroup, previewRouteLabel, previewFeeLabel, previewBalanceLabel,
// previewAvailableLabel, previewApprovalLabel, previewError.
class TransferSlip : public QWidget {
    Q_OBJECT
public:
    TransferSlip(Database db, Session session, QWidget* parent = nullptr);

    // What is keyed now (an amount that does not read as one is zero), under `requestId`.
    TransferRequest request(const QString& requestId = {}) const;
    bool isInterbank() const;
    void setInterbank(bool interbank);
    AmountEdit* amountEdit() const { return m_amount; }
    QWidget* firstField() const;

    const std::optional<AccountView>& payer() const { return m_payer; }
    const std::optional<TransferPreview>& preview() const { return m_preview; }
    const std::optional<Error>& previewError() const { return m_previewError; }

    // Checks what the slip can check itself, then reads the preview for exactly what is keyed; false
    // (with the refusal under its field) when it cannot go on.
    bool checkForSubmit();
    void showError(const Error& error);
    void clearErrors();
    // The refusal shown now (under a field or the slip, or the preview's); empty when none.
    QString shownError() const;

public slots:
    // Empties every field (within the bank again) and puts the cursor on the payer's account.
    void clear();
    void refreshPreview();
    void lookUpPayer();
    void lookUpPayee();

signals:
    void submitRequested();
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QLabel* addField(QFormLayout* form, QLabel* label, QWidget* editor, const QStringList& fields,
                     const QString& errorName);
    void routeChanged();
    void showPreview();
    void retranslateUi();

    Database m_db;
    Session m_session;
    std::optional<AccountView> m_payer;
    std::optional<TransferPreview> m_preview;
    std::optional<Error> m_previewError;
    TransferRequest m_previewed; // what the preview shown was read for

    QTimer* m_previewTimer = nullptr;

    QLabel* m_payerTitle = nullptr;
    QLabel* m_payeeTitle = nullptr;
    QFormLayout* m_payerForm = nullptr;
    QFormLayout* m_payeeForm = nullptr;
    QLabel* m_payerAccountLabel = nullptr;
    QLineEdit* m_payerAccount = nullptr;
    QLabel* m_payerNameLabel = nullptr;
    QLabel* m_payerName = nullptr;
    QLabel* m_payerAvailableLabel = nullptr;
    QLabel* m_payerAvailable = nullptr;
    QButtonGroup* m_routeGroup = nullptr;
    QRadioButton* m_intra = nullptr;
    QRadioButton* m_interbank = nullptr;
    QLabel* m_bankCodeLabel = nullptr;
    QLineEdit* m_bankCode = nullptr;
    QLabel* m_payeeAccountLabel = nullptr;
    QLineEdit* m_payeeAccount = nullptr;
    QLabel* m_payeeNameLabel = nullptr;
    QLineEdit* m_payeeName = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    QLabel* m_capitals = nullptr;
    QLabel* m_remarksLabel = nullptr;
    QLineEdit* m_remarks = nullptr;
    QCheckBox* m_waiveFee = nullptr;
    QLabel* m_error = nullptr;

    QGroupBox* m_previewGroup = nullptr;
    QLabel* m_routeLabel = nullptr;
    QLabel* m_routeValue = nullptr;
    QLabel* m_feeLabel = nullptr;
    QLabel* m_feeValue = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QLabel* m_balanceValue = nullptr;
    QLabel* m_availableLabel = nullptr;
    QLabel* m_availableValue = nullptr;
    QLabel* m_approval = nullptr;
    QLabel* m_previewErrorLabel = nullptr;

    struct FieldSlot {
        QFormLayout* form = nullptr;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };
    QList<FieldSlot> m_fields;
    QHash<QString, qsizetype> m_fieldByName;
};

} // namespace cs::ui
