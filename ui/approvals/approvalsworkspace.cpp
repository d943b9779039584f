#include "approvals/approvalsworkspace.h"

#include "admin/requestid.h"
#include "approvals/approvaldetailpanel.h"
#include "approvals/approvalnames.h"
#include "approvals/approvalqueuemodel.h"
#include "approvals/approvalwatcher.h"
#include "shell/workspaces.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString actionDecide = u"approval.decide"_s;
const QString actionCancel = u"approval.cancel"_s;

// The earliest date a filter offers; choosing it means "any date" (the edit then says so).
const QDate kAnyDate(2000, 1, 1);

QDate filterDate(const QDateEdit* edit)
{
    return edit->date() == kAnyDate ? QDate() : edit->date();
}

QDateEdit* dateEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    edit->setMinimumDate(kAnyDate);
    edit->setDate(kAnyDate);
    return edit;
}

} // namespace

ApprovalsWorkspace::ApprovalsWorkspace(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_requestId(newRequestId())
    , m_model(new ApprovalQueueModel(m_db, m_session, this))
    , m_watcher(new ApprovalWatcher(m_db, m_session, this))
    , m_title(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_actionLabel(new QLabel(this))
    , m_action(new QComboBox(this))
    , m_makerLabel(new QLabel(this))
    , m_maker(new QComboBox(this))
    , m_fromLabel(new QLabel(this))
    , m_from(dateEdit(u"fromDateEdit"_s, this))
    , m_toLabel(new QLabel(this))
    , m_to(dateEdit(u"toDateEdit"_s, this))
    , m_view(new QTableView(this))
    , m_detail(new ApprovalDetailPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_count(createMessageLabel(u"approvalsCountLabel"_s, this))
    , m_live(createMessageLabel(u"approvalsLiveLabel"_s, this))
    , m_message(createMessageLabel(u"approvalsMessage"_s, this))
{
    setObjectName(workspaceKey(Workspace::Approvals) + u"Page"_s);
    m_live->setWordWrap(false);
    if (auto permitted = PermittedActions::load(m_db, m_session.role))
        m_permitted = std::move(*permitted);
    else
        showMessage(permitted.error().message, true);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);
    createFilters();

    m_view->setObjectName(u"approvalsTable"_s);
    m_view->setModel(m_model);
    setUpRecordTable(m_view, ApprovalQueueModel::SubjectColumn);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setMinimumWidth(420);

    m_approveAction = createAction(u"approveAction"_s, QKeySequence(Qt::Key_F8), &ApprovalsWorkspace::approve);
    m_rejectAction = createAction(u"rejectAction"_s, QKeySequence(Qt::Key_F9), &ApprovalsWorkspace::reject);
    m_cancelAction = createAction(u"cancelApprovalAction"_s, QKeySequence(Qt::Key_F7), &ApprovalsWorkspace::cancelRequest);
    m_refreshAction = createAction(u"refreshApprovalsAction"_s, QKeySequence(Qt::Key_F5), &ApprovalsWorkspace::refresh);
    m_queueAction = createAction(u"focusQueueAction"_s, QKeySequence(Qt::Key_F6), &ApprovalsWorkspace::focusQueue);
    m_filtersAction = createAction(u"focusFiltersAction"_s, QKeySequence(Qt::CTRL | Qt::Key_F),
                                   &ApprovalsWorkspace::focusFilters);
    for (QAction* action : {m_approveAction, m_rejectAction, m_cancelAction, m_refreshAction})
        m_view->addAction(action);

    QPushButton* approveButton = createActionButton(m_approveAction, u"approveButton"_s, this);
    QPushButton* rejectButton = createActionButton(m_rejectAction, u"rejectButton"_s, this);
    QPushButton* cancelButton = createActionButton(m_cancelAction, u"cancelApprovalButton"_s, this);
    approveButton->setVisible(m_permitted.allows(actionDecide));
    rejectButton->setVisible(m_permitted.allows(actionDecide));
    cancelButton->setVisible(m_permitted.allows(actionCancel));
    m_detail->setButtons({approveButton, rejectButton, cancelButton});

    auto* filters = new QHBoxLayout;
    filters->setSpacing(6);
    for (auto [label, field] : {std::pair<QLabel*, QWidget*>{m_stateLabel, m_state}, {m_actionLabel, m_action},
                                {m_makerLabel, m_maker}, {m_fromLabel, m_from}, {m_toLabel, m_to}}) {
        label->setBuddy(field);
        filters->addWidget(label);
        filters->addWidget(field);
        filters->addSpacing(6);
    }
    filters->addStretch(1);
    filters->addWidget(createActionButton(m_refreshAction, u"refreshApprovalsButton"_s, this));

    auto* queue = new QWidget(this);
    auto* queueLayout = new QVBoxLayout(queue);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->addWidget(m_view, 1);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_count, 1);
    statusRow->addWidget(m_live);
    queueLayout->addLayout(statusRow);

    m_splitter->setObjectName(u"approvalsSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(queue);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // The request in full needs room for its labels and values beside the queue.
    m_splitter->setSizes({600, 480});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 14, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_message);

    setTabChain({m_state, m_action, m_maker, m_from, m_to, m_view, m_detail->rekeyEdit(), m_detail->reasonEdit(),
                 approveButton, rejectButton, cancelButton});

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ApprovalsWorkspace::selectionChanged);
    // Enter on the queue goes to the decision: the blind re-key where it is asked for, else Approve
    // (Enter presses it; Tab goes on to the reason and Reject).
    for (QPushButton* b : {approveButton, rejectButton, cancelButton}) {
        b->setAutoDefault(true);
        b->installEventFilter(this); // Esc: back to the queue
    }
    connect(m_view, &QTableView::activated, this, [this, approveButton, cancelButton] {
        const auto& detail = m_detail->detail();
        if (!detail || detail->approval.state != u"pending")
            return;
        if (detail->rekeyRequired && detail->canDecide)
            m_detail->rekeyEdit()->setFocus(Qt::OtherFocusReason);
        else if (m_approveAction->isEnabled())
            approveButton->setFocus(Qt::OtherFocusReason);
        else if (m_cancelAction->isEnabled())
            cancelButton->setFocus(Qt::OtherFocusReason);
    });
    connect(m_model, &ApprovalQueueModel::loaded, this, &ApprovalsWorkspace::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ApprovalsWorkspace::updateCounts);
    connect(m_model, &ApprovalQueueModel::readFailed, this, [this](const QString& message) { showMessage(message, true); });
    connect(m_detail->rekeyEdit(), &QLineEdit::returnPressed, this, &ApprovalsWorkspace::approve);
    connect(m_detail->reasonEdit(), &QLineEdit::returnPressed, this, &ApprovalsWorkspace::reject);
    m_detail->rekeyEdit()->installEventFilter(this);
    m_detail->reasonEdit()->installEventFilter(this);
    connect(m_watcher, &ApprovalWatcher::changed, this, [this] { reloadQueue(true); });

    retranslateUi();
    applyFilters();
    m_watcher->start();
    retranslateUi(); // the live label says how the queue is kept up to date
}

QAction* ApprovalsWorkspace::createAction(const QString& name, const QKeySequence& shortcut,
                                          void (ApprovalsWorkspace::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void ApprovalsWorkspace::createFilters()
{
    m_state->setObjectName(u"stateFilterCombo"_s);
    for (const QString& state : approvalStates())
        m_state->addItem(QString(), state);
    m_state->addItem(QString(), QString());
    m_action->setObjectName(u"actionFilterCombo"_s);
    m_action->addItem(QString(), QString());
    for (const QString& action : knownApprovalActions())
        m_action->addItem(QString(), action);
    m_maker->setObjectName(u"makerFilterCombo"_s);
    m_maker->addItem(QString(), qint64(0));
    m_maker->addItem(QString(), m_session.staffId);
    for (QComboBox* combo : {m_state, m_action, m_maker}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &ApprovalsWorkspace::applyFilters);
    }
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &ApprovalsWorkspace::applyFilters);
}

void ApprovalsWorkspace::applyFilters()
{
    ApprovalFilter filter;
    filter.state = m_state->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.makerId = m_maker->currentData().toLongLong();
    filter.from = filterDate(m_from);
    filter.to = filterDate(m_to);
    m_model->setFilter(filter);
    reloadQueue(false);
}

void ApprovalsWorkspace::reloadQueue(bool keepRows)
{
    const qint64 selected = selectedApprovalId();
    const int selectedRow = m_view->selectionModel()->currentIndex().row();
    const Status read = keepRows ? m_model->reload() : m_model->load();
    if (!read) {
        showMessage(read.error().message, true);
        m_detail->setDetail(std::nullopt);
        updateActions();
        return;
    }
    rememberMakers();
    if (selected != 0 && selectApproval(selected))
        return;
    if (selected != 0) {
        // Decided elsewhere (or filtered out): its detail stays, in its new state, until another is chosen.
        if (keepRows && m_detail->detail() && m_detail->detail()->approval.id == selected)
            showDetail(selected);
        else if (m_model->rowCount() > 0)
            selectApproval(m_model->approvalAt(std::clamp(selectedRow, 0, m_model->rowCount() - 1)).id);
        else
            showDetail(0);
        return;
    }
    if (m_model->rowCount() > 0 && !keepRows)
        selectApproval(m_model->approvalAt(0).id);
    else if (m_model->rowCount() == 0)
        showDetail(0);
}

qint64 ApprovalsWorkspace::selectedApprovalId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->approvalAt(current.row()).id : 0;
}

bool ApprovalsWorkspace::selectApproval(qint64 id)
{
    int row = m_model->rowOfApproval(id);
    // Further down a long queue: read on until it comes (or the queue ends).
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOfApproval(id);
    }
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, ApprovalQueueModel::IdColumn);
    if (m_view->selectionModel()->currentIndex().row() == row)
        showDetail(id); // the same row after a reload: the detail is read again
    else
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ApprovalsWorkspace::selectionChanged()
{
    showDetail(selectedApprovalId());
}

void ApprovalsWorkspace::showDetail(qint64 id)
{
    if (id == 0) {
        m_detail->setDetail(std::nullopt);
        updateActions();
        return;
    }
    const bool other = !m_detail->detail() || m_detail->detail()->approval.id != id;
    auto shown = ApprovalService(m_db).show(m_session, id);
    if (!shown) {
        m_detail->setDetail(std::nullopt);
        showMessage(shown.error().message, true);
    } else {
        m_detail->setDetail(*shown);
    }
    if (other && !m_call.isBusy())
        m_requestId = newRequestId();
    updateActions();
}

void ApprovalsWorkspace::updateActions()
{
    const auto& detail = m_detail->detail();
    const bool pending = detail && detail->approval.state == u"pending";
    const bool idle = !m_call.isBusy();
    m_approveAction->setEnabled(idle && pending && detail->canDecide && m_permitted.allows(actionDecide));
    m_rejectAction->setEnabled(idle && pending && detail->canDecide && m_permitted.allows(actionDecide));
    m_cancelAction->setEnabled(idle && pending && detail->canCancel);
}

void ApprovalsWorkspace::updateCounts()
{
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    if (shown < total)
        m_count->setText(tr("%1 of %2 shown; scroll down for more.").arg(shown).arg(total));
    else if (m_model->filter().state == u"pending")
        m_count->setText(tr("%n request(s) waiting.", nullptr, static_cast<int>(total)));
    else
        m_count->setText(tr("%n request(s).", nullptr, static_cast<int>(total)));
}

void ApprovalsWorkspace::rememberMakers()
{
    // The maker filter offers everyone who entered a request seen here.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ApprovalRecord& a = m_model->approvalAt(row);
        if (m_maker->findData(a.makerId) >= 0)
            continue;
        m_maker->blockSignals(true);
        m_maker->addItem(a.makerName.isEmpty() ? a.makerLogin : tr("%1 (%2)").arg(a.makerName, a.makerLogin), a.makerId);
        m_maker->blockSignals(false);
    }
}

void ApprovalsWorkspace::refresh()
{
    showMessage({}, false);
    reloadQueue(true);
}

void ApprovalsWorkspace::approve()
{
    if (!m_approveAction->isEnabled())
        return;
    decide(u"approve"_s);
}

void ApprovalsWorkspace::reject()
{
    if (!m_rejectAction->isEnabled())
        return;
    if (m_detail->reasonEdit()->text().trimmed().isEmpty()) {
        m_detail->showError(Error::invalid(u"approval.reason_required"_s, u"reason"_s,
                                           tr("Give the reason for the rejection.")));
        return;
    }
    decide(u"reject"_s);
}

void ApprovalsWorkspace::cancelRequest()
{
    if (!m_cancelAction->isEnabled())
        return;
    decide(u"cancel"_s);
}

void ApprovalsWorkspace::decide(const QString& what)
{
    const auto& detail = m_detail->detail();
    if (!detail || m_call.isBusy())
        return;
    m_detail->clearError();
    showMessage({}, false);
    std::optional<Money> rekeyed;
    if (what == u"approve" && detail->rekeyRequired) {
        const auto typed = m_detail->rekeyEdit()->amount();
        if (!typed) {
            m_detail->showError(typed.error());
            return;
        }
        rekeyed = *typed;
    }
    const qint64 id = detail->approval.id;
    const QString reason = m_detail->reasonEdit()->text().trimmed();
    m_call.setBusyWidgets({m_detail});
    m_call.start(
        u"approvalWorker"_s,
        [db = m_db, session = m_session, id, what, rekeyed, reason, requestId = m_requestId] {
            const ApprovalService service(db);
            if (what == u"approve")
                return service.approve(session, id, rekeyed, requestId);
            if (what == u"reject")
                return service.reject(session, id, reason, requestId);
            return service.cancel(session, id, requestId);
        },
        Error::internal(u"approval.no_result"_s, tr("The decision did not complete.")),
        [this, what](Result<ApprovalDecision> outcome) { finishDecision(what, std::move(outcome)); });
    updateActions();
}

void ApprovalsWorkspace::finishDecision(const QString& what, Result<ApprovalDecision> outcome)
{
    if (!outcome) {
        if (needsNewRequestId(outcome.error()))
            m_requestId = newRequestId();
        if (outcome.error().code == u"approval.rekey_mismatch")
            m_detail->rekeyEdit()->clear();
        updateActions();
        m_detail->showError(outcome.error());
        // It may have been decided elsewhere meanwhile.
        if (outcome.error().code == u"approval.not_pending")
            reloadQueue(true);
        return;
    }
    const ApprovalDecision& d = *outcome;
    m_requestId = newRequestId();
    QString text;
    if (d.state == u"approved") {
        text = tr("Request %1 approved.").arg(d.approvalId);
        if (d.result.contains(u"txn_id"))
            text += u' ' + tr("Transaction %1 posted.").arg(d.result.value(u"txn_id").toVariant().toLongLong());
    } else if (d.state == u"rejected") {
        text = tr("Request %1 rejected.").arg(d.approvalId);
    } else {
        text = tr("Request %1 cancelled.").arg(d.approvalId);
    }
    if (d.replayed)
        text += u' ' + tr("It had already been decided under this request; nothing was done twice.");
    Q_UNUSED(what);
    showMessage(text, false);
    emit decided(d);
    // On to the next request: the one now in the decided one's row.
    const int row = m_view->selectionModel()->currentIndex().row();
    m_view->selectionModel()->clearCurrentIndex();
    reloadQueue(true);
    if (!m_view->selectionModel()->currentIndex().isValid()) {
        if (m_model->rowCount() > 0)
            selectApproval(m_model->approvalAt(std::clamp(row, 0, m_model->rowCount() - 1)).id);
        else
            showDetail(0);
    }
    m_view->setFocus(Qt::OtherFocusReason);
}

void ApprovalsWorkspace::focusQueue()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
    if (!m_view->selectionModel()->currentIndex().isValid() && m_model->rowCount() > 0)
        selectApproval(m_model->approvalAt(0).id);
}

void ApprovalsWorkspace::focusFilters()
{
    m_state->setFocus(Qt::ShortcutFocusReason);
}

QString ApprovalsWorkspace::messageText() const
{
    return m_message->text();
}

void ApprovalsWorkspace::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
}

bool ApprovalsWorkspace::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape
        && watched->isWidgetType() && m_detail->isAncestorOf(static_cast<QWidget*>(watched))) {
        focusQueue();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ApprovalsWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Coming back to the queue: read it again (what changed while away), then put the cursor in it.
    if (m_shownOnce)
        reloadQueue(true);
    m_shownOnce = true;
    QTimer::singleShot(0, this, [this] {
        if (isVisible() && !QApplication::activeModalWidget())
            focusQueue();
    });
}

void ApprovalsWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ApprovalsWorkspace::retranslateUi()
{
    m_title->setText(workspaceTitle(Workspace::Approvals));
    m_stateLabel->setText(tr("&State:"));
    m_actionLabel->setText(tr("Re&quest:"));
    m_makerLabel->setText(tr("&Maker:"));
    m_fromLabel->setText(tr("Fr&om:"));
    m_toLabel->setText(tr("&To:"));
    for (int i = 0; i < m_state->count(); ++i) {
        const QString state = m_state->itemData(i).toString();
        m_state->setItemText(i, state.isEmpty() ? tr("All states") : approvalStateName(state));
    }
    for (int i = 0; i < m_action->count(); ++i) {
        const QString action = m_action->itemData(i).toString();
        m_action->setItemText(i, action.isEmpty() ? tr("All requests") : approvalActionName(action));
    }
    m_maker->setItemText(0, tr("Everyone"));
    m_maker->setItemText(1, tr("My submissions"));
    for (QDateEdit* edit : {m_from, m_to})
        edit->setSpecialValueText(tr("Any date"));
    m_view->setAccessibleName(tr("Requests waiting for a second person"));

    setActionTexts(m_approveAction, tr("Approve"), tr("Approve the selected request: it is carried out now"));
    setActionTexts(m_rejectAction, tr("Reject"), tr("Reject the selected request, giving the reason"));
    setActionTexts(m_cancelAction, tr("Cancel my request"), tr("Withdraw a request you entered yourself"));
    setActionTexts(m_refreshAction, tr("Refresh"), tr("Read the queue again"));
    setActionTexts(m_queueAction, tr("Queue"), tr("Go to the queue"));
    setActionTexts(m_filtersAction, tr("Filters"), tr("Go to the filters"));
    m_live->setText(m_watcher->isListening()
                        ? tr("Live: every terminal's change shows at once.")
                        : tr("Checked for changes every %n second(s).", nullptr, m_watcher->pollInterval() / 1000));
    m_model->retranslate();
    updateCounts();
}

} // namespace cs::ui
