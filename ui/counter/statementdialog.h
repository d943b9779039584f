#pragma once

#include "auth/session.h"
#include "services/accountservice.h"
#include "storage/database.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace cs::ui {

class StatementModel;

// The statement of one account: a business-date range (each end optional) and the lines, read a
// page at a time as the list is scrolled (StatementModel). Enter shows the range, Esc closes; Ctrl+P
// previews the voucher of the selected cash line. Window-modal.
// Object names: statementDialog, statementFromCheck, statementFromEdit, statementToCheck,
// statementToEdit, statementShowButton, statementTable, statementStatus, statementError,
// statementVoucherButton, statementCloseButton.
class StatementDialog : public QDialog {
    Q_OBJECT
public:
    StatementDialog(Database db, Session session, AccountView account, QWidget* parent);

    StatementModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

public slots:
    // Reads the first page of the chosen range.
    void showRange();
    void previewSelectedVoucher();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateStatus();
    void retranslateUi();

    Database m_db;
    Session m_session;
    AccountView m_account;
    StatementModel* m_model = nullptr;

    QLabel* m_header = nullptr;
    QCheckBox* m_fromCheck = nullptr;
    QDateEdit* m_from = nullptr;
    QCheckBox* m_toCheck = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_show = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_voucher = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace cs::ui
