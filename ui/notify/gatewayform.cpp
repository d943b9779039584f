#include "notify/gatewayform.h"

#include "admin/requestid.h"
#include "notify/terminalgatewaysecret.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"

#include <QAction>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

GatewayForm::GatewayForm(Database db, Session session, PermittedActions permitted, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_mayManage(permitted.allows(u"notice.manage"_s))
    , m_secret(std::make_unique<TerminalGatewaySecret>(m_db))
    , m_requestId(newRequestId())
    , m_form(createFormLayout())
    , m_urlLabel(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_accountLabel(new QLabel(this))
    , m_account(createLoginEdit(u"gatewayAccountEdit"_s, this))
    , m_signatureLabel(new QLabel(this))
    , m_signature(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(createPasswordEdit(u"gatewayPasswordEdit"_s, this))
    , m_passwordState(createValueLabel(u"gatewayPasswordState"_s, this))
    , m_updated(createValueLabel(u"gatewayUpdatedLabel"_s, this))
    , m_message(createMessageLabel(u"gatewayMessage"_s, this))
{
    setObjectName(u"gatewayForm"_s);
    m_url->setObjectName(u"gatewayUrlEdit"_s);
    m_url->setMaxLength(500);
    m_url->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoPredictiveText);
    m_signature->setObjectName(u"gatewaySignatureEdit"_s);
    m_signature->setMaxLength(20);
    m_updated->setForegroundRole(QPalette::PlaceholderText);

    m_urlError = addField(m_urlLabel, m_url, u"gatewayUrlError"_s);
    m_accountError = addField(m_accountLabel, m_account, u"gatewayAccountError"_s);
    m_signatureError = addField(m_signatureLabel, m_signature, u"gatewaySignatureError"_s);
    // The password and, beside it, whether this terminal holds one: the password itself never shows.
    auto* passwordRow = new QWidget(this);
    auto* passwordLayout = new QHBoxLayout(passwordRow);
    passwordLayout->setContentsMargins(0, 0, 0, 0);
    passwordLayout->addWidget(m_password, 1);
    passwordLayout->addWidget(m_passwordState);
    m_passwordLabel->setBuddy(m_password);
    m_form->addRow(m_passwordLabel, passwordRow);
    m_passwordError = createErrorLabel(u"gatewayPasswordError"_s, this);
    m_form->addRow(static_cast<QWidget*>(nullptr), m_passwordError);
    m_form->setRowVisible(m_passwordError, false);

    m_saveAction = createPageAction(this, u"saveGatewayAction"_s, QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &GatewayForm::save);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(createActionButton(m_saveAction, u"saveGatewayButton"_s, this));
    buttons->addWidget(m_updated, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    for (QLineEdit* edit : {m_url, m_account, m_signature, m_password}) {
        edit->setReadOnly(!m_mayManage);
        connect(edit, &QLineEdit::returnPressed, this, &GatewayForm::save);
    }
    m_password->setEnabled(m_mayManage && m_secret->store());
    m_saveAction->setEnabled(m_mayManage);
    setTabChain({m_url, m_account, m_signature, m_password});

    retranslateUi();
    reload();
}

GatewayForm::~GatewayForm() = default;

QLabel* GatewayForm::addField(QLabel* label, QLineEdit* edit, const QString& errorName)
{
    label->setBuddy(edit);
    QLabel* error = createErrorLabel(errorName, this);
    m_form->addRow(label, edit);
    m_form->addRow(static_cast<QWidget*>(nullptr), error);
    m_form->setRowVisible(error, false);
    return error;
}

QString GatewayForm::messageText() const
{
    return m_message->text();
}

void GatewayForm::reload()
{
    clearErrors();
    auto read = NoticeService(m_db).gateway(m_session);
    if (!read) {
        m_loaded = {};
        setMessage(m_message, read.error().message, true);
    } else {
        m_loaded = *read;
    }
    m_url->setText(m_loaded.url);
    m_account->setText(m_loaded.account);
    m_signature->setText(m_loaded.signature);
    m_password->clear();
    m_passwordStored = m_secret->isStored();
    showPasswordState();
}

void GatewayForm::showPasswordState()
{
    if (!m_secret->store())
        m_passwordState->setText(tr("This terminal has no place to keep it"));
    else
        m_passwordState->setText(m_passwordStored ? tr("Stored on this terminal") : tr("Not stored on this terminal"));
    m_password->setPlaceholderText(m_passwordStored ? tr("unchanged; type to replace it") : tr("the gateway's password"));
    m_updated->setText(m_loaded.updatedAt.isValid()
                           ? tr("Last changed by %1 at %2.")
                                 .arg(m_loaded.updatedBy,
                                      m_loaded.updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
                           : tr("No gateway is set up: no notice is sent."));
}

void GatewayForm::clearErrors()
{
    for (QLabel* error : {m_urlError, m_accountError, m_signatureError, m_passwordError}) {
        error->clear();
        m_form->setRowVisible(error, false);
    }
}

void GatewayForm::showError(const Error& error)
{
    clearErrors();
    QLabel* line = nullptr;
    QLineEdit* edit = nullptr;
    if (error.field == u"url" || error.code == u"notice.gateway_url") {
        line = m_urlError;
        edit = m_url;
    } else if (error.field == u"account" || error.code == u"notice.gateway_account") {
        line = m_accountError;
        edit = m_account;
    } else if (error.field == u"signature" || error.code == u"notice.gateway_signature") {
        line = m_signatureError;
        edit = m_signature;
    } else if (error.field == u"password") {
        line = m_passwordError;
        edit = m_password;
    }
    if (!line) {
        setMessage(m_message, error.message, true);
        return;
    }
    line->setText(error.message);
    m_form->setRowVisible(line, true);
    setMessage(m_message, {}, false);
    edit->setFocus(Qt::OtherFocusReason);
    edit->selectAll();
}

void GatewayForm::save()
{
    if (!m_mayManage)
        return;
    clearErrors();
    GatewaySettings settings;
    settings.url = m_url->text().trimmed();
    settings.account = m_account->text().trimmed();
    settings.signature = m_signature->text().trimmed();
    const bool settingsChanged = settings.url != m_loaded.url || settings.account != m_loaded.account
                                 || settings.signature != m_loaded.signature;
    const bool passwordTyped = !m_password->text().isEmpty();
    if (!settingsChanged && !passwordTyped) {
        setMessage(m_message, tr("Nothing to save."), false);
        return;
    }

    QStringList done;
    if (settingsChanged) {
        const Status set = NoticeService(m_db).setGateway(m_session, settings, m_requestId);
        if (!set) {
            if (needsNewRequestId(set.error()))
                m_requestId = newRequestId();
            // The password waits for settings the service accepts.
            showError(set.error());
            return;
        }
        m_requestId = newRequestId();
        done << tr("Gateway settings saved.");
    }
    if (passwordTyped) {
        const Status written = m_secret->write(m_password->text());
        m_password->clear();
        if (!written) {
            reload();
            showError(Error::invalid(written.error().code, u"password"_s, written.error().message));
            if (!done.isEmpty())
                setMessage(m_message, done.join(u' '), false);
            return;
        }
        done << tr("The password is stored on this terminal.");
    }
    reload();
    setMessage(m_message, done.join(u' '), false);
    emit saved();
}

void GatewayForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void GatewayForm::retranslateUi()
{
    m_urlLabel->setText(tr("Gateway &URL:"));
    m_url->setPlaceholderText(tr("https://sms.example.com/send"));
    m_accountLabel->setText(tr("A&ccount:"));
    m_signatureLabel->setText(tr("Si&gnature:"));
    m_signature->setPlaceholderText(tr("put into every message, e.g. the bank's name"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_saveAction->setText(tr("Save gateway"));
    m_saveAction->setToolTip(tr("Save the gateway settings, and the password on this terminal (%1)")
                                 .arg(m_saveAction->shortcut().toString(QKeySequence::NativeText)));
    showPasswordState();
}

} // namespace cs::ui
