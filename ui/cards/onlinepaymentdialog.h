#pragma once

#include "auth/session.h"
#include "domain/cardrules.h"
#include "services/cardservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace cs::ui {

class AmountEdit;

// The ceilings of the verification methods as the branch's settings hold them
// (cards.online.ceiling.*), the defaults of OnlineCeilings where a setting cannot be read.
OnlineCeilings readOnlineCeilings(const Database& db);

// A card's online payment settings on a window-modal dialog: enabled or not, the verification method
// and the daily total limit (in figures and Chinese capitals), with the method's ceiling beside it
// and, for a quasi-credit or credit card, the available credit. Enter saves, Esc cancels; a refusal
// (above the ceiling, above the credit) shows under the limit and changes nothing.
// Object names: onlinePaymentDialog; onlineEnabledCheck, onlineMethodCombo, onlineLimitEdit,
// onlineLimitCapitals, onlineCeilingLabel, onlineCreditLabel, onlineLimitError, onlineError,
// onlineSaveButton, onlineCancelButton.
class OnlinePaymentDialog : public QDialog {
    Q_OBJECT
public:
    OnlinePaymentDialog(Database db, Session session, CardVault vault, CardView card, OnlineCeilings ceilings,
                        QWidget* parent);

    bool isBusy() const { return m_call.isBusy(); }
    QString shownError() const;

public slots:
    void accept() override;
    void reject() override;

signals:
    void changed(const cs::CardChange& change);

protected:
    void changeEvent(QEvent* event) override;

private:
    OnlineMethod method() const;
    void showCeiling();
    void save();
    void showError(const Error& error);
    void clearErrors();
    void retranslateUi();

    Database m_db;
    Session m_session;
    CardVault m_vault;
    CardView m_card;
    OnlineCeilings m_ceilings;
    QString m_requestId;

    QLabel* m_intro = nullptr;
    QCheckBox* m_enabled = nullptr;
    QLabel* m_methodLabel = nullptr;
    QComboBox* m_method = nullptr;
    QLabel* m_limitLabel = nullptr;
    AmountEdit* m_limit = nullptr;
    QLabel* m_capitals = nullptr;
    QLabel* m_ceiling = nullptr;
    QLabel* m_credit = nullptr;
    QLabel* m_limitError = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
