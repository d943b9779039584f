#pragma once

#include "approvals/approvalservice.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace cs::ui {

class AmountEdit;

// One approval in full, for the checker: what it is, who entered it where and when, its payload field
// by field (with the value it replaces where it changes an existing record) and, while it is pending,
// the decision inputs: the amount re-keyed blind where the service asks for it (the amount is then not
// shown anywhere on the panel) and the reason (required to reject). The buttons are the workspace's.
// Object names: approvalDetailPanel, approvalHeaderLabel, approvalMakerLabel, approvalDecidedLabel,
// approvalFieldsTable, approvalDecisionGroup, rekeyAmountEdit, rekeyCapitalsLabel, rekeyHint,
// decisionReasonEdit, decisionError.
class ApprovalDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit ApprovalDetailPanel(QWidget* parent = nullptr);

    // Shows `detail` (nullopt: nothing selected). The inputs are cleared unless it is the approval shown
    // already and still in the same state.
    void setDetail(const std::optional<ApprovalDetail>& detail);
    const std::optional<ApprovalDetail>& detail() const { return m_detail; }

    // Places the decision buttons under the inputs.
    void setButtons(const QList<QWidget*>& buttons);

    AmountEdit* rekeyEdit() const { return m_rekey; }
    QLineEdit* reasonEdit() const { return m_reason; }
    // A refusal under the decision inputs; the field it names gets the cursor.
    void showError(const Error& error);
    void clearError();
    QString errorText() const;

    void retranslate();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    std::optional<ApprovalDetail> m_detail;
    QLabel* m_header = nullptr;
    QLabel* m_maker = nullptr;
    QLabel* m_decided = nullptr;
    QTableWidget* m_fields = nullptr;
    QGroupBox* m_decision = nullptr;
    QFormLayout* m_decisionForm = nullptr;
    QLabel* m_rekeyLabel = nullptr;
    AmountEdit* m_rekey = nullptr;
    QLabel* m_rekeyCapitals = nullptr;
    QLabel* m_rekeyHint = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_error = nullptr;
    QWidget* m_buttonRow = nullptr;
};

} // namespace cs::ui
