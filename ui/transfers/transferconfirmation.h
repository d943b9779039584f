#pragma once

#include "services/transferservice.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cs::ui {

// The step between keying a transfer and doing it: the amount in figures and in Chinese capitals, from
// whom to whom by which route, the fee and the balance after, and whether it posts at once or waits for
// a supervisor, to read back to the customer. Enter submits, Esc goes back to the slip.
// Object names: transferConfirmPage, confirmAmountLabel, confirmCapitalsLabel, confirmDetailsLabel,
// confirmApprovalLabel, submitTransferButton, backButton, transferBusyIndicator.
class TransferConfirmation : public QWidget {
    Q_OBJECT
public:
    explicit TransferConfirmation(QWidget* parent = nullptr);

    void showTransfer(const TransferRequest& request, const TransferPreview& preview);
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* backButton() const { return m_back; }
    QProgressBar* busyIndicator() const { return m_busy; }

signals:
    void submitRequested();
    void backRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::optional<TransferPreview> m_preview;
    QLabel* m_intro = nullptr;
    QLabel* m_amount = nullptr;
    QLabel* m_capitals = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_approval = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_back = nullptr;
};

} // namespace cs::ui
