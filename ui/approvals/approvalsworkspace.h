#pragma once

#include "approvals/approvalservice.h"
#include "auth/session.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"
#include "widgets/permittedactions.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QSplitter;
class QTableView;

namespace cs::ui {

class ApprovalDetailPanel;
class ApprovalQueueModel;
class ApprovalWatcher;

// The supervisors' Approvals workspace (DESIGN rule 6): the queue of requests waiting for a second
// person, updated live when any terminal submits or decides (ApprovalWatcher: LISTEN/NOTIFY on
// PostgreSQL, polling on SQLite), with filters (state, request, maker — "My submissions" among them —
// and business dates) and lazy paging; beside it the selected request in full (ApprovalDetailPanel).
// Keyboard: Enter on the queue goes to the decision (the blind re-key where required, else the Approve
// button, which Enter presses); Enter in the re-keyed amount approves, Enter in the reason rejects, Esc
// goes back to the queue.
// Actions, each with its shortcut while the workspace is shown and a button: Approve (F8), Reject (F9),
// Cancel own request (F7), Refresh (F5), Queue (F6), Filters (Ctrl+F).
// Object names: approvalsPage, stateFilterCombo, actionFilterCombo, makerFilterCombo, fromDateEdit,
// toDateEdit, approvalsTable, approvalsCountLabel, approvalsLiveLabel, approvalsMessage; actions
// approveAction, rejectAction, cancelApprovalAction, refreshApprovalsAction, focusQueueAction,
// focusFiltersAction and their buttons (…Button).
class ApprovalsWorkspace : public QWidget {
    Q_OBJECT
public:
    ApprovalsWorkspace(Database db, Session session, QWidget* parent = nullptr);

    ApprovalQueueModel* model() const { return m_model; }
    ApprovalWatcher* watcher() const { return m_watcher; }
    QTableView* queueView() const { return m_view; }
    ApprovalDetailPanel* detailPanel() const { return m_detail; }
    qint64 selectedApprovalId() const;
    bool selectApproval(qint64 id);
    QString messageText() const;
    bool isBusy() const { return m_call.isBusy(); }

public slots:
    void refresh();
    void approve();
    void reject();
    void cancelRequest();
    void focusQueue();
    void focusFilters();

signals:
    // A decision or cancellation was made here.
    void decided(const cs::ApprovalDecision& decision);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (ApprovalsWorkspace::*slot)());
    void createFilters();
    void applyFilters();
    void reloadQueue(bool keepRows);
    void selectionChanged();
    void showDetail(qint64 id);
    void updateActions();
    void updateCounts();
    void rememberMakers();
    void decide(const QString& what);
    void finishDecision(const QString& what, Result<ApprovalDecision> outcome);
    void showMessage(const QString& text, bool error);
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    QString m_requestId; // the decision's, made when a request is shown; kept while its outcome is unknown
    bool m_shownOnce = false;

    ApprovalQueueModel* m_model = nullptr;
    ApprovalWatcher* m_watcher = nullptr;

    QLabel* m_title = nullptr;
    QLabel* m_stateLabel = nullptr;
    QComboBox* m_state = nullptr;
    QLabel* m_actionLabel = nullptr;
    QComboBox* m_action = nullptr;
    QLabel* m_makerLabel = nullptr;
    QComboBox* m_maker = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QDateEdit* m_to = nullptr;
    QTableView* m_view = nullptr;
    ApprovalDetailPanel* m_detail = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_live = nullptr;
    QLabel* m_message = nullptr;

    QAction* m_approveAction = nullptr;
    QAction* m_rejectAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_queueAction = nullptr;
    QAction* m_filtersAction = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
