#include "transfers/transfersworkspace.h"

#include "admin/requestid.h"
#include "approvals/approvalservice.h"
#include "approvals/approvalwatcher.h"
#include "print/transfervoucher.h"
#include "print/voucherprinting.h"
#include "shell/workspaces.h"
#include "transfers/transferconfirmation.h"
#include "transfers/transfernames.h"
#include "transfers/transferslip.h"
#include "transfers/transfersmodel.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QHideEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {
const QString actionEnter = u"transfer.enter"_s;
const QString actionCancel = u"approval.cancel"_s;
} // namespace

TransfersWorkspace::TransfersWorkspace(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_requestId(newRequestId())
    , m_model(new TransfersModel(m_db, m_session, this))
    , m_watcher(new ApprovalWatcher(m_db, m_session, this))
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_slip(new TransferSlip(m_db, m_session, this))
    , m_confirmation(new TransferConfirmation(this))
    , m_result(createMessageLabel(u"transferResultLabel"_s, this))
    , m_listTitle(new QLabel(this))
    , m_note(createMessageLabel(u"transfersNote"_s, this))
    , m_view(new QTableView(this))
{
    setObjectName(workspaceKey(Workspace::Transfers) + u"Page"_s);
    if (auto permitted = PermittedActions::load(m_db, m_session.role))
        m_permitted = std::move(*permitted);
    else
        showResult(permitted.error().message, true);
    m_mayEnter = m_permitted.allows(actionEnter);
    // A teller follows their own transfers; a supervisor looks at the branch's.
    m_model->setMakerId(m_mayEnter ? m_session.staffId : 0);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);
    QFont resultFont = m_result->font();
    resultFont.setPointSizeF(resultFont.pointSizeF() * 1.1);
    m_result->setFont(resultFont);
    setTitleFont(m_listTitle, 1.1);

    m_pages->setObjectName(u"transferPages"_s);
    m_pages->addWidget(m_slip);
    m_pages->addWidget(m_confirmation);
    m_pages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_slip->setEnabled(m_mayEnter);
    m_note->setVisible(!m_mayEnter);

    m_view->setObjectName(u"transfersTable"_s);
    m_view->setModel(m_model);
    setUpRecordTable(m_view, TransfersModel::ToColumn);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_newAction = createAction(u"newTransferAction"_s, QKeySequence(Qt::Key_F2), &TransfersWorkspace::newTransfer);
    m_printAction = createAction(u"printTransferVoucherAction"_s, QKeySequence(Qt::CTRL | Qt::Key_P),
                                 &TransfersWorkspace::printVoucher);
    m_saveAction = createAction(u"saveTransferVoucherAction"_s, QKeySequence(Qt::CTRL | Qt::Key_S),
                                &TransfersWorkspace::saveVoucher);
    m_cancelAction = createAction(u"cancelTransferAction"_s, QKeySequence(Qt::Key_F7), &TransfersWorkspace::cancelRequest);
    m_listAction = createAction(u"focusTransfersAction"_s, QKeySequence(Qt::Key_F6), &TransfersWorkspace::focusTransfers);
    m_refreshAction = createAction(u"refreshTransfersAction"_s, QKeySequence(Qt::Key_F5), &TransfersWorkspace::refresh);
    for (QAction* action : {m_printAction, m_saveAction, m_cancelAction, m_refreshAction})
        m_view->addAction(action);

    auto* listRow = new QHBoxLayout;
    listRow->setSpacing(6);
    listRow->addWidget(m_listTitle);
    listRow->addStretch(1);
    QPushButton* newButton = createActionButton(m_newAction, u"newTransferButton"_s, this);
    newButton->setVisible(m_mayEnter);
    listRow->addWidget(newButton);
    listRow->addWidget(createActionButton(m_printAction, u"printTransferVoucherButton"_s, this));
    listRow->addWidget(createActionButton(m_saveAction, u"saveTransferVoucherButton"_s, this));
    QPushButton* cancelButton = createActionButton(m_cancelAction, u"cancelTransferButton"_s, this);
    cancelButton->setVisible(m_permitted.allows(actionCancel));
    listRow->addWidget(cancelButton);
    listRow->addWidget(createActionButton(m_refreshAction, u"refreshTransfersButton"_s, this));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 14, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addWidget(m_pages);
    layout->addWidget(m_result);
    layout->addLayout(listRow);
    layout->addWidget(m_view, 1);

    m_call.setBusyIndicator(m_confirmation->busyIndicator());
    m_call.setBusyWidgets({m_confirmation->submitButton(), m_confirmation->backButton()});

    connect(m_slip, &TransferSlip::submitRequested, this, &TransfersWorkspace::goOn);
    connect(m_slip, &TransferSlip::cancelRequested, this, [this] {
        m_slip->clear();
        showResult({}, false);
    });
    connect(m_confirmation, &TransferConfirmation::submitRequested, this, &TransfersWorkspace::submit);
    connect(m_confirmation, &TransferConfirmation::backRequested, this, &TransfersWorkspace::goBack);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TransfersWorkspace::updateActions);
    connect(m_watcher, &ApprovalWatcher::changed, this, &TransfersWorkspace::reloadList);

    retranslateUi();
    showStep(Step::Entry);
    reloadList();
    m_watcher->start();
}

QAction* TransfersWorkspace::createAction(const QString& name, const QKeySequence& shortcut,
                                          void (TransfersWorkspace::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

TransfersWorkspace::Step TransfersWorkspace::step() const
{
    return m_pages->currentWidget() == m_confirmation ? Step::Confirmation : Step::Entry;
}

void TransfersWorkspace::showStep(Step step)
{
    if (step == Step::Confirmation) {
        m_pages->setCurrentWidget(m_confirmation);
        m_confirmation->submitButton()->setFocus(Qt::OtherFocusReason);
    } else {
        m_pages->setCurrentWidget(m_slip);
        if (m_mayEnter && isVisible())
            m_slip->firstField()->setFocus(Qt::OtherFocusReason);
    }
    updateActions();
}

void TransfersWorkspace::goOn()
{
    if (!m_mayEnter || isBusy() || step() != Step::Entry)
        return;
    showResult({}, false);
    if (!m_slip->checkForSubmit())
        return;
    m_confirmation->showTransfer(m_slip->request(m_requestId), *m_slip->preview());
    showStep(Step::Confirmation);
}

void TransfersWorkspace::goBack()
{
    if (isBusy() || step() != Step::Confirmation)
        return;
    m_pages->setCurrentWidget(m_slip);
    m_slip->amountEdit()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void TransfersWorkspace::submit()
{
    if (isBusy() || step() != Step::Confirmation)
        return;
    m_call.start(
        u"transferWorker"_s,
        [db = m_db, session = m_session, request = m_slip->request(m_requestId)] {
            return TransferService(db).enter(session, request);
        },
        Error::internal(u"transfer.no_result"_s, tr("The transfer did not complete.")),
        [this](Result<TransferRecord> outcome) { finish(std::move(outcome)); });
    updateActions();
}

void TransfersWorkspace::finish(Result<TransferRecord> outcome)
{
    if (!outcome) {
        // Refused: nothing was done, the next try is a new request. Unknown: the same id again.
        if (needsNewRequestId(outcome.error()))
            m_requestId = newRequestId();
        m_pages->setCurrentWidget(m_slip);
        m_slip->showError(outcome.error());
        m_slip->refreshPreview();
        showResult(tr("Nothing was done: %1").arg(outcome.error().message), true);
        updateActions();
        return;
    }
    m_last = std::move(*outcome);
    m_requestId = newRequestId();
    showResult(outcomeText(*m_last), false);
    m_slip->clear();
    showStep(Step::Entry);
    reloadList();
    selectTransfer(m_last->id);
    emit entered(*m_last);
}

QString TransfersWorkspace::outcomeText(const TransferRecord& t) const
{
    const QString amount = moneyText(t.amount);
    QString text;
    if (t.state == u"pending") {
        text = tr("Transfer %1 of %2 is waiting for approval no. %3: the funds are held until a supervisor decides.")
                   .arg(t.id)
                   .arg(amount)
                   .arg(t.approvalId);
    } else if (t.state == u"posted") {
        text = tr("Transfer %1 of %2 posted: transaction %3, the payer's balance is now %4.")
                   .arg(t.id)
                   .arg(amount)
                   .arg(t.txnId)
                   .arg(moneyText(t.balanceAfter));
    } else if (t.state == u"queued") {
        text = tr("Transfer %1 of %2 is queued: %3 sends it in its next window.")
                   .arg(t.id)
                   .arg(amount, routeDisplayName(t.route));
    } else if (t.state == u"sent" || t.state == u"accepted") {
        text = tr("Transfer %1 of %2 sent by %3, message %4.")
                   .arg(t.id)
                   .arg(amount, routeDisplayName(t.route), t.clearingMessageId);
    } else {
        text = tr("Transfer %1 of %2: %3.").arg(t.id).arg(amount, transferStateName(t.state));
    }
    if (hasTransferVoucher(t))
        text += u' ' + tr("%1 prints the voucher.").arg(m_printAction->shortcut().toString(QKeySequence::NativeText));
    if (t.replayed)
        text += u' ' + tr("It had already been entered under this request; nothing was done twice.");
    return text;
}

void TransfersWorkspace::reloadList()
{
    const qint64 selected = selectedTransferId();
    if (const Status read = m_model->load(); !read) {
        showResult(read.error().message, true);
        return;
    }
    if (selected != 0)
        selectTransfer(selected);
    // The maker sees the decision on what they entered last arrive.
    if (m_last) {
        const int row = m_model->rowOfTransfer(m_last->id);
        if (row >= 0 && m_model->transferAt(row).state != m_last->state) {
            m_last = m_model->transferAt(row);
            showResult(tr("Transfer %1 is now: %2.").arg(m_last->id).arg(transferStateName(m_last->state)),
                       transferStateIsVoid(m_last->state));
        }
    }
    updateActions();
}

qint64 TransfersWorkspace::selectedTransferId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->transferAt(current.row()).id : 0;
}

bool TransfersWorkspace::selectTransfer(qint64 id)
{
    const int row = m_model->rowOfTransfer(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, TransfersModel::IdColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

std::optional<TransferRecord> TransfersWorkspace::voucherTransfer() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (current.isValid())
        return m_model->transferAt(current.row());
    return m_last;
}

void TransfersWorkspace::updateActions()
{
    const auto transfer = voucherTransfer();
    const bool idle = !isBusy();
    m_newAction->setEnabled(m_mayEnter && idle);
    m_printAction->setEnabled(transfer && hasTransferVoucher(*transfer));
    m_saveAction->setEnabled(transfer && hasTransferVoucher(*transfer));
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool ownPending = current.isValid() && m_model->transferAt(current.row()).state == u"pending"
                            && m_model->transferAt(current.row()).approvalId != 0
                            && m_model->transferAt(current.row()).makerLogin == m_session.login;
    m_cancelAction->setEnabled(idle && ownPending && m_permitted.allows(actionCancel));
}

void TransfersWorkspace::newTransfer()
{
    if (!m_mayEnter || isBusy())
        return;
    m_slip->clear();
    showResult({}, false);
    showStep(Step::Entry);
    m_slip->firstField()->setFocus(Qt::ShortcutFocusReason);
}

void TransfersWorkspace::refresh()
{
    reloadList();
}

std::optional<TransferVoucher> TransfersWorkspace::voucher()
{
    const auto transfer = voucherTransfer();
    if (!transfer || !hasTransferVoucher(*transfer))
        return std::nullopt;
    // The list leaves out the payer's balance after the posting; the transfer read on its own has it.
    auto full = TransferService(m_db).find(m_session, transfer->id);
    if (!full) {
        showResult(full.error().message, true);
        return std::nullopt;
    }
    return TransferVoucher{*full, m_session.branchCode, m_session.branchName};
}

void TransfersWorkspace::printVoucher()
{
    if (const auto v = voucher())
        previewTransferVoucher(*v, this);
}

void TransfersWorkspace::saveVoucher()
{
    if (const auto v = voucher())
        exportTransferVoucherPdf(*v, this);
}

void TransfersWorkspace::cancelRequest()
{
    if (!m_cancelAction->isEnabled())
        return;
    const TransferRecord transfer = m_model->transferAt(m_view->selectionModel()->currentIndex().row());
    auto cancelled = ApprovalService(m_db).cancel(m_session, transfer.approvalId, newRequestId());
    if (!cancelled) {
        showResult(cancelled.error().message, true);
        return;
    }
    showResult(tr("Request %1 cancelled: transfer %2 will not be made and its funds are released.")
                   .arg(transfer.approvalId)
                   .arg(transfer.id),
               false);
    reloadList();
}

void TransfersWorkspace::focusTransfers()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
    if (!m_view->selectionModel()->currentIndex().isValid() && m_model->rowCount() > 0)
        selectTransfer(m_model->transferAt(0).id);
}

QString TransfersWorkspace::resultText() const
{
    return m_result->text();
}

void TransfersWorkspace::showResult(const QString& text, bool error)
{
    setMessage(m_result, text, error);
    m_result->setVisible(!text.isEmpty());
}

void TransfersWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reloadList();
    QTimer::singleShot(0, this, [this] {
        if (!isVisible() || QApplication::activeModalWidget())
            return;
        if (step() == Step::Confirmation)
            m_confirmation->submitButton()->setFocus(Qt::OtherFocusReason);
        else if (m_mayEnter)
            m_slip->firstField()->setFocus(Qt::OtherFocusReason);
        else
            focusTransfers();
    });
}

void TransfersWorkspace::hideEvent(QHideEvent* event)
{
    // The lock screen replaced the workspaces: no voucher preview stays above it.
    if (!event->spontaneous()) {
        for (QDialog* dialog : findChildren<QDialog*>(Qt::FindDirectChildrenOnly))
            dialog->done(QDialog::Rejected);
    }
    QWidget::hideEvent(event);
}

void TransfersWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TransfersWorkspace::retranslateUi()
{
    m_title->setText(workspaceTitle(Workspace::Transfers));
    m_listTitle->setText(tr("Today's transfers"));
    m_note->setText(tr("Your role may look at the branch's transfers but not enter them."));
    m_view->setAccessibleName(tr("Today's transfers"));
    const auto setUp = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut + u')');
        action->setStatusTip(tip);
    };
    setUp(m_newAction, tr("New transfer"), tr("Clear the slip for the next transfer"));
    setUp(m_printAction, tr("Print voucher…"), tr("Preview and print the voucher of the selected transfer"));
    setUp(m_saveAction, tr("Save PDF…"), tr("Save the voucher of the selected transfer as a PDF file"));
    setUp(m_cancelAction, tr("Cancel request"), tr("Withdraw the selected transfer while it waits for approval"));
    setUp(m_listAction, tr("Transfers"), tr("Go to today's transfers"));
    setUp(m_refreshAction, tr("Refresh"), tr("Read today's transfers again"));
    m_model->retranslate();
}

} // namespace cs::ui
