#pragma once

#include "auth/session.h"
#include "print/cardvoucher.h"
#include "services/accountservice.h"
#include "services/cardservice.h"
#include "services/customerservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace cs::ui {

class AmountEdit;
class PinPad;

// Issuing a card at the counter, page by page on one window-modal dialog, in the order of the paper
// application:
//  1. product: debit, quasi-credit or credit; for the latter two the limit (empty: the product's
//     default) and, for credit, the statement and due days;
//  2. settlement account: one of the customer's open Class I or II demand accounts;
//  3. identity: the number on the ID the customer presents, typed by the teller;
//  4. review; Enter issues the card (CardService::issue, off the GUI thread);
//  5. PIN: the customer chooses it on the PinPad, twice (CardService::setPin); a PIN the rules refuse
//     is asked again; without one the card stays issued without a PIN (set later from the Counter);
//  6. voucher: the full card number, shown this once, and the issuance voucher to print (Ctrl+P) or
//     save as PDF (Ctrl+S).
// Enter goes on (Next is the default button), Alt+B goes back, Esc cancels before the card is issued
// (nothing is issued) and afterwards skips the PIN or finishes. A refusal of the service brings back
// the page of the field it names, the message under that field. The card number is never logged.
// Object names: cardIssueWizard; cardWizardStep, cardWizardCustomer; productDebitRadio,
// productQuasiRadio, productCreditRadio, cardLimitEdit, cardLimitCapitals, cardLimitError,
// cardStatementDaySpin, cardDueDaySpin, cardProductError; cardAccountCombo, cardAccountInfo,
// cardAccountError; cardIdNumberEdit, cardIdNumberError; reviewProduct, reviewAccount, reviewHolder,
// reviewIdNumber, reviewLimit, cardReviewError, cardIssueBusy; cardPinStatus; cardVoucherPan,
// cardVoucherDetails; buttons wizardBackButton, wizardNextButton, wizardCancelButton,
// pinAskAgainButton, previewCardVoucherButton, saveCardVoucherButton.
class CardIssueWizard : public QDialog {
    Q_OBJECT
public:
    enum class Page { Product, Account, Identity, Review, Pin, Voucher };

    CardIssueWizard(Database db, Session session, CardVault vault, PinPad* pinPad, CustomerSummary customer,
                    QList<AccountView> accounts, QWidget* parent);
    ~CardIssueWizard() override;

    Page page() const;
    bool isBusy() const { return m_call.isBusy(); }
    // Not in the middle of a call or a PIN entry: the lock screen may close it.
    bool mayClose() const;
    QString requestId() const { return m_requestId; }
    // The error shown now on the current page; empty when none.
    QString shownError() const;
    // The voucher of the issued card (nullopt before issuance). It holds the full number.
    const std::optional<CardVoucher>& voucher() const { return m_voucher; }

public slots:
    void accept() override;
    void reject() override;
    void done(int result) override;

signals:
    // The card was issued (emitted once, when the PIN step is over or the wizard closes after issuance).
    void issued(const cs::IssuedCard& card, bool pinSet);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createProductPage();
    QWidget* createAccountPage();
    QWidget* createIdentityPage();
    QWidget* createReviewPage();
    QWidget* createPinPage();
    QWidget* createVoucherPage();
    QLabel* addErrorRow(QFormLayout* form, const QString& objectName, QWidget* page);
    void showPage(Page page);
    void next();
    void back();
    bool checkProduct();
    bool checkIdentity();
    void fillReview();
    void issue();
    void finishIssue(Result<IssuedCard> outcome);
    void askPin();
    void pinEntered(bool entered, SecureBytes pin, SecureBytes confirmation);
    void showVoucher();
    void announce();
    void showError(const Error& error);
    void clearErrors();
    std::optional<CardProduct> product() const;
    QString selectedAccount() const;
    void updateProductFields();
    void retranslateUi();

    Database m_db;
    Session m_session;
    CardVault m_vault;
    PinPad* m_pinPad = nullptr;
    CustomerSummary m_customer;
    QList<AccountView> m_accounts; // the eligible ones
    QString m_requestId;
    std::optional<Money> m_limit;
    std::optional<CardVoucher> m_voucher;
    bool m_pinSet = false;
    bool m_waitingForPin = false;
    bool m_announced = false;
    int m_pinAttempts = 0;

    QLabel* m_stepLabel = nullptr;
    QLabel* m_customerLabel = nullptr;
    QStackedWidget* m_pages = nullptr;

    // Product
    QLabel* m_productIntro = nullptr;
    QRadioButton* m_debit = nullptr;
    QRadioButton* m_quasi = nullptr;
    QRadioButton* m_credit = nullptr;
    QLabel* m_productError = nullptr;
    QFormLayout* m_productForm = nullptr;
    QLabel* m_limitLabel = nullptr;
    AmountEdit* m_limitEdit = nullptr;
    QLabel* m_limitCapitals = nullptr;
    QLabel* m_limitError = nullptr;
    QLabel* m_statementDayLabel = nullptr;
    QSpinBox* m_statementDay = nullptr;
    QLabel* m_dueDayLabel = nullptr;
    QSpinBox* m_dueDay = nullptr;

    // Account
    QLabel* m_accountIntro = nullptr;
    QLabel* m_accountLabel = nullptr;
    QComboBox* m_account = nullptr;
    QLabel* m_accountInfo = nullptr;
    QLabel* m_accountError = nullptr;
    QFormLayout* m_accountForm = nullptr;

    // Identity
    QLabel* m_identityIntro = nullptr;
    QLabel* m_idNumberLabel = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLabel* m_idNumberError = nullptr;
    QFormLayout* m_identityForm = nullptr;

    // Review
    QLabel* m_reviewIntro = nullptr;
    QFormLayout* m_reviewForm = nullptr;
    QHash<QString, QLabel*> m_reviewValues;
    QHash<QString, QLabel*> m_reviewLabels;
    QLabel* m_reviewError = nullptr;
    QProgressBar* m_busy = nullptr;

    // PIN
    QLabel* m_pinIntro = nullptr;
    QLabel* m_pinStatus = nullptr;

    // Voucher
    QLabel* m_voucherIntro = nullptr;
    QLabel* m_voucherPan = nullptr;
    QLabel* m_voucherDetails = nullptr;

    QPushButton* m_preview = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_askAgain = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_cancel = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
