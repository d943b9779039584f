#include "admin/staffformdialog.h"

#include "admin/requestid.h"
#include "services/staffservice.h"
#include "widgets/formwidgets.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

StaffFormDialog::StaffFormDialog(Database db, Session session, QWidget* parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_form(createFormLayout())
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_error(createErrorLabel(u"formError"_s, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_intro->setObjectName(u"introLabel"_s);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_error->hide();

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

bool StaffFormDialog::passwordsMatch(const QLineEdit* password, const QLineEdit* confirm, const QString& mismatch)
{
    if (password->text() == confirm->text())
        return true;
    showError(Error::invalid(u"password.mismatch"_s, u"confirm"_s, mismatch));
    return false;
}

void StaffFormDialog::accept()
{
    if (isBusy())
        return;
    clearErrors();
    submit();
}

void StaffFormDialog::reject()
{
    if (isBusy())
        return;
    QDialog::reject();
}

void StaffFormDialog::run(std::function<Result<qint64>(const StaffService&, const Session&)> work)
{
    QList<QWidget*> inputs;
    for (const FieldSlot& slot : std::as_const(m_fields))
        inputs.append(slot.editor);
    inputs.append(m_buttons);
    m_call.setBusyWidgets(inputs);
    m_call.start(
        u"staffWorker"_s,
        [db = m_db, session = m_session, work = std::move(work)] { return work(StaffService(db), session); },
        Error::internal(u"staff.no_result"_s, tr("The request did not complete.")),
        [this](Result<qint64> outcome) { finish(std::move(outcome)); });
}

void StaffFormDialog::runChange(qint64 staffId,
                                std::function<Status(const StaffService&, const Session&, qint64)> change)
{
    run([staffId, change = std::move(change)](const StaffService& service, const Session& session) -> Result<qint64> {
        const Status done = change(service, session, staffId);
        if (!done)
            return fail(done.error());
        return staffId;
    });
}

void StaffFormDialog::finish(Result<qint64> outcome)
{
    if (!outcome) {
        if (needsNewRequestId(outcome.error()))
            renewRequestId();
        showError(outcome.error());
        return;
    }
    emit succeeded(*outcome, successMessage());
    QDialog::accept();
}

void StaffFormDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace cs::ui
