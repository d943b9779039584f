#include "admin/staffpage.h"

#include "admin/addstaffdialog.h"
#include "admin/changeroledialog.h"
#include "admin/disablestaffdialog.h"
#include "admin/resetpassworddialog.h"
#include "admin/staffmodel.h"
#include "services/staffservice.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

StaffPage::StaffPage(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_model(new StaffModel(m_db, m_session, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filterLabel(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_message(createMessageLabel(u"staffMessage"_s, this))
{
    setObjectName(u"staffPage"_s);

    m_proxy->setObjectName(u"staffProxyModel"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StaffModel::RawValueRole);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(u"staffFilterEdit"_s);
    m_filter->setClearButtonEnabled(true);
    m_filterLabel->setBuddy(m_filter);

    m_view->setObjectName(u"staffTable"_s);
    m_view->setModel(m_proxy);
    setUpRecordTable(m_view, StaffModel::NameColumn);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StaffModel::LoginColumn, Qt::AscendingOrder);

    m_addAction = createAction(u"addStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_N), &StaffPage::addStaff);
    m_disableAction = createAction(u"disableStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_D), &StaffPage::disableStaff);
    m_enableAction = createAction(u"enableStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_E), &StaffPage::enableStaff);
    m_unlockAction = createAction(u"unlockStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_U), &StaffPage::unlockStaff);
    m_resetPasswordAction =
        createAction(u"resetPasswordAction"_s, QKeySequence(Qt::CTRL | Qt::Key_R), &StaffPage::resetPassword);
    m_changeRoleAction = createAction(u"changeRoleAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                      &StaffPage::changeRole);
    m_reloadAction = createAction(u"reloadStaffAction"_s, QKeySequence(Qt::Key_F5), &StaffPage::reload);
    m_findAction = createPageAction(this, u"findStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_filter, 1);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(createActionButton(m_addAction, u"addStaffButton"_s, this));
    buttons->addSpacing(12);
    buttons->addWidget(createActionButton(m_disableAction, u"disableStaffButton"_s, this));
    buttons->addWidget(createActionButton(m_enableAction, u"enableStaffButton"_s, this));
    buttons->addWidget(createActionButton(m_unlockAction, u"unlockStaffButton"_s, this));
    buttons->addWidget(createActionButton(m_resetPasswordAction, u"resetPasswordButton"_s, this));
    buttons->addWidget(createActionButton(m_changeRoleAction, u"changeRoleButton"_s, this));
    buttons->addStretch(1);
    buttons->addWidget(createActionButton(m_reloadAction, u"reloadStaffButton"_s, this));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(filterRow);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    setTabOrder(m_filter, m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        const qint64 selected = selectedStaffId();
        m_proxy->setFilterFixedString(text.trimmed());
        if (selected != 0)
            selectStaff(selected);
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StaffPage::updateActions);
    // Enter in the filter moves to the list, as the paper form's next field.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0 && selectedStaffId() == 0)
            m_view->selectRow(0);
        m_view->setFocus(Qt::OtherFocusReason);
    });

    retranslateUi();
    reloadAndSelect(0);
}

QAction* StaffPage::createAction(const QString& name, const QKeySequence& shortcut, void (StaffPage::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

qint64 StaffPage::selectedStaffId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return 0;
    return m_proxy->data(rows.first(), StaffModel::StaffIdRole).toLongLong();
}

bool StaffPage::selectStaff(qint64 staffId)
{
    const int row = m_model->rowOfStaff(staffId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, StaffModel::LoginColumn));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QString StaffPage::messageText() const
{
    return m_message->text();
}

void StaffPage::reload()
{
    showMessage({}, false);
    reloadAndSelect(selectedStaffId());
}

void StaffPage::reloadAndSelect(qint64 staffId)
{
    const Status loaded = m_model->reload();
    if (!loaded)
        showMessage(loaded.error().message, true);
    if (staffId != 0)
        selectStaff(staffId);
    updateActions();
}

void StaffPage::updateActions()
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    const StaffSummary* staff = row < 0 ? nullptr : &m_model->staffAt(row);
    const bool other = staff && staff->id != m_session.staffId;
    m_disableAction->setEnabled(other && staff->state != u"disabled");
    m_enableAction->setEnabled(staff && staff->state == u"disabled");
    m_unlockAction->setEnabled(staff && staff->state == u"locked");
    // One's own password and role are not administered from here.
    m_resetPasswordAction->setEnabled(other);
    m_changeRoleAction->setEnabled(other);
}

void StaffPage::showMessage(const QString& text, bool error)
{
    m_messageIsError = error;
    setMessage(m_message, text, error);
}

void StaffPage::openDialog(StaffFormDialog* dialog)
{
    showMessage({}, false);
    connect(dialog, &StaffFormDialog::succeeded, this, [this](qint64 staffId, const QString& message) {
        reloadAndSelect(staffId);
        showMessage(message, false);
        m_view->setFocus(Qt::OtherFocusReason);
    });
    dialog->open();
}

const StaffSummary* StaffPage::selectedFor(const QAction* action) const
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    if (row < 0 || !action->isEnabled())
        return nullptr;
    return &m_model->staffAt(row);
}

void StaffPage::addStaff()
{
    openDialog(new AddStaffDialog(m_db, m_session, this));
}

void StaffPage::disableStaff()
{
    if (const StaffSummary* staff = selectedFor(m_disableAction))
        openDialog(new DisableStaffDialog(m_db, m_session, *staff, this));
}

void StaffPage::resetPassword()
{
    if (const StaffSummary* staff = selectedFor(m_resetPasswordAction))
        openDialog(new ResetPasswordDialog(m_db, m_session, *staff, this));
}

void StaffPage::changeRole()
{
    if (const StaffSummary* staff = selectedFor(m_changeRoleAction))
        openDialog(new ChangeRoleDialog(m_db, m_session, *staff, this));
}

void StaffPage::enableStaff()
{
    changeSelected(
        m_enableAction,
        [this](const StaffService& service, qint64 staffId) { return service.enable(m_session, staffId); },
        tr("%1 was enabled."));
}

void StaffPage::unlockStaff()
{
    changeSelected(
        m_unlockAction,
        [this](const StaffService& service, qint64 staffId) { return service.unlock(m_session, staffId); },
        tr("%1 was unlocked."));
}

void StaffPage::changeSelected(const QAction* action, const std::function<Status(const StaffService&, qint64)>& change,
                               const QString& done)
{
    const StaffSummary* selected = selectedFor(action);
    if (!selected)
        return;
    // A copy: the reload below replaces the model's rows.
    const StaffSummary staff = *selected;
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const Status changed = change(StaffService(m_db), staff.id);
    QApplication::restoreOverrideCursor();
    showMessage({}, false);
    reloadAndSelect(staff.id);
    if (!changed)
        showMessage(changed.error().message, true);
    else if (!m_messageIsError)
        showMessage(done.arg(staff.login), false);
}

void StaffPage::hideEvent(QHideEvent* event)
{
    // Not when the window is minimised (spontaneous): when the lock screen replaces the workspaces.
    if (!event->spontaneous()) {
        const auto dialogs = findChildren<StaffFormDialog*>(Qt::FindDirectChildrenOnly);
        for (StaffFormDialog* dialog : dialogs)
            dialog->done(QDialog::Rejected);
    }
    QWidget::hideEvent(event);
}

void StaffPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StaffPage::retranslateUi()
{
    m_filterLabel->setText(tr("&Find:"));
    m_filter->setPlaceholderText(tr("Login, name, role or state"));
    m_filter->setAccessibleName(tr("Find staff"));
    m_view->setAccessibleName(tr("Staff"));

    setActionTexts(m_addAction, tr("Add…"), tr("Add a staff member with an initial password"));
    setActionTexts(m_disableAction, tr("Disable…"), tr("Stop the selected staff member from signing on"));
    setActionTexts(m_enableAction, tr("Enable"), tr("Let the selected staff member sign on again"));
    setActionTexts(m_unlockAction, tr("Unlock"), tr("Clear the failed sign-ons of the selected staff member"));
    setActionTexts(m_resetPasswordAction, tr("Reset password…"), tr("Give the selected staff member a temporary password"));
    setActionTexts(m_changeRoleAction, tr("Change role…"), tr("Give the selected staff member another role"));
    setActionTexts(m_reloadAction, tr("Reload"), tr("Fetch the staff list again"));
    setActionTexts(m_findAction, tr("Find"), tr("Filter the staff list"));
    m_model->retranslate();
}

} // namespace cs::ui
