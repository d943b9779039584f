#pragma once

#include "auth/session.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "services/noticeservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>
#include <QList>

#include <array>
#include <utility>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cs::ui {

// Subscribes one of a customer's open accounts to SMS notices (短信通), or changes its active
// subscription, on a window-modal dialog: the account, the mobile number, the language of the messages,
// what is sent (every movement, with the balance after or not; time deposit maturities) and the fee
// plan (free, or the package with its monthly fee and trial, due only once the customer confirms).
// Choosing an account already subscribed fills the form with its subscription, which Save changes.
// Enter saves, Esc cancels; the call runs off the GUI thread under a request id made when the dialog
// opens (a new one after a refusal). A refusal shows under the field it names and changes nothing.
// Object names: subscriptionDialog; subscriptionAccountCombo, subscriptionAccountNote,
// subscriptionPhoneEdit, subscriptionLanguageCombo, subscriptionMovementsCheck,
// subscriptionBalanceCheck, subscriptionMaturityCheck, subscriptionFeePlanCombo, subscriptionFeeNote;
// error lines subscriptionAccountError, subscriptionPhoneError, subscriptionLanguageError,
// subscriptionKindsError, subscriptionFeePlanError, subscriptionError; subscriptionBusy,
// subscriptionSaveButton, subscriptionCancelButton.
class SubscriptionDialog : public QDialog {
    Q_OBJECT
public:
    // `accounts`: the customer's accounts (the open customer accounts are offered); `subscriptions`:
    // theirs as listed; `accountNumber`: the one chosen at first (else the first offered).
    SubscriptionDialog(Database db, Session session, CustomerSummary customer, const QList<AccountView>& accounts,
                       QList<NoticeSubscription> subscriptions, const QString& accountNumber, QWidget* parent);

    bool isBusy() const { return m_call.isBusy(); }
    QString accountNumber() const;
    // The refusal shown (under a field or above the buttons), or empty.
    QString shownError() const;

public slots:
    void accept() override;
    void reject() override;

signals:
    void subscribed(const cs::NoticeSubscription& subscription, bool changed);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum Field { AccountField, PhoneField, LanguageField, KindsField, FeePlanField, FieldCount };

    void addField(Field field, QLabel* label, QWidget* editor, const QString& errorName);
    const NoticeSubscription* activeSubscription(const QString& accountNumber) const;
    void accountChosen();
    void followKinds();
    void showFeeNote();
    void save();
    void showError(const Error& error);
    void clearErrors();
    void retranslateUi();

    Database m_db;
    Session m_session;
    CustomerSummary m_customer;
    QList<NoticeSubscription> m_subscriptions;
    QString m_requestId;
    qint64 m_packageFee = 0;   // fen a month (notice.package_monthly_fee)
    int m_trialDays = 0;       // notice.trial_days

    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_accountLabel = nullptr;
    QComboBox* m_account = nullptr;
    QLabel* m_accountNote = nullptr;
    QLabel* m_phoneLabel = nullptr;
    QLineEdit* m_phone = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_kindsLabel = nullptr;
    QWidget* m_kinds = nullptr;
    QCheckBox* m_movements = nullptr;
    QCheckBox* m_balance = nullptr;
    QCheckBox* m_maturity = nullptr;
    QLabel* m_feeLabel = nullptr;
    QComboBox* m_feePlan = nullptr;
    QLabel* m_feeNote = nullptr;
    std::array<std::pair<QWidget*, QLabel*>, FieldCount> m_fields{}; // editor, error line
    QLabel* m_error = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
