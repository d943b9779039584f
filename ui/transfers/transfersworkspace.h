#pragma once

#include "auth/session.h"
#include "print/transfervoucher.h"
#include "services/transferservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"
#include "widgets/permittedactions.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QStackedWidget;
class QTableView;

namespace cs::ui {

class ApprovalWatcher;
class TransferConfirmation;
class TransferSlip;
class TransfersModel;

// The Transfers workspace: the transfer slip (TransferSlip) with its preview, a confirmation to read
// back to the customer, the outcome (posted with its transaction, waiting for approval no. N, sent or
// queued for the clearing network), and the day's transfers with their states, read again after each
// entry and whenever an approval changes on any terminal (ApprovalWatcher), so the maker sees a
// supervisor's decision arrive. The request id is made when the slip opens and again after each
// transfer done; a refusal (nothing done) also gets a new one, an unknown outcome keeps it for the retry.
// Keyboard: Enter goes on (slip -> confirmation -> done), Esc goes back (confirmation -> slip) or clears
// the slip. Actions with shortcuts while the workspace is shown: New transfer (F2), Print voucher
// (Ctrl+P), Save voucher as PDF (Ctrl+S), Cancel my request (F7), Transfers list (F6), Refresh (F5).
// A role that may not enter transfers (supervisors) sees the list only, every maker's.
// Object names: transfersPage, transferPages (stack), transferResultLabel, transfersTable,
// transfersNote; actions newTransferAction, printTransferVoucherAction, saveTransferVoucherAction,
// cancelTransferAction, focusTransfersAction, refreshTransfersAction and their buttons (…Button).
class TransfersWorkspace : public QWidget {
    Q_OBJECT
public:
    enum class Step { Entry, Confirmation };

    TransfersWorkspace(Database db, Session session, QWidget* parent = nullptr);

    TransferSlip* slip() const { return m_slip; }
    TransfersModel* model() const { return m_model; }
    QTableView* transfersView() const { return m_view; }
    ApprovalWatcher* watcher() const { return m_watcher; }
    Step step() const;
    bool isBusy() const { return m_call.isBusy(); }
    QString requestId() const { return m_requestId; }
    QString resultText() const;
    // The transfer entered last here (its state as last read).
    const std::optional<TransferRecord>& lastTransfer() const { return m_last; }
    qint64 selectedTransferId() const;
    bool selectTransfer(qint64 id);

public slots:
    void newTransfer();
    void refresh();
    void printVoucher();
    void saveVoucher();
    void cancelRequest();
    void focusTransfers();

signals:
    // A transfer was entered (posted, sent, queued, or waiting for approval).
    void entered(const cs::TransferRecord& transfer);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (TransfersWorkspace::*slot)());
    void goOn();
    void goBack();
    void submit();
    void finish(Result<TransferRecord> outcome);
    void showStep(Step step);
    void reloadList();
    void updateActions();
    std::optional<TransferRecord> voucherTransfer() const;
    // The voucher of the selected transfer (or the last one entered), read in full.
    std::optional<TransferVoucher> voucher();
    void showResult(const QString& text, bool error);
    QString outcomeText(const TransferRecord& t) const;
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    bool m_mayEnter = false;
    QString m_requestId;
    std::optional<TransferRecord> m_last;

    TransfersModel* m_model = nullptr;
    ApprovalWatcher* m_watcher = nullptr;

    QLabel* m_title = nullptr;
    QStackedWidget* m_pages = nullptr;
    TransferSlip* m_slip = nullptr;
    TransferConfirmation* m_confirmation = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_listTitle = nullptr;
    QLabel* m_note = nullptr;
    QTableView* m_view = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_printAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_listAction = nullptr;
    QAction* m_refreshAction = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
