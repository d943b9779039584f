#include "admin/staffpage.h"

#include "admin/staffmodel.h"
#include "domain/role.h"
#include "services/staffservice.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QUuid>
#include <QVBoxLayout>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QColor errorColor()
{
    return QColor(0xb3, 0x26, 0x1e);
}

QLabel* createErrorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorColor());
    label->setPalette(palette);
    return label;
}

QLineEdit* createPasswordEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(256);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}

void fillRoleCombo(QComboBox* combo)
{
    for (const Role role : {Role::Teller, Role::Supervisor, Role::Auditor, Role::Admin})
        combo->addItem(roleDisplayName(role), roleKey(role));
}

void retranslateRoleCombo(QComboBox* combo)
{
    for (int i = 0; i < combo->count(); ++i) {
        if (const auto role = roleFromKey(combo->itemData(i).toString()))
            combo->setItemText(i, roleDisplayName(*role));
    }
}

Role comboRole(const QComboBox* combo)
{
    return roleFromKey(combo->currentData().toString()).value_or(Role::Teller);
}

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

// A staff action that asks for more than a click: a form whose fields each have an error line under
// them, a general error line, OK and Cancel. OK runs the service call off the GUI thread (password
// hashing is slow on purpose); a refusal is shown next to the field it names and the dialog stays
// open. Object names of the buttons: okButton, cancelButton; of the general error line: formError.
class StaffFormDialog : public QDialog {
    Q_OBJECT
public:
    explicit StaffFormDialog(QWidget* parent);
    ~StaffFormDialog() override;

    bool isBusy() const { return m_busy; }

public slots:
    void accept() override;
    void reject() override;

signals:
    // The service call succeeded for the staff member `staffId`; `message` says what was done.
    void succeeded(qint64 staffId, const QString& message);

protected:
    void changeEvent(QEvent* event) override;

    // Adds `label: editor` and, under it, the error line shown for a refusal of one of `fields`.
    void addField(QLabel* label, QWidget* editor, const QStringList& fields, const QString& errorName);
    // Shows `error` under its field (or in the general error line) and puts the cursor there.
    void showError(const Error& error);
    void clearErrors();
    // Runs `work` off the GUI thread. Success: emits succeeded() with successMessage() and closes.
    // A refusal of the input is shown; the request id is renewed by renewRequestId() only then, so a
    // call whose outcome is unknown (connection lost) is retried under the same id.
    void run(std::function<Result<qint64>()> work);

    virtual void submit() = 0;
    virtual QString successMessage() const = 0;
    virtual void renewRequestId() {}
    virtual void retranslateUi() = 0;

    QPushButton* okButton() const { return m_buttons->button(QDialogButtonBox::Ok); }
    QPushButton* cancelButton() const { return m_buttons->button(QDialogButtonBox::Cancel); }

    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;

private:
    struct FieldSlot {
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };

    void setBusy(bool busy);
    void finish(Result<qint64> outcome);

    QList<FieldSlot> m_fields;
    QHash<QString, qsizetype> m_fieldByName;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_busy = false;
    QPointer<QThread> m_worker;
};

StaffFormDialog::StaffFormDialog(QWidget* parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_form(new QFormLayout)
    , m_error(createErrorLabel(u"formError"_s, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_intro->setObjectName(u"introLabel"_s);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_error->hide();

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    okButton()->setObjectName(u"okButton"_s);
    okButton()->setDefault(true);
    cancelButton()->setObjectName(u"cancelButton"_s);
    cancelButton()->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &StaffFormDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StaffFormDialog::reject);

    setMinimumWidth(460);
    setAttribute(Qt::WA_DeleteOnClose);
}

StaffFormDialog::~StaffFormDialog()
{
    // The worker only touches its own copies; let it finish before the dialog goes away.
    if (m_worker)
        m_worker->wait();
}

void StaffFormDialog::addField(QLabel* label, QWidget* editor, const QStringList& fields, const QString& errorName)
{
    label->setBuddy(editor);
    auto* error = createErrorLabel(errorName, this);
    m_form->addRow(label, editor);
    m_form->addRow(static_cast<QWidget*>(nullptr), error);
    m_form->setRowVisible(error, false);
    const qsizetype index = m_fields.size();
    m_fields.append({editor, error});
    for (const QString& field : fields)
        m_fieldByName.insert(field, index);
}

void StaffFormDialog::clearErrors()
{
    for (const FieldSlot& slot : std::as_const(m_fields)) {
        slot.error->clear();
        m_form->setRowVisible(slot.error, false);
    }
    m_error->clear();
    m_error->hide();
}

void StaffFormDialog::showError(const Error& error)
{
    clearErrors();
    const auto found = m_fieldByName.constFind(error.field);
    if (found == m_fieldByName.cend()) {
        m_error->setText(error.message);
        m_error->show();
        return;
    }
    const FieldSlot& slot = m_fields.at(*found);
    slot.error->setText(error.message);
    m_form->setRowVisible(slot.error, true);
    slot.editor->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(slot.editor))
        edit->selectAll();
}

void StaffFormDialog::accept()
{
    if (m_busy)
        return;
    clearErrors();
    submit();
}

void StaffFormDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

void StaffFormDialog::run(std::function<Result<qint64>()> work)
{
    setBusy(true);
    auto outcome = std::make_shared<std::optional<Result<qint64>>>();
    QThread* worker = QThread::create([work = std::move(work), outcome] { *outcome = work(); });
    worker->setObjectName(u"staffWorker"_s);
    // `finished` comes from the worker thread and is queued to this (GUI) thread.
    connect(worker, &QThread::finished, this, [this, outcome] {
        if (outcome->has_value())
            finish(std::move(**outcome));
        else
            finish(fail(Error::internal(u"staff.no_result"_s, tr("The request did not complete."))));
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    worker->start();
}

void StaffFormDialog::finish(Result<qint64> outcome)
{
    setBusy(false);
    if (!outcome) {
        const ErrorKind kind = outcome.error().kind;
        if (kind == ErrorKind::Invalid || kind == ErrorKind::Refused || kind == ErrorKind::NotFound)
            renewRequestId();
        showError(outcome.error());
        return;
    }
    emit succeeded(*outcome, successMessage());
    QDialog::accept();
}

void StaffFormDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (const FieldSlot& slot : std::as_const(m_fields))
        slot.editor->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void StaffFormDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

// Add (Ctrl+N) -------------------------------------------------------------------------------------

class AddStaffDialog : public StaffFormDialog {
    Q_OBJECT
public:
    AddStaffDialog(Database db, Session session, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void renewRequestId() override { m_requestId = newRequestId(); }
    void retranslateUi() override;

private:
    Database m_db;
    Session m_session;
    QString m_requestId = newRequestId();
    QLabel* m_loginLabel = new QLabel(this);
    QLabel* m_nameLabel = new QLabel(this);
    QLabel* m_roleLabel = new QLabel(this);
    QLabel* m_branchLabel = new QLabel(this);
    QLabel* m_passwordLabel = new QLabel(this);
    QLabel* m_confirmLabel = new QLabel(this);
    QLineEdit* m_login = new QLineEdit(this);
    QLineEdit* m_name = new QLineEdit(this);
    QComboBox* m_role = new QComboBox(this);
    QLabel* m_branch = new QLabel(this);
    QLineEdit* m_password = createPasswordEdit(u"newStaffPasswordEdit"_s, this);
    QLineEdit* m_confirm = createPasswordEdit(u"newStaffConfirmEdit"_s, this);
};

AddStaffDialog::AddStaffDialog(Database db, Session session, QWidget* parent)
    : StaffFormDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
{
    setObjectName(u"addStaffDialog"_s);
    m_login->setObjectName(u"newStaffLoginEdit"_s);
    m_login->setMaxLength(64);
    m_login->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText | Qt::ImhPreferLatin);
    m_name->setObjectName(u"newStaffNameEdit"_s);
    m_name->setMaxLength(128);
    m_role->setObjectName(u"newStaffRoleCombo"_s);
    fillRoleCombo(m_role);
    m_branch->setObjectName(u"newStaffBranchLabel"_s);
    m_branch->setTextFormat(Qt::PlainText);
    m_branch->setText(m_session.branchCode + u' ' + m_session.branchName);

    addField(m_loginLabel, m_login, {u"login"_s}, u"newStaffLoginError"_s);
    addField(m_nameLabel, m_name, {u"fullName"_s, u"full_name"_s, u"name"_s}, u"newStaffNameError"_s);
    addField(m_roleLabel, m_role, {u"role"_s}, u"newStaffRoleError"_s);
    addField(m_branchLabel, m_branch, {u"branch"_s, u"branchCode"_s, u"branch_code"_s}, u"newStaffBranchError"_s);
    addField(m_passwordLabel, m_password,
             {u"password"_s, u"initialPassword"_s, u"initial_password"_s, u"newPassword"_s, u"new_password"_s},
             u"newStaffPasswordError"_s);
    addField(m_confirmLabel, m_confirm, {u"confirm"_s}, u"newStaffConfirmError"_s);

    setTabOrder(m_login, m_name);
    setTabOrder(m_name, m_role);
    setTabOrder(m_role, m_password);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, okButton());
    setTabOrder(okButton(), cancelButton());

    retranslateUi();
    m_login->setFocus();
}

void AddStaffDialog::submit()
{
    if (m_password->text() != m_confirm->text()) {
        showError(Error::invalid(u"password.mismatch"_s, u"confirm"_s, tr("The two passwords are not the same.")));
        return;
    }
    NewStaffRequest request;
    request.login = m_login->text().trimmed();
    request.fullName = m_name->text().trimmed();
    request.role = comboRole(m_role);
    request.branchCode = m_session.branchCode;
    request.initialPassword = m_password->text();
    request.requestId = m_requestId;
    run([db = m_db, session = m_session, request]() -> Result<qint64> {
        return StaffService(db).add(session, request);
    });
}

QString AddStaffDialog::successMessage() const
{
    return tr("%1 was added. They must change the password at the first sign-on.").arg(m_login->text().trimmed());
}

void AddStaffDialog::retranslateUi()
{
    setWindowTitle(tr("Add staff member"));
    m_intro->setText(tr("The new staff member signs on with this initial password once and must then choose "
                        "their own."));
    m_loginLabel->setText(tr("&Login:"));
    m_nameLabel->setText(tr("&Name:"));
    m_roleLabel->setText(tr("&Role:"));
    m_branchLabel->setText(tr("Branch:"));
    m_passwordLabel->setText(tr("Initial &password:"));
    m_confirmLabel->setText(tr("&Repeat password:"));
    retranslateRoleCombo(m_role);
    okButton()->setText(tr("Add"));
    cancelButton()->setText(tr("Cancel"));
}

// Disable (Ctrl+D) ---------------------------------------------------------------------------------

class DisableStaffDialog : public StaffFormDialog {
    Q_OBJECT
public:
    DisableStaffDialog(Database db, Session session, StaffSummary staff, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void retranslateUi() override;

private:
    Database m_db;
    Session m_session;
    StaffSummary m_staff;
    QLabel* m_reasonLabel = new QLabel(this);
    QLineEdit* m_reason = new QLineEdit(this);
};

DisableStaffDialog::DisableStaffDialog(Database db, Session session, StaffSummary staff, QWidget* parent)
    : StaffFormDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_staff(std::move(staff))
{
    setObjectName(u"disableStaffDialog"_s);
    m_reason->setObjectName(u"disableReasonEdit"_s);
    m_reason->setMaxLength(200);
    addField(m_reasonLabel, m_reason, {u"reason"_s}, u"disableReasonError"_s);
    okButton()->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString& text) { okButton()->setEnabled(!text.trimmed().isEmpty()); });
    retranslateUi();
    m_reason->setFocus();
}

void DisableStaffDialog::submit()
{
    if (m_reason->text().trimmed().isEmpty())
        return;
    run([db = m_db, session = m_session, id = m_staff.id, reason = m_reason->text().trimmed()]() -> Result<qint64> {
        const Status done = StaffService(db).disable(session, id, reason);
        if (!done)
            return fail(done.error());
        return id;
    });
}

QString DisableStaffDialog::successMessage() const
{
    return tr("%1 was disabled.").arg(m_staff.login);
}

void DisableStaffDialog::retranslateUi()
{
    setWindowTitle(tr("Disable staff member"));
    m_intro->setText(tr("%1 (%2) can no longer sign on until an administrator enables the account again.")
                         .arg(m_staff.fullName, m_staff.login));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Recorded in the audit trail"));
    okButton()->setText(tr("Disable"));
    cancelButton()->setText(tr("Cancel"));
}

// Reset password (Ctrl+R) --------------------------------------------------------------------------

class ResetPasswordDialog : public StaffFormDialog {
    Q_OBJECT
public:
    ResetPasswordDialog(Database db, Session session, StaffSummary staff, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void retranslateUi() override;

private:
    Database m_db;
    Session m_session;
    StaffSummary m_staff;
    QLabel* m_passwordLabel = new QLabel(this);
    QLabel* m_confirmLabel = new QLabel(this);
    QLineEdit* m_password = createPasswordEdit(u"resetPasswordEdit"_s, this);
    QLineEdit* m_confirm = createPasswordEdit(u"resetConfirmEdit"_s, this);
};

ResetPasswordDialog::ResetPasswordDialog(Database db, Session session, StaffSummary staff, QWidget* parent)
    : StaffFormDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_staff(std::move(staff))
{
    setObjectName(u"resetPasswordDialog"_s);
    addField(m_passwordLabel, m_password,
             {u"password"_s, u"temporaryPassword"_s, u"temporary_password"_s, u"newPassword"_s, u"new_password"_s},
             u"resetPasswordError"_s);
    addField(m_confirmLabel, m_confirm, {u"confirm"_s}, u"resetConfirmError"_s);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, okButton());
    setTabOrder(okButton(), cancelButton());
    retranslateUi();
    m_password->setFocus();
}

void ResetPasswordDialog::submit()
{
    if (m_password->text() != m_confirm->text()) {
        showError(Error::invalid(u"password.mismatch"_s, u"confirm"_s, tr("The two passwords are not the same.")));
        return;
    }
    run([db = m_db, session = m_session, id = m_staff.id, password = m_password->text()]() -> Result<qint64> {
        const Status done = StaffService(db).resetPassword(session, id, password);
        if (!done)
            return fail(done.error());
        return id;
    });
}

QString ResetPasswordDialog::successMessage() const
{
    return tr("The password of %1 was reset. They must change it at the next sign-on.").arg(m_staff.login);
}

void ResetPasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Reset password"));
    m_intro->setText(tr("Give %1 (%2) a temporary password. They must change it at the next sign-on.")
                         .arg(m_staff.fullName, m_staff.login));
    m_passwordLabel->setText(tr("Temporary &password:"));
    m_confirmLabel->setText(tr("&Repeat password:"));
    okButton()->setText(tr("Reset password"));
    cancelButton()->setText(tr("Cancel"));
}

// Change role (Ctrl+Shift+R) -----------------------------------------------------------------------

class ChangeRoleDialog : public StaffFormDialog {
    Q_OBJECT
public:
    ChangeRoleDialog(Database db, Session session, StaffSummary staff, QWidget* parent);

protected:
    void submit() override;
    QString successMessage() const override;
    void retranslateUi() override;

private:
    Database m_db;
    Session m_session;
    StaffSummary m_staff;
    QLabel* m_roleLabel = new QLabel(this);
    QComboBox* m_role = new QComboBox(this);
};

ChangeRoleDialog::ChangeRoleDialog(Database db, Session session, StaffSummary staff, QWidget* parent)
    : StaffFormDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_staff(std::move(staff))
{
    setObjectName(u"changeRoleDialog"_s);
    m_role->setObjectName(u"roleCombo"_s);
    fillRoleCombo(m_role);
    m_role->setCurrentIndex(m_role->findData(roleKey(m_staff.role)));
    addField(m_roleLabel, m_role, {u"role"_s}, u"roleError"_s);
    okButton()->setEnabled(false);
    connect(m_role, &QComboBox::currentIndexChanged, this,
            [this] { okButton()->setEnabled(comboRole(m_role) != m_staff.role); });
    retranslateUi();
    m_role->setFocus();
}

void ChangeRoleDialog::submit()
{
    if (comboRole(m_role) == m_staff.role)
        return;
    run([db = m_db, session = m_session, id = m_staff.id, role = comboRole(m_role)]() -> Result<qint64> {
        const Status done = StaffService(db).changeRole(session, id, role);
        if (!done)
            return fail(done.error());
        return id;
    });
}

QString ChangeRoleDialog::successMessage() const
{
    return tr("The role of %1 is now %2.").arg(m_staff.login, roleDisplayName(comboRole(m_role)));
}

void ChangeRoleDialog::retranslateUi()
{
    setWindowTitle(tr("Change role"));
    m_intro->setText(tr("Current role of %1 (%2): %3. A new role applies from their next sign-on.")
                         .arg(m_staff.fullName, m_staff.login, roleDisplayName(m_staff.role)));
    m_roleLabel->setText(tr("New &role:"));
    retranslateRoleCombo(m_role);
    okButton()->setText(tr("Change role"));
    cancelButton()->setText(tr("Cancel"));
}

// The page -----------------------------------------------------------------------------------------

StaffPage::StaffPage(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_model(new StaffModel(m_db, m_session, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filterLabel(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
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
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StaffModel::NameColumn, QHeaderView::Stretch);
    m_view->sortByColumn(StaffModel::LoginColumn, Qt::AscendingOrder);

    m_message->setObjectName(u"staffMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_addAction = createAction(u"addStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_N), &StaffPage::addStaff);
    m_disableAction = createAction(u"disableStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_D), &StaffPage::disableStaff);
    m_enableAction = createAction(u"enableStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_E), &StaffPage::enableStaff);
    m_unlockAction = createAction(u"unlockStaffAction"_s, QKeySequence(Qt::CTRL | Qt::Key_U), &StaffPage::unlockStaff);
    m_resetPasswordAction =
        createAction(u"resetPasswordAction"_s, QKeySequence(Qt::CTRL | Qt::Key_R), &StaffPage::resetPassword);
    m_changeRoleAction = createAction(u"changeRoleAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                      &StaffPage::changeRole);
    m_reloadAction = createAction(u"reloadStaffAction"_s, QKeySequence(Qt::Key_F5), &StaffPage::reload);
    m_findAction = new QAction(this);
    m_findAction->setObjectName(u"findStaffAction"_s);
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_findAction);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_filter, 1);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(createButton(u"addStaffButton"_s, m_addAction));
    buttons->addSpacing(12);
    buttons->addWidget(createButton(u"disableStaffButton"_s, m_disableAction));
    buttons->addWidget(createButton(u"enableStaffButton"_s, m_enableAction));
    buttons->addWidget(createButton(u"unlockStaffButton"_s, m_unlockAction));
    buttons->addWidget(createButton(u"resetPasswordButton"_s, m_resetPasswordAction));
    buttons->addWidget(createButton(u"changeRoleButton"_s, m_changeRoleAction));
    buttons->addStretch(1);
    buttons->addWidget(createButton(u"reloadStaffButton"_s, m_reloadAction));

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
    auto* action = new QAction(this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    // Wherever the focus is in the window, as long as the page is shown (not on the other tab, another
    // workspace or behind the lock screen).
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

QPushButton* StaffPage::createButton(const QString& name, QAction* action)
{
    auto* button = new QPushButton(this);
    button->setObjectName(name);
    button->setAutoDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    const auto sync = [button, action] {
        button->setText(action->text());
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
    };
    sync();
    connect(action, &QAction::changed, button, sync);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
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
    m_message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, errorColor());
    m_message->setPalette(palette);
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

void StaffPage::addStaff()
{
    openDialog(new AddStaffDialog(m_db, m_session, this));
}

void StaffPage::disableStaff()
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    if (row < 0 || !m_disableAction->isEnabled())
        return;
    openDialog(new DisableStaffDialog(m_db, m_session, m_model->staffAt(row), this));
}

void StaffPage::resetPassword()
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    if (row < 0 || !m_resetPasswordAction->isEnabled())
        return;
    openDialog(new ResetPasswordDialog(m_db, m_session, m_model->staffAt(row), this));
}

void StaffPage::changeRole()
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    if (row < 0 || !m_changeRoleAction->isEnabled())
        return;
    openDialog(new ChangeRoleDialog(m_db, m_session, m_model->staffAt(row), this));
}

void StaffPage::enableStaff()
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    if (row < 0 || !m_enableAction->isEnabled())
        return;
    const StaffSummary staff = m_model->staffAt(row);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const Status done = StaffService(m_db).enable(m_session, staff.id);
    QApplication::restoreOverrideCursor();
    showMessage({}, false);
    reloadAndSelect(staff.id);
    if (!done)
        showMessage(done.error().message, true);
    else if (!m_messageIsError)
        showMessage(tr("%1 was enabled.").arg(staff.login), false);
}

void StaffPage::unlockStaff()
{
    const int row = m_model->rowOfStaff(selectedStaffId());
    if (row < 0 || !m_unlockAction->isEnabled())
        return;
    const StaffSummary staff = m_model->staffAt(row);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const Status done = StaffService(m_db).unlock(m_session, staff.id);
    QApplication::restoreOverrideCursor();
    showMessage({}, false);
    reloadAndSelect(staff.id);
    if (!done)
        showMessage(done.error().message, true);
    else if (!m_messageIsError)
        showMessage(tr("%1 was unlocked.").arg(staff.login), false);
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

    const auto setUp = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        action->setToolTip(tip + u" ("_s + action->shortcut().toString(QKeySequence::NativeText) + u')');
        action->setStatusTip(tip);
    };
    setUp(m_addAction, tr("Add…"), tr("Add a staff member with an initial password"));
    setUp(m_disableAction, tr("Disable…"), tr("Stop the selected staff member from signing on"));
    setUp(m_enableAction, tr("Enable"), tr("Let the selected staff member sign on again"));
    setUp(m_unlockAction, tr("Unlock"), tr("Clear the failed sign-ons of the selected staff member"));
    setUp(m_resetPasswordAction, tr("Reset password…"), tr("Give the selected staff member a temporary password"));
    setUp(m_changeRoleAction, tr("Change role…"), tr("Give the selected staff member another role"));
    setUp(m_reloadAction, tr("Reload"), tr("Fetch the staff list again"));
    setUp(m_findAction, tr("Find"), tr("Filter the staff list"));
    m_model->retranslate();
}

} // namespace cs::ui

#include "staffpage.moc"
